/* Decoding of the memory family: runs tests/programs/decode_memory under
 * mytrace and asserts the exact lines strace 6.1 prints for the same calls
 * (addresses masked, alignment normalized). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

/* membarrier's answer depends on the kernel: 6.1 (the aarch64 guest) knows
 * the nine commands below, later kernels more (shown as a hex rest); the
 * entry is filled in by the test from the running kernel's answer. */
#define MEMBARRIER_CMDS "membarrier(MEMBARRIER_CMD_QUERY, 0) = 0xADDR (MEMBARRIER_CMD_GLOBAL|MEMBARRIER_CMD_GLOBAL_EXPEDITED|MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED|MEMBARRIER_CMD_PRIVATE_EXPEDITED|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED|MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE|MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ"
#define MEMBARRIER_LINE NULL	/* set by set_membarrier_line() */

static const char *expected[] = {
	"mmap(NULL, 16384, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0) = 0xADDR",
	"mprotect(0xADDR, 4096, PROT_NONE) = 0",
	"madvise(0xADDR, 4096, MADV_DONTNEED) = 0",
	"madvise(0xADDR, 4096, MADV_WILLNEED) = 0",
	"mlock(0xADDR, 4096) = 0",
	"munlock(0xADDR, 4096) = 0",
	"mlock2(0xADDR, 4096, MLOCK_ONFAULT) = 0",
	"mlockall(MCL_CURRENT|MCL_FUTURE) = 0",
	"munlockall() = 0",
	"msync(0xADDR, 4096, MS_SYNC|MS_INVALIDATE) = 0",
	"mremap(0xADDR, 16384, 32768, MREMAP_MAYMOVE) = -1 EFAULT (Bad address)",
	MEMBARRIER_LINE,
	"munmap(0xADDR, 32768) = -1 EINVAL (Invalid argument)",
	"mmap(NULL, 4096, PROT_READ, MAP_SHARED|MAP_FIXED, 99, 0) = -1 EBADF (Bad file descriptor)",
	"brk(NULL) = 0xADDR",
	NULL,
};

/* Fills in the membarrier line for the running kernel (the placeholder
 * is the first NULL): commands beyond the nine known ones, if any, are a
 * masked hex rest. */
static void set_membarrier_line(void)
{
	long known = syscall(SYS_membarrier, 0 /* QUERY */, 0);
	size_t i = 0;

	assert_true(known > 0);
	while (expected[i])
		i++;
	expected[i] = (known & ~0x1ffL) ? MEMBARRIER_CMDS "|0xADDR)" :
					   MEMBARRIER_CMDS ")";
}

static void test_decode_memory(void **state)
{
	const char *args[] = { test_program("decode_memory"), NULL };

	set_membarrier_line();
	assert_traced_lines(args, expected);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
