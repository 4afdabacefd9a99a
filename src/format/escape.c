/* Quoting of tracee bytes the way strace prints strings. */
#include <stdbool.h>
#include <string.h>

#include "escape.h"

/* The bytes with a one-letter escape, and that letter. */
static const char simple_escapes[256] = {
	['"'] = '"', ['\\'] = '\\', ['\f'] = 'f', ['\n'] = 'n',
	['\r'] = 'r', ['\t'] = 't', ['\v'] = 'v',
};

/* Bytes that stand for themselves between the quotes. */
static const bool plain[256] = {
	[0x20 ... 0x21] = true,		/* '"' is 0x22 */
	[0x23 ... 0x5b] = true,		/* '\\' is 0x5c */
	[0x5d ... 0x7e] = true,
};

static bool is_printable(unsigned char c)
{
	return c >= 0x20 && c < 0x7f;
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
		if (!is_printable(p[i]) && !simple_escapes[p[i]])
			return true;
	return false;
}

/* Writes the escape for one byte that does not stand for itself; next is
 * the byte after it, or -1; hex: \xNN instead of octal. */
static void put_escape(struct sink *s, unsigned char c, int next, bool hex)
{
	char buf[4];
	size_t n = 0;
	char e = simple_escapes[c];
	/* \%o, or \%03o when a following digit would read as part of it */
	bool full = next >= '0' && next <= '7';

	buf[n++] = '\\';
	if (e) {
		buf[n++] = e;
	} else if (hex) {
		buf[n++] = 'x';
		buf[n++] = "0123456789abcdef"[c >> 4];
		buf[n++] = "0123456789abcdef"[c & 15];
	} else {
		if (full || c >= 0100)
			buf[n++] = (char)('0' + (c >> 6));
		if (full || c >= 010)
			buf[n++] = (char)('0' + ((c >> 3) & 7));
		buf[n++] = (char)('0' + (c & 7));
	}
	sink_write(s, buf, n);
}

static void put_hex(struct sink *s, const unsigned char *p, size_t len)
{
	char buf[256];
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		if (n + 4 > sizeof(buf)) {
			sink_write(s, buf, n);
			n = 0;
		}
		buf[n++] = '\\';
		buf[n++] = 'x';
		buf[n++] = "0123456789abcdef"[p[i] >> 4];
		buf[n++] = "0123456789abcdef"[p[i] & 15];
	}
	sink_write(s, buf, n);
}

void escape_quoted(struct sink *s, const char *bytes, size_t len,
		   bool truncated, enum escape_mode mode, enum string_style st)
{
	const unsigned char *p = (const unsigned char *)bytes;

	sink_putc(s, '"');
	if (wants_hex(p, len, mode, st)) {
		put_hex(s, p, len);
	} else {
		size_t i = 0;

		while (i < len) {
			size_t start = i;

			/* most bytes stand for themselves: copied in runs */
			while (i < len && plain[p[i]])
				i++;
			if (i > start)
				sink_write(s, bytes + start, i - start);
			if (i == len)
				break;
			put_escape(s, p[i], i + 1 < len ? p[i + 1] : -1,
				   mode == ESC_CHARS_HEX);
			i++;
		}
	}
	sink_putc(s, '"');
	if (truncated)
		sink_write(s, "...", 3);
}

void escape_fd_path(struct sink *s, const char *path, size_t len,
		    enum escape_mode mode)
{
	const unsigned char *p = (const unsigned char *)path;

	if (wants_hex(p, len, mode, STR_TEXT)) {
		put_hex(s, p, len);
		return;
	}
	for (size_t i = 0; i < len; i++) {
		/* the angle brackets enclose the path: escaped inside it */
		if (plain[p[i]] && p[i] != '<' && p[i] != '>')
			sink_write(s, path + i, 1);
		else
			put_escape(s, p[i], i + 1 < len ? p[i + 1] : -1,
				   mode == ESC_CHARS_HEX);
	}
}

void escape_tag(struct sink *s, const char *text)
{
	if (!text)
		return;
	sink_putc(s, '<');
	escape_fd_path(s, text, strlen(text), ESC_DEFAULT);
	sink_putc(s, '>');
}
