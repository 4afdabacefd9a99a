/* Correctness of the speed paths: the seccomp-bpf filter changes no line of
 * the trace (it needs -f), survives a tracee's own filter and spares
 * forked children and threads from ENOSYS; buffered output loses no line on SIGINT or a crash
 * and reaches a pipe while the tracee waits. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/personality.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

#define MIX_SET "trace=openat,close,getppid,clone,clone3,kill"

/* Pids, addresses and CPU times differ from run to run: numbers of 2+
 * digits, 0x... and si_utime/si_stime values become N (a freshly booted
 * machine, as the arm64 guest of the tests, gives two-digit pids; a slow
 * one a child's stime of a tick in one run and none in the other). */
static char *normalize(const char *text)
{
	char *masked = mask_addresses(text);
	char *out = malloc(strlen(masked) + 1), *o = out;

	assert_non_null(out);
	for (const char *p = masked; *p;) {
		size_t n = strspn(p, "0123456789");

		bool is_time = p - masked >= 5 && !strncmp(p - 5, "time=", 5);

		if ((n >= 2 || (n && is_time)) &&
		    (p == masked || !isalnum((unsigned char)p[-1]))) {
			*o++ = 'N';
			p += n;
		} else if (n) {
			memcpy(o, p, n);
			o += n;
			p += n;
		} else {
			*o++ = *p++;
		}
	}
	*o = 0;
	free(masked);
	return out;
}

/* The normalized traces a and b are equal; if not, says at which line. */
static void assert_same_trace(const char *a, const char *b)
{
	const char *pa = a, *pb = b;
	unsigned line = 1;

	while (*pa && *pa == *pb) {
		if (*pa == '\n')
			line++;
		pa++;
		pb++;
	}
	if (*pa == *pb)
		return;
	while (pa > a && pa[-1] != '\n')
		pa--;
	while (pb > b && pb[-1] != '\n')
		pb--;
	print_error("traces differ at line %u:\n  %.*s\n  %.*s\n", line,
		    (int)strcspn(pa, "\n"), pa, (int)strcspn(pb, "\n"), pb);
	fail();
}

/* Under -f the threads' lines interleave differently from run to run:
 * the traced calls of a normalized trace, one name per line (a call split
 * by another thread counts once, at its start), sorted. */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *sorted_calls(const char *text)
{
	char *copy = strdup(text), *save = NULL, *out;
	char **names = NULL;
	size_t n = 0, len = 1;

	assert_non_null(copy);
	for (char *l = strtok_r(copy, "\n", &save); l;
	     l = strtok_r(NULL, "\n", &save)) {
		/* the pid column: "N " and the padding to its width, which
		 * varies with the number of digits of the pids */
		if (strncmp(l, "N ", 2) == 0)
			l += strspn(l + 1, " ") + 1;
		if (strncmp(l, "<... ", 5) == 0)
			continue;
		l[strcspn(l, "( ")] = 0;
		names = realloc(names, (n + 1) * sizeof(*names));
		assert_non_null(names);
		names[n++] = l;
		len += strlen(l) + 1;
	}
	qsort(names, n, sizeof(*names), cmp_str);
	out = calloc(1, len);
	assert_non_null(out);
	for (size_t i = 0; i < n; i++) {
		strcat(out, names[i]);
		strcat(out, "\n");
	}
	free(names);
	free(copy);
	return out;
}

/* The filter needs -f (a child we did not follow would keep it, with no
 * tracer to take its stops): with -f the trace is the same with and
 * without it, children and threads included. */
static void test_seccomp_same_trace(void **state)
{
	struct run_result with, without, plain;
	const char *prog = test_program("seccomp_mix");
	const char *args_with[] = { "-f", "-e", MIX_SET, prog, NULL };
	const char *args_without[] = { "-f", "--no-seccomp-bpf", "-e", MIX_SET,
				       prog, NULL };
	const char *args_plain[] = { "-e", MIX_SET, prog, NULL };

	run_traced(&with, args_with);
	run_traced(&without, args_without);
	run_traced(&plain, args_plain);
	assert_int_equal(with.exit_code, 0);
	assert_int_equal(without.exit_code, 0);
	assert_int_equal(plain.exit_code, 0);
	/* the filter really was on, and only in the first run */
	assert_non_null(strstr(with.out, "Seccomp:\t2\n"));
	assert_non_null(strstr(without.out, "Seccomp:\t0\n"));
	assert_non_null(strstr(plain.out, "Seccomp:\t0\n"));
	if (geteuid() == 0)	/* CAP_SYS_ADMIN: no no_new_privs needed */
		assert_non_null(strstr(with.out, "NoNewPrivs:\t0\n"));

	char *a = normalize(with.trace), *b = normalize(without.trace);
	char *ca = sorted_calls(a), *cb = sorted_calls(b);

	assert_same_trace(ca, cb);
	free(ca);
	free(cb);
	assert_non_null(strstr(with.trace, "openat(AT_FDCWD, "
			       "\"/nonexistent/parent\", O_RDONLY) = -1 ENOENT "
			       "(No such file or directory)"));
	assert_non_null(strstr(with.trace, "/nonexistent/child"));
	assert_non_null(strstr(with.trace, "/nonexistent/thread"));
	/* without -f: only the command itself, never its child or thread */
	assert_has_line(plain.trace, "openat(AT_FDCWD, \"/nonexistent/parent\", "
			"O_RDONLY) = -1 ENOENT (No such file or directory)");
	assert_null(strstr(plain.trace, "/nonexistent/child"));
	assert_null(strstr(plain.trace, "/nonexistent/thread"));
	assert_int_equal(count_lines_with_prefix(plain.trace, "getppid() "), 1);
	assert_has_line(plain.trace, "+++ exited with 0 +++");
	free(a);
	free(b);
	run_result_free(&with);
	run_result_free(&without);
	run_result_free(&plain);
}

/* -P also narrows the calls that must stop: those that cannot name a path
 * or hold a descriptor run free */
static void test_seccomp_trace_path(void **state)
{
	struct run_result with, without;
	const char *prog = test_program("seccomp_mix");
	const char *args_with[] = { "-f", "-P", "/dev/null", prog, NULL };
	const char *args_without[] = { "-f", "--no-seccomp-bpf", "-P",
				       "/dev/null", prog, NULL };

	run_traced(&with, args_with);
	run_traced(&without, args_without);
	assert_int_equal(with.exit_code, 0);
	assert_non_null(strstr(with.out, "Seccomp:\t2\n"));
	assert_non_null(strstr(without.out, "Seccomp:\t0\n"));

	char *a = normalize(with.trace), *b = normalize(without.trace);
	/* under -f the processes' lines interleave as they will */
	char *ca = sorted_calls(a), *cb = sorted_calls(b);

	assert_same_trace(ca, cb);
	free(ca);
	free(cb);
	assert_non_null(strstr(with.trace,
			       "openat(AT_FDCWD, \"/dev/null\", O_RDONLY) = "));
	assert_null(strstr(with.trace, "getppid"));
	free(a);
	free(b);
	run_result_free(&with);
	run_result_free(&without);
}

/* -e inject= leaves calls that are not traced alone, as strace does:
 * they need not stop */
static void test_seccomp_inject_untraced(void **state)
{
	struct run_result r;
	const char *args[] = { "-f", "-e", "trace=openat", "-e",
			       "inject=getppid:retval=4242", "/bin/sh", "-c",
			       "echo $PPID; grep Seccomp: /proc/self/status",
			       NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_null(strstr(r.out, "4242"));
	assert_non_null(strstr(r.out, "\nSeccomp:\t2\n"));
	assert_null(strstr(r.trace, "getppid"));
	run_result_free(&r);
}

/* Short-lived children of a filtered trace without -f: no filter, the
 * children are never attached, and mytrace ends with the shell. */
static void test_seccomp_many_children(void **state)
{
	struct run_result r;
	const char *args[] = { "-e", "trace=execve,wait4", "/bin/sh", "-c",
			       "for i in 1 2 3 4 5 6 7 8 9 10; do /bin/true; "
			       "(exit 3); done; exit 5", NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 5);
	assert_int_equal(count_lines_with_prefix(r.trace, "execve("), 1);
	assert_int_equal(count_lines_with_prefix(r.trace, "wait4(-1, [{"), 20);
	assert_int_equal(count_lines_with_prefix(r.trace, "+++ "), 1);
	assert_has_line(r.trace, "+++ exited with 5 +++");
	run_result_free(&r);
}

static void test_seccomp_flag_accepted(void **state)
{
	struct run_result r;
	const char *args[] = { "-f", "--seccomp-bpf", "-e", "trace=%file",
			       test_program("open_missing"), NULL };
	const char *no_f[] = { "--seccomp-bpf", "-e", "trace=%file",
			       test_program("open_missing"), NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.err, "");
	/* -f with -o: each line starts with the pid */
	assert_non_null(strstr(r.trace, " openat(AT_FDCWD, "
			       "\"/nonexistent/mytrace-test\", O_RDONLY) = -1 "
			       "ENOENT (No such file or directory)\n"));
	run_result_free(&r);
	/* as strace: said once, and the trace goes on without the filter */
	run_traced(&r, no_f);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.err, "mytrace: --seccomp-bpf needs "
			    "-f/--follow-forks; tracing without the filter\n");
	assert_has_line(r.trace, "openat(AT_FDCWD, \"/nonexistent/mytrace-test\", "
			"O_RDONLY) = -1 ENOENT (No such file or directory)");
	run_result_free(&r);
}

/* The tracee's ERRNO filter outranks our TRACE: we must still see both
 * calls it fails. */
static void test_own_seccomp_filter(void **state)
{
	struct run_result r;
	const char *args[] = { "-e", "trace=getppid,uname,write",
			       test_program("own_seccomp"), NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "ok\n");
	assert_has_line(r.trace, "getppid()                               "
			"= -1 EPERM (Operation not permitted)");
	assert_non_null(strstr(r.trace, "= -1 EACCES (Permission denied)\n"));
	assert_has_line(r.trace, "write(1, \"ok\\n\", 3)                     = 3");
	assert_has_line(r.trace, "+++ exited with 0 +++");
	run_result_free(&r);
}

/* The tracee sends SIGINT to mytrace right after 2000 calls: lines still
 * in the buffer must reach the output. The trace goes to stderr: with
 * -o FILE and a command, mytrace ignores SIGINT as strace does. */
static void test_sigint_loses_no_line(void **state)
{
	struct run_result r;
	const char *args[] = { test_program("burst"), "int", "2000", NULL };

	run_mytrace_raw(&r, args);
	assert_int_equal(r.exit_code, 128 + SIGINT);
	/* 2000 raw calls and the one that finds the tracer's pid */
	assert_int_equal(count_lines_with_prefix(r.err, "getppid() "), 2001);
	assert_int_equal(count_lines_with_prefix(r.err, "kill("), 1);
	run_result_free(&r);
}

static void test_crash_loses_no_line(void **state)
{
	struct run_result r;
	const char *args[] = { test_program("burst"), "segv", "2000", NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 128 + SIGSEGV);
	assert_int_equal(count_lines_with_prefix(r.trace, "getppid() "), 2000);
	assert_non_null(strstr(r.trace, "--- SIGSEGV {"));
	assert_non_null(strstr(r.trace, "+++ killed by SIGSEGV"));
	run_result_free(&r);
}

/* Reads fd into buf until it holds needle; fails after 30 s of silence
 * (a hang, not a timing: the tracee waits for us). */
static void read_until(int fd, char *buf, size_t cap, size_t *len,
		       const char *needle)
{
	while (!strstr(buf, needle)) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		ssize_t n;

		if (poll(&p, 1, 30000) != 1)
			fail_msg("no \"%s\" on the pipe; got:\n%s", needle, buf);
		n = read(fd, buf + *len, cap - 1 - *len);
		if (n <= 0)
			fail_msg("pipe closed before \"%s\"; got:\n%s", needle,
				 buf);
		*len += (size_t)n;
		buf[*len] = 0;
	}
}

/* mytrace 2>&1 | reader: the line of a call must arrive while the tracee
 * blocks, before its next syscall. */
static void test_pipe_reader_sees_lines_promptly(void **state)
{
	int to_tracee[2], from_trace[2], status;
	static char buf[1 << 16];
	size_t len = 0;
	pid_t pid;

	buf[0] = 0;
	assert_int_equal(pipe(to_tracee), 0);
	assert_int_equal(pipe(from_trace), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(to_tracee[0], 0);
		dup2(from_trace[1], 2);
		close(to_tracee[1]);
		close(from_trace[0]);
		execl(mytrace_path(), mytrace_path(), "-e",
		      "trace=getppid,getpid,gettid,read",
		      test_program("burst"), "block", "3", (char *)NULL);
		_exit(127);
	}
	close(to_tracee[0]);
	close(from_trace[1]);
	read_until(from_trace[0], buf, sizeof(buf), &len, "getpid() ");
	read_until(from_trace[0], buf, sizeof(buf), &len, "read(0, ");
	assert_null(strstr(buf, "gettid"));
	assert_int_equal(count_lines_with_prefix(buf, "getppid() "), 3);
	assert_int_equal(write(to_tracee[1], "x", 1), 1);
	read_until(from_trace[0], buf, sizeof(buf), &len, "+++ exited with 0");
	assert_true(strstr(buf, "gettid() ") != NULL);
	close(to_tracee[1]);
	close(from_trace[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* Runs probe_mix under mytrace ARGS, pinned to one CPU (mytrace then
 * yields to find a stop) or on every CPU we have (it polls). */
static void run_probe_mix(struct run_result *r, const char *follow,
			  bool pinned)
{
	const char *args[] = { follow, test_program("probe_mix"), NULL };
	cpu_set_t all, one;
	int cpu = 0;

	assert_int_equal(sched_getaffinity(0, sizeof(all), &all), 0);
	while (!CPU_ISSET(cpu, &all))
		cpu++;
	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	if (pinned)
		assert_int_equal(sched_setaffinity(0, sizeof(one), &one), 0);
	run_traced(r, follow ? args : args + 1);
	if (pinned)
		assert_int_equal(sched_setaffinity(0, sizeof(all), &all), 0);
	assert_int_equal(r->exit_code, 0);
}

static int count_substr(const char *text, const char *needle)
{
	int n = 0;

	for (const char *p = text; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

/* Finding stops without wait4 loses, repeats and reorders none of them:
 * pinned or not, every getppid, the signal, the blocking sleeps, the
 * child that runs while its parent waits and the thread that runs while
 * the main thread joins it are all there, once. */
static void test_probed_stops_all_seen(void **state)
{
	static const char sleep_line[] =
		"clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, "
		"tv_nsec=2000000}, NULL) = 0";

	for (int pinned = 0; pinned < 2; pinned++) {
		struct run_result r;

		run_probe_mix(&r, "-f", pinned);
		/* the main thread twice, the child, the thread: one entry
		 * and one exit each, on one line or split by another
		 * thread's */
		assert_int_equal(count_substr(r.trace, "getppid("), 4 * 40);
		assert_int_equal(count_substr(r.trace, "getppid()") +
				 count_substr(r.trace,
					      "<... getppid resumed>)"),
				 4 * 40);
		assert_int_equal(count_substr(r.trace, sleep_line), 3);
		assert_int_equal(count_substr(r.trace, "--- SIGUSR1 "
			"{si_signo=SIGUSR1, si_code=SI_USER, "), 1);
		assert_int_equal(count_substr(r.trace, "rt_sigreturn("), 1);
		assert_int_equal(count_substr(r.trace, "+++ exited with 7 +++"),
				 1);
		/* the thread, then the process */
		assert_int_equal(count_substr(r.trace, "+++ exited with 0 +++"),
				 2);
		run_result_free(&r);
	}
}

/* Removes, in place, every line of text that contains needle. */
static void drop_lines_with(char *text, const char *needle)
{
	char *out = text;

	for (char *line = text; *line;) {
		char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) + 1 : strlen(line);
		char saved = line[len];

		line[len] = 0;
		if (!strstr(line, needle)) {
			memmove(out, line, len);
			out += len;
		}
		line[len] = saved;
		line += len;
	}
	*out = 0;
}

/* A single thread's trace is the same, line for line, whether mytrace
 * found its stops by yielding (pinned) or by polling (unpinned). */
static void test_probed_trace_pinned_equals_unpinned(void **state)
{
	struct run_result pinned, unpinned;
	int persona = personality(0xffffffff);
	char *a, *b;

	/* where the loader maps libraries decides how many munmap calls
	 * trim them (arm64's 64 KiB alignment): no randomness, inherited
	 * by mytrace and the program */
	assert_true(persona >= 0);
	assert_true(personality((unsigned long)persona | ADDR_NO_RANDOMIZE) >=
		    0);
	run_probe_mix(&pinned, NULL, true);
	run_probe_mix(&unpinned, NULL, false);
	assert_true(personality((unsigned long)persona) >= 0);
	/* what differs from run to run whoever traces: malloc's random
	 * tcache key, and whether pthread_join had to wait */
	drop_lines_with(pinned.trace, "getrandom(");
	drop_lines_with(unpinned.trace, "getrandom(");
	drop_lines_with(pinned.trace, "futex(");
	drop_lines_with(unpinned.trace, "futex(");
	a = normalize(pinned.trace);
	b = normalize(unpinned.trace);
	assert_same_trace(a, b);
	/* without -f: the main thread's calls only */
	assert_int_equal(count_substr(a, "getppid()"), 2 * 40);
	free(a);
	free(b);
	run_result_free(&pinned);
	run_result_free(&unpinned);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seccomp_same_trace),
		cmocka_unit_test(test_seccomp_trace_path),
		cmocka_unit_test(test_seccomp_inject_untraced),
		cmocka_unit_test(test_seccomp_many_children),
		cmocka_unit_test(test_seccomp_flag_accepted),
		cmocka_unit_test(test_own_seccomp_filter),
		cmocka_unit_test(test_sigint_loses_no_line),
		cmocka_unit_test(test_crash_loses_no_line),
		cmocka_unit_test(test_pipe_reader_sees_lines_promptly),
		cmocka_unit_test(test_probed_stops_all_seen),
		cmocka_unit_test(test_probed_trace_pinned_equals_unpinned),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
