/* Unit tests of string quoting: escapes, octal digits, hex modes, and the
 * "..." that marks a truncated string. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "capture.h"
#include "escape.h"

static void check(const char *bytes, size_t len, bool truncated,
		  enum escape_mode mode, enum string_style st,
		  const char *expected)
{
	struct sink *s = capture_open();
	char *text;

	assert_non_null(s);
	escape_quoted(s, bytes, len, truncated, mode, st);
	text = capture_text(s);
	assert_string_equal(text, expected);
	free(text);
	sink_close(s);
}

/* -y's paths: escaped as strings are, angle brackets too, no quotes */
static void test_fd_path(void **state)
{
	struct sink *s = capture_open();
	char *text;
	const char path[] = "/tmp/a<b>\n\"c\\\0010";

	assert_non_null(s);
	escape_fd_path(s, path, sizeof(path) - 1, ESC_DEFAULT);
	text = capture_text(s);
	assert_string_equal(text, "/tmp/a\\74b\\76\\n\\\"c\\\\\\0010");
	free(text);
	sink_close(s);
}

static void test_printable(void **state)
{
	check("hello", 5, false, ESC_DEFAULT, STR_TEXT, "\"hello\"");
	check("", 0, false, ESC_DEFAULT, STR_TEXT, "\"\"");
}

static void test_simple_escapes(void **state)
{
	check("a\n\t\r\v\f\"\\", 8, false, ESC_DEFAULT, STR_TEXT,
	      "\"a\\n\\t\\r\\v\\f\\\"\\\\\"");
}

static void test_octal(void **state)
{
	/* shortest octal, but three digits before a digit that would merge */
	check("\0a", 2, false, ESC_DEFAULT, STR_TEXT, "\"\\0a\"");
	check("\0" "1", 2, false, ESC_DEFAULT, STR_TEXT, "\"\\0001\"");
	check("\177ELF\2", 5, false, ESC_DEFAULT, STR_TEXT, "\"\\177ELF\\2\"");
	check("\xff\x80", 2, false, ESC_DEFAULT, STR_TEXT, "\"\\377\\200\"");
	check("\0" "8", 2, false, ESC_DEFAULT, STR_TEXT, "\"\\08\"");
}

static void test_truncated(void **state)
{
	check("abc", 3, true, ESC_DEFAULT, STR_TEXT, "\"abc\"...");
}

static void test_hex_modes(void **state)
{
	/* -x: any byte needing a numeric escape turns the whole string hex */
	check("ab", 2, false, ESC_NONASCII_HEX, STR_TEXT, "\"ab\"");
	check("a\n", 2, false, ESC_NONASCII_HEX, STR_TEXT, "\"a\\n\"");
	check("a\1", 2, false, ESC_NONASCII_HEX, STR_TEXT, "\"\\x61\\x01\"");
	/* -xx and forced hex (getrandom) */
	check("ab", 2, false, ESC_ALL_HEX, STR_TEXT, "\"\\x61\\x62\"");
	check("\xec\x3d", 2, false, ESC_DEFAULT, STR_HEX, "\"\\xec\\x3d\"");
}

/* -Y's command names: escaped as strings are, and < > too */
static void test_tag(void **state)
{
	struct sink *s = capture_open();
	char *text;

	assert_non_null(s);
	escape_tag(s, "sh");
	escape_tag(s, NULL);
	escape_tag(s, "foo<bar>");
	escape_tag(s, "foo\33[2Jbar\"");
	text = capture_text(s);
	assert_string_equal(text, "<sh><foo\\74bar\\76><foo\\33[2Jbar\\\">");
	free(text);
	sink_close(s);
}

static void test_long_string(void **state)
{
	char bytes[2000];
	char expected[4003];

	memset(bytes, '\1', sizeof(bytes));
	expected[0] = '"';
	for (size_t i = 0; i < sizeof(bytes); i++)
		memcpy(expected + 1 + 2 * i, "\\1", 2);
	expected[4001] = '"';
	expected[4002] = 0;
	check(bytes, sizeof(bytes), false, ESC_DEFAULT, STR_TEXT, expected);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_printable),
		cmocka_unit_test(test_fd_path),
		cmocka_unit_test(test_simple_escapes),
		cmocka_unit_test(test_octal),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_hex_modes),
		cmocka_unit_test(test_long_string),
		cmocka_unit_test(test_tag),
	};

	return cmocka_run_group_tests_name("unit: escape", tests, NULL, NULL);
}
