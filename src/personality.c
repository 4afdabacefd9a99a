/* Syscall personalities: which table a call is decoded with, and how a
 * compat call maps to the native numbers that filters are keyed by.  The
 * personalities themselves are data of src/arch/<arch>/. */
#include <stdlib.h>

#include "arch.h"

const struct arch_personality *arch_personality_of(uint32_t audit)
{
	for (unsigned i = 0; i < arch_personality_count; i++)
		if (arch_personalities[i].audit == audit)
			return &arch_personalities[i];
	return &arch_personalities[0];
}

/* nr -> native nr of every compat personality, built on first use */
static uint64_t *native_maps[4];

static uint64_t *native_map(unsigned idx)
{
	const struct syscall_table *t = arch_personalities[idx].table;
	uint64_t *map;
	long native;

	if (idx >= sizeof(native_maps) / sizeof(native_maps[0]))
		return NULL;
	if (native_maps[idx])
		return native_maps[idx];
	map = malloc(t->size * sizeof(*map));
	if (!map)
		return NULL;
	for (unsigned nr = 0; nr < t->size; nr++) {
		native = t->by_nr[nr] ?
			syscall_number(arch_syscalls, t->by_nr[nr]->name) : -1;
		map[nr] = native < 0 ? SYSCALL_NR_NONE : (uint64_t)native;
	}
	native_maps[idx] = map;
	return map;
}

uint64_t arch_native_nr(const struct arch_personality *p, uint64_t nr)
{
	unsigned idx = (unsigned)(p - arch_personalities);
	uint64_t *map;

	if (idx == 0)
		return nr;
	if (nr >= p->table->size)
		return SYSCALL_NR_NONE;
	map = native_map(idx);
	return map ? map[nr] : SYSCALL_NR_NONE;
}
