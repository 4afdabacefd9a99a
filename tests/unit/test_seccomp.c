/* Unit tests of the seccomp-bpf program: run through a small interpreter
 * of the classic BPF it uses, it must trace exactly the set (plus seccomp,
 * prctl, numbers beyond the table and foreign arches) and allow the rest;
 * and filter installs must be recognised. */
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#include <cmocka.h>

#include "arch.h"
#include "seccomp.h"

/* Runs prog on (arch, nr): the instructions seccomp_build emits only. */
static uint32_t run(const struct seccomp_prog *p, uint32_t arch, uint32_t nr)
{
	const struct sock_filter *f = p->insns;
	uint32_t a = 0;

	for (unsigned pc = 0; pc < p->len; pc++) {
		const struct sock_filter *i = &f[pc];

		switch (i->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			if (i->k == offsetof(struct seccomp_data, arch))
				a = arch;
			else if (i->k == offsetof(struct seccomp_data, nr))
				a = nr;
			else
				fail_msg("load of offset %u", i->k);
			break;
		case BPF_JMP | BPF_JEQ | BPF_K:
			pc += a == i->k ? i->jt : i->jf;
			break;
		case BPF_JMP | BPF_JGE | BPF_K:
			pc += a >= i->k ? i->jt : i->jf;
			break;
		case BPF_JMP | BPF_JGT | BPF_K:
			pc += a > i->k ? i->jt : i->jf;
			break;
		case BPF_RET | BPF_K:
			return i->k;
		default:
			fail_msg("opcode 0x%x", i->code);
		}
	}
	fail_msg("ran off the end of the program");
	return 0;
}

static void check_set(const struct syscall_set *s)
{
	struct seccomp_prog p;

	assert_int_equal(seccomp_build(&p, s), 0);
	assert_true(p.len <= BPF_MAXINSNS);
	for (uint32_t nr = 0; nr < SYSCALL_SET_MAX + 64; nr++) {
		bool want = nr >= SYSCALL_SET_MAX || syscall_set_has(s, nr) ||
			    seccomp_watches(nr);

		assert_int_equal(run(&p, arch_audit, nr),
				 want ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW);
		/* another arch's numbers mean other calls: always traced */
		assert_int_equal(run(&p, arch_audit ^ 1, nr),
				 SECCOMP_RET_TRACE);
	}
	/* x32 numbers carry bit 30 */
	assert_int_equal(run(&p, arch_audit, 0x40000000 | 1),
			 SECCOMP_RET_TRACE);
	seccomp_free(&p);
}

static void test_sets(void **state)
{
	struct syscall_set s;

	syscall_set_fill(&s, false);
	check_set(&s);
	s.bits[0] = 1;				/* nr 0 */
	s.bits[4] = 1ULL << 1;			/* nr 257 */
	check_set(&s);
	syscall_set_fill(&s, false);
	for (unsigned i = 0; i < SYSCALL_SET_MAX / 64; i++)
		s.bits[i] = 0x5555555555555555ULL;	/* every other one */
	check_set(&s);
	syscall_set_fill(&s, true);
	s.bits[1] = 0;				/* all but 64..127 */
	check_set(&s);
	syscall_set_fill(&s, false);
	s.bits[SYSCALL_SET_MAX / 64 - 1] = 1ULL << 63;	/* the last one */
	check_set(&s);
	srand(7);
	for (int round = 0; round < 20; round++) {
		for (unsigned i = 0; i < SYSCALL_SET_MAX / 64; i++)
			s.bits[i] = (uint64_t)rand() << 33 ^
				    (uint64_t)rand() << 11 ^ (uint64_t)rand();
		check_set(&s);
	}
}

static void test_installs(void **state)
{
	uint64_t args[6] = { SECCOMP_SET_MODE_FILTER };

	assert_true(seccomp_installs_filter(SYS_seccomp, args, 0));
	/* SECCOMP_FILTER_FLAG_NEW_LISTENER returns a descriptor */
	assert_true(seccomp_installs_filter(SYS_seccomp, args, 5));
	assert_false(seccomp_installs_filter(SYS_seccomp, args, -22));
	args[0] = SECCOMP_GET_ACTION_AVAIL;
	assert_false(seccomp_installs_filter(SYS_seccomp, args, 0));
	args[0] = PR_SET_SECCOMP;
	assert_true(seccomp_installs_filter(SYS_prctl, args, 0));
	args[0] = PR_SET_NAME;
	assert_false(seccomp_installs_filter(SYS_prctl, args, 0));
	assert_false(seccomp_installs_filter(SYS_getpid, args, 0));
}

/* In the i386 personality too: the descriptor's flags, not the number */
static void test_installs_i386(void **state)
{
	const struct syscall_table *t = &syscall_table_i386;
	const struct syscall_desc *sec = syscall_lookup(t, 354);
	const struct syscall_desc *prctl = syscall_lookup(t, 172);
	uint64_t args[6] = { SECCOMP_SET_MODE_FILTER };

	assert_string_equal(sec->name, "seccomp");
	assert_string_equal(prctl->name, "prctl");
	assert_true(seccomp_call_watched(sec));
	assert_true(seccomp_call_watched(prctl));
	assert_false(seccomp_call_watched(syscall_lookup(t, 20)));
	assert_false(seccomp_call_watched(NULL));
	assert_true(seccomp_call_installs_filter(sec, args, 0));
	/* prctl(1) is PR_SET_PDEATHSIG */
	assert_false(seccomp_call_installs_filter(prctl, args, 0));
	args[0] = PR_SET_SECCOMP;
	assert_true(seccomp_call_installs_filter(prctl, args, 0));
	assert_false(seccomp_call_installs_filter(prctl, args, -1));
	/* natively 172 is another call (iopl on x86_64): the number says no */
	assert_false(seccomp_installs_filter(172, args, 0));
	assert_false(seccomp_call_installs_filter(sec, args, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sets),
		cmocka_unit_test(test_installs),
		cmocka_unit_test(test_installs_i386),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
