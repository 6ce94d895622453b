# cpack -G DEB makes a Debian package with the binary, library, man pages and
# completions, its dependencies named. Skipped without dpkg-deb.
source "$(dirname "$0")/lib.bash"
B=$(cd "$(dirname "$PS")" && pwd)
if ! command -v dpkg-deb >/dev/null; then echo "skipped: no dpkg-deb"; finish; exit; fi
run cpack -G DEB --config "$B/CPackConfig.cmake" -B "$T/pkg"
expect_status "cpack -G DEB" 0
deb=$(ls "$T"/pkg/pilotstat_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] && ok || bad "no pilotstat_*.deb"
dpkg-deb -c "$deb" | awk '{print $6}' >"$T/files"
for f in usr/bin/pilotstat usr/share/man/man1/pilotstat.1 usr/share/man/man1/pilotstat-compare.1 \
         usr/share/bash-completion/completions/pilotstat usr/share/zsh/site-functions/_pilotstat \
         usr/share/fish/vendor_completions.d/pilotstat.fish usr/include/pilotstat/pilotstat.hpp \
         usr/lib/cmake/pilotstat/pilotstatConfig.cmake; do
  grep -qx "./$f" "$T/files" && ok || bad "package lacks /$f"
done
depends=$(dpkg-deb -f "$deb" Depends)
[[ $depends == *libc6* && $depends == *libstdc++6* ]] && ok || bad "Depends: $depends"
[[ $(dpkg-deb -f "$deb" Recommends) == *libeigen3-dev* ]] && ok || bad "Recommends names libeigen3-dev"
finish
