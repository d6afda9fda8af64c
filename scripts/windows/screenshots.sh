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
export WINEPREFIX="$WORK/prefix" LC_ALL=zh_CN.UTF-8  # Chinese Windows: the installer picks 中文
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
timeout 300 wine "$SETUP" >/dev/null 2>&1 &
wait_window "防疫台账"
import -window root "$OUT/windows-installer.png"
xdotool key --clearmodifiers Return; sleep 2   # 安装
wait_window "防疫台账"; sleep 8                   # 安装完成 page
import -window root "$OUT/windows-installer-done.png"
WINEPREFIX="$WORK/prefix" wineserver -k || true
# (the finish page's "现在打开" would start the app; the prefix is reset instead)

INSTALLED="C:\\users\\$(ls "$WORK/prefix/drive_c/users" | grep -v Public | head -1)\\AppData\\Local\\Programs\\FangyiLedger"
timeout 300 wine "$INSTALLED\\fangyi-ledger-cli.exe" demo 2>&1 | cat
timeout 300 wine "$INSTALLED\\fangyi-ledger.exe" >/dev/null 2>&1 &
wait_window "防疫台账"
window="$(xdotool search --onlyvisible --name "防疫台账" | head -1)"
xdotool windowsize "$window" 1366 768 windowmove "$window" 0 0; sleep 3
import -window root "$OUT/windows-main.png"
echo "wrote $OUT/windows-installer.png $OUT/windows-installer-done.png $OUT/windows-main.png"
