; 防疫台账 Fangyi Ledger — Windows installer (NSIS 3, Modern UI 2).
;
;   makensis -DVERSION=0.1.0 -DVERSION_QUAD=0.1.0.0 -DSOURCE_DIR=C:\path\to\dist\fangyi-ledger ^
;            [-DOUTFILE=C:\path\to\dist\fangyi-ledger-0.1.0-setup.exe] resources\installer\fangyi.nsi
;
; (scripts/build_bundle.py does this.) This file is UTF-8 with a byte-order mark, so makensis reads
; the Chinese correctly whatever the build machine's code page is.
;
; What it does, and why:
; - Installs per user, without administrator rights (a clerk's office laptop is often managed by
;   the township's IT person, and a UAC prompt the clerk cannot answer would stop the install), into
;   %LOCALAPPDATA%\Programs\FangyiLedger, with 防疫台账 shortcuts in the Start menu and on the desktop.
; - Keeps the ledger: the database, backups and logs live in the user data dir
;   (%LOCALAPPDATA%\Fangyi Ledger, platformdirs.user_data_dir("Fangyi Ledger", appauthor=False)),
;   which is not the install folder. The uninstaller removes the program files it installed and the
;   shortcuts, then says where the data stayed. Only if the user ticks "删除台账数据" on its
;   components page (unticked by default, never in a silent uninstall) and confirms once more does
;   it delete that folder too.
; - Upgrades in place: a previous install is found through the uninstall key in HKCU; the installer
;   waits until the app is closed, deletes the old runtime folder (_internal) so no stale file of
;   the old version survives, and copies the new one.
; - Removes only what it created, by name: never the install folder as a whole, which a user may
;   have pointed at a folder holding other files.

Unicode true
ManifestDPIAware true
RequestExecutionLevel user

!ifndef VERSION
  !error "pass the version: makensis -DVERSION=x.y.z (scripts/build_bundle.py does)"
!endif
!ifndef SOURCE_DIR
  !error "pass the one-folder build: makensis -DSOURCE_DIR=...\dist\fangyi-ledger"
!endif
!define /ifndef VERSION_QUAD "${VERSION}.0"
!define /ifndef OUTFILE "fangyi-ledger-${VERSION}-setup.exe"

!ifdef FAST_COMPRESSION
  SetCompress off  ; the CI check of this script on Linux: only that it compiles matters
!else
  SetCompressor /SOLID lzma
!endif

!define PRODUCT "防疫台账"
!define PRODUCT_EN "Fangyi Ledger"
!define APP_EXE "fangyi-ledger.exe"
!define CLI_EXE "fangyi-ledger-cli.exe"
!define RUNTIME_DIR "_internal"
!define UNINSTALLER "uninstall.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\FangyiLedger"
!define SHORTCUT "${PRODUCT}.lnk"

Name "${PRODUCT} ${PRODUCT_EN}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\FangyiLedger"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include x64.nsh
!include WinVer.nsh

Var PreviousVersion
Var UninstallResult  ; the uninstaller's last page: where the data stayed, or that it was deleted

; --- pages -------------------------------------------------------------------------------------
!define MUI_ICON "..\icons\app.ico"
!define MUI_UNICON "..\icons\app.ico"
!define MUI_ABORTWARNING

!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipDirectoryOnUpgrade
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunNow)"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(UninstallKeepsData)"
!insertmacro MUI_UNPAGE_CONFIRM
!define MUI_COMPONENTSPAGE_TEXT_TOP "$(KeepDataChoice)"
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TEXT "$UninstallResult"
!insertmacro MUI_UNPAGE_FINISH

; The first language is the default: Chinese, unless Windows itself is in English.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString NeedsWindows10 ${LANG_SIMPCHINESE} "${PRODUCT}需要 64 位的 Windows 10 或更新版本，本电脑无法安装。"
LangString NeedsWindows10 ${LANG_ENGLISH} "${PRODUCT_EN} needs 64-bit Windows 10 or later; it cannot be installed on this computer."
LangString AppRunning ${LANG_SIMPCHINESE} "${PRODUCT}正在运行。$\r$\n请先保存并关闭${PRODUCT}（包括命令行窗口），然后点“重试”。"
LangString AppRunning ${LANG_ENGLISH} "${PRODUCT_EN} is running.$\r$\nPlease save your work and close it (command windows too), then click Retry."
LangString Upgrading ${LANG_SIMPCHINESE} "正在把${PRODUCT} $PreviousVersion 升级到 ${VERSION}（台账数据不受影响）"
LangString Upgrading ${LANG_ENGLISH} "Upgrading ${PRODUCT_EN} $PreviousVersion to ${VERSION} (your ledger data is not touched)"
LangString RunNow ${LANG_SIMPCHINESE} "现在打开${PRODUCT}"
LangString RunNow ${LANG_ENGLISH} "Open ${PRODUCT_EN} now"
LangString UninstallKeepsData ${LANG_SIMPCHINESE} "将删除${PRODUCT}程序。台账数据、备份和日志默认保留，仍保存在 $LOCALAPPDATA\${PRODUCT_EN}。"
LangString UninstallKeepsData ${LANG_ENGLISH} "The ${PRODUCT_EN} program will be removed. Your ledger data, backups and logs are kept in $LOCALAPPDATA\${PRODUCT_EN} unless you choose otherwise."
LangString UninstallDone ${LANG_SIMPCHINESE} "${PRODUCT}程序已删除。$\r$\n$\r$\n台账数据和备份没有删除，仍在：$\r$\n$LOCALAPPDATA\${PRODUCT_EN}$\r$\n$\r$\n重新安装后即可继续使用；不再需要时可手动删除该文件夹。"
LangString UninstallDone ${LANG_ENGLISH} "The ${PRODUCT_EN} program has been removed.$\r$\n$\r$\nYour ledger data and backups were kept in:$\r$\n$LOCALAPPDATA\${PRODUCT_EN}$\r$\n$\r$\nInstall again to carry on; delete that folder by hand once it is no longer needed."

LangString KeepDataChoice ${LANG_SIMPCHINESE} "台账数据默认保留。只有确定以后不再使用本软件、且已把台账备份到别处时，才勾选删除。"
LangString KeepDataChoice ${LANG_ENGLISH} "Your ledger data is kept unless you tick the box. Tick it only if you will not use the program again and have a copy of the ledger elsewhere."
LangString DeleteDataSection ${LANG_SIMPCHINESE} "删除台账数据、备份和日志（不可恢复）"
LangString DeleteDataSection ${LANG_ENGLISH} "Delete the ledger data, backups and logs (cannot be undone)"
LangString DeleteDataConfirm ${LANG_SIMPCHINESE} "确定要永久删除 $LOCALAPPDATA\${PRODUCT_EN} 中的全部台账数据和备份吗？$\r$\n删除后无法恢复。"
LangString DeleteDataConfirm ${LANG_ENGLISH} "Delete all ledger data and backups in $LOCALAPPDATA\${PRODUCT_EN} for good?$\r$\nThis cannot be undone."
LangString DataDeleted ${LANG_SIMPCHINESE} "${PRODUCT}程序和台账数据都已删除：$LOCALAPPDATA\${PRODUCT_EN}"
LangString DataDeleted ${LANG_ENGLISH} "The ${PRODUCT_EN} program and its ledger data have been deleted: $LOCALAPPDATA\${PRODUCT_EN}"

VIProductVersion "${VERSION_QUAD}"
VIFileVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${PRODUCT} ${PRODUCT_EN}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${PRODUCT} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "MIT License"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${PRODUCT_EN}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${PRODUCT_EN} Setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "MIT License"

; --- shared by installer and uninstaller ---------------------------------------------------------

; A running .exe cannot be opened for writing: that tells whether the app (or its command line) is
; still open, without a helper plugin. Until both are closed, ask; Cancel stops without changes.
!macro WAIT_UNTIL_CLOSED_FUNCTION prefix
Function ${prefix}WaitUntilClosed
  Push $0
  Push $1
  ${Do}
    StrCpy $1 0
    ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
      ClearErrors
      FileOpen $0 "$INSTDIR\${APP_EXE}" a
      ${If} ${Errors}
        StrCpy $1 1
      ${Else}
        FileClose $0
      ${EndIf}
    ${EndIf}
    ${If} ${FileExists} "$INSTDIR\${CLI_EXE}"
      ClearErrors
      FileOpen $0 "$INSTDIR\${CLI_EXE}" a
      ${If} ${Errors}
        StrCpy $1 1
      ${Else}
        FileClose $0
      ${EndIf}
    ${EndIf}
    ${If} $1 == 0
      ${Break}
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY retry
    Pop $1
    Pop $0
    Abort
    retry:
  ${Loop}
  Pop $1
  Pop $0
FunctionEnd
!macroend
!insertmacro WAIT_UNTIL_CLOSED_FUNCTION ""
!insertmacro WAIT_UNTIL_CLOSED_FUNCTION "un."

; The program files this installer puts in $INSTDIR, and nothing else (see the top of this file).
!macro REMOVE_PROGRAM_FILES
  RMDir /r "$INSTDIR\${RUNTIME_DIR}"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
!macroend

; --- installer -----------------------------------------------------------------------------------

Function .onInit
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "$(NeedsWindows10)" /SD IDOK
    Abort
  ${EndIf}
  ; InstallDirRegKey has already pointed $INSTDIR at the previous install, if any.
  ReadRegStr $PreviousVersion HKCU "${UNINST_KEY}" "DisplayVersion"
FunctionEnd

Function SkipDirectoryOnUpgrade
  ${If} $PreviousVersion != ""
    Abort  ; an upgrade goes where the old version is
  ${EndIf}
FunctionEnd

Section "-Program"
  SetShellVarContext current
  Call WaitUntilClosed
  ${If} $PreviousVersion != ""
    DetailPrint "$(Upgrading)"
  ${EndIf}
  ; Stale files of an older version go with its runtime folder — only if this folder really holds
  ; our program (a freshly chosen folder is left as it is).
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
    !insertmacro REMOVE_PROGRAM_FILES
  ${EndIf}

  SetOutPath "$INSTDIR"
  File /r "${SOURCE_DIR}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortcut "$SMPROGRAMS\${SHORTCUT}" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "${PRODUCT}：居家隔离、三包一、体温、卡点登记与报表"
  CreateShortcut "$DESKTOP\${SHORTCUT}" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "${PRODUCT}：居家隔离、三包一、体温、卡点登记与报表"

  ; Settings → Apps lists it, with version, size and the uninstaller.
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${PRODUCT} ${PRODUCT_EN}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PRODUCT_EN}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

; --- uninstaller ---------------------------------------------------------------------------------

; Hidden (always runs): the program files.
Section "-un.Program"
  SetShellVarContext current
  Call un.WaitUntilClosed
  Delete "$SMPROGRAMS\${SHORTCUT}"
  Delete "$DESKTOP\${SHORTCUT}"
  !insertmacro REMOVE_PROGRAM_FILES
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"  ; only when empty: files someone else put there stay
  DeleteRegKey HKCU "${UNINST_KEY}"
  ; The ledger ($LOCALAPPDATA\Fangyi Ledger) and the window preferences are kept, unless the user
  ; ticks the section below.
  DetailPrint "$(UninstallKeepsData)"
  StrCpy $UninstallResult "$(UninstallDone)"
SectionEnd

; Unticked by default (/o), and a silent uninstall (/S) never selects it; asks once more.
Section /o "un.$(DeleteDataSection)" DeleteDataSection
  SetShellVarContext current
  MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(DeleteDataConfirm)" /SD IDNO IDYES delete
  Return
  delete:
  RMDir /r "$LOCALAPPDATA\${PRODUCT_EN}"
  StrCpy $UninstallResult "$(DataDeleted)"
  DetailPrint "$(DataDeleted)"
SectionEnd
