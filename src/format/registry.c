/* The list of formatters that --format can name, and what they share
 * (the colour decision and escapes, signal names). */
#include <string.h>
#include <unistd.h>

#include "format.h"

static const struct formatter *const formatters[] = {
	&format_text,
	&format_json,
	&format_table,
};

const struct formatter *formatter_find(const char *name)
{
	for (size_t i = 0; i < sizeof(formatters) / sizeof(formatters[0]); i++)
		if (strcmp(formatters[i]->name, name) == 0)
			return formatters[i];
	return NULL;
}

const char *formatter_names(void)
{
	return "text, json or table";
}

bool format_color_on(const struct format_opts *opts, const struct sink *s)
{
	if (opts->color == COLOR_ALWAYS)
		return true;
	return opts->color == COLOR_AUTO && isatty(s->fd);
}

void format_color(struct sink *s, bool on, const char *color)
{
	if (on)
		sink_write_invisible(s, color, strlen(color));
}

const char *format_signal_name(int sig, char buf[16])
{
	const char *name = signal_name(sig, buf);

	return name ? name : "SIG???";
}
