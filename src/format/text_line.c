/* Renders one event through the text formatter into a memory sink. */
#include <string.h>

#include "text_line.h"

int text_line_init(struct text_line *l, const struct format_opts *opts)
{
	memset(l, 0, sizeof(*l));
	l->opts = *opts;
	/* a whole line per call, at its exit; no prefix of any kind */
	l->opts.hold_lines = true;
	l->opts.color = COLOR_NEVER;
	l->opts.time = TIME_NONE;
	l->opts.relative = false;
	l->opts.bare_pid = false;
	l->opts.always_show_pid = false;
	l->opts.align_column = 0;
	l->mem = sink_memory();
	if (!l->mem)
		return -1;
	l->text = format_text.begin(l->mem, &l->opts);
	if (!l->text) {
		sink_close(l->mem);
		l->mem = NULL;
		return -1;
	}
	return 0;
}

void text_line_free(struct text_line *l)
{
	if (l->text)
		format_text.end(l->text);
	sink_close(l->mem);
	memset(l, 0, sizeof(*l));
}

const char *text_line_render(struct text_line *l, const struct event *ev,
			     size_t *len)
{
	size_t n;

	sink_memory_reset(l->mem);
	if (ev->kind != EV_SYSCALL_ENTER)
		format_text.event(l->text, ev, false);
	n = l->mem->len;
	/* the first line only: -k stacks and -e read= dumps follow it */
	for (size_t i = 0; i < n; i++) {
		if (l->mem->buf[i] == '\n') {
			n = i;
			break;
		}
	}
	*len = n;
	return l->mem->buf;
}
