#!/bin/sh
# deps.sh - installs what Khaldun needs on Debian, when it is missing.
#
# Debian packages come from apt-get (as root, or through sudo); npm data
# packages, when the project uses them, from package-lock.json with
# `npm ci`.  Quick when everything is there: one dpkg-query call.
set -eu
cd "$(dirname "$0")/.."

PACKAGES="make gcc clang libclang-rt-14-dev pkg-config libutf8proc-dev
libsqlite3-dev libcmocka-dev wordnet-base iso-codes nodejs
libmicrohttpd-dev chromium wrk"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
        missing="$missing $p"
    fi
done

# npm is a package of its own in Debian, but comes with nodejs when that
# is NodeSource's (and Debian's npm would conflict with it).
if [ -f package-lock.json ] && ! command -v npm >/dev/null 2>&1; then
    missing="$missing npm"
fi

if [ -n "$missing" ]; then
    echo "deps: installing Debian packages:$missing"
    if [ "$(id -u)" -eq 0 ]; then
        SUDO=""
    elif command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "deps: need root or sudo to install:$missing" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# A node_modules that is a link (a worktree sharing another checkout's
# packages) is left alone: npm ci would empty the folder it points to.
if [ -f package-lock.json ] && [ -L node_modules ]; then
    [ -f node_modules/world-countries/package.json ] ||
        echo "deps: node_modules is a link to a folder without the npm packages;" \
             "run 'npm ci' where it points" >&2
elif [ -f package-lock.json ]; then
    if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
        echo "deps: installing npm packages from package-lock.json"
        npm ci --no-audit --no-fund --loglevel=error
        touch node_modules
    fi
fi
