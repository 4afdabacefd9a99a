/* Unit tests of the architecture layer (src/arch/<arch>/) on the machine
 * it was built for: the register fallback must agree with
 * PTRACE_GET_SYSCALL_INFO at every stop, skipping a call and changing its
 * return value (-e inject=) must work, and the arch constants must agree
 * with the generated tables.  They run natively on x86_64 and in the
 * aarch64 guest. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <linux/ptrace.h>

#include "arch.h"
#include "syscalls.h"

/* A number no kernel assigns: the call fails with ENOSYS, args intact. */
#define UNKNOWN_NR 1000

static const uint64_t probe_args[MAX_ARGS] = {
	0x1111, 0x2222, 0x3333, 0x4444, 0x5555, 0x6666
};

/* The C library's numbers of the legacy calls; -1 where the architecture
 * (aarch64: the generic table) has none. */
#ifdef SYS_open
#define LIBC_SYS_OPEN SYS_open
#else
#define LIBC_SYS_OPEN -1
#endif
#ifdef SYS_stat
#define LIBC_SYS_STAT SYS_stat
#else
#define LIBC_SYS_STAT -1
#endif
#ifdef SYS_fork
#define LIBC_SYS_FORK SYS_fork
#else
#define LIBC_SYS_FORK -1
#endif
#ifdef SYS_poll
#define LIBC_SYS_POLL SYS_poll
#else
#define LIBC_SYS_POLL -1
#endif

static pid_t child = -1;

static int kill_child(void **state)
{
	if (child > 0) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
	}
	child = -1;
	return 0;
}

static pid_t start_stopped_child(void)
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		raise(SIGSTOP);
		syscall(UNKNOWN_NR, probe_args[0], probe_args[1],
			probe_args[2], probe_args[3], probe_args[4],
			probe_args[5]);
		syscall(SYS_getppid);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP);
	assert_int_equal(ptrace(PTRACE_SETOPTIONS, pid, 0,
				(void *)(long)PTRACE_O_TRACESYSGOOD), 0);
	return pid;
}

/* Resumes the child to its next syscall stop; false once it has ended,
 * with its wait status in *status. */
static bool next_syscall_stop(pid_t pid, struct __ptrace_syscall_info *info,
			      int *status)
{
	for (;;) {
		assert_int_equal(ptrace(PTRACE_SYSCALL, pid, 0, 0), 0);
		assert_int_equal(waitpid(pid, status, 0), pid);
		if (WIFEXITED(*status) || WIFSIGNALED(*status))
			return false;
		if (WSTOPSIG(*status) == (SIGTRAP | 0x80))
			break;
	}
	memset(info, 0, sizeof(*info));
	assert_true(ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof(*info),
			   info) > 0);
	return true;
}

static void test_regs_match_syscall_info(void **state)
{
	struct __ptrace_syscall_info info;
	struct syscall_regs regs;
	uint64_t nr = 0;
	int entries = 0, exits = 0, probes = 0, status;

	child = start_stopped_child();
	while (next_syscall_stop(child, &info, &status)) {
		assert_int_equal(info.arch, arch_audit);
		memset(&regs, 0xa5, sizeof(regs));
		assert_int_equal(arch_get_syscall_regs(child, &regs), 0);
		if (info.op == PTRACE_SYSCALL_INFO_ENTRY) {
			entries++;
			nr = info.entry.nr;
			assert_int_equal(regs.nr, info.entry.nr);
			assert_int_equal(regs.sp, info.stack_pointer);
			for (int i = 0; i < MAX_ARGS; i++)
				assert_int_equal(regs.args[i],
						 info.entry.args[i]);
			if (nr != UNKNOWN_NR)
				continue;
			probes++;
			assert_memory_equal(regs.args, probe_args,
					    sizeof(probe_args));
			continue;
		}
		assert_int_equal(info.op, PTRACE_SYSCALL_INFO_EXIT);
		exits++;
		assert_int_equal(regs.rval, info.exit.rval);
		if (nr == UNKNOWN_NR)
			assert_int_equal(regs.rval, -ENOSYS);
		if (nr == SYS_getppid)
			assert_int_equal(regs.rval, getpid());
	}
	child = -1;
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_int_equal(probes, 1);
	/* exit_group has an entry and no exit */
	assert_true(entries >= 3);
	assert_int_equal(exits, entries - 1);
}

/* The child asks to be killed and checks what two calls returned: it
 * survives only if the kill was skipped, and says what it saw by its exit
 * status. */
static pid_t start_injection_child(void)
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		long r;

		ptrace(PTRACE_TRACEME, 0, 0, 0);
		raise(SIGSTOP);
		r = syscall(SYS_kill, getpid(), SIGKILL);
		if (r != -1 || errno != EPERM)
			_exit(10);
		if (syscall(SYS_getppid) != 4242)
			_exit(11);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP);
	assert_int_equal(ptrace(PTRACE_SETOPTIONS, pid, 0,
				(void *)(long)PTRACE_O_TRACESYSGOOD), 0);
	return pid;
}

static void test_skip_and_set_return(void **state)
{
	struct __ptrace_syscall_info info;
	uint64_t nr = 0;
	int status, skipped = 0, changed = 0;

	child = start_injection_child();
	while (next_syscall_stop(child, &info, &status)) {
		if (info.op == PTRACE_SYSCALL_INFO_ENTRY) {
			nr = info.entry.nr;
			if (nr == SYS_kill) {
				assert_int_equal(arch_set_syscall(child, -1), 0);
				skipped++;
			}
			continue;
		}
		if (nr == SYS_kill) {
			assert_int_equal(arch_set_return(child, -EPERM), 0);
			changed++;
		} else if (nr == SYS_getppid) {
			assert_int_equal(arch_set_return(child, 4242), 0);
			changed++;
		}
	}
	child = -1;
	assert_int_equal(skipped, 1);
	assert_int_equal(changed, 2);
	/* alive after its kill(SIGKILL), and both values as injected */
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static void test_table_is_native(void **state)
{
	assert_string_equal(arch_syscalls->arch, arch_name);
	assert_string_equal(syscall_lookup(arch_syscalls, SYS_openat)->name,
			    "openat");
	assert_string_equal(syscall_lookup(arch_syscalls, SYS_execve)->name,
			    "execve");
	assert_string_equal(syscall_lookup(arch_syscalls, SYS_clone)->name,
			    "clone");
	assert_int_equal(syscall_number(arch_syscalls, "exit_group"),
			 SYS_exit_group);
	assert_int_equal(syscall_number(arch_syscalls, "newfstatat"),
			 SYS_newfstatat);
	/* the legacy calls exist exactly where the C library has them */
	assert_int_equal(syscall_number(arch_syscalls, "open"), LIBC_SYS_OPEN);
	assert_int_equal(syscall_number(arch_syscalls, "stat"), LIBC_SYS_STAT);
	assert_int_equal(syscall_number(arch_syscalls, "fork"), LIBC_SYS_FORK);
	assert_int_equal(syscall_number(arch_syscalls, "poll"), LIBC_SYS_POLL);
}

static void test_personalities(void **state)
{
	assert_ptr_equal(arch_personality_of(arch_audit), &arch_personalities[0]);
	assert_ptr_equal(arch_personalities[0].table, arch_syscalls);
	assert_string_equal(arch_personalities[0].name, arch_name);
	assert_string_equal(arch_personalities[0].mode, "64 bit");
	/* an ABI we do not decode is decoded as the native one */
	assert_ptr_equal(arch_personality_of(0), &arch_personalities[0]);
	assert_int_equal(arch_native_nr(&arch_personalities[0], 12345), 12345);

	for (unsigned i = 1; i < arch_personality_count; i++) {
		const struct arch_personality *p = &arch_personalities[i];

		assert_ptr_equal(arch_personality_of(p->audit), p);
		for (unsigned nr = 0; nr < p->table->size; nr++) {
			const struct syscall_desc *d = p->table->by_nr[nr];
			uint64_t native = arch_native_nr(p, nr);

			if (!d) {
				assert_true(native == SYSCALL_NR_NONE);
				continue;
			}
			if (native == SYSCALL_NR_NONE) {
				assert_int_equal(syscall_number(arch_syscalls,
								d->name), -1);
				continue;
			}
			assert_string_equal(syscall_lookup(arch_syscalls,
							   native)->name,
					    d->name);
		}
	}
}

/* i386, the compat table of x86_64: numbers from asm/unistd_32.h, and the
 * 64-bit signature only where every argument decodes the same. */
static void test_i386_table(void **state)
{
	const struct syscall_table *t = &syscall_table_i386;
	const struct syscall_table *x = &syscall_table_x86_64;

	assert_string_equal(syscall_lookup(t, 4)->name, "write");
	assert_ptr_equal(syscall_lookup(t, 4), syscall_lookup(x, 1));
	assert_ptr_equal(syscall_lookup(t, 295),
			 syscall_lookup(x, syscall_number(x, "openat")));
	assert_int_equal(syscall_number(t, "exit_group"), 252);
	assert_int_equal(syscall_number(t, "mmap2"), 192);
	/* i386's own calls have signatures of their own */
	assert_false(syscall_lookup(t, 192)->raw);
	assert_int_equal(syscall_lookup(t, 192)->args[5].type, ARG_PGOFF);
	/* pointer arrays and old-style calls: raw, under their own name */
	assert_string_equal(syscall_lookup(t, 11)->name, "execve");
	assert_true(syscall_lookup(t, 11)->raw);
	assert_false(syscall_lookup(x, 59)->raw);
	assert_true(syscall_lookup(t, syscall_number(t, "mmap"))->raw);
	assert_true(syscall_lookup(t, syscall_number(t, "select"))->raw);
	assert_int_equal(syscall_lookup(t, 11)->classes,
			 syscall_lookup(x, 59)->classes);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_regs_match_syscall_info,
					  kill_child),
		cmocka_unit_test_teardown(test_skip_and_set_return,
					  kill_child),
		cmocka_unit_test(test_table_is_native),
		cmocka_unit_test(test_personalities),
		cmocka_unit_test(test_i386_table),
	};

	return cmocka_run_group_tests_name("unit: arch", tests, NULL, NULL);
}
