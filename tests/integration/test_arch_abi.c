/* End-to-end tests of what the architecture layer decides: open flags whose
 * values differ per arch, clone's argument order, the signal frame that
 * rt_sigreturn reads its mask from.  Exact lines on every architecture;
 * where the C library itself differs, arch_expect.h says how. */
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

/* The hex number after prefix on the first line starting with prefix. */
static unsigned long long hex_after(const char *text, const char *prefix)
{
	const char *p = text;
	size_t len = strlen(prefix);

	while (p && *p) {
		if (strncmp(p, prefix, len) == 0)
			return strtoull(p + len, NULL, 16);
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	print_error("no line starting with %s in:\n%s\n", prefix, text);
	fail();
	return 0;
}

static void test_arch_abi(void **state)
{
	const char *args[] = { test_program("arch_abi"), NULL };
	struct run_result r;
	char *masked;
	unsigned long long tid_address, child_tidptr;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_has_line(r.trace, "openat(AT_FDCWD, \"/\", O_RDONLY|O_NOFOLLOW|"
			"O_CLOEXEC|O_DIRECTORY) = 3");
	assert_has_line(r.trace, "openat(AT_FDCWD, \"/nonexistent/mytrace-abi\","
			" O_WRONLY|O_APPEND|O_DIRECT) = -1 ENOENT (No such file"
			" or directory)");

	masked = mask_addresses(r.trace);
	assert_has_line(masked, "rt_sigaction(SIGUSR1, {sa_handler=0xADDR, "
			"sa_mask=[USR1], " EXPECT_SA_RESTART_TAIL ", "
			"{sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0");
	assert_has_line(r.trace, "rt_sigreturn({mask=[USR2]})             = 0");

	/* glibc's fork hands clone the tid address that the thread
	 * registered at start: the argument order must be the arch's */
	tid_address = hex_after(r.trace, "set_tid_address(0x");
	child_tidptr = hex_after(r.trace, "clone(child_stack=NULL, flags="
				 "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|"
				 "SIGCHLD, child_tidptr=0x");
	assert_true(tid_address != 0);
	assert_int_equal(child_tidptr, tid_address);
	assert_non_null(strstr(r.trace, "--- SIGCHLD {si_signo=SIGCHLD, "
			       "si_code=CLD_EXITED, si_pid="));
	assert_non_null(strstr(r.trace, ", si_status=4, "));
	free(masked);
	run_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arch_abi),
	};

	return cmocka_run_group_tests_name("integration: arch abi", tests,
					   NULL, NULL);
}
