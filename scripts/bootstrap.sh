#!/usr/bin/env bash
# Set up everything Fangyi Ledger needs on a fresh Debian/Ubuntu machine (or reuse what is there):
#   - the system libraries Qt needs (and CJK fonts, and Xvfb for screenshots), installed with
#     apt-get only when missing and only when we may (root or passwordless sudo);
#   - a virtual environment in .venv with the project installed (editable) plus EXTRAS.
# Usage: scripts/bootstrap.sh [extras]   e.g. scripts/bootstrap.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"

SYSTEM_PACKAGES=(
  libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3   # Qt offscreen
  fonts-noto-cjk                                                           # Chinese text
  xvfb xauth libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1
  libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1  # a real window
)

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0  # not Debian: the README lists what to install
  local missing=()
  for pkg in "${SYSTEM_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      echo "请先安装系统组件 / please install: ${missing[*]}" >&2; return 0
    fi
  fi
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The test extras also build the packaged app, compile the Windows installer script, run the
# time-sensitive tests on a faked clock (libfaketime) and read the printed notices' PDFs
# (poppler-utils: pdftotext, pdfinfo).
EXTRA=()
case ",${extras}," in
  *,test,*) EXTRA+=(nsis faketime poppler-utils) ;;
esac
# The server tests (issue 23) start a throwaway PostgreSQL cluster: Debian's package when no
# PostgreSQL is installed (its programs live in /usr/lib/postgresql/VERSION/bin).
case ",${extras}," in
  *,test,*)
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null 2>&1 \
      || EXTRA+=(postgresql) ;;
esac

install_system_packages ${EXTRA_SYSTEM_PACKAGES:-} ${EXTRA[@]+"${EXTRA[@]}"}

# Install once; afterwards start with no pip call (and so with no network) until pyproject.toml or
# constraints.txt change. The stamp holds their hash and the extras installed with them.
STAMP=.venv/.installed
wanted_hash="$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)"

installed_already() {
  [ -x .venv/bin/python ] && [ -f "$STAMP" ] || return 1
  local stamped_hash stamped_extras extra
  read -r stamped_hash stamped_extras <"$STAMP" || true
  [ "$stamped_hash" = "$wanted_hash" ] || return 1
  for extra in ${extras//,/ }; do
    case ",${stamped_extras:-}," in *,"$extra",*) ;; *) return 1 ;; esac
  done
}

if ! installed_already; then
  PYTHON="${PYTHON:-python3}"
  if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
  fi
  rm -f "$STAMP"
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  # The pinned versions (constraints.txt) of everything, whatever the index offers today.
  .venv/bin/python -m pip install -q -c constraints.txt -e ".${extras:+[${extras}]}"
  echo "$wanted_hash $extras" >"$STAMP"
fi
