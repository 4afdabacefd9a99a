/* Unit tests of the text format's output controls: -N argument names,
 * --always-show-pid, --color, and a call cut short by a detach. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "format.h"
#include "unit_helpers.h"

static struct arena arena;
static struct format_opts opts;

static char *render(const struct event *evs, unsigned n)
{
	return render_events(&format_text, &opts, evs, n);
}

static char *render_call(struct syscall_event *sc)
{
	struct event evs[2] = {
		{ .kind = EV_SYSCALL_ENTER, .pid = 7, .tid = 7, .u.sc = sc },
		{ .kind = EV_SYSCALL_EXIT, .pid = 7, .tid = 7, .u.sc = sc },
	};

	return render(evs, 2);
}

static void init_openat(struct syscall_event *sc)
{
	memset(sc, 0, sizeof(*sc));
	sc->desc = desc("openat");
	sc->nargs = sc->nargs_enter = 4;
	sc->args[0] = value_int(&arena, "dirfd", -100);
	sc->args[1] = value_string(&arena, "pathname", 0, "/etc/passwd", 11,
				   false);
	sc->args[2] = value_hex(&arena, "flags", 0);
	/* omitted by its decoder (no O_CREAT): no name either */
	sc->args[3] = NULL;
	sc->rval = 3;
}

static void test_arg_names(void **state)
{
	struct syscall_event sc;
	char *text;

	init_openat(&sc);
	opts = (struct format_opts){ .align_column = 40, .arg_names = true };
	text = render_call(&sc);
	assert_string_equal(text, "openat(dirfd=-100, pathname=\"/etc/passwd\", "
			    "flags=0) = 3\n");
	free(text);
}

static void test_always_show_pid(void **state)
{
	struct syscall_event sc;
	struct event ex = { .kind = EV_EXITED, .pid = 7, .tid = 7 };
	char *text;

	init_openat(&sc);
	opts = (struct format_opts){ .align_column = 40,
				     .always_show_pid = true };
	text = render_call(&sc);
	assert_string_equal(text, "[pid     7] openat(-100, \"/etc/passwd\", 0) = 3\n");
	free(text);
	text = render(&ex, 1);
	assert_string_equal(text, "[pid     7] +++ exited with 0 +++\n");
	free(text);
}

static void test_color(void **state)
{
	struct syscall_event sc;
	struct event ex = { .kind = EV_KILLED, .pid = 7, .tid = 7,
			    .u.exit = { 9, false } };
	char *text;

	init_openat(&sc);
	sc.rval = -2;
	sc.err = 2;
	opts = (struct format_opts){ .align_column = 40,
				     .color = COLOR_ALWAYS };
	text = render_call(&sc);
	/* colour escapes do not count toward the column-40 alignment */
	assert_string_equal(text, "\033[1mopenat\033[0m(-100, \"/etc/passwd\", 0)"
			    "          = \033[31m-1 ENOENT (No such file or directory)"
			    "\033[0m\n");
	free(text);
	text = render(&ex, 1);
	assert_string_equal(text, "\033[35m+++ killed by SIGKILL +++\033[0m\n");
	free(text);
	/* auto: a memfd is no terminal */
	opts.color = COLOR_AUTO;
	text = render(&ex, 1);
	assert_string_equal(text, "+++ killed by SIGKILL +++\n");
	free(text);
}

/* the leader's own exec prints nothing and keeps the line open */
static void test_silent_events(void **state)
{
	struct syscall_event sc;
	struct event evs[3] = {
		{ .kind = EV_SYSCALL_ENTER, .pid = 7, .tid = 7, .u.sc = &sc },
		{ .kind = EV_EXEC, .pid = 7, .tid = 7, .u.exec.old_tid = 7 },
		{ .kind = EV_SYSCALL_EXIT, .pid = 7, .tid = 7, .u.sc = &sc },
	};
	char *text;

	init_openat(&sc);
	opts = (struct format_opts){ .align_column = 40 };
	text = render(evs, 3);
	assert_string_equal(text, "openat(-100, \"/etc/passwd\", 0)          = 3\n");
	free(text);
}

static void test_detached(void **state)
{
	struct syscall_event sc = { .desc = desc("read"), .nargs = 3,
				    .nargs_enter = 1, .ret_unknown = true,
				    .detached = true };
	char *text;

	sc.args[0] = value_int(&arena, "fd", 0);
	opts = (struct format_opts){ .align_column = 40 };
	text = render_call(&sc);
	assert_string_equal(text, "read(0,  <detached ...>\n");
	free(text);
}

static int teardown(void **state)
{
	arena_free(&arena);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arg_names),
		cmocka_unit_test(test_always_show_pid),
		cmocka_unit_test(test_color),
		cmocka_unit_test(test_silent_events),
		cmocka_unit_test(test_detached),
	};

	return cmocka_run_group_tests_name("unit: text output controls", tests,
					   NULL, teardown);
}
