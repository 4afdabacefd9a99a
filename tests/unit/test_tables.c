/* Unit tests of the generated tables: syscall numbers per architecture,
 * signatures, constant sets, errno and signal names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "consts.h"
#include "syscalls.h"
#include "xlat.h"

static void test_x86_64_numbers(void **state)
{
	const struct syscall_table *t = &syscall_table_x86_64;

	assert_int_equal(syscall_number(t, "read"), 0);
	assert_int_equal(syscall_number(t, "openat"), 257);
	assert_int_equal(syscall_number(t, "execve"), 59);
	assert_int_equal(syscall_number(t, "open"), 2);
	assert_string_equal(syscall_lookup(t, 231)->name, "exit_group");
	assert_null(syscall_lookup(t, 100000));
	/* every syscall in the kernel 6.1 uapi header */
	assert_int_equal(t->count, 362);
}

static void test_aarch64_numbers(void **state)
{
	const struct syscall_table *t = &syscall_table_aarch64;

	assert_int_equal(syscall_number(t, "openat"), 56);
	assert_int_equal(syscall_number(t, "execve"), 221);
	assert_int_equal(syscall_number(t, "write"), 64);
	assert_int_equal(syscall_number(t, "read"), 63);
	/* the generic table has no legacy calls */
	assert_int_equal(syscall_number(t, "open"), -1);
	assert_int_equal(syscall_number(t, "fork"), -1);
	assert_int_equal(t->count, 306);
}

static void test_signatures(void **state)
{
	const struct syscall_desc *d =
		syscall_lookup(&syscall_table_x86_64, 257);

	assert_string_equal(d->name, "openat");
	assert_int_equal(d->nargs, 4);
	assert_false(d->raw);
	assert_string_equal(d->args[1].name, "pathname");
	assert_int_equal(d->args[1].type, ARG_PATH);
	assert_true(d->classes & CLS_FILE);
	assert_true(d->classes & CLS_DESC);
	/* the same descriptor serves both architectures */
	assert_ptr_equal(d, syscall_lookup(&syscall_table_aarch64, 56));
	d = syscall_lookup(&syscall_table_x86_64, 1);
	assert_int_equal(d->args[1].type, ARG_IBUF);
	assert_int_equal(d->args[1].param, 2);
	d = syscall_lookup(&syscall_table_x86_64, 0);
	assert_int_equal(d->args[1].param, PARAM_RET);
}

static void test_classes(void **state)
{
	assert_int_equal(syscall_class_bit("%file"), CLS_FILE);
	assert_int_equal(syscall_class_bit("%net"), CLS_NETWORK);
	assert_int_equal(syscall_class_bit("%%stat"), CLS_STAT_LIKE);
	assert_int_equal(syscall_class_bit("%bogus"), 0);
}

static void test_constants(void **state)
{
	uint64_t v;

	assert_string_equal(xlat_name(&xlat_open_access, 2), "O_RDWR");
	assert_int_equal(xlat_value(&xlat_open_flags, "O_CLOEXEC", &v), 0);
	assert_int_equal(v, 02000000);
	assert_string_equal(xlat_name(&xlat_mmap_prot, 4), "PROT_EXEC");
	assert_int_equal(xlat_value(&xlat_mmap_prot, "PROT_BOGUS", &v), -1);
}

static void test_errno_and_signals(void **state)
{
	char buf[16];

	assert_string_equal(errno_name(2), "ENOENT");
	assert_string_equal(errno_message(2), "No such file or directory");
	assert_string_equal(errno_name(512), "ERESTARTSYS");
	assert_null(errno_name(0));
	assert_null(errno_name(4000));
	assert_string_equal(signal_name(9, buf), "SIGKILL");
	assert_string_equal(signal_name(32, buf), "SIGRTMIN");
	assert_string_equal(signal_name(35, buf), "SIGRT_3");
	assert_null(signal_name(65, buf));
	assert_int_equal(signal_number("SIGTERM"), 15);
	assert_int_equal(signal_number("term"), 15);
	assert_int_equal(signal_number("9"), 9);
	assert_int_equal(signal_number("RT_2"), 34);
	assert_int_equal(signal_number("SIGNOPE"), -1);
	assert_int_equal(signal_number("99"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_x86_64_numbers),
		cmocka_unit_test(test_aarch64_numbers),
		cmocka_unit_test(test_signatures),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_constants),
		cmocka_unit_test(test_errno_and_signals),
	};

	return cmocka_run_group_tests_name("unit: tables", tests, NULL, NULL);
}
