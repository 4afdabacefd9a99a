/* Decoding of the siginfo (every si_code family) family: runs tests/programs/decode_siginfo under
 * mytrace and asserts the exact lines strace 6.1 prints for the same calls
 * (addresses masked, alignment normalized). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arch_expect.h"
#include "harness.h"

static const char *const expected[] = {
	"--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0xADDR} ---",
	"--- SIGILL {si_signo=SIGILL, si_code=" EXPECT_SIGILL_CODE
	", si_addr=0xADDR} ---",
#if defined(__x86_64__)
	/* int3 and the audit architecture are x86_64's */
	"--- SIGTRAP {si_signo=SIGTRAP, si_code=SI_KERNEL, si_addr=NULL} ---",
#endif
	"timer_create(CLOCK_MONOTONIC, {sigev_value={sival_int=7, sival_ptr=0xADDR}, sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL}, [0]) = 0",
	"timer_settime(0, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=1000000}}, NULL) = 0",
	"--- SIGALRM {si_signo=SIGALRM, si_code=SI_TIMER, si_timerid=0, si_overrun=0, si_int=7, si_ptr=0xADDR} ---",
	"prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=4, filter=0xADDR}) = 0",
#if defined(__x86_64__)
	"--- SIGSYS {si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=0xADDR, si_syscall=__NR_getppid, si_arch=AUDIT_ARCH_X86_64} ---",
#endif
	NULL,
};

static void test_decode_siginfo(void **state)
{
	const char *args[] = { test_program("decode_siginfo"), NULL };

	assert_traced_lines(args, expected);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_siginfo),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
