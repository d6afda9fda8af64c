/* Stand-in for Windows 10's icuuc.dll, for the Wine TEST PREFIX ONLY (never shipped).
 *
 * Qt 6.11's Qt6Core.dll imports ICU's converter API from the system icuuc.dll (Windows 10 1703+
 * has it); Wine 8 has no such DLL, so Qt6Core would not load at all. Here no converter can be
 * opened: ucnv_open fails like ICU does without its data file, and Qt then uses its own built-in
 * codecs (UTF-8/16/32, Latin-1, the system code page) — which is all the app uses. Every other
 * function is reachable only through a converter handle, so it is never called; each returns 0.
 * The exported names are listed in icuuc.def; scripts/windows/wine-env.sh checks that they cover
 * everything the bundled Qt6Core.dll imports. */
#include <stddef.h>

#define U_FILE_ACCESS_ERROR 4

void *ucnv_open(const char *name, int *error) {
    (void)name;
    if (error != NULL && *error <= 0) *error = U_FILE_ACCESS_ERROR;
    return NULL;
}

int ucnv_countAvailable(void) { return 0; }

#define NEVER_CALLED(name) long long name(void) { return 0; }
NEVER_CALLED(ucnv_close)
NEVER_CALLED(UCNV_FROM_U_CALLBACK_SUBSTITUTE)
NEVER_CALLED(UCNV_TO_U_CALLBACK_SUBSTITUTE)
NEVER_CALLED(ucnv_reset)
NEVER_CALLED(ucnv_getMaxCharSize)
NEVER_CALLED(ucnv_getName)
NEVER_CALLED(ucnv_getToUCallBack)
NEVER_CALLED(ucnv_getFromUCallBack)
NEVER_CALLED(ucnv_setToUCallBack)
NEVER_CALLED(ucnv_setFromUCallBack)
NEVER_CALLED(ucnv_cbToUWriteUChars)
NEVER_CALLED(ucnv_toUnicode)
NEVER_CALLED(ucnv_cbFromUWriteUChars)
NEVER_CALLED(ucnv_toUCountPending)
NEVER_CALLED(ucnv_fromUCountPending)
NEVER_CALLED(ucnv_getStandardName)
NEVER_CALLED(ucnv_getAvailableName)
NEVER_CALLED(ucnv_fromUnicode)
