# Wine settings and helpers shared by scripts/build-windows.sh and tests/test_windows.py
# (sourced, not run). What each line guards against is in docs of the traps: README, "Windows".

export WINEARCH=win64
export WINEDEBUG=-all
# No Mono/Gecko install prompts; never start winedbg on a crash (it can spin for ten minutes);
# no winemenubuilder, which would copy the installer's shortcuts into the Linux menus.
export WINEDLLOVERRIDES="mscoree,mshtml=;winedbg.exe,winemenubuilder.exe=d"
WINE_TIMEOUT="${WINE_TIMEOUT:-900}"
WINDOWS_HELPERS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# wine_run PROGRAM ARGS…: run a Windows program under `timeout`, output through a pipe.
# A Windows Python whose stdout is a Linux file dies in init_sys_streams ("[WinError 6] Invalid
# handle"); a pipe works, and the exit code comes through PIPESTATUS.
wine_run() {
  timeout --kill-after=10 "$WINE_TIMEOUT" wine "$@" 2>&1 | cat
  return "${PIPESTATUS[0]}"
}

# make_wine_prefix DIR: a fresh 64-bit prefix that says it is Windows 10, with the crash debugger
# off and the stand-in system DLLs (see build_stand_in_dlls).
make_wine_prefix() {
  local prefix="$1"
  mkdir -p "$prefix"
  WINEPREFIX="$prefix" timeout 300 wineboot -i 2>&1 | cat
  WINEPREFIX="$prefix" timeout 300 wineserver -w
  # Wine links Desktop, Documents … to the Linux home: make them the prefix's own folders, so the
  # installer's desktop shortcut lands (and is checked) inside the prefix, not in ~.
  local user_dir link
  for user_dir in "$prefix"/drive_c/users/*/; do
    for link in "$user_dir"*; do
      [ -L "$link" ] && rm "$link" && mkdir "$link"
    done
  done
  WINEPREFIX="$prefix" wine_run reg add 'HKCU\Software\Wine' /v Version /d win10 /f
  WINEPREFIX="$prefix" wine_run reg add \
    'HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug' /v Debugger /d '' /f
  WINEPREFIX="$prefix" wine_run reg add \
    'HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug' /v Auto /d 0 /f
  build_stand_in_dlls "$prefix/drive_c/windows/system32"
  WINEPREFIX="$prefix" timeout 300 wineserver -w
}

# Two Windows 10 system DLLs that Wine 8 does not have: icuuc.dll (Qt6Core.dll imports ucnv_*
# from it) and bcryptprimitives.dll (ProcessPrng, used by cryptography's Rust extension). Built
# from scripts/windows/*.c into the TEST PREFIX ONLY: the installer never ships them, a real
# Windows 10 has the genuine ones.
build_stand_in_dlls() {
  local system32="$1" name
  for name in icuuc bcryptprimitives; do
    x86_64-w64-mingw32-gcc -shared -O2 -s -o "$system32/$name.dll" \
      "$WINDOWS_HELPERS/$name.c" "$WINDOWS_HELPERS/$name.def" -ladvapi32
  done
}

# check_icu_stand_in Qt6Core.dll: fails if Qt imports an ICU function the stand-in lacks (a newer
# Qt would then not even load under Wine, with an obscure error).
check_icu_stand_in() {
  local wanted missing
  wanted="$(x86_64-w64-mingw32-objdump -p "$1" | awk '
    /DLL Name:/ { in_icu = ($3 == "icuuc.dll") } in_icu && $1 ~ /^[0-9a-f]+$/ && NF == 3 { print $3 }')"
  missing="$(comm -23 <(sort -u <<<"$wanted") \
    <(grep -E '^\s+[A-Za-z_]' "$WINDOWS_HELPERS/icuuc.def" | awk '{print $1}' | sort -u))"
  if [ -n "$missing" ]; then
    echo "scripts/windows/icuuc.def lacks ICU functions that $1 imports: $missing" >&2
    return 1
  fi
}
