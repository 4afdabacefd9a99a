/* Quoting of tracee bytes the way strace prints strings. */
#include <stdbool.h>
#include <stdio.h>

#include "escape.h"

static bool is_printable(unsigned char c)
{
	return c >= 0x20 && c < 0x7f;
}

static char simple_escape(unsigned char c)
{
	switch (c) {
	case '"': return '"';
	case '\\': return '\\';
	case '\f': return 'f';
	case '\n': return 'n';
	case '\r': return 'r';
	case '\t': return 't';
	case '\v': return 'v';
	default: return 0;
	}
}

static bool wants_hex(const unsigned char *p, size_t len,
		      enum escape_mode mode, enum string_style st)
{
	if (st == STR_HEX || mode == ESC_ALL_HEX)
		return true;
	if (mode != ESC_NONASCII_HEX)
		return false;
	/* -x: one byte that needs a numeric escape makes the whole string hex */
	for (size_t i = 0; i < len; i++)
		if (!is_printable(p[i]) && !simple_escape(p[i]))
			return true;
	return false;
}

void escape_quoted(struct sink *s, const char *bytes, size_t len,
		   bool truncated, enum escape_mode mode, enum string_style st)
{
	const unsigned char *p = (const unsigned char *)bytes;
	bool hex = wants_hex(p, len, mode, st);
	char buf[512];
	size_t n = 0;

	buf[n++] = '"';
	for (size_t i = 0; i < len; i++) {
		unsigned char c = p[i];
		char e;

		if (n > sizeof(buf) - 8) {
			sink_write(s, buf, n);
			n = 0;
		}
		if (hex) {
			buf[n++] = '\\';
			buf[n++] = 'x';
			buf[n++] = "0123456789abcdef"[c >> 4];
			buf[n++] = "0123456789abcdef"[c & 15];
		} else if ((e = simple_escape(c))) {
			buf[n++] = '\\';
			buf[n++] = e;
		} else if (is_printable(c)) {
			buf[n++] = (char)c;
		} else {
			/* \%o, or \%03o when a following digit would read as
			 * part of the escape */
			bool full = i + 1 < len && p[i + 1] >= '0' &&
				    p[i + 1] <= '7';

			buf[n++] = '\\';
			if (full || c >= 0100)
				buf[n++] = (char)('0' + (c >> 6));
			if (full || c >= 010)
				buf[n++] = (char)('0' + ((c >> 3) & 7));
			buf[n++] = (char)('0' + (c & 7));
		}
	}
	buf[n++] = '"';
	sink_write(s, buf, n);
	if (truncated)
		sink_write(s, "...", 3);
}
