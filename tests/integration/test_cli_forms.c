/* End-to-end tests of strace's command-line forms: each is run under the
 * installed strace and under mytrace on the same program, and the traces
 * must match line for line (addresses and digits masked); forms strace
 * refuses or mytrace does not support must fail with one clear line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

#define PROG "cli_forms"
#define HINT "\nTry 'mytrace -h' for more information.\n"

/* Runs flags + the test program under both tracers; returns the masked
 * traces in *mine and *theirs. */
static void run_both(const char *const flags[], char **mine, char **theirs)
{
	const char *args[40];
	struct run_result m, s;
	size_t n = 0;

	while (flags[n]) {
		assert_true(n < 38);
		args[n] = flags[n];
		n++;
	}
	args[n++] = test_program(PROG);
	args[n] = NULL;
	run_traced(&m, args);
	run_strace(&s, args);
	assert_int_equal(m.exit_code, s.exit_code);
	assert_string_equal(m.out, s.out);
	*mine = mask_each_digit(m.trace);
	*theirs = mask_each_digit(s.trace);
	run_result_free(&m);
	run_result_free(&s);
}

/* The traces of flags under strace and mytrace are the same. */
static void assert_like_strace(const char *const flags[])
{
	char *mine, *theirs;

	if (!have_strace())
		skip();
	run_both(flags, &mine, &theirs);
	if (strcmp(mine, theirs) != 0) {
		print_error("mytrace:\n%s\nstrace:\n%s\n", mine, theirs);
		fail();
	}
	free(mine);
	free(theirs);
}

#define LIKE_STRACE(...) do { \
	const char *flags_[] = { __VA_ARGS__, NULL }; \
	assert_like_strace(flags_); \
} while (0)

#define CALLS "-e", "trace=openat,write,read,close,getuid"

/* Exit 1 with exactly message on stderr and nothing run. */
static void expect_error(const char *const args[], const char *message)
{
	struct run_result r;

	run_mytrace_raw(&r, args);
	assert_int_equal(r.exit_code, 1);
	assert_string_equal(r.err, message);
	assert_string_equal(r.out, "");
	run_result_free(&r);
}

#define TRY "Try 'mytrace -h' for more information.\n"
#define EXPECT_ERROR(message, ...) do { \
	const char *args_[] = { __VA_ARGS__, NULL }; \
	expect_error(args_, message); \
} while (0)

static void test_last_qualifier_wins(void **state)
{
	LIKE_STRACE("-e", "trace=openat,close", "-e", "trace=write");
	LIKE_STRACE(CALLS, "-e", "status=failed", "-e", "status=successful");
	LIKE_STRACE(CALLS, "-e", "raw=close", "-e", "raw=write");
	LIKE_STRACE("-e", "trace=write", "-e", "write=1", "-e", "write=3");
	LIKE_STRACE(CALLS, "-e", "signal=none", "-e", "signal=all");
}

static void test_long_qualifiers(void **state)
{
	LIKE_STRACE("--trace=openat");
	LIKE_STRACE("--trace=write", "--write=3");
	LIKE_STRACE("--trace=read", "--read=3");
	LIKE_STRACE(CALLS, "--raw=openat", "--abbrev=none", "--verbose=all");
	LIKE_STRACE(CALLS, "--status=failed");
	LIKE_STRACE(CALLS, "--signal=!SIGCHLD");
	LIKE_STRACE(CALLS, "--inject=getuid:retval=42");
	LIKE_STRACE(CALLS, "--fault=getuid:error=EPERM");
	LIKE_STRACE(CALLS, "--quiet=exit");
}

static void test_syscall_set_syntax(void **state)
{
	LIKE_STRACE("-e", "trace=257");
	LIKE_STRACE("-e", "trace=file");
	LIKE_STRACE("-e", "trace=desc");
	LIKE_STRACE("-e", "trace=?%file,getuid@64");
	LIKE_STRACE("-e", "trace=openat@64,?nosuchcall,?999");
	LIKE_STRACE("-e", "trace=all@64", "-e", "trace=!%memory,getrandom");
	/* no x32 programs run here: the name matches nothing, as in strace */
	LIKE_STRACE("-e", "trace=openat@x32,write");
	/* one line, as strace's (no hint) */
	EXPECT_ERROR("mytrace: invalid system call 'none@64'\n",
		     "-e", "trace=none@64", "/bin/true");
	EXPECT_ERROR("mytrace: invalid system call '999'\n",
		     "-e", "trace=999", "/bin/true");
}

static void test_quiet(void **state)
{
	LIKE_STRACE(CALLS, "-q");
	LIKE_STRACE(CALLS, "-qq");
	LIKE_STRACE(CALLS, "-qqq");
	LIKE_STRACE(CALLS, "-e", "quiet=attach,exits");
	LIKE_STRACE(CALLS, "-e", "quiet=!exit");
	LIKE_STRACE(CALLS, "--silence=none");
	EXPECT_ERROR("mytrace: invalid quiet 'bogus'\n",
		     "-e", "quiet=bogus", "/bin/true");
}

static void test_decode_fds(void **state)
{
	LIKE_STRACE(CALLS, "--decode-fds");
	LIKE_STRACE(CALLS, "--decode-fds=dev");
	LIKE_STRACE(CALLS, "-e", "decode-fds=path,dev");
	LIKE_STRACE(CALLS, "-e", "decode-fds=socket");
	LIKE_STRACE(CALLS, "-e", "decode-fds=!path");
	LIKE_STRACE(CALLS, "-yy");
	EXPECT_ERROR("mytrace: invalid decode-fds 'bogus'\n",
		     "--decode-fds=bogus", "/bin/true");
}

static void test_time_forms(void **state)
{
	LIKE_STRACE(CALLS, "-r");
	LIKE_STRACE(CALLS, "--relative-timestamps=ms");
	LIKE_STRACE(CALLS, "--relative-timestamps=ns", "-tt");
	LIKE_STRACE(CALLS, "-r", "--relative-timestamps=s");
	LIKE_STRACE(CALLS, "--syscall-times=ns");
	LIKE_STRACE(CALLS, "--syscall-times=s");
	LIKE_STRACE(CALLS, "-T", "--syscall-times=ms");
	LIKE_STRACE(CALLS, "--timestamps");
	LIKE_STRACE(CALLS, "--timestamps=unix,ms");
	LIKE_STRACE(CALLS, "--absolute-timestamps=precision:ns,format:time");
	LIKE_STRACE(CALLS, "--absolute-timestamps=none");
	LIKE_STRACE(CALLS, "--absolute-timestamps=format:unix",
		    "--absolute-timestamps=precision:ms");
	LIKE_STRACE(CALLS, "--absolute-timestamps=precision:us",
		    "--absolute-timestamps");
	LIKE_STRACE(CALLS, "--absolute-timestamps=none",
		    "--absolute-timestamps=precision:ms");
	LIKE_STRACE(CALLS, "-ttt");
	EXPECT_ERROR("mytrace: invalid --relative-timestamps argument: 'xs'"
		     HINT, "--relative-timestamps=xs", "/bin/true");
	EXPECT_ERROR("mytrace: invalid --syscall-times argument: ''" HINT,
		     "--syscall-times=", "/bin/true");
	EXPECT_ERROR("mytrace: -t and --absolute-timestamps cannot be "
		     "provided simultaneously\n", "-t", "--timestamps=ms",
		     "/bin/true");
}

static void test_strings_and_constants(void **state)
{
	LIKE_STRACE(CALLS, "--strings-in-hex=non-ascii-chars");
	LIKE_STRACE(CALLS, "--strings-in-hex");
	LIKE_STRACE(CALLS, "--strings-in-hex=non-ascii");
	LIKE_STRACE(CALLS, "--strings-in-hex=none");
	EXPECT_ERROR("mytrace: -x and --strings-in-hex cannot be provided "
		     "simultaneously\n", "-x", "--strings-in-hex=none",
		     "/bin/true");
	LIKE_STRACE(CALLS, "--const-print-style=raw");
	LIKE_STRACE(CALLS, "--const-print-style=verbose");
}

static void test_summary_forms(void **state)
{
	char *mine, *theirs;
	const char *flags[] = { "-U", "time,calls", "-c", CALLS, NULL };

	if (!have_strace())
		skip();
	/* the header line: the columns asked for, by strace's alias */
	run_both(flags, &mine, &theirs);
	assert_memory_equal(mine, theirs, strcspn(theirs, "\n"));
	free(mine);
	free(theirs);
	/* -O: an overhead above every call's time leaves them all at 0, so
	 * both tables are the same, row order (by number) included */
	{
		const char *o[] = { "-c", "-O", "1s", CALLS, NULL };
		const char *o2[] = { "--summary-syscall-overhead=1ms", "-c",
				     CALLS, NULL };

		assert_like_strace(o);
		assert_like_strace(o2);
	}
	EXPECT_ERROR("mytrace: invalid -O argument: '-5'" HINT,
		     "-O", "-5", "/bin/true");
	EXPECT_ERROR("mytrace: -c/--summary-only and -C/--summary are "
		     "mutually exclusive" HINT, "-c", "-C", "/bin/true");
	EXPECT_ERROR("mytrace: (-c/--summary-only or -C/--summary) and "
		     "-ff/--output-separately are mutually exclusive" HINT,
		     "-ff", "-c", "/bin/true");
}

/* -A appends to what the file held; strace does the same. */
static void test_append(void **state)
{
	char path[] = "/tmp/mytrace-cli-append-XXXXXX";
	const char *args[] = { "-A", "-o", path, "-e", "trace=getuid",
			       test_program(PROG), NULL };
	struct run_result r;
	FILE *f;
	char text[256];
	size_t n;

	close(mkstemp(path));
	f = fopen(path, "w");
	fputs("before\n", f);
	fclose(f);
	run_mytrace_raw(&r, args);
	assert_int_equal(r.exit_code, 0);
	run_result_free(&r);
	f = fopen(path, "r");
	n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	unlink(path);
	text[n] = 0;
	assert_true(strncmp(text, "before\ngetuid() ", 16) == 0);
	assert_non_null(strstr(text, "+++ exited with 0 +++\n"));
}

/* -o '|CMD' and -o '!CMD': the trace goes through sh -c CMD, which has
 * written it all when mytrace exits. */
static void test_pipe(void **state)
{
	char path[] = "/tmp/mytrace-cli-pipe-XXXXXX";
	char cmd[128], line[128];
	const char *args[] = { "-o", cmd, "-e", "trace=getuid",
			       test_program(PROG), NULL };
	struct run_result r;

	close(mkstemp(path));
	for (int bang = 0; bang < 2; bang++) {
		FILE *f;

		snprintf(cmd, sizeof(cmd), "%ctr a-z A-Z > %s",
			 bang ? '!' : '|', path);
		run_mytrace_raw(&r, args);
		assert_int_equal(r.exit_code, 0);
		assert_string_equal(r.err, "");
		run_result_free(&r);
		f = fopen(path, "r");
		assert_non_null(fgets(line, sizeof(line), f));
		fclose(f);
		assert_true(strncmp(line, "GETUID() ", 9) == 0);
	}
	unlink(path);
	EXPECT_ERROR("mytrace: piping the output and -ff/--output-separately "
		     "are mutually exclusive" HINT,
		     "-ff", "-o", "|cat", "/bin/true");
}

/* --output-separately without -f: the command alone in FILE.PID, as
 * strace writes it. */
static void separately_without_f(void)
{
	char dir[] = "/tmp/mytrace-sep-XXXXXX", cmd[512];
	glob_t g;
	FILE *f;
	char line[256];

	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd), "%s --output-separately -o %s/x "
		 "-e trace=execve /bin/true", mytrace_path(), dir);
	assert_int_equal(system(cmd), 0);
	snprintf(cmd, sizeof(cmd), "%s/x.*", dir);
	assert_int_equal(glob(cmd, 0, NULL, &g), 0);
	assert_int_equal(g.gl_pathc, 1);
	f = fopen(g.gl_pathv[0], "r");
	assert_non_null(f);
	assert_non_null(fgets(line, sizeof(line), f));
	/* no pid prefix: the file name carries it */
	assert_memory_equal(line, "execve(\"/bin/true\"", 18);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	globfree(&g);
}

/* A file named json is written (strace's -o), with a note on --format. */
static void test_output_name_note(void **state)
{
	const char *args[] = { "-o", "json", "-e", "trace=none",
			       "/bin/true", NULL };
	struct run_result r;

	assert_int_equal(access("json", F_OK), -1);
	run_mytrace_raw(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.err, "mytrace: note: writing the trace to a "
			    "file named 'json'; --format=json chooses the "
			    "format\n");
	run_result_free(&r);
	assert_int_equal(unlink("json"), 0);
}

/* -P names a symbolic link: both tell on stderr what it resolved into,
 * unless -e quiet=path-resolution (or -qqq). */
static void test_path_resolution(void **state)
{
	char dir[] = "/tmp/mytrace-cli-XXXXXX", link[64];
	const char *args[] = { "-P", link, "-P", "/dev/null", CALLS,
			       test_program(PROG), NULL };
	const char *quiet[] = { "-P", link, "-e", "quiet=path-resolution",
				"-e", "trace=none", "/bin/true", NULL };
	struct run_result m, s;

	assert_non_null(mkdtemp(dir));
	snprintf(link, sizeof(link), "%s/null", dir);
	assert_int_equal(symlink("/dev/null", link), 0);
	LIKE_STRACE("-P", link, CALLS);
	run_traced(&m, args);
	assert_int_equal(m.exit_code, 0);
	if (have_strace()) {
		run_command(&s, (const char *const[]){ "/usr/bin/strace", "-P",
			    link, "-P", "/dev/null", "-o", "/dev/null",
			    "/bin/true", NULL });
		/* strace's line, with our name */
		assert_string_equal(strstr(m.err, "Requested"),
				    strstr(s.err, "Requested"));
		run_result_free(&s);
	}
	assert_true(strncmp(m.err, "mytrace: Requested path \"", 25) == 0);
	run_result_free(&m);
	run_mytrace_raw(&m, quiet);
	assert_string_equal(m.err, "+++ exited with 0 +++\n");
	run_result_free(&m);
	unlink(link);
	rmdir(dir);
}

static void test_follow_aliases(void **state)
{
	struct run_result r;
	const char *args[] = { "-F", "-e", "trace=getuid", test_program(PROG),
			       NULL };

	LIKE_STRACE("-f", CALLS);
	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.err, "mytrace: option -F is deprecated, "
			    "please use -f/--follow-forks instead\n");
	/* -f into a file: each line starts with the pid, as in strace */
	assert_non_null(strstr(r.trace, " getuid() "));
	run_result_free(&r);
	separately_without_f();
}

/* Long names: exact names first, unambiguous abbreviations, and errors
 * that name the option given. */
static void test_long_names(void **state)
{
	LIKE_STRACE("--trace=openat", "--succ");
	LIKE_STRACE(CALLS, "--no-abbrev", "--columns=60");
	EXPECT_ERROR("mytrace: option '--tr' is ambiguous: --trace, "
		     "--trace-path, --trace-fds" HINT, "--tr=openat",
		     "/bin/true");
	EXPECT_ERROR("mytrace: option '--follow-forks' takes no argument"
		     HINT, "--follow-forks=yes", "/bin/true");
	EXPECT_ERROR("mytrace: unrecognized option '--bogus'" HINT,
		     "--bogus=1", "/bin/true");
	EXPECT_ERROR("mytrace: option '--output' requires an argument" HINT,
		     "--output");
}

/* The stderr of "mytrace -o /dev/null -e trace=none ARG true". */
static char *tip_of(const char *arg)
{
	const char *args[] = { "-o", "/dev/null", "-e", "trace=none", arg,
			       "true", NULL };
	struct run_result r;
	char *err;

	run_mytrace_raw(&r, args);
	assert_int_equal(r.exit_code, 0);
	err = strdup(r.err);
	run_result_free(&r);
	return err;
}

/* A box: every line starts and ends with its frame and is as wide as the
 * first; returns the number of lines. */
static int box_lines(const char *text)
{
	size_t width = strcspn(text, "\n");
	int n = 0;

	assert_true(width > 4);
	for (const char *l = text; *l; n++) {
		size_t len = strcspn(l, "\n");

		assert_int_equal(len, width);
		assert_true(strchr("+|", l[0]) && l[0] == l[len - 1]);
		l += len + (l[len] == '\n');
	}
	return n;
}

/* --tips (strace 6.1): one of mytrace's own tips in a box on stderr at
 * the end; ids wrap around, format:none prints nothing. */
static void test_tips(void **state)
{
	char *a = tip_of("--tips=id:1"), *b, *full;
	const char *none;
	unsigned n;

	assert_true(box_lines(a) >= 3);
	/* the first id that repeats id 1 gives the count */
	for (n = 2; n < 100; n++) {
		char arg[32];

		snprintf(arg, sizeof(arg), "--tips=%u", n);
		b = tip_of(arg);
		if (!strcmp(a, b)) {
			free(b);
			break;
		}
		free(b);
	}
	assert_true(n < 100);
	full = tip_of("--tips=id:1,format:full");
	box_lines(full);
	assert_non_null(strstr(full, "(--tips=id:1 shows it again) |\n"));
	none = tip_of("--tips=id:1,none");
	assert_string_equal(none, "");
	free((char *)none);
	free(full);
	free(a);
	assert_usage_error((const char *[]){ "--tips=id:-1", "true", NULL },
			   "mytrace: invalid --tips argument: 'id:-1'");
	assert_usage_error((const char *[]){ "--tips=format:big", "true",
			   NULL }, "mytrace: invalid --tips argument: "
			   "'format:big'");
}

static void test_version_features(void **state)
{
	const char *args[] = { "-V", NULL };
	struct run_result r;

	run_mytrace_raw(&r, args);
	assert_int_equal(r.exit_code, 0);
	/* the version, two lines of copyright and license, a blank line */
	assert_non_null(strstr(r.out, "\n\nOptional features enabled: "
				      "stack-trace=libunwind stack-demangle"));
	assert_non_null(strstr(r.out, "\nCopyright (c) "));
	run_result_free(&r);
}

/* -i: "[" 16 hex digits "] " before every call line, as strace prints
 * it; the exit line's address is unknown */
static void test_instruction_pointer(void **state)
{
	struct run_result r;
	const char *args[] = { "-i", CALLS, test_program(PROG), NULL };
	unsigned calls = 0;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	for (const char *p = r.trace; *p; p = strchr(p, '\n') + 1) {
		if (strncmp(p, "[????????????????] +++ exited with 0 +++\n",
			    41) == 0)
			continue;
		assert_int_equal(p[0], '[');
		assert_int_equal(strspn(p + 1, "0123456789abcdef"), 16);
		assert_memory_equal(p + 17, "] ", 2);
		calls++;
	}
	assert_true(calls > 3);
	assert_true(has_line(r.trace,
			     "[????????????????] +++ exited with 0 +++"));
	run_result_free(&r);
}

/* As in strace, only traced calls that pass -P are tampered with. */
static void test_inject_forms(void **state)
{
	LIKE_STRACE("-P", "/dev/null", "-e", "inject=%file:error=ENOENT");
	LIKE_STRACE("-e", "trace=close", "-e", "inject=openat:error=ENOENT");
	LIKE_STRACE("-e", "trace=openat,getuid",
		    "-e", "inject=getuid:syscall=gettid:retval=7");
	LIKE_STRACE("-e", "trace=openat,getuid",
		    "-e", "fault=getuid:syscall=getpid:error=EPERM");
	/* "/dev/zero" over the first path; "ABC" into read's buffer */
	LIKE_STRACE("-e", "trace=openat",
		    "-e", "inject=openat:when=1:"
		    "poke_enter=@arg2=2f6465762f7a65726f00");
	LIKE_STRACE("-e", "trace=read",
		    "-e", "inject=read:poke_exit=@arg2=41424300:retval=3");
	LIKE_STRACE("-e", "trace=read",
		    "-e", "inject=read:poke_exit=@arg2=41424300");
	/* the kernel sends the signal: SI_KERNEL */
	LIKE_STRACE("-e", "trace=getuid", "-e", "inject=getuid:signal=USR1");
}

/* Under a seccomp filter the call's entry stop cannot carry a signal:
 * strace 6.1 drops it, mytrace sends it at the call's exit. */
static void test_inject_signal_seccomp(void **state)
{
	struct run_result r;
	const char *args[] = { "--seccomp-bpf", "-e", "trace=getuid",
			       "-e", "inject=getuid:error=EIO:signal=USR1",
			       test_program(PROG), NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 128 + 10);
	assert_string_equal(r.trace,
		"getuid()                                = -1 EIO "
		"(Input/output error) (INJECTED)\n"
		"--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_KERNEL} ---\n"
		"+++ killed by SIGUSR1 +++\n");
	run_result_free(&r);
}

/* strace 6.3's --argv0, 6.8's --stack-trace-frame-limit and 6.9's
 * -u UID:GID, as their man pages describe them (strace 6.1 has none). */
static void test_newer_forms(void **state)
{
	struct run_result r;
	const char *prog = test_program("argv0");
	const char *argv0[] = { "-e", "trace=execve", "--argv0=renamed",
				prog, NULL };
	char *line;
	const char *ids[] = { "-e", "trace=none", "-u", "65534:65533",
			      "/bin/sh", "-c", "echo $(id -u) $(id -g) "
			      "$(id -G)", NULL };
	const char *frames[] = { "-k", "--stack-trace-frame-limit=1",
				 "-e", "trace=openat",
				 test_program("callchain"), NULL };

	run_traced(&r, argv0);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "renamed\n");
	assert_true(asprintf(&line, "execve(\"%s\", [\"renamed\"], ", prog) > 0);
	assert_non_null(strstr(r.trace, line));
	free(line);
	run_result_free(&r);
	/* the main thread's openat: one frame, the libc one */
	run_traced(&r, frames);
	assert_int_equal(r.exit_code, 0);
	assert_true(count_lines_with_prefix(r.trace, "openat(") > 0);
	assert_int_equal(count_lines_with_prefix(r.trace, " > "),
			 count_lines_with_prefix(r.trace, "openat("));
	run_result_free(&r);
	EXPECT_ERROR("mytrace: invalid --stack-trace-frame-limit argument: "
		     "'0'" HINT, "--stack-trace-frame-limit=0", "/bin/true");
	EXPECT_ERROR("mytrace: --argv0 needs a COMMAND to run" HINT,
		     "--argv0=x", "-p", "1");
	if (getuid() != 0)
		return;
	/* exactly those ids, and no supplementary group */
	run_traced(&r, ids);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(r.out, "65534 65533 65533\n");
	run_result_free(&r);
}

/* strace 6.3's -e trace-fds= (its man page): only calls on those
 * descriptors (the loader's too), and with -P a call that matches
 * either; injection follows the filter. */
static void test_trace_fds(void **state)
{
	struct run_result r;
	const char *fds[] = { "--trace-fds=3", test_program(PROG), NULL };
	const char *either[] = { "-e", "fd=!0,1,2", "-P", "/dev/null",
				 "-e", "inject=write:error=ENOSPC",
				 test_program(PROG), NULL };

	run_traced(&r, fds);
	assert_int_equal(r.exit_code, 0);
	assert_true(has_line(r.trace, "write(3, \"a\\33b\\n\\377\", 5)"
			     "              = 5"));
	assert_true(has_line(r.trace, "read(3, \"\", 4)                    "
			     "      = 0"));
	assert_int_equal(count_lines_with_prefix(r.trace, "openat("), 0);
	assert_int_equal(count_lines_with_prefix(r.trace, "getuid("), 0);
	run_result_free(&r);
	run_traced(&r, either);
	assert_int_equal(r.exit_code, 1);
	assert_true(has_line(r.trace, "write(3, \"a\\33b\\n\\377\", 5)"
			     "              = -1 ENOSPC (No space left on "
			     "device) (INJECTED)"));
	assert_true(has_line(r.trace, "openat(AT_FDCWD, \"/dev/null\", "
			     "O_WRONLY) = 3"));
	run_result_free(&r);
	EXPECT_ERROR("mytrace: invalid trace-fds argument 'x': invalid "
		     "descriptor 'x'\n", "-e", "trace-fds=x", "/bin/true");
}

/* -d: our own lines, after the trace, on stderr (strace's are its own). */
static void test_debug(void **state)
{
	struct run_result r;
	const char *args[] = { "-d", "-e", "trace=none", "/bin/true", NULL };

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_true(count_lines_with_prefix(r.err, "mytrace: debug: consumer "
					    "0: ") == 1);
	assert_true(count_lines_with_prefix(r.err, "mytrace: debug: launched "
					    "/bin/true as ") == 1);
	assert_non_null(strstr(r.err, ": wait status 0\n"));
	run_result_free(&r);
}

/* Spellings strace's own tests use: a hex retval=, -S with an
 * underscore, -e q= for quiet. */
static void test_strace_spellings(void **state)
{
	const char *hex[] = { "-e", "trace=getppid", "-e",
			      "inject=getppid:retval=0x2a:when=1",
			      test_program("counts"), NULL };
	const char *sort[] = { "-c", "-S", "time_total", "/bin/true", NULL };
	const char *q[] = { "-e", "q=attach,personality", "-e", "trace=none",
			    "/bin/true", NULL };
	struct run_result r;

	run_traced(&r, hex);
	assert_has_line(r.trace, "getppid()                               = "
			"42 (INJECTED)");
	run_result_free(&r);
	run_traced(&r, sort);
	assert_int_equal(r.exit_code, 0);
	assert_non_null(strstr(r.trace, "% time"));
	run_result_free(&r);
	run_traced(&r, q);
	assert_int_equal(r.exit_code, 0);
	assert_has_line(r.trace, "+++ exited with 0 +++");
	run_result_free(&r);
}

static void test_refusals(void **state)
{
	EXPECT_ERROR("mytrace: --kvm is not supported\n", "--kvm=vcpu",
		     "/bin/true");
	EXPECT_ERROR("mytrace: -e kvm= is not supported\n", "-e", "kvm=vcpu",
		     "/bin/true");
	EXPECT_ERROR("mytrace: invalid decode-pids 'foo'\n",
		     "--decode-pids=foo", "/bin/true");
	EXPECT_ERROR("mytrace: invalid namespace 'all'" HINT,
		     "--namespace=all", "/bin/true");
	EXPECT_ERROR("mytrace: -D and --daemonize cannot be provided "
		     "simultaneously\n", "-D", "--daemonize=session",
		     "/bin/true");
	EXPECT_ERROR("mytrace: Too many -D's (4), maximum supported -D count "
		     "is 3\n" TRY, "-DDDD", "/bin/true");
	EXPECT_ERROR("mytrace: PROG [ARGS] must be specified with "
		     "-D/--daemonize\n" TRY, "-D", "-p", "1");
	EXPECT_ERROR("mytrace: invalid -I argument: '5'\n" TRY, "-I", "5",
		     "/bin/true");
	EXPECT_ERROR("mytrace: invalid --daemonize argument: 'x'\n" TRY,
		     "--daemonize=x", "/bin/true");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_last_qualifier_wins),
		cmocka_unit_test(test_inject_forms),
		cmocka_unit_test(test_inject_signal_seccomp),
		cmocka_unit_test(test_long_qualifiers),
		cmocka_unit_test(test_syscall_set_syntax),
		cmocka_unit_test(test_quiet),
		cmocka_unit_test(test_decode_fds),
		cmocka_unit_test(test_time_forms),
		cmocka_unit_test(test_strings_and_constants),
		cmocka_unit_test(test_summary_forms),
		cmocka_unit_test(test_append),
		cmocka_unit_test(test_pipe),
		cmocka_unit_test(test_output_name_note),
		cmocka_unit_test(test_path_resolution),
		cmocka_unit_test(test_follow_aliases),
		cmocka_unit_test(test_long_names),
		cmocka_unit_test(test_version_features),
		cmocka_unit_test(test_tips),
		cmocka_unit_test(test_newer_forms),
		cmocka_unit_test(test_trace_fds),
		cmocka_unit_test(test_debug),
		cmocka_unit_test(test_strace_spellings),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_instruction_pointer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
