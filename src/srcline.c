/* -kk: source file and line of an address through libdw's Dwfl, which
 * reads the process's maps and each module's line table (or its separate
 * debug file) once, when first asked. */
#include "srcline.h"

#ifdef HAVE_LIBDW
#include <elfutils/libdwfl.h>
#include <stdlib.h>

struct srcline {
	Dwfl *dwfl;
};

static char *debuginfo_path;

static const Dwfl_Callbacks proc_callbacks = {
	.find_elf = dwfl_linux_proc_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.debuginfo_path = &debuginfo_path,
};

bool srcline_built_in(void)
{
	return true;
}

struct srcline *srcline_new(pid_t pid)
{
	struct srcline *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->dwfl = dwfl_begin(&proc_callbacks);
	if (!s->dwfl)
		goto fail;
	if (dwfl_linux_proc_report(s->dwfl, pid) != 0 ||
	    dwfl_report_end(s->dwfl, NULL, NULL) != 0)
		goto fail;
	return s;
fail:
	srcline_free(s);
	return NULL;
}

bool srcline_lookup(struct srcline *s, uint64_t addr, const char **file,
		    int *line)
{
	Dwfl_Module *mod;
	Dwfl_Line *l;
	const char *name;

	if (!s)
		return false;
	mod = dwfl_addrmodule(s->dwfl, addr);
	if (!mod)
		return false;
	l = dwfl_module_getsrc(mod, addr);
	if (!l)
		return false;
	name = dwfl_lineinfo(l, NULL, line, NULL, NULL, NULL);
	if (!name)
		return false;
	*file = name;
	return true;
}

void srcline_free(struct srcline *s)
{
	if (!s)
		return;
	if (s->dwfl)
		dwfl_end(s->dwfl);
	free(s);
}

#else /* !HAVE_LIBDW */

bool srcline_built_in(void)
{
	return false;
}

struct srcline *srcline_new(pid_t pid)
{
	(void)pid;
	return NULL;
}

bool srcline_lookup(struct srcline *s, uint64_t addr, const char **file,
		    int *line)
{
	(void)s;
	(void)addr;
	(void)file;
	(void)line;
	return false;
}

void srcline_free(struct srcline *s)
{
	(void)s;
}

#endif
