/* The list of formatters that --format can name. */
#include <string.h>

#include "format.h"

static const struct formatter *const formatters[] = {
	&format_text,
};

const struct formatter *formatter_find(const char *name)
{
	for (size_t i = 0; i < sizeof(formatters) / sizeof(formatters[0]); i++)
		if (strcmp(formatters[i]->name, name) == 0)
			return formatters[i];
	return NULL;
}
