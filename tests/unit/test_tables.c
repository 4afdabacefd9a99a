/* Unit tests of the generated tables: syscall numbers per architecture,
 * signatures, behaviour flags, argument type properties, constant sets,
 * errno and signal names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "consts.h"
#include "decode.h"
#include "filter.h"
#include "proc_ident.h"
#include "syscalls.h"
#include "xlat.h"

static const struct syscall_table *const all_tables[] = {
	&syscall_table_x86_64, &syscall_table_aarch64, &syscall_table_i386,
};
#define NTABLES (sizeof(all_tables) / sizeof(all_tables[0]))

static const struct syscall_desc *by_name(const struct syscall_table *t,
					  const char *name)
{
	long nr = syscall_number(t, name);

	assert_true(nr >= 0);
	return syscall_lookup(t, (uint64_t)nr);
}

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

static void test_flags(void **state)
{
	const struct syscall_table *i386 = &syscall_table_i386;

	for (unsigned i = 0; i < NTABLES; i++) {
		const struct syscall_table *t = all_tables[i];

		assert_int_equal(by_name(t, "execve")->flags, SF_EXEC);
		assert_int_equal(by_name(t, "execveat")->flags, SF_EXEC);
		assert_int_equal(by_name(t, "exit_group")->flags,
				 SF_NEVER_RETURNS);
		assert_true(by_name(t, "prctl")->flags & SF_COMM);
		assert_true(by_name(t, "prctl")->flags & SF_SECCOMP);
		assert_int_equal(by_name(t, "seccomp")->flags, SF_SECCOMP);
		assert_int_equal(by_name(t, "mprotect")->flags, SF_MAPS_CODE);
		assert_int_equal(by_name(t, "setresuid")->flags, SF_CREDS);
		assert_int_equal(by_name(t, "setresgid")->flags, 0);
		assert_int_equal(by_name(t, "getpid")->flags, 0);
	}
	/* i386: raw entries (execve's argv is not compat) keep the flags */
	assert_true(by_name(i386, "execve")->raw);
	assert_true(by_name(i386, "exit_group")->flags & SF_NEVER_RETURNS);
	assert_true(by_name(i386, "mmap")->raw);
	assert_int_equal(by_name(i386, "mmap")->flags, SF_MAPS_CODE);
	/* i386's own calls: decoded, with their flags */
	assert_false(by_name(i386, "setuid32")->raw);
	assert_int_equal(by_name(i386, "setuid32")->flags, SF_CREDS);
	assert_false(by_name(i386, "clock_gettime64")->raw);
	assert_int_equal(by_name(i386, "mmap2")->flags, SF_MAPS_CODE);
	assert_int_equal(by_name(i386, "getuid32")->flags, 0);
}

static unsigned set_count(const struct syscall_set *s)
{
	unsigned n = 0;

	for (unsigned i = 0; i < SYSCALL_SET_MAX; i++)
		n += syscall_set_has(s, i);
	return n;
}

static void test_add_flagged(void **state)
{
	struct syscall_set s;

	syscall_set_fill(&s, false);
	syscall_set_add_flagged(&s, &syscall_table_x86_64, SF_SECCOMP);
	assert_int_equal(set_count(&s), 2);
	assert_true(syscall_set_has(&s, 157));	/* prctl */
	assert_true(syscall_set_has(&s, 317));	/* seccomp */
	syscall_set_add_flagged(&s, &syscall_table_x86_64,
				SF_EXEC | SF_NEVER_RETURNS);
	assert_int_equal(set_count(&s), 6);
	assert_true(syscall_set_has(&s, 59));	/* execve */
	assert_true(syscall_set_has(&s, 231));	/* exit_group */
	syscall_set_fill(&s, false);
	syscall_set_add_flagged(&s, &syscall_table_aarch64, SF_MAPS_CODE);
	assert_true(syscall_set_has(&s, 222));	/* mmap */
	assert_true(syscall_set_has(&s, 215));	/* munmap */
	assert_false(syscall_set_has(&s, 214));	/* brk */
}

/* identity tracking asks the flags, in whatever personality */
static void test_ident_watches(void **state)
{
	struct syscall_event sc = { 0 };

	sc.desc = by_name(&syscall_table_i386, "setuid32");
	assert_true(proc_ident_watches(&sc));
	sc.desc = by_name(&syscall_table_i386, "prctl");
	sc.raw_args[0] = 15;	/* PR_SET_NAME */
	assert_true(proc_ident_watches(&sc));
	sc.raw_args[0] = 16;	/* PR_GET_NAME */
	assert_false(proc_ident_watches(&sc));
	sc.desc = by_name(&syscall_table_x86_64, "setgid");
	assert_false(proc_ident_watches(&sc));
}

/* The columns of include/arg_types.h, read here as the decoder reads them */
static const struct {
	const char *name;
	enum phase phase;
	unsigned props;
} type_list[] = {
#define X(name, fn, phase, props) { #name, phase, props },
	ARG_TYPES(X)
#undef X
};

static void test_arg_type_props(void **state)
{
	const struct syscall_desc *d;

	assert_int_equal(sizeof(type_list) / sizeof(type_list[0]),
			 ARG_TYPE_COUNT);
	for (unsigned t = 0; t < ARG_TYPE_COUNT; t++) {
		unsigned p = arg_type_props(t);
		unsigned dir = p & ARGP_INOUT;

		assert_int_equal(p, type_list[t].props);
		if (type_list[t].phase == PHASE_EXIT)
			assert_int_equal(dir, ARGP_OUT);
		else if (type_list[t].phase == PHASE_ENTER)
			assert_int_equal(dir, ARGP_IN);
		else
			assert_int_equal(dir, ARGP_INOUT);
		assert_true(!(p & ARGP_FILE) != !(p & ARGP_NOFILE));
		if (p & (ARGP_PATH | ARGP_FD))
			assert_true(p & ARGP_FILE);
	}
	d = by_name(&syscall_table_x86_64, "openat");
	assert_true(arg_type_props(d->args[1].type) & ARGP_PATH);
	assert_true(arg_type_props(d->args[0].type) & ARGP_FD);
	assert_true(syscall_arg_may_name_file(d, 0));
	assert_true(syscall_arg_may_name_file(d, 1));
	assert_false(syscall_arg_may_name_file(d, 2));	/* flags */
	assert_false(syscall_arg_may_name_file(d, 4));	/* past nargs */
	d = by_name(&syscall_table_x86_64, "getcwd");
	assert_true(arg_type_props(d->args[0].type) & ARGP_PATH);
	assert_int_equal(arg_type_props(d->args[0].type) & ARGP_INOUT,
			 ARGP_OUT);
	d = by_name(&syscall_table_x86_64, "kill");
	for (unsigned i = 0; i < d->nargs; i++)
		assert_false(syscall_arg_may_name_file(d, i));
	/* raw calls print numbers only */
	d = by_name(&syscall_table_i386, "execve");
	assert_false(syscall_arg_may_name_file(d, 0));
	assert_int_equal(arg_type_props(ARG_TYPE_COUNT), 0);
}

/* A decoder that reads another argument finds it through the table */
static void test_dependencies(void **state)
{
	const struct syscall_table *t = &syscall_table_x86_64;
	const struct syscall_desc *d;

	assert_int_equal(by_name(t, "open")->args[2].param, 1);
	assert_int_equal(by_name(t, "openat")->args[3].param, 2);
	assert_int_equal(by_name(t, "mknodat")->args[3].param, 2);
	assert_int_equal(by_name(t, "mq_open")->args[3].param, 1);
	d = by_name(t, "fcntl");
	assert_int_equal(d->args[2].param, 1);
	assert_int_equal(d->ret.param, 1);
	/* every ARGP_PARAM type is given one wherever it is used */
	for (unsigned nr = 0; nr < t->size; nr++) {
		d = t->by_nr[nr];
		for (unsigned i = 0; d && !d->raw && i < d->nargs; i++)
			if (arg_type_props(d->args[i].type) & ARGP_PARAM)
				assert_true(d->args[i].param != PARAM_NONE);
	}
}

/* ARGP_COMPAT decides which i386 calls keep their signature */
static void test_compat_column(void **state)
{
	const struct syscall_table *i386 = &syscall_table_i386;
	const struct syscall_desc *d = by_name(i386, "openat");

	/* atfd, path, open_flags, open_mode: all compat */
	assert_false(d->raw);
	assert_ptr_equal(d, by_name(&syscall_table_x86_64, "openat"));
	for (unsigned i = 0; i < d->nargs; i++)
		assert_true(arg_type_props(d->args[i].type) & ARGP_COMPAT);
	/* lseek's offset is a long: 32 bits there */
	assert_false(arg_type_props(ARG_LONG) & ARGP_COMPAT);
	assert_true(by_name(i386, "lseek")->raw);
	assert_false(by_name(&syscall_table_x86_64, "lseek")->raw);
	/* !compat_raw: all its types are compat, but i386's mmap takes one
	 * pointer to its arguments */
	d = by_name(&syscall_table_x86_64, "mmap");
	for (unsigned i = 0; i < d->nargs; i++)
		assert_true(arg_type_props(d->args[i].type) & ARGP_COMPAT);
	assert_true(by_name(i386, "mmap")->raw);
	assert_string_equal(by_name(i386, "mmap")->name, "mmap");
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

/* Every prctl option's column names kinds and sets that exist; a typo
 * would show the argument in hex without a word. */
static void test_prctl_columns(void **state)
{
	unsigned described = 0;

	for (unsigned i = 0; i < xlat_prctl_option.n; i++) {
		const char *col = xlat_prctl_option.e[i].msg;

		if (!col)
			continue;
		described++;
		if (prctl_column_error(col))
			fail_msg("%s: bad word '%s'", xlat_prctl_option.e[i].name,
				 prctl_column_error(col));
	}
	assert_true(described > 40);
	assert_non_null(prctl_column_error("e:no_such_set"));
	assert_non_null(prctl_column_error("u e:capability?1|nonsense"));
	assert_null(prctl_column_error("e4:pr_sched_core i o:x8?0|p = f:secbits"));
	assert_ptr_equal(xlat_set("capability"), &xlat_capability);
	assert_null(xlat_set("capabilities"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_x86_64_numbers),
		cmocka_unit_test(test_aarch64_numbers),
		cmocka_unit_test(test_signatures),
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_add_flagged),
		cmocka_unit_test(test_ident_watches),
		cmocka_unit_test(test_arg_type_props),
		cmocka_unit_test(test_compat_column),
		cmocka_unit_test(test_dependencies),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_constants),
		cmocka_unit_test(test_errno_and_signals),
		cmocka_unit_test(test_prctl_columns),
	};

	return cmocka_run_group_tests_name("unit: tables", tests, NULL, NULL);
}
