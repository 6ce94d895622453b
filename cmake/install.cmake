# Install rules (cmake --install BUILD [--prefix DIR]), GNUInstallDirs layout:
#   bin/pilotstat
#   lib/libpilotstat.a (or .so with BUILD_SHARED_LIBS)
#   include/pilotstat/**.hpp                 the public headers, folders kept
#   lib/cmake/pilotstat/pilotstat{Config,ConfigVersion,Targets}.cmake
#   lib/pkgconfig/pilotstat.pc
#   share/man/man1, share/bash-completion, share/zsh, share/fish (cmake/docs.cmake)
include(CMakePackageConfigHelpers)
set(PILOTSTAT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/pilotstat)

install(TARGETS pilotstat RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS pilotstat_lib EXPORT pilotstatTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY lib/pilotstat/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/pilotstat
        FILES_MATCHING PATTERN "*.hpp")
install(EXPORT pilotstatTargets NAMESPACE pilotstat:: DESTINATION ${PILOTSTAT_CMAKE_DIR})

configure_package_config_file(cmake/pilotstatConfig.cmake.in
  ${PROJECT_BINARY_DIR}/pilotstatConfig.cmake INSTALL_DESTINATION ${PILOTSTAT_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/pilotstatConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)  # 0.x: a minor release may change the API
install(FILES ${PROJECT_BINARY_DIR}/pilotstatConfig.cmake ${PROJECT_BINARY_DIR}/pilotstatConfigVersion.cmake
        DESTINATION ${PILOTSTAT_CMAKE_DIR})

# pkg-config: the prefix is found relative to the .pc file, so the file stays
# right whatever --prefix `cmake --install` is given.
file(RELATIVE_PATH PILOTSTAT_PC_TO_PREFIX /root/${CMAKE_INSTALL_LIBDIR}/pkgconfig /root)
if(BUILD_SHARED_LIBS)
  set(PILOTSTAT_PC_PRIVATE "")
else()
  set(PILOTSTAT_PC_PRIVATE "-pthread")
endif()
configure_file(cmake/pilotstat.pc.in ${PROJECT_BINARY_DIR}/pilotstat.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/pilotstat.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
