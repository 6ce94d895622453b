# cmake --install into a temporary prefix, then build tests/install_consumer
# (find_package(pilotstat), pilotstat::pilotstat) against it and check that
# the library gives what the CLI gives; also the installed man pages,
# completions and pkg-config file.
source "$(dirname "$0")/lib.bash"
B=$(cd "$(dirname "$PS")" && pwd)
cache() { sed -n "s/^$1:[A-Z]*=//p" "$B/CMakeCache.txt"; }
P=$T/prefix
run cmake --install "$B" --prefix "$P"
expect_status "cmake --install" 0
libdir=$(cache CMAKE_INSTALL_LIBDIR)
for f in bin/pilotstat include/pilotstat/pilotstat.hpp include/pilotstat/version.hpp \
         include/pilotstat/inference/permutation_test.hpp "$libdir/cmake/pilotstat/pilotstatConfig.cmake" \
         "$libdir/cmake/pilotstat/pilotstatConfigVersion.cmake" "$libdir/pkgconfig/pilotstat.pc" \
         share/man/man1/pilotstat.1 share/man/man1/pilotstat-compare.1 share/man/man1/pilotstat-help.1 \
         share/bash-completion/completions/pilotstat share/zsh/site-functions/_pilotstat \
         share/fish/vendor_completions.d/pilotstat.fish; do
  [ -e "$P/$f" ] && ok || bad "installed $f"
done
ls "$P/$libdir"/libpilotstat.* >/dev/null 2>&1 && ok || bad "installed $libdir/libpilotstat.*"
run "$P/bin/pilotstat" --version
[ "$status" -eq 0 ] && head -1 "$T/out" | grep -qx "pilotstat $(cache CMAKE_PROJECT_VERSION)" && ok \
  || bad "installed pilotstat --version"

# pkg-config finds the prefix from the .pc file's place.
if command -v pkg-config >/dev/null && pkg-config --exists eigen3; then
  run env PKG_CONFIG_PATH="$P/$libdir/pkgconfig" pkg-config --cflags --libs pilotstat
  [ "$status" -eq 0 ] && grep -qF -- "-I$P/$libdir/pkgconfig/../../include" "$T/out" \
    && grep -qF -- "-lpilotstat" "$T/out" && ok || bad "pkg-config --cflags --libs pilotstat"
fi

# The consumer project, built with the same compiler (and sanitizers) as the library.
flags=()
[ "$(cache PILOTSTAT_SANITIZE)" = ON ] && flags+=("-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined")
run cmake -S tests/install_consumer -B "$T/consumer" -DCMAKE_PREFIX_PATH="$P" \
  -DCMAKE_CXX_COMPILER="$(cache CMAKE_CXX_COMPILER)" -DCMAKE_BUILD_TYPE=Release "${flags[@]}"
expect_status "configure the consumer (find_package(pilotstat))" 0
run cmake --build "$T/consumer"
expect_status "build the consumer" 0

# The library's exact test and interval are the CLI's.
run "$T/consumer/consumer" data/examples/kap_pilot.csv bdi
expect_status "run the consumer" 0
cp "$T/out" "$T/lib.csv"
run "$PS" compare data/examples/kap_pilot.csv --measures bdi --format json
python3 - "$T/lib.csv" "$T/out" >"$T/err" 2>&1 <<'PY' && ok || bad "consumer vs CLI: $(cat "$T/err")"
import csv, json, sys
lib = dict(csv.reader(open(sys.argv[1])))
cli = json.load(open(sys.argv[2]))[0]
for key in ("p_perm", "hl_shift", "hl_ci_low", "hl_ci_high"):
    assert float(lib[key]) == cli[key], (key, lib[key], cli[key])
assert lib["method_perm"] == cli["method_perm"], (lib["method_perm"], cli["method_perm"])
PY
run "$T/consumer/consumer" data/examples/nonexistent.csv bdi
[ "$status" -eq 3 ] && grep -qF "nonexistent.csv" "$T/err" && ok || bad "consumer: unreadable file is a DataError"

# docs/library.md shows the consumer's two files unchanged.
python3 - >"$T/err" 2>&1 <<'PY' && ok || bad "docs/library.md vs tests/install_consumer: $(cat "$T/err")"
import re
doc = open("docs/library.md").read()
for name, lang in (("CMakeLists.txt", "cmake"), ("main.cpp", "cpp")):
    m = re.search(r"`%s`:\n\n```%s\n(.*?)```\n" % (re.escape(name), lang), doc, re.S)
    assert m and m.group(1) == open("tests/install_consumer/" + name).read(), name + " differs"
PY

# The installed bash completion completes a command.
run bash -c 'source "$1"; COMP_WORDS=(pilotstat comp); COMP_CWORD=1; _pilotstat; echo "${COMPREPLY[@]}"' _ \
  "$P/share/bash-completion/completions/pilotstat"
[ "$status" -eq 0 ] && [ "$(cat "$T/out")" = compare ] && ok || bad "installed bash completion: pilotstat comp"
finish
