/* add_key, request_key and keyctl calls, for test_decode_selfcheck (run
 * with -s 10): each call is followed by the line mytrace must print for
 * it (on stdout). */
#include <errno.h>
#include <linux/keyctl.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "selfcheck.h"

/* A buffer longer than -s is read one byte past what shows: a payload
 * whose 11th byte is unreadable shows as its address. */
static void partly_readable(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *q;
	long rc;

	if (p == MAP_FAILED || munmap(p + page, page))
		return;
	q = p + page - 10;
	memset(p, 'k', page);
	rc = syscall(SYS_add_key, NULL, NULL, q, 10, KEY_SPEC_THREAD_KEYRING);
	printf("add_key(NULL, NULL, \"kkkkkkkkkk\", 10, "
	       "KEY_SPEC_THREAD_KEYRING) = %s\n", sc_ret(rc));
	rc = syscall(SYS_add_key, NULL, NULL, q, 11, KEY_SPEC_THREAD_KEYRING);
	printf("add_key(NULL, NULL, %p, 11, KEY_SPEC_THREAD_KEYRING) = %s\n",
	       (void *)q, sc_ret(rc));
	rc = syscall(SYS_add_key, NULL, NULL, p, 20, KEY_SPEC_THREAD_KEYRING);
	printf("add_key(NULL, NULL, \"kkkkkkkkkk\"..., 20, "
	       "KEY_SPEC_THREAD_KEYRING) = %s\n", sc_ret(rc));
	munmap(p, page);
}

static long kc(long op, unsigned long a2, unsigned long a3,
	       unsigned long a4, unsigned long a5)
{
	return syscall(SYS_keyctl, op, a2, a3, a4, a5);
}

/* keyctl operations whose arguments the operation names */
static void operations(void)
{
	struct keyctl_dh_params dh = { .private = 1, .prime = 2,
				       .base = KEY_SPEC_USER_KEYRING };
	char desc[64];
	long rc;

	rc = kc(0xfacefeed, 1, 2, 3, 4);
	printf("keyctl(0xfacefeed /* KEYCTL_??? */, 0x1, 0x2, 0x3, 0x4) = "
	       "%s\n", sc_ret(rc));
	rc = kc(KEYCTL_SETPERM, 12345, 0x41020000, 0, 0);
	printf("keyctl(KEYCTL_SETPERM, 12345, KEY_POS_VIEW|KEY_USR_READ|"
	       "0x40000000) = %s\n", sc_ret(rc));
	rc = kc(KEYCTL_SET_REQKEY_KEYRING, -1L, 0, 0, 0);
	printf("keyctl(KEYCTL_SET_REQKEY_KEYRING, KEY_REQKEY_DEFL_NO_CHANGE) "
	       "= %s\n", sc_ret(rc));
	rc = kc(KEYCTL_MOVE, 1, KEY_SPEC_SESSION_KEYRING, 3, 3);
	printf("keyctl(KEYCTL_MOVE, 1, KEY_SPEC_SESSION_KEYRING, 3, "
	       "KEYCTL_MOVE_EXCL|0x2) = %s\n", sc_ret(rc));
	rc = kc(KEYCTL_UPDATE, 12345, (unsigned long)"payload", 7, 0);
	printf("keyctl(KEYCTL_UPDATE, 12345, \"payload\", 7) = %s\n",
	       sc_ret(rc));
	rc = kc(KEYCTL_REJECT, 12345, 60, ENODEV, 0);
	printf("keyctl(KEYCTL_REJECT, 12345, 60, ENODEV, 0) = %s\n",
	       sc_ret(rc));
	rc = kc(KEYCTL_DH_COMPUTE, (unsigned long)&dh, 0, 0, 0);
	printf("keyctl(KEYCTL_DH_COMPUTE, {private=1, prime=2, "
	       "base=KEY_SPEC_USER_KEYRING}, NULL, 0, NULL) = %s\n",
	       sc_ret(rc));
	/* filled by the call: as a string, cut at -s 10 */
	memset(desc, 0, sizeof(desc));
	rc = kc(KEYCTL_DESCRIBE, KEY_SPEC_THREAD_KEYRING, (unsigned long)desc,
		sizeof(desc), 0);
	if (rc > 0)
		printf("keyctl(KEYCTL_DESCRIBE, KEY_SPEC_THREAD_KEYRING, "
		       "\"%.10s\"%s, %zu) = %s\n", desc,
		       strlen(desc) > 10 ? "..." : "", sizeof(desc),
		       sc_ret(rc));
	else
		printf("keyctl(KEYCTL_DESCRIBE, KEY_SPEC_THREAD_KEYRING, %p, "
		       "%zu) = %s\n", (void *)desc, sizeof(desc), sc_ret(rc));
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	partly_readable();
	operations();
	return 0;
}
