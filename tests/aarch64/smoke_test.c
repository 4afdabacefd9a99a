/*
 * Stand-in integration test for check-aarch64 (built as
 * build/aarch64/tests/integration/test_smoke): proves that in the qemu guest
 * the ptrace features mytrace relies on work (TRACEME, SEIZE + INTERRUPT,
 * PTRACE_SYSCALL, PTRACE_GET_SYSCALL_INFO, process_vm_readv), that
 * libunwind-ptrace unwinds a tracee, and that a dynamically linked cmocka
 * runs.  It never uses cmocka in a tracee.
 *
 * Setting MYTRACE_SMOKE_FAIL in its environment makes one test fail on
 * purpose, to check that a failure reaches make's exit status.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include <libunwind-ptrace.h>

/* variadic ptrace() reads pointers: never pass a bare int */
#define TRACE_OPTIONS \
	((void *)(long)(PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL))
#define MISSING_PATH "/nonexistent-smoke-path"

/* the tracee of the running test, killed by the teardown if still alive */
static pid_t tracee = -1;

struct trace_log {
	int saw_getpid;
	long long getpid_ret;
	int saw_openat;
	long long openat_ret;
	int openat_is_error;
	char openat_path[64];
	unsigned int arch;
};

static int kill_tracee(void **state)
{
	(void)state;
	if (tracee > 0) {
		kill(tracee, SIGKILL);
		waitpid(tracee, NULL, __WALL);
	}
	tracee = -1;
	return 0;
}

/* The traced child: a fixed list of raw syscalls, then exit_group(7). */
static void tracee_body(void)
{
	syscall(SYS_getpid);
	syscall(SYS_openat, AT_FDCWD, MISSING_PATH, O_RDONLY);
	syscall(SYS_exit_group, 7);
	_exit(99);
}

static void read_tracee_string(pid_t pid, uint64_t addr, char *buf,
			       size_t size)
{
	struct iovec local = { .iov_base = buf, .iov_len = size - 1 };
	struct iovec remote = { .iov_base = (void *)(uintptr_t)addr,
				.iov_len = size - 1 };
	ssize_t got;

	memset(buf, 0, size);
	got = process_vm_readv(pid, &local, 1, &remote, 1, 0);
	assert_true(got > 0);
}

static void on_syscall_stop(pid_t pid, struct trace_log *log, long *nr)
{
	struct __ptrace_syscall_info info;
	long size;

	memset(&info, 0, sizeof(info));
	size = ptrace(PTRACE_GET_SYSCALL_INFO, pid, (void *)sizeof(info),
		      &info);
	assert_true(size > 0);
	log->arch = info.arch;

	if (info.op == PTRACE_SYSCALL_INFO_ENTRY) {
		*nr = info.entry.nr;
		if (*nr == SYS_openat)
			read_tracee_string(pid, info.entry.args[1],
					   log->openat_path,
					   sizeof(log->openat_path));
		return;
	}
	assert_int_equal(info.op, PTRACE_SYSCALL_INFO_EXIT);
	if (*nr == SYS_getpid) {
		log->saw_getpid = 1;
		log->getpid_ret = info.exit.rval;
	} else if (*nr == SYS_openat) {
		log->saw_openat = 1;
		log->openat_ret = info.exit.rval;
		log->openat_is_error = info.exit.is_error;
	}
}

/* Resume @pid with PTRACE_SYSCALL until it exits; return its wait status. */
static int follow_syscalls(pid_t pid, struct trace_log *log)
{
	long nr = -1;
	int status, sig;

	for (;;) {
		assert_int_equal(waitpid(pid, &status, __WALL), pid);
		if (WIFEXITED(status) || WIFSIGNALED(status))
			return status;
		sig = 0;
		if (WSTOPSIG(status) == (SIGTRAP | 0x80))
			on_syscall_stop(pid, log, &nr);
		else if (status >> 16 == 0)
			sig = WSTOPSIG(status);	/* signal-delivery-stop */
		assert_int_equal(ptrace(PTRACE_SYSCALL, pid, NULL,
					(void *)(long)sig), 0);
	}
}

static void check_log(const struct trace_log *log, pid_t pid, int status)
{
#ifdef __aarch64__
	assert_int_equal(log->arch, AUDIT_ARCH_AARCH64);
	assert_int_equal(SYS_getpid, 172);
	assert_int_equal(SYS_openat, 56);
	assert_int_equal(SYS_exit_group, 94);
#endif
	assert_true(log->saw_getpid);
	assert_int_equal(log->getpid_ret, pid);
	assert_true(log->saw_openat);
	assert_string_equal(log->openat_path, MISSING_PATH);
	assert_true(log->openat_is_error);
	assert_int_equal(log->openat_ret, -ENOENT);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 7);
}

static void test_traceme_syscall_info(void **state)
{
	struct trace_log log = { 0 };
	int status;

	(void)state;
	tracee = fork();
	assert_true(tracee >= 0);
	if (tracee == 0) {
		ptrace(PTRACE_TRACEME, 0, NULL, NULL);
		raise(SIGSTOP);
		tracee_body();
	}
	assert_int_equal(waitpid(tracee, &status, 0), tracee);
	assert_true(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP);
	assert_int_equal(ptrace(PTRACE_SETOPTIONS, tracee, NULL,
				TRACE_OPTIONS), 0);
	assert_int_equal(ptrace(PTRACE_SYSCALL, tracee, NULL, NULL), 0);

	status = follow_syscalls(tracee, &log);
	check_log(&log, tracee, status);
	tracee = -1;
}

static void test_seize_interrupt(void **state)
{
	struct trace_log log = { 0 };
	int gate[2], status;
	char byte = 'x';

	(void)state;
	assert_int_equal(pipe(gate), 0);
	tracee = fork();
	assert_true(tracee >= 0);
	if (tracee == 0) {
		close(gate[1]);
		if (read(gate[0], &byte, 1) != 1)
			_exit(98);
		tracee_body();
	}
	close(gate[0]);
	assert_int_equal(ptrace(PTRACE_SEIZE, tracee, NULL,
				TRACE_OPTIONS), 0);
	assert_int_equal(ptrace(PTRACE_INTERRUPT, tracee, NULL, NULL), 0);
	assert_int_equal(waitpid(tracee, &status, __WALL), tracee);
	assert_true(WIFSTOPPED(status));
	assert_int_equal(status >> 16, PTRACE_EVENT_STOP);

	assert_int_equal(ptrace(PTRACE_SYSCALL, tracee, NULL, NULL), 0);
	assert_int_equal(write(gate[1], &byte, 1), 1);
	close(gate[1]);

	status = follow_syscalls(tracee, &log);
	check_log(&log, tracee, status);
	tracee = -1;
}

/* Two named frames for the remote unwind to find. */
__attribute__((noinline)) static void smoke_leaf(void)
{
	syscall(SYS_getppid);
	__asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) static void smoke_middle(void)
{
	smoke_leaf();
	__asm__ volatile("" ::: "memory");
}

/* Unwind @pid with libunwind-ptrace; note which of our frames it saw. */
static int unwind_tracee(pid_t pid, int *saw_leaf, int *saw_middle)
{
	unw_addr_space_t as;
	unw_cursor_t cursor;
	int frames = 0;
	void *upt;

	as = unw_create_addr_space(&_UPT_accessors, 0);
	assert_non_null(as);
	upt = _UPT_create(pid);
	assert_non_null(upt);
	assert_int_equal(unw_init_remote(&cursor, as, upt), 0);
	do {
		char name[64] = "";
		unw_word_t off;

		if (unw_get_proc_name(&cursor, name, sizeof(name), &off) == 0) {
			*saw_leaf |= strcmp(name, "smoke_leaf") == 0;
			*saw_middle |= strcmp(name, "smoke_middle") == 0;
		}
		frames++;
	} while (frames < 64 && unw_step(&cursor) > 0);
	_UPT_destroy(upt);
	unw_destroy_addr_space(as);
	return frames;
}

static void test_unwind_tracee(void **state)
{
	struct __ptrace_syscall_info info;
	int status, frames = 0, saw_leaf = 0, saw_middle = 0;

	(void)state;
	tracee = fork();
	assert_true(tracee >= 0);
	if (tracee == 0) {
		ptrace(PTRACE_TRACEME, 0, NULL, NULL);
		raise(SIGSTOP);
		smoke_middle();
		syscall(SYS_exit_group, 0);
	}
	assert_int_equal(waitpid(tracee, &status, 0), tracee);
	assert_int_equal(ptrace(PTRACE_SETOPTIONS, tracee, NULL,
				TRACE_OPTIONS), 0);
	for (;;) {
		assert_int_equal(ptrace(PTRACE_SYSCALL, tracee, NULL, NULL), 0);
		assert_int_equal(waitpid(tracee, &status, 0), tracee);
		if (!WIFSTOPPED(status))
			break;
		if (WSTOPSIG(status) != (SIGTRAP | 0x80))
			continue;
		assert_true(ptrace(PTRACE_GET_SYSCALL_INFO, tracee,
				   (void *)sizeof(info), &info) > 0);
		if (info.op == PTRACE_SYSCALL_INFO_ENTRY &&
		    info.entry.nr == SYS_getppid)
			frames = unwind_tracee(tracee, &saw_leaf, &saw_middle);
	}
	tracee = -1;
	print_message("remote unwind: %d frames\n", frames);
	assert_true(saw_leaf);
	assert_true(saw_middle);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void test_forced_failure(void **state)
{
	(void)state;
	/* passes unless MYTRACE_SMOKE_FAIL asks for a failure */
	assert_null(getenv("MYTRACE_SMOKE_FAIL"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_traceme_syscall_info,
					  kill_tracee),
		cmocka_unit_test_teardown(test_seize_interrupt, kill_tracee),
		cmocka_unit_test_teardown(test_unwind_tracee, kill_tracee),
		cmocka_unit_test(test_forced_failure),
	};

	return cmocka_run_group_tests_name("aarch64_smoke", tests, NULL,
					   NULL);
}
