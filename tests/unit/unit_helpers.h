/* Unit-test helpers shared by the decoder and formatter tests: a syscall's
 * descriptor by name (x86_64 table) and events rendered through a
 * formatter into a string. Include after <cmocka.h>; no test state here
 * (each test keeps its own arena and options). */
#ifndef MYTRACE_TEST_UNIT_HELPERS_H
#define MYTRACE_TEST_UNIT_HELPERS_H

#include <stdlib.h>

#include "capture.h"
#include "format.h"

/* The x86_64 descriptor of the syscall called name; fails the test when
 * the table has no such name. */
static inline const struct syscall_desc *desc(const char *name)
{
	long nr = syscall_number(&syscall_table_x86_64, name);

	assert_true(nr >= 0);
	return syscall_lookup(&syscall_table_x86_64, (uint64_t)nr);
}

/* Renders events through one state of formatter f, as the core would,
 * and returns all it wrote (malloc'd). */
static inline char *render_events(const struct formatter *f,
				  const struct format_opts *opts,
				  const struct event *evs, unsigned n)
{
	struct sink *s = capture_open();
	void *st = f->begin(s, opts);
	char *text;

	for (unsigned i = 0; i < n; i++)
		f->event(st, &evs[i], false);
	f->end(st);
	text = capture_text(s);
	sink_close(s);
	/* a failed read-back leaves nothing to test; stopping here also
	 * tells the compiler that callers never see NULL */
	if (!text)
		abort();
	return text;
}

#endif
