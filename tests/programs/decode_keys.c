/* add_key, request_key and keyctl calls, for test_decode_selfcheck (run
 * with -s 10): each call is followed by the line mytrace must print for
 * it (on stdout). */
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

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	partly_readable();
	return 0;
}
