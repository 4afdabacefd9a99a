/* openat2's struct open_how, short, exact and with a tail, for
 * test_decode_selfcheck: each call is followed by the line mytrace must
 * print for it (on stdout). */
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "selfcheck.h"

int main(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct open_how *how;
	uint64_t tail[2] = { 0, 0 };
	char buf[40];
	long rc;

	setvbuf(stdout, NULL, _IONBF, 0);
	munmap(map + page, page);
	/* the struct ends where the mapping does: its tail is unreadable */
	how = (struct open_how *)(map + page - sizeof(*how));
	memset(how, 0, sizeof(*how));
	how->flags = O_WRONLY | O_CREAT;
	how->mode = 0640;
	how->resolve = RESOLVE_NO_XDEV | 0x100000;
	rc = syscall(SYS_openat2, -1, "x", how, sizeof(*how) - 1);
	printf("openat2(-1, \"x\", %p, 23) = %s\n", (void *)how, sc_ret(rc));
	rc = syscall(SYS_openat2, -1, "x", how, sizeof(*how));
	printf("openat2(-1, \"x\", {flags=O_WRONLY|O_CREAT, mode=0640, "
	       "resolve=RESOLVE_NO_XDEV|0x100000}, 24) = %s\n", sc_ret(rc));
	rc = syscall(SYS_openat2, -1, "x", how, sizeof(*how) + 8);
	printf("openat2(-1, \"x\", {flags=O_WRONLY|O_CREAT, mode=0640, "
	       "resolve=RESOLVE_NO_XDEV|0x100000, ???}, 32) = %s\n",
	       sc_ret(rc));
	how = (struct open_how *)buf;
	memset(buf, 0, sizeof(buf));
	how->flags = O_RDONLY | O_TMPFILE;
	how->resolve = 0x100000;
	rc = syscall(SYS_openat2, -1, "x", how, sizeof(buf));
	printf("openat2(-1, \"x\", {flags=O_RDONLY|O_TMPFILE, mode=000, "
	       "resolve=0x100000 /* RESOLVE_??? */}, 40) = %s\n", sc_ret(rc));
	tail[1] = 0xab;
	memcpy(buf + sizeof(*how), tail, sizeof(tail));
	rc = syscall(SYS_openat2, -1, "x", how, sizeof(buf));
	printf("openat2(-1, \"x\", {flags=O_RDONLY|O_TMPFILE, mode=000, "
	       "resolve=0x100000 /* RESOLVE_??? */, /* bytes 24..39 */ "
	       "\"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"
	       "\\xab\\x00\\x00\\x00\\x00\\x00\\x00\\x00\"}, 40) = %s\n",
	       sc_ret(rc));
	return 0;
}
