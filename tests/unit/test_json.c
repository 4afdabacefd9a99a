/* Unit tests of the JSON lines formatter: the exact object for known
 * calls, every value kind, strings that are not UTF-8, numbers past 2^53,
 * unfinished calls and the non-syscall events. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "consts.h"
#include "format.h"
#include "unit_helpers.h"

static struct arena arena;
/* start 1 s before the calls below: relative_ns is 1000000123 */
static const struct format_opts opts = { .start = { 1700000000, 0 } };
static const struct proc_ident who = { .comm = "prog", .uid = 1000 };

static void init_call(struct syscall_event *sc, const char *name,
		      unsigned nargs)
{
	memset(sc, 0, sizeof(*sc));
	sc->desc = desc(name);
	sc->nr = (uint64_t)syscall_number(&syscall_table_x86_64, name);
	sc->arch = "x86_64";
	sc->nargs = sc->nargs_enter = nargs;
	sc->enter_ts = (struct timespec){ 1700000001, 123 };
	sc->exit_ts = (struct timespec){ 1700000001, 5123 };
}

/* Renders events through one formatter state, as the core would. */
static char *render(const struct event *evs, unsigned n)
{
	return render_events(&format_json, &opts, evs, n);
}

/* Renders one syscall: its enter event writes nothing, its exit one line. */
static char *render_call(struct syscall_event *sc)
{
	struct event evs[2] = {
		{ .kind = EV_SYSCALL_ENTER, .pid = 10, .tid = 11, .who = &who,
		  .u.sc = sc },
		{ .kind = EV_SYSCALL_EXIT, .pid = 10, .tid = 11, .who = &who,
		  .u.sc = sc },
	};

	return render(evs, 2);
}

#define HEAD "{\"type\":\"syscall\",\"timestamp_ns\":\"1700000001000000123\"," \
	"\"relative_ns\":1000000123,\"pid\":10,\"tid\":11,\"comm\":\"prog\"," \
	"\"uid\":1000,"

static void test_write_hello(void **state)
{
	struct syscall_event sc;
	char *text;

	init_call(&sc, "write", 3);
	sc.args[0] = value_new(&arena, V_FD, "fd", 1);
	sc.args[1] = value_string(&arena, "buf", 0x1000, "hello\n", 6, false);
	sc.args[2] = value_uint(&arena, "count", 6);
	sc.rval = 6;
	sc.ret = value_int(&arena, "ret", 6);
	text = render_call(&sc);
	assert_string_equal(text, HEAD
		"\"syscall\":\"write\",\"nr\":1,\"arch\":\"x86_64\",\"args\":["
		"{\"name\":\"fd\",\"type\":\"fd\",\"value\":1},"
		"{\"name\":\"buf\",\"type\":\"string\",\"value\":\"hello\\n\","
		"\"truncated\":false},"
		"{\"name\":\"count\",\"type\":\"uint\",\"value\":6}],"
		"\"status\":\"complete\",\"duration_ns\":5000,\"retval\":6,"
		"\"return\":{\"type\":\"int\",\"value\":6}}\n");
	free(text);
}

static void test_error_and_flags(void **state)
{
	struct syscall_event sc;
	char *text;

	init_call(&sc, "openat", 3);
	sc.args[0] = value_enum(&arena, "dirfd", (uint64_t)-100, NULL, V_INT);
	sc.args[0]->u.en.sym = "AT_FDCWD";
	sc.args[1] = value_string(&arena, "pathname", 0x1000, "/nope", 5,
				  false);
	sc.args[2] = value_flags(&arena, "flags", 02000000 | 0x40000000,
				 &xlat_open_flags);
	sc.rval = -2;
	sc.err = 2;
	text = render_call(&sc);
	assert_string_equal(text, HEAD
		"\"syscall\":\"openat\",\"nr\":257,\"arch\":\"x86_64\",\"args\":["
		"{\"name\":\"dirfd\",\"type\":\"enum\",\"value\":-100,"
		"\"symbol\":\"AT_FDCWD\"},"
		"{\"name\":\"pathname\",\"type\":\"string\",\"value\":\"/nope\","
		"\"truncated\":false},"
		"{\"name\":\"flags\",\"type\":\"flags\",\"value\":1074266112,"
		"\"symbols\":[\"O_CLOEXEC\"],\"rest\":1073741824}],"
		"\"status\":\"complete\",\"duration_ns\":5000,\"retval\":-1,"
		"\"error\":{\"name\":\"ENOENT\",\"code\":2,"
		"\"message\":\"No such file or directory\"}}\n");
	free(text);
}

/* Bytes that are not UTF-8 become U+FFFD, with the exact bytes in hex;
 * valid multi-byte characters pass through; controls are \u escapes. */
static void test_strings_not_utf8(void **state)
{
	struct syscall_event sc;
	static const char bytes[] = "\xff" "a\xc3\xa9" "\xe2\x9c\x93"
		"\x01\x7f\"\\\t" "\xed\xa0\x80" "\xc0\xaf" "\xf4\x90\x80\x80"
		"\xe2\x9c";
	char *text;

	init_call(&sc, "write", 3);
	sc.args[0] = value_new(&arena, V_FD, "fd", 1);
	sc.args[1] = value_string(&arena, "buf", 0x1000, bytes,
				  sizeof(bytes) - 1, true);
	sc.args[2] = value_uint(&arena, "count", 100);
	sc.rval = 100;
	text = render_call(&sc);
	assert_non_null(strstr(text,
		"{\"name\":\"buf\",\"type\":\"string\",\"value\":\""
		"\xef\xbf\xbd" "a\xc3\xa9\xe2\x9c\x93\\u0001\\u007f\\\"\\\\\\t"
		"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"	/* surrogate */
		"\xef\xbf\xbd\xef\xbf\xbd"		/* overlong */
		"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" /* > 10ffff */
		"\xef\xbf\xbd\xef\xbf\xbd\","		/* cut short */
		"\"hex\":\"ff61c3a9e29c93017f225c09eda080c0aff4908080e29c\","
		"\"truncated\":true}"));
	/* no "return": nothing decoded it; retval is the raw number */
	assert_non_null(strstr(text, "\"retval\":100}\n"));
	free(text);
}

static void test_big_numbers_and_pointers(void **state)
{
	struct syscall_event sc;
	char *text;

	init_call(&sc, "mmap", 6);
	sc.args[0] = value_ptr(&arena, "addr", 0);
	sc.args[1] = value_uint(&arena, "length", 1ULL << 53);
	sc.args[2] = value_uint(&arena, "prot", (1ULL << 53) + 1);
	sc.args[3] = value_int(&arena, "flags", -(1LL << 53) - 1);
	sc.args[4] = value_hex(&arena, "fd", UINT64_MAX);
	sc.args[5] = value_new(&arena, V_UNAVAILABLE, "offset", 0xdead0000);
	sc.rval = 0x7f0000001000;
	sc.ret = value_ptr(&arena, "ret", 0x7f0000001000);
	text = render_call(&sc);
	assert_non_null(strstr(text, "\"args\":["
		"{\"name\":\"addr\",\"type\":\"ptr\",\"value\":\"0x0\"},"
		"{\"name\":\"length\",\"type\":\"uint\",\"value\":9007199254740992},"
		"{\"name\":\"prot\",\"type\":\"uint\",\"value\":\"9007199254740993\"},"
		"{\"name\":\"flags\",\"type\":\"int\",\"value\":\"-9007199254740993\"},"
		"{\"name\":\"fd\",\"type\":\"hex\",\"value\":\"18446744073709551615\"},"
		"{\"name\":\"offset\",\"type\":\"unavailable\",\"value\":\"0xdead0000\"}],"
		"\"status\":\"complete\",\"duration_ns\":5000,"
		"\"retval\":139637976731648,"
		"\"return\":{\"type\":\"ptr\",\"value\":\"0x7f0000001000\"}}\n"));
	free(text);
}

static void test_struct_array_sigset(void **state)
{
	struct syscall_event sc;
	struct value *st = value_struct(&arena, "statbuf", 0x10);
	struct value *arr = value_array(&arena, "argv", 0x20);
	struct value *set = value_new(&arena, V_SIGSET, "set", 0x30);
	static const char *sigs[] = { "INT", "RTMIN", "40" };
	struct value *fd = value_new(&arena, V_FD, "fd", 3);
	char *text;

	value_add(st, value_uint(&arena, "st_size", 3));
	value_add(st, value_new(&arena, V_OCTAL, "st_mode", 0644));
	st->u.kids.elided = true;
	value_add(arr, value_string(&arena, NULL, 0, "ls", 2, false));
	arr->comment = "1 var";
	set->u.sigset.names = sigs;
	set->u.sigset.count = 3;
	set->u.sigset.complement = true;
	fd->u.fd.path = "/etc/passwd";
	init_call(&sc, "newfstatat", 5);
	sc.args[0] = fd;
	sc.args[1] = st;
	sc.args[2] = arr;
	sc.args[3] = set;
	sc.args[4] = value_expr(&arena, "size", 8192 * 1024, "8192*1024");
	text = render_call(&sc);
	assert_non_null(strstr(text, "\"args\":["
		"{\"name\":\"fd\",\"type\":\"fd\",\"value\":3,"
		"\"path\":\"/etc/passwd\"},"
		"{\"name\":\"statbuf\",\"type\":\"struct\",\"address\":\"0x10\","
		"\"fields\":{\"st_size\":{\"type\":\"uint\",\"value\":3},"
		"\"st_mode\":{\"type\":\"octal\",\"value\":420}},"
		"\"elided\":true},"
		"{\"name\":\"argv\",\"type\":\"array\",\"address\":\"0x20\","
		"\"items\":[{\"type\":\"string\",\"value\":\"ls\","
		"\"truncated\":false}],\"elided\":false,\"comment\":\"1 var\"},"
		"{\"name\":\"set\",\"type\":\"sigset\","
		"\"signals\":[\"SIGINT\",\"SIGRTMIN\",\"40\"],"
		"\"complement\":true},"
		"{\"name\":\"size\",\"type\":\"expr\",\"value\":8388608,"
		"\"text\":\"8192*1024\"}]"));
	free(text);
}

/* AT_FDCWD with -y's directory, an injected result, -k's frames */
static void test_fd_symbol_inject_stack(void **state)
{
	struct syscall_event sc;
	struct stack_frame frames[2] = {
		{ 0x7f0000001234, 0x1234, "/lib/libc.so.6", "open64", 0x14,
		  "open.c", 3 },
		{ 0x5500000000aa, 0, NULL, NULL, 0, NULL, 0 },
	};
	struct stack_trace st = { 2, frames };
	struct value *fd = value_new(&arena, V_FD, "dirfd", (uint64_t)-100);
	char *text;

	fd->u.fd.sym = "AT_FDCWD";
	fd->u.fd.path = "/tmp";
	init_call(&sc, "openat", 1);
	sc.args[0] = fd;
	sc.rval = -13;
	sc.err = 13;
	sc.injected = true;
	sc.stack = &st;
	text = render_call(&sc);
	assert_non_null(strstr(text, "\"args\":[{\"name\":\"dirfd\",\"type\":\"fd\","
			       "\"value\":-100,\"symbol\":\"AT_FDCWD\","
			       "\"path\":\"/tmp\"}],"));
	assert_non_null(strstr(text, "\"error\":{\"name\":\"EACCES\",\"code\":13,"
			       "\"message\":\"Permission denied\"},"
			       "\"injected\":true,\"stack\":["
			       "{\"ip\":\"0x7f0000001234\",\"file\":\"/lib/libc.so.6\","
			       "\"offset\":\"0x1234\",\"function\":\"open64\","
			       "\"function_offset\":20,"
			       "\"source_file\":\"open.c\",\"source_line\":3},"
			       "{\"ip\":\"0x5500000000aa\",\"file\":null,"
			       "\"offset\":\"0x0\",\"function\":null,"
			       "\"function_offset\":0}]}\n"));
	free(text);
}

static void test_unfinished(void **state)
{
	struct syscall_event sc;
	char *text;

	init_call(&sc, "exit_group", 1);
	sc.args[0] = value_int(&arena, "status", 0);
	sc.ret_unknown = true;
	text = render_call(&sc);
	assert_non_null(strstr(text, "\"status\":\"unfinished\","
			       "\"duration_ns\":5000,\"retval\":null}\n"));
	free(text);
	init_call(&sc, "read", 1);
	sc.args[0] = value_new(&arena, V_FD, "fd", 0);
	sc.ret_unknown = true;
	sc.detached = true;
	text = render_call(&sc);
	assert_non_null(strstr(text, "\"status\":\"unfinished\","
			       "\"duration_ns\":5000,\"retval\":null,"
			       "\"detached\":true}\n"));
	free(text);
}

static void test_other_events(void **state)
{
	struct value *info = value_struct(&arena, NULL, 0);
	struct event evs[6] = {
		{ .kind = EV_SIGNAL, .pid = 5, .tid = 6, .u.signal = { 17, info } },
		{ .kind = EV_EXEC, .pid = 5, .tid = 5, .u.exec.old_tid = 6 },
		{ .kind = EV_EXITED, .pid = 5, .tid = 5, .u.exit = { 3, false } },
		{ .kind = EV_KILLED, .pid = 5, .tid = 5, .u.exit = { 11, true } },
		{ .kind = EV_ATTACH, .pid = 5, .tid = 5 },
		{ .kind = EV_DETACH, .pid = 5, .tid = 5, .who = &who },
	};
	char *text;

	value_add(info, value_enum(&arena, "si_signo", 17, NULL, V_INT));
	for (unsigned i = 0; i < 6; i++)
		evs[i].ts = (struct timespec){ 1700000000, 42 };
	text = render(evs, 6);
#define COMMON "\"timestamp_ns\":\"1700000000000000042\",\"relative_ns\":42," \
	"\"pid\":5,"
	assert_string_equal(text,
		"{\"type\":\"signal\"," COMMON "\"tid\":6,\"comm\":null,"
		"\"uid\":null,\"signal\":\"SIGCHLD\",\"signo\":17,\"info\":"
		"{\"type\":\"struct\",\"fields\":{\"si_signo\":{\"type\":\"enum\","
		"\"value\":17,\"symbol\":null}},\"elided\":false}}\n"
		"{\"type\":\"exec\"," COMMON "\"tid\":5,\"comm\":null,\"uid\":null,"
		"\"old_tid\":6}\n"
		"{\"type\":\"exited\"," COMMON "\"tid\":5,\"comm\":null,"
		"\"uid\":null,\"exit_code\":3}\n"
		"{\"type\":\"killed\"," COMMON "\"tid\":5,\"comm\":null,"
		"\"uid\":null,\"signal\":\"SIGSEGV\",\"signo\":11,"
		"\"core_dumped\":true}\n"
		"{\"type\":\"attach\"," COMMON "\"tid\":5,\"comm\":null,"
		"\"uid\":null}\n"
		"{\"type\":\"detach\"," COMMON "\"tid\":5,\"comm\":\"prog\","
		"\"uid\":1000}\n");
	free(text);
}

static void test_group_stop(void **state)
{
	struct event ev = { .kind = EV_GROUP_STOP, .pid = 5, .tid = 6,
			    .ts = { 1700000000, 42 }, .who = &who,
			    .u.signal.sig = 19 };
	char *text = render(&ev, 1);

	assert_string_equal(text, "{\"type\":\"stopped\","
		"\"timestamp_ns\":\"1700000000000000042\",\"relative_ns\":42,"
		"\"pid\":5,\"tid\":6,\"comm\":\"prog\",\"uid\":1000,"
		"\"signal\":\"SIGSTOP\",\"signo\":19}\n");
	free(text);
}

/* A comm is the program's choice of bytes: it is escaped like a string. */
static void test_comm_escaped(void **state)
{
	struct proc_ident odd = { .comm = "a\"\xff\n", .uid = 0 };
	struct event ev = { .kind = EV_EXITED, .pid = 1, .tid = 1,
			    .who = &odd };
	char *text = render(&ev, 1);

	assert_non_null(strstr(text, "\"comm\":\"a\\\"\xef\xbf\xbd\\n\","));
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
		cmocka_unit_test(test_write_hello),
		cmocka_unit_test(test_error_and_flags),
		cmocka_unit_test(test_strings_not_utf8),
		cmocka_unit_test(test_big_numbers_and_pointers),
		cmocka_unit_test(test_struct_array_sigset),
		cmocka_unit_test(test_fd_symbol_inject_stack),
		cmocka_unit_test(test_unfinished),
		cmocka_unit_test(test_other_events),
		cmocka_unit_test(test_group_stop),
		cmocka_unit_test(test_comm_escaped),
	};

	return cmocka_run_group_tests_name("unit: json format", tests, NULL,
					   teardown);
}
