/* C-style quoting of tracee bytes as strace prints them ("\n", "\0", "\33"
 * or "\x1b"). Pure: writes into a sink, knows nothing of tracees. */
#ifndef MYTRACE_ESCAPE_H
#define MYTRACE_ESCAPE_H

#include <stddef.h>

#include "output.h"
#include "value.h"

enum escape_mode {
	ESC_DEFAULT,	/* printable ASCII as is, the rest as C escapes */
	ESC_NONASCII_HEX,	/* -x: non-ASCII as \xNN */
	ESC_ALL_HEX,	/* -xx: every byte as \xNN */
	ESC_CHARS_HEX,	/* --strings-in-hex=non-ascii-chars: \x1b, not \33 */
};

/* Writes "bytes" quoted, with ... after the quote when truncated. */
void escape_quoted(struct sink *s, const char *bytes, size_t len,
		   bool truncated, enum escape_mode mode, enum string_style st);
/* Writes a file's path as -y shows it between angle brackets: escaped
 * as strings are, and < and > too, without quotes. */
void escape_fd_path(struct sink *s, const char *path, size_t len,
		    enum escape_mode mode);

/* Writes "<text>", text escaped as between quotes and its < and > as
 * octal escapes: a command name in 42<sh>. Nothing when text is NULL. */
void escape_tag(struct sink *s, const char *text);

#endif
