/* --backend=bpf against --backend=ptrace: the same text for the decoding
 * programs once addresses and numbers that change between runs are
 * masked, lost events reported without a hang, and one-line errors.
 * Skipped, saying why, where the kernel or the build has no eBPF. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "arch_expect.h"
#include "harness.h"

/* Lines that differ between the backends, by their start, and why. */
struct exception {
	const char *prefix;
	const char *why;
};

static const struct exception everywhere[] = {
	{ "getrandom(", "random bytes differ between any two runs" },
	{ "sysinfo(", "the number of processes on the machine changes" },
#if EXPECT_LOADER_MUNMAP_VARIES
	{ "munmap(", "ld.so's unmapped alignment slop changes with ASLR" },
#endif
	{ NULL, NULL },
};

static const struct exception not_captured[] = {
	/* arrays and nested structs have no capture plan yet */
	{ "writev(", "iovec arrays are not captured yet" },
	{ "readv(", "iovec arrays are not captured yet" },
	{ "pwritev(", "iovec arrays are not captured yet" },
	{ "preadv(", "iovec arrays are not captured yet" },
	{ "poll(", "pollfd arrays are not captured yet" },
	{ "ppoll(", "pollfd arrays are not captured yet" },
	{ "select(", "fd_set bitmaps are not captured yet" },
	{ "pselect6(", "fd_set bitmaps are not captured yet" },
	{ "epoll_wait(", "epoll_event arrays are not captured yet" },
	/* arm64 has no epoll_wait: glibc calls this */
	{ "epoll_pwait(", "epoll_event arrays are not captured yet" },
	{ "ioctl(", "ioctl arguments are not captured yet" },
	{ "fcntl(", "fcntl's struct arguments are not captured yet" },
	{ "sendmsg(", "msghdr is not captured yet" },
	{ "recvmsg(", "msghdr is not captured yet" },
	{ "prctl(", "prctl's second argument is not captured yet" },
	{ "rt_sigreturn(", "the signal frame is not captured yet" },
	/* a signal whose default action is to ignore it is dropped when it
	 * is sent, unless the receiver is ptraced: only ptrace sees it */
	{ "--- SIGCHLD", "default-ignored signals never reach delivery" },
	/* the filter refuses the call before the raw_syscalls tracepoint,
	 * after ptrace's syscall-entry stop */
	{ "getppid(", "calls a seccomp filter refuses are not seen" },
	{ "getcpu(", "the CPU differs between runs" },
	{ "getrusage(", "CPU times differ between runs" },
	{ "times(", "CPU times differ between runs" },
	{ NULL, NULL },
};

static bool bpf_works(void)
{
	static int works = -1;
	struct run_result r;
	const char *args[] = { "--backend=bpf", "/bin/true", NULL };

	if (works >= 0)
		return works;
	run_mytrace_raw(&r, args);
	works = r.exit_code == 0;
	if (!works)
		print_message("skipping the eBPF tests: %s", r.err);
	run_result_free(&r);
	return works;
}

static bool excepted(const char *line, const struct exception *ex)
{
	for (; ex && ex->prefix; ex++)
		if (strncmp(line, ex->prefix, strlen(ex->prefix)) == 0)
			return true;
	return false;
}

/* The normalized trace without excepted lines, numbers of three digits
 * or more (pids, times, sizes of this run) as N. */
static char *comparable(const char *trace, const struct exception *ex)
{
	char *norm = normalize_trace(trace);
	char *out = malloc(strlen(norm) + 1), *o = out;

	assert_non_null(out);
	for (char *line = strtok(norm, "\n"); line; line = strtok(NULL, "\n")) {
		if (excepted(line, everywhere) || excepted(line, ex))
			continue;
		for (const char *p = line; *p;) {
			size_t digits = strspn(p, "0123456789");

			if (digits >= 3) {
				*o++ = 'N';
				p += digits;
			} else if (digits) {
				memcpy(o, p, digits);
				o += digits;
				p += digits;
			} else {
				*o++ = *p++;
			}
		}
		*o++ = '\n';
	}
	*o = 0;
	free(norm);
	return out;
}

static void assert_same_text(const char *program,
			     const struct exception *ex)
{
	struct run_result p, b;
	const char *pargs[] = { test_program(program), NULL };
	const char *bargs[] = { "--backend=bpf", test_program(program), NULL };
	char *pt, *bt;

	run_traced(&p, pargs);
	run_traced(&b, bargs);
	assert_int_equal(b.exit_code, p.exit_code);
	assert_string_equal(b.out, p.out);
	pt = comparable(p.trace, ex);
	bt = comparable(b.trace, ex);
	if (strcmp(pt, bt) != 0) {
		size_t at = 0, start;

		while (pt[at] && pt[at] == bt[at])
			at++;
		start = at;
		while (start && pt[start - 1] != '\n')
			start--;
		print_error("%s: first difference:\nptrace: %.*s\nbpf:    "
			    "%.*s\n", program, (int)strcspn(pt + start, "\n"),
			    pt + start, (int)strcspn(bt + start, "\n"),
			    bt + start);
	}
	assert_string_equal(bt, pt);
	free(pt);
	free(bt);
	run_result_free(&p);
	run_result_free(&b);
}

static void test_same_text(void **state)
{
	static const char *const exact[] = {
		"write_hello", "strings", "open_missing", "badptr", "exit3",
		"raw_syscall", "decode_file", "decode_memory", "decode_time",
	};
	static const char *const with_exceptions[] = {
		"decode_io", "decode_misc", "decode_net", "decode_process",
		"decode_signal", "decode_siginfo",
	};

	if (!bpf_works())
		skip();
	for (size_t i = 0; i < sizeof(exact) / sizeof(exact[0]); i++)
		assert_same_text(exact[i], NULL);
	for (size_t i = 0; i < sizeof(with_exceptions) /
			       sizeof(with_exceptions[0]); i++)
		assert_same_text(with_exceptions[i], not_captured);
}

/* -e trace= is applied in the kernel: only the chosen calls arrive. */
static void test_filtered(void **state)
{
	struct run_result r;
	const char *args[] = { "--backend=bpf", "-e", "trace=openat",
			       test_program("open_missing"), NULL };

	if (!bpf_works())
		skip();
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_has_line(r.trace, "openat(AT_FDCWD, \"/nonexistent/mytrace-test\", "
			"O_RDONLY) = -1 ENOENT (No such file or directory)");
	assert_int_equal(count_lines_with_prefix(r.trace, "execve("), 0);
	assert_int_equal(count_lines_with_prefix(r.trace, "close("), 0);
	assert_has_line(r.trace, "+++ exited with 0 +++");
	run_result_free(&r);
}

/* -c's table without its three time columns (kernel times under bpf,
 * CPU times under ptrace): the calls, errors and names. */
static char *summary_counts(const char *trace)
{
	char *out = malloc(strlen(trace) + 1), *o = out;
	const char *line = trace;

	assert_non_null(out);
	while (*line) {
		size_t len = strcspn(line, "\n");
		const char *p = line;

		/* rows start with the percentage; header and rules do not */
		if (*p == ' ' || (*p >= '0' && *p <= '9')) {
			for (int field = 0; field < 3; field++) {
				p += strspn(p, " ");
				p += strcspn(p, " \n");
			}
		}
		memcpy(o, p, len - (size_t)(p - line));
		o += len - (size_t)(p - line);
		*o++ = '\n';
		line += len + (line[len] == '\n');
	}
	*o = 0;
	return out;
}

/* The trace of args under both backends, the program's status and
 * output the same. */
static void run_both(struct run_result *p, struct run_result *b,
		     const char *const args[])
{
	const char *bargs[16] = { "--backend=bpf" };

	for (size_t i = 0; args[i]; i++)
		bargs[i + 1] = args[i];
	run_traced(p, args);
	run_traced(b, bargs);
	assert_int_equal(b->exit_code, p->exit_code);
	assert_string_equal(b->out, p->out);
}

/* -c is a consumer of the pipeline: the same counts under both. */
static void test_summary(void **state)
{
	struct run_result p, b;
	const char *args[] = { "-c", "-S", "name", test_program("counts"),
			       NULL };
	char *pc, *bc;

	if (!bpf_works())
		skip();
	run_both(&p, &b, args);
	pc = summary_counts(p.trace);
	bc = summary_counts(b.trace);
	assert_non_null(strstr(bc, "         3         3 chdir\n"));
	assert_non_null(strstr(bc, "         7           getppid\n"));
	assert_string_equal(bc, pc);
	free(pc);
	free(bc);
	run_result_free(&p);
	run_result_free(&b);
}

/* The digest's times (hh:mm:ss.usec) as T, then comparable(). */
static char *digest_comparable(const char *trace)
{
	char *copy = strdup(trace), *out;

	assert_non_null(copy);
	for (char *t = copy; (t = strchr(t, ':')); t++) {
		/* t at the first colon of hh:mm:ss.usec */
		if (t - copy >= 2 && strlen(t) >= 7 && t[3] == ':' &&
		    t[6] == '.') {
			char *start = t - 2, *end = t + 7;

			end += strspn(end, "0123456789");
			*start = 'T';
			memmove(start + 1, end, strlen(end) + 1);
			t = start;
		}
	}
	out = comparable(copy, NULL);
	free(copy);
	return out;
}

/* --failures sees every call, whatever -e trace= shows: the kernel
 * selection is the plan's, so the digest is ptrace's. */
static void test_failures(void **state)
{
	struct run_result p, b;
	const char *args[] = { "--failures", "-e", "trace=umask",
			       test_program("counts"), NULL };
	char *pd, *bd;

	if (!bpf_works())
		skip();
	run_both(&p, &b, args);
	pd = digest_comparable(p.trace);
	bd = digest_comparable(b.trace);
	assert_non_null(strstr(bd, "chdir(\"/nonexistent/mytrace-counts\")"));
	assert_non_null(strstr(bd, "3x, first at T in counts [N];"));
	assert_string_equal(bd, pd);
	free(pd);
	free(bd);
	run_result_free(&p);
	run_result_free(&b);
}

/* --syscall-limit asks the engine to let go: bpf untraces the process
 * in the kernel, prints what ptrace prints, and the command runs on to
 * its own status. */
static void test_syscall_limit(void **state)
{
	struct run_result p, b;
	const char *args[] = { "--syscall-limit=2", test_program("exit3"),
			       NULL };
	char *pt, *bt;

	if (!bpf_works())
		skip();
	run_both(&p, &b, args);
	assert_int_equal(b.exit_code, 3);
	pt = comparable(p.trace, NULL);
	bt = comparable(b.trace, NULL);
	assert_int_equal(count_lines_with_prefix(bt, "execve("), 1);
	assert_int_equal(count_lines_with_prefix(bt, "exit_group("), 0);
	assert_string_equal(bt, pt);
	free(pt);
	free(bt);
	run_result_free(&p);
	run_result_free(&b);
}

/* -E changes the command's environment under bpf too. */
static void test_environment(void **state)
{
	struct run_result r;
	const char *args[] = { "--backend=bpf", "-E", "MYTRACE_E=set",
			       "-E", "HOME", "-e", "trace=none", "/bin/sh",
			       "-c", "echo \"$MYTRACE_E.$HOME.\"", NULL };

	if (!bpf_works())
		skip();
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "set..\n");
	run_result_free(&r);
}

/* A one-page ring loses most of 200000 calls: said on stderr, and the
 * command's status still comes through. */
static void test_lost_events(void **state)
{
	struct run_result r;
	const char *args[] = { "--backend=bpf", "--bpf-buffer=4096",
			       test_program("burst"), "done", "200000", NULL };

	if (!bpf_works())
		skip();
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_non_null(strstr(r.err, "mytrace: "));
	assert_non_null(strstr(r.err, " events lost (a bigger --bpf-buffer "
				      "keeps them)\n"));
	run_result_free(&r);
}

/* The same in JSON: one "lost" record with the count, which the schema
 * accepts, and the stderr line too. */
static void test_lost_json(void **state)
{
	struct run_result r, v;
	const char *args[] = { "--backend=bpf", "--bpf-buffer=4096",
			       "--format=json", test_program("burst"), "done",
			       "200000", NULL };
	char path[] = "/tmp/mytrace-test-lost-XXXXXX";
	const char *check[] = { "tests/tools/validate-json",
				"man/mytrace-json.schema.json", path, NULL };
	const char *rec, *end;
	unsigned long long count = 0;
	int fd;

	if (!bpf_works())
		skip();
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	rec = strstr(r.trace, "{\"type\":\"lost\",");
	assert_non_null(rec);
	assert_true(rec == r.trace || rec[-1] == '\n');
	assert_non_null(strstr(rec, ",\"count\":"));
	assert_int_equal(sscanf(strstr(rec, ",\"count\":"), ",\"count\":%llu",
				&count), 1);
	assert_true(count > 0);
	assert_non_null(strstr(r.err, "mytrace: "));
	assert_non_null(strstr(r.err, " events lost (a bigger --bpf-buffer "
				      "keeps them)\n"));
	/* the record alone through the schema */
	end = strchr(rec, '\n');
	assert_non_null(end);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, rec, (size_t)(end + 1 - rec)),
			 end + 1 - rec);
	close(fd);
	run_command(&v, check);
	if (v.exit_code != 0)
		fail_msg("the lost record fails the schema: %s%s", v.out,
			 v.err);
	run_result_free(&v);
	unlink(path);
	run_result_free(&r);
}

/* Without the capabilities: one line naming them, exit 1. */
static void test_unprivileged(void **state)
{
	struct run_result r;
	const char *argv[] = { "/usr/bin/setpriv", "--reuid=65534",
			       "--regid=65534", "--clear-groups",
			       mytrace_path(), "--backend=bpf", "/bin/true",
			       NULL };

	if (!bpf_works())
		skip();
	if (access(argv[0], X_OK) != 0 || geteuid() != 0)
		skip();
	run_command(&r, argv);
	assert_int_equal(r.exit_code, 1);
	assert_string_equal(r.err, "mytrace: --backend=bpf: loading the eBPF "
			    "programs: Operation not permitted (needs root, "
			    "or CAP_BPF and CAP_PERFMON); use "
			    "--backend=ptrace\n");
	run_result_free(&r);
}

static void test_refused_options(void **state)
{
	const char *args[] = { "--backend=bpf", "-e", "inject=openat:error=ENOENT",
			       "/bin/true", NULL };

	const char *user[] = { "--backend=bpf", "-u", "nobody", "/bin/true",
			       NULL };

	assert_usage_error(args, "mytrace: -e inject= and -e fault= need a "
			   "backend that stops the tracee (--backend=ptrace)");
	assert_usage_error(user, "mytrace: --backend=bpf: -u: not supported; "
			   "use --backend=ptrace");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_text),
		cmocka_unit_test(test_filtered),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_failures),
		cmocka_unit_test(test_syscall_limit),
		cmocka_unit_test(test_environment),
		cmocka_unit_test(test_lost_events),
		cmocka_unit_test(test_lost_json),
		cmocka_unit_test(test_unprivileged),
		cmocka_unit_test(test_refused_options),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
