/* The list of formatters that --format can name, and what they share
 * (the colour decision and escapes, signal names). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "format.h"

static const struct formatter *const formatters[] = {
	&format_text,
	&format_json,
	&format_table,
	&format_chrome,
};

#define NFORMATTERS (sizeof(formatters) / sizeof(formatters[0]))

const struct formatter *formatter_find(const char *name)
{
	for (size_t i = 0; i < NFORMATTERS; i++)
		if (strcmp(formatters[i]->name, name) == 0)
			return formatters[i];
	return NULL;
}

const char *formatter_names(void)
{
	static char names[128];
	size_t n = 0;

	if (names[0])
		return names;
	for (size_t i = 0; i < NFORMATTERS && n < sizeof(names); i++)
		n += (size_t)snprintf(names + n, sizeof(names) - n, "%s%s",
				      i == 0 ? "" : i + 1 < NFORMATTERS ?
				      ", " : " or ", formatters[i]->name);
	return names;
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
