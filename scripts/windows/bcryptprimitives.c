/* Stand-in for Windows 10's bcryptprimitives.dll, for the Wine TEST PREFIX ONLY (never shipped).
 *
 * cryptography's Rust extension (_rust.pyd, used for password-protected exports) imports
 * ProcessPrng, the system random generator, which Wine 8 does not export. RtlGenRandom
 * (advapi32 SystemFunction036) is Wine's own cryptographic random source; ProcessPrng has the
 * same contract (fill the buffer, always succeed). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
