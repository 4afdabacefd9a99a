/* What the text format prints under a call's line: the -e read=/write=
 * dumps of the bytes moved and the -k stack. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "text_digest.h"
#include "value.h"

/* -e read=/write=: 16 bytes a line, hex in two groups of 8, then the
 * printable characters. */
static void print_io_dump(struct sink *s, const struct value *v)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)v->u.str.bytes;
	size_t len = v->u.str.len;
	int width = 5;

	/* the offsets take five digits, more when the dump needs them */
	if (len > (size_t)1 << 20)
		for (size_t last = len - 1; last >> (4 * width); width++)
			;
	for (size_t off = 0; off < len; off += 16) {
		char line[112], *q = line;

		q += snprintf(q, 24, " | %0*zx  ", width, off);
		for (size_t i = 0; i < 16; i++) {
			if (off + i < len) {
				*q++ = hex[p[off + i] >> 4];
				*q++ = hex[p[off + i] & 15];
			} else {
				*q++ = ' ';
				*q++ = ' ';
			}
			*q++ = ' ';
			if (i == 7)
				*q++ = ' ';
		}
		*q++ = ' ';
		for (size_t i = 0; i < 16; i++) {
			unsigned char c = off + i < len ? p[off + i] : ' ';

			*q++ = c >= ' ' && c < 0x7f ? (char)c : '.';
		}
		*q++ = ' ';
		*q++ = '|';
		*q++ = '\n';
		sink_write(s, line, (size_t)(q - line));
	}
}

/* An iovec's buffers (an array of strings), or sendmmsg's messages (an
 * array of those): each buffer that holds bytes under a heading. */
void text_print_io_dumps(struct sink *s, const struct value *v)
{
	unsigned i = 0;

	if (v->kind == V_STRING) {
		print_io_dump(s, v);
		return;
	}
	for (const struct value *k = v->u.kids.first; k; k = k->next, i++) {
		if (k->kind == V_ARRAY) {
			sink_printf(s, " = %u buffers in vector %u\n",
				    k->u.kids.count, i);
			text_print_io_dumps(s, k);
			continue;
		}
		if (!k->u.str.len)
			continue;
		sink_printf(s, " * %zu bytes in buffer %u\n", k->u.str.len, i);
		print_io_dump(s, k);
	}
}

/* -k: one frame a line, as strace prints them (-kk: then file:line). */
void text_print_stack(struct sink *s, const struct stack_trace *st,
		      const char *indent)
{
	for (unsigned i = 0; st && i < st->count; i++) {
		const struct stack_frame *f = &st->frames[i];

		if (!f->file)
			sink_printf(s, "%s > unexpected_backtracing_error "
				    "[%#" PRIx64 "]\n", indent, f->ip);
		else if (!f->func)
			sink_printf(s, "%s > %s() [%#" PRIx64 "]\n", indent,
				    f->file, f->rel);
		else if (!f->src_file)
			sink_printf(s, "%s > %s(%s+%#" PRIx64 ") [%#" PRIx64
				    "]\n", indent, f->file, f->func,
				    f->func_offset, f->rel);
		else
			sink_printf(s, "%s > %s(%s+%#" PRIx64 ") [%#" PRIx64
				    "] %s:%d\n", indent, f->file, f->func,
				    f->func_offset, f->rel, f->src_file,
				    f->src_line);
	}
}
