/* End-to-end test of --timeline: the page of a real process tree holds a
 * lane per process (parents above children), their exec and exit marks,
 * and the failed call marked as failed with its text line; it loads
 * nothing from anywhere. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	assert_non_null(f);
	do {
		if (len + 4096 + 1 > cap) {
			cap = cap ? 2 * cap : 65536;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		n = fread(buf + len, 1, 4096, f);
		len += n;
	} while (n > 0);
	fclose(f);
	buf[len] = 0;
	return buf;
}

static int count(const char *text, const char *what)
{
	int n = 0;

	for (const char *p = text; (p = strstr(p, what)); p++)
		n++;
	return n;
}

/* Whether some element starting with open holds text before its end. */
static bool element_holds(const char *html, const char *open,
			  const char *text)
{
	for (const char *p = html; (p = strstr(p, open)); p++) {
		const char *end = strstr(p, "/>");
		const char *at = strstr(p, text);

		if (end && at && at < end)
			return true;
	}
	return false;
}

static void test_failing_script(void **state)
{
	char path[] = "/tmp/mytrace-test-timeline-XXXXXX.html";
	char opt[128];
	struct run_result r;
	/* paths and the exit keep a busybox sh (the arm64 guest) from
	 * running ls as an applet and cat in its own place */
	const char *args[] = { "-f", opt, "/bin/sh", "-c",
			       "/bin/ls /; /bin/cat /nope; exit 1", NULL };
	const char *nope = "openat(AT_FDCWD, &quot;/nope&quot;, O_RDONLY) "
			   "= -1 ENOENT (No such file or directory)";
	const char *sh, *ls, *cat;
	char *html;
	int fd = mkstemps(path, 5);

	assert_true(fd >= 0);
	close(fd);
	snprintf(opt, sizeof(opt), "--timeline=%s", path);
	run_traced(&r, args);
	if (r.exit_code == 1 && strstr(r.err, "invalid option"))
		skip();
	/* the trace and the command are as without --timeline */
	assert_int_equal(r.exit_code, 1);
	/* GNU cat or busybox cat (the arm64 guest): both name the file */
	assert_non_null(strstr(r.err, "/nope"));
	assert_non_null(strstr(r.err, "No such file"));
	assert_non_null(strstr(r.trace, "openat(AT_FDCWD, \"/nope\", "
			       "O_RDONLY) = -1 ENOENT"));
	html = slurp(path);
	assert_memory_equal(html, "<!DOCTYPE html>", 15);
	assert_non_null(strstr(html, "</svg>"));
	assert_non_null(strstr(html, "</html>\n"));
	/* self-contained: nothing to fetch */
	assert_null(strstr(html, "src="));
	assert_null(strstr(html, "href="));
	assert_null(strstr(html, "<link"));
	/* a lane per process, the shell above its children */
	assert_int_equal(count(html, "<g class=\"lane\""), 3);
	sh = strstr(html, "data-comm=\"sh\" data-failed=\"1\">");
	ls = strstr(html, "data-comm=\"ls\">");
	cat = strstr(html, "data-comm=\"cat\" data-failed=\"1\">");
	assert_non_null(sh);
	assert_non_null(ls);
	assert_non_null(cat);
	assert_true(sh < ls && ls < cat);
	/* exec marks with the command, exit marks with the status */
	assert_int_equal(count(html, "<path class=\"exec\""), 3);
	assert_non_null(strstr(html, "<path class=\"exec\" data-comm=\"ls\""));
	assert_non_null(strstr(html, "<path class=\"exec\" data-comm=\"cat\""));
	assert_int_equal(count(html, "<circle class=\"exit\" data-status="
			       "\"0\""), 1);
	assert_int_equal(count(html, "<circle class=\"exit fail\" "
			       "data-status=\"1\""), 2);
	/* the failed call: a red mark whose tooltip is its line */
	/* a slow machine (the TCG guest under load) can make the call
	 * long enough to be drawn as a bar: red either way */
	assert_true(element_holds(html, "<rect class=\"call fail", nope) ||
		    element_holds(html, "<rect class=\"call long fail", nope));
	assert_false(element_holds(html, "<rect class=\"call\"", nope));
	assert_false(element_holds(html, "<rect class=\"call long\"", nope));
	free(html);
	unlink(path);
	run_result_free(&r);
}

static void test_refused(void **state)
{
	struct run_result r;
	const char *ff[] = { "-ff", "-o", "/tmp/x", "--timeline=/tmp/t.html",
			     "/bin/true", NULL };
	const char *bad[] = { "--timeline=/nonexistent/t.html", "/bin/true",
			      NULL };

	run_mytrace_raw(&r, ff);
	assert_int_equal(r.exit_code, 1);
	assert_string_equal(r.err, "mytrace: --timeline and -ff: the timeline "
			    "is one picture of every process; use -f\n");
	run_result_free(&r);
	run_mytrace_raw(&r, bad);
	assert_int_equal(r.exit_code, 1);
	assert_string_equal(r.err, "mytrace: can't open '/nonexistent/"
			    "t.html': No such file or directory\n");
	run_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_failing_script),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests_name("integration: --timeline", tests,
					   NULL, NULL);
}
