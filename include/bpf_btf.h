/* Finds the offsets of the kernel fields the eBPF programs read (struct
 * mt_offsets) in the kernel's BTF, by struct and member name. */
#ifndef MYTRACE_BPF_BTF_H
#define MYTRACE_BPF_BTF_H

#include <stddef.h>

#include "bpf_record.h"

/* From raw BTF bytes (pure: the unit tests give it their own). Returns 0,
 * or -1 with *missing naming the first field it could not find. */
int bpf_btf_offsets(const void *btf, size_t size, struct mt_offsets *o,
		    const char **missing);

/* From /sys/kernel/btf/vmlinux. Returns 0, or -1 with errno set and
 * *missing naming a field the kernel lacks (NULL when it could not be
 * read at all). */
int bpf_kernel_offsets(struct mt_offsets *o, const char **missing);

#endif
