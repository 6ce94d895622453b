# Man pages and shell completions, generated at build time by the binary
# itself from the CLI11 definitions that make --help (so they cannot drift):
#   pilotstat --generate-man DIR, pilotstat --generate-completions DIR
set(PILOTSTAT_GEN_DIR ${PROJECT_BINARY_DIR}/generated)
add_custom_command(
  OUTPUT ${PILOTSTAT_GEN_DIR}/stamp
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${PILOTSTAT_GEN_DIR}/man1
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PILOTSTAT_GEN_DIR}/man1
  COMMAND $<TARGET_FILE:pilotstat> --generate-man ${PILOTSTAT_GEN_DIR}/man1
  COMMAND $<TARGET_FILE:pilotstat> --generate-completions ${PILOTSTAT_GEN_DIR}
  COMMAND ${CMAKE_COMMAND} -E touch ${PILOTSTAT_GEN_DIR}/stamp
  DEPENDS pilotstat
  COMMENT "Generating man pages and shell completions"
  VERBATIM)
add_custom_target(pilotstat_docs ALL DEPENDS ${PILOTSTAT_GEN_DIR}/stamp)

install(DIRECTORY ${PILOTSTAT_GEN_DIR}/man1/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PILOTSTAT_GEN_DIR}/pilotstat.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME pilotstat)
install(FILES ${PILOTSTAT_GEN_DIR}/_pilotstat DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
install(FILES ${PILOTSTAT_GEN_DIR}/pilotstat.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
