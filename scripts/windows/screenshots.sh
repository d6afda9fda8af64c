#!/usr/bin/env bash
# Screenshots of the Windows build under Wine + Xvfb (1366×768, a Chinese Windows):
#   docs/screenshots/windows-installer.png  the installer's first page, not silent
#   docs/screenshots/windows-main.png       the installed app's main window on the demo village
# Needs scripts/build-windows.sh first; uses a throw-away copy of its Wine prefix.
# Usage: scripts/windows/screenshots.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT="${1:-docs/screenshots}"
# shellcheck source=scripts/windows/wine-env.sh
source scripts/windows/wine-env.sh
# shellcheck disable=SC1091
source build/windows/build.env
for tool in Xvfb openbox xdotool import; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install xvfb openbox xdotool imagemagick)" >&2; exit 1; }
done

WORK="$(mktemp -d)"
SERVER=""
cleanup() {
  WINEPREFIX="$WORK/prefix" wineserver -k 2>/dev/null || true
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
cp -a "$WINEPREFIX_TEMPLATE" "$WORK/prefix"
export WINEPREFIX="$WORK/prefix" LOCPATH
# A Chinese Windows (the installer then speaks Chinese): for the Windows programs only.
cn() { LC_ALL=zh_CN.UTF-8 "$@"; }
export DISPLAY=:87
Xvfb "$DISPLAY" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 & SERVER=$!
sleep 2
openbox >/dev/null 2>&1 &

# wait_window NAME: until a window whose title contains NAME is shown (at most a minute).
wait_window() {
  for _ in $(seq 60); do
    xdotool search --onlyvisible --name "$1" >/dev/null 2>&1 && { sleep 3; return 0; }
    sleep 1
  done
  echo "no window named $1 appeared" >&2; return 1
}

# The installer, interactively: its first page (the install folder), in Chinese.
cn timeout 300 wine "$SETUP" 2>&1 | cat >/dev/null &  # never a Linux file as stdout (see wine-env.sh)
wait_window "Fangyi"
import -window root "$OUT/windows-installer.png"
xdotool key --clearmodifiers Return             # 安装
sleep 30                                        # 安装完成 page
import -window root "$OUT/windows-installer-done.png"
xdotool key --clearmodifiers space; sleep 1     # untick 现在打开防疫台账: the demo comes first
xdotool key --clearmodifiers Return; sleep 3    # 完成

INSTALLED="C:\\users\\$(ls "$WORK/prefix/drive_c/users" | grep -v Public | head -1)\\AppData\\Local\\Programs\\FangyiLedger"
cn timeout 300 wine "$INSTALLED\\fangyi-ledger-cli.exe" demo 2>&1 | cat
cn timeout 300 wine "$INSTALLED\\fangyi-ledger.exe" 2>&1 | cat >/dev/null &
sleep 40
# The first start offers an administrator account and a unit profile: close those dialogs.
for _ in 1 2 3; do xdotool key --clearmodifiers Escape; sleep 2; done
window="$(xdotool search --onlyvisible --name "Fangyi|今日|台账" | head -1)"
xdotool windowmove "$window" 0 22 windowsize "$window" 1366 724; sleep 5  # title bar on screen
import -window root "$OUT/windows-main.png"
WINEPREFIX="$WORK/prefix" wineserver -k || true

# The uninstaller's second page: the unticked box that would delete the ledger too.
cn timeout 300 wine "$INSTALLED\\uninstall.exe" 2>&1 | cat >/dev/null &
wait_window "Fangyi"
xdotool key --clearmodifiers Return; sleep 5     # 下一步 → 选择组件
import -window root "$OUT/windows-uninstaller.png"
xdotool key --clearmodifiers Escape; sleep 2
echo "wrote $OUT/windows-{installer,installer-done,main,uninstaller}.png"
