#!/bin/sh
# deps.sh: makes sure the Debian packages lup needs are installed.
# Usage: scripts/deps.sh build|test
#   build: what `make` needs to compile and run lup
#   test:  what `make check` needs in addition
# As root it installs what is missing with apt-get; otherwise it prints the exact
# apt-get line to run and exits 1.
set -eu

BUILD_PKGS="gcc make pkg-config libsqlite3-dev libicu-dev libyajl-dev libcsv-dev libmicrohttpd-dev libsodium-dev libjansson-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libzip-dev libxml2-dev libxlsxwriter-dev libical-dev libpq-dev libxxhash-dev"
TEST_PKGS="sqlite3 jq curl python3 clang libclang-rt-14-dev wrk valgrind chromium tidy python3-docx python3-openpyxl poppler-utils libreoffice-writer-nogui fonts-dejavu-core postgresql postgresql-contrib"

case "${1:-build}" in
build) want="$BUILD_PKGS" ;;
test) want="$BUILD_PKGS $TEST_PKGS" ;;
*) echo "usage: scripts/deps.sh build|test" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
if [ "${1:-build}" = test ] && ! command -v node >/dev/null 2>&1; then
	missing="$missing nodejs npm"
fi
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "lup: missing Debian packages:$missing" >&2
	echo "run as root:  apt-get update && apt-get install -y$missing" >&2
	exit 1
fi
echo "lup: installing Debian packages:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2 || { echo "lup: apt-get update failed" >&2; exit 1; }
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing >&2 || {
	echo "lup: apt-get install failed for:$missing" >&2
	exit 1
}
