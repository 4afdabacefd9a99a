/* ioctl request names and arguments: runs tests/programs/decode_ioctl
 * under mytrace and asserts that every line the program prints (the line
 * it expects for each of its calls) is in the trace. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

static void test_decode_ioctl(void **state)
{
	const char *args[] = { "-e", "trace=ioctl", test_program("decode_ioctl"),
			       NULL };
	struct run_result r;
	char *trace, *want, *line, *save = NULL;
	int lines = 0;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	trace = normalize_trace(r.trace);
	want = normalize_trace(r.out);
	for (line = strtok_r(want, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		assert_has_line(trace, line);
		lines++;
	}
	/* the calls on a bad descriptor at least (no pty in some sandboxes) */
	assert_true(lines >= 33);
	free(want);
	free(trace);
	run_result_free(&r);
}

/* every line ioctl_families expects is in the trace */
static void check_families(const char **args)
{
	struct run_result r;
	char *trace, *want, *line, *save = NULL;
	int lines = 0;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	trace = normalize_trace(r.trace);
	want = normalize_trace(r.out);
	for (line = strtok_r(want, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		assert_has_line(trace, line);
		lines++;
	}
	assert_true(lines >= 10);
	free(want);
	free(trace);
	run_result_free(&r);
}

/* the device families' structs as the program hands them in */
static void test_decode_ioctl_families(void **state)
{
	const char *args[] = { "-e", "trace=ioctl",
			       test_program("ioctl_families"), NULL };

	check_families(args);
}

/* and what a successful call wrote back */
static void test_decode_ioctl_families_out(void **state)
{
	const char *args[] = { "-e", "trace=ioctl",
			       "-e", "inject=ioctl:retval=42",
			       test_program("ioctl_families"), "inject", NULL };

	check_families(args);
}

/* -X raw prints every request as a number, -X verbose adds the name */
static void test_decode_ioctl_xlat(void **state)
{
	const char *raw[] = { "-X", "raw", "-e", "trace=ioctl",
			      test_program("decode_ioctl"), NULL };
	const char *verbose[] = { "-X", "verbose", "-e", "trace=ioctl",
				  test_program("decode_ioctl"), NULL };
	struct run_result r;

	run_traced(&r, raw);
	assert_has_line(r.trace, "ioctl(-1, 0x4c00, 5)                    "
			"= -1 EBADF (Bad file descriptor)");
	assert_has_line(r.trace, "ioctl(-1, 0xfe34, 0)                    "
			"= -1 EBADF (Bad file descriptor)");
	/* no "PERF_IOC_FLAG_???" comment: raw means numbers only */
	assert_has_line(r.trace, "ioctl(-1, 0x2400, 0x2)                  "
			"= -1 EBADF (Bad file descriptor)");
	run_result_free(&r);
	run_traced(&r, verbose);
	assert_has_line(r.trace, "ioctl(-1, 0x4c00 /* LOOP_SET_FD */, 5)  "
			"= -1 EBADF (Bad file descriptor)");
	assert_has_line(r.trace, "ioctl(-1, 0xfe34 /* _IOC(_IOC_NONE, 0xfe, "
			"0x34, 0) */, 0) = -1 EBADF (Bad file descriptor)");
	run_result_free(&r);
}

/* evdev under -X: an unnamed code has no "ABS_???" inside the verbose
 * comment; a bit set shows its words raw (all the 42 bytes returned) */
static void test_decode_ioctl_evdev_xlat(void **state)
{
	const char *verbose[] = { "-X", "verbose", "-e", "trace=ioctl",
				  test_program("ioctl_families"), NULL };
	const char *raw_inject[] = { "-X", "raw", "-e", "trace=ioctl",
				     "-e", "inject=ioctl:retval=42",
				     test_program("ioctl_families"), "inject",
				     NULL };
	const char *verbose_inject[] = { "-X", "verbose", "-e", "trace=ioctl",
					 "-e", "inject=ioctl:retval=42",
					 test_program("ioctl_families"),
					 "inject", NULL };
	struct run_result r;

	run_traced(&r, verbose);
	assert_has_line(r.trace, "ioctl(-1, 0x8018457e /* EVIOCGABS(0x3e) */, "
			"NULL) = -1 EBADF (Bad file descriptor)");
	run_result_free(&r);
	run_traced(&r, raw_inject);
	assert_has_line(r.trace, "ioctl(-1, 0x80404521, [0x6, 0, 0, 0, 0, 0]) "
			"= 42 (INJECTED)");
	run_result_free(&r);
	run_traced(&r, verbose_inject);
	assert_has_line(r.trace, "ioctl(-1, 0x80404521 /* EVIOCGBIT(EV_KEY, 64) "
			"*/, [0x1 /* KEY_ESC */ 0x2 /* KEY_1 */] "
			"/* [0x6, 0, 0, 0, 0, 0] */) = 42 (INJECTED)");
	run_result_free(&r);
}

/* -v: loop_info's device numbers, encryption fields and reserved bytes;
 * termio's line discipline and control characters */
static void test_decode_ioctl_loop_verbose(void **state)
{
	const char *args[] = { "-v", "-e", "trace=ioctl",
			       test_program("ioctl_families"), NULL };
	struct run_result r;

	run_traced(&r, args);
	assert_int_equal(r.exit_code, 0);
	assert_has_line(r.trace, "ioctl(-1, LOOP_SET_STATUS, {lo_number=3, "
			"lo_device=makedev(0x8, 0x1), lo_inode=12, "
			"lo_rdevice=makedev(0, 0), lo_offset=0x400, "
			"lo_encrypt_type=LO_CRYPT_NONE, lo_encrypt_key_size=0, "
			"lo_flags=0, lo_name=\"n\", lo_encrypt_key=\"\", "
			"lo_init=[0, 0], reserved=[0, 0, 0, 0]}) "
			"= -1 EBADF (Bad file descriptor)");
	/* the line discipline and the control characters */
	assert_has_line(r.trace, "ioctl(-1, TCSETA, {c_iflag=, "
			"c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0, c_cflag=B1200|CS7, "
			"c_lflag=, c_line=N_TTY, c_cc=[[VINTR]=0, [VQUIT]=0, "
			"[VERASE]=0, [VKILL]=0, [VEOF]=0, [VTIME]=0, [VMIN]=0, "
			"[VSWTC]=0]}) = -1 EBADF (Bad file descriptor)");
	run_result_free(&r);
}

/* -y: the descriptors KVM hands back are descriptors (needs /dev/kvm) */
static void test_decode_ioctl_kvm_fds(void **state)
{
	const char *args[] = { "-y", "-e", "trace=ioctl",
			       test_program("ioctl_families"), "kvm", NULL };
	struct run_result r;
	char *trace, *want, *line, *save = NULL;

	run_traced(&r, args);
	if (strncmp(r.out, "SKIP", 4) == 0) {
		run_result_free(&r);
		skip();
	}
	assert_int_equal(r.exit_code, 0);
	trace = normalize_trace(r.trace);
	want = normalize_trace(r.out);
	for (line = strtok_r(want, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		assert_has_line(trace, line);
	free(want);
	free(trace);
	run_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_ioctl),
		cmocka_unit_test(test_decode_ioctl_xlat),
		cmocka_unit_test(test_decode_ioctl_families),
		cmocka_unit_test(test_decode_ioctl_families_out),
		cmocka_unit_test(test_decode_ioctl_evdev_xlat),
		cmocka_unit_test(test_decode_ioctl_loop_verbose),
		cmocka_unit_test(test_decode_ioctl_kvm_fds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
