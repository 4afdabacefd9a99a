/* The offsets of the kernel fields the eBPF programs read, found by name in
 * the kernel's BTF: a pass over its types that stops at the last struct
 * wanted, no copy when the kernel lets us map it. libbpf would parse all
 * of it (~5 MB) for CO-RE relocations and tp_btf programs; this is what
 * spares that. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/btf.h>

#include "arch.h"
#include "bpf_btf.h"

#define KERNEL_BTF "/sys/kernel/btf/vmlinux"

struct btf_view {
	const unsigned char *types;
	size_t types_len;
	const char *strs;
	size_t strs_len;
	uint32_t *index;	/* type id -> offset in types */
	uint32_t count;		/* ids 1..count indexed so far */
	size_t next;		/* offset of type count + 1 */
	bool bad;		/* a type record we cannot read */
	const char *last_type;	/* the struct find_struct found last */
	const struct btf_type *last;
};

/* The fields: struct, member ("name" or "name+bytes"), where it goes. */
struct field {
	const char *type;
	const char *member;
	size_t at;		/* offsetof in struct mt_offsets */
	int optional;
};

#define OFF(f) offsetof(struct mt_offsets, f)
static const struct field fields[] = {
	{ "task_struct", "pid", OFF(task_pid), 0 },
	{ "task_struct", "tgid", OFF(task_tgid), 0 },
	{ "task_struct", "mm", OFF(task_mm), 0 },
	{ "task_struct", "signal", OFF(task_signal), 0 },
	{ "task_struct", "exit_code", OFF(task_exit_code), 0 },
	{ "signal_struct", "live", OFF(signal_live), 0 },
	/* since 5.17: which thread's execve ends the others */
	{ "signal_struct", "group_exec_task", OFF(signal_group_exec_task), 1 },
};

/* The bytes a type's record takes, or 0 for a kind we do not know. */
static size_t type_len(const struct btf_type *t)
{
	size_t n = BTF_INFO_VLEN(t->info);

	switch (BTF_INFO_KIND(t->info)) {
	case BTF_KIND_INT:
		return sizeof(*t) + sizeof(uint32_t);
	case BTF_KIND_ARRAY:
		return sizeof(*t) + sizeof(struct btf_array);
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		return sizeof(*t) + n * sizeof(struct btf_member);
	case BTF_KIND_ENUM:
		return sizeof(*t) + n * sizeof(struct btf_enum);
	case BTF_KIND_FUNC_PROTO:
		return sizeof(*t) + n * sizeof(struct btf_param);
	case BTF_KIND_VAR:
		return sizeof(*t) + sizeof(struct btf_var);
	case BTF_KIND_DATASEC:
		return sizeof(*t) + n * sizeof(struct btf_var_secinfo);
	case BTF_KIND_DECL_TAG:
		return sizeof(*t) + sizeof(struct btf_decl_tag);
	case BTF_KIND_ENUM64:
		return sizeof(*t) + n * sizeof(struct btf_enum64);
	case BTF_KIND_PTR:
	case BTF_KIND_FWD:
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_FUNC:
	case BTF_KIND_FLOAT:
	case BTF_KIND_TYPE_TAG:
		return sizeof(*t);
	}
	return 0;
}

static const char *name_of(const struct btf_view *v, uint32_t off)
{
	return off < v->strs_len ? v->strs + off : "";
}

/* Indexes the types up to id: the structs wanted come early in the
 * kernel's BTF (task_struct, pt_regs and signal_struct among its first
 * 600 of ~150,000 types), and a mapped file's pages past them are never
 * read. */
static bool reach(struct btf_view *v, uint32_t id)
{
	size_t n;

	while (v->count < id && !v->bad &&
	       v->next + sizeof(struct btf_type) <= v->types_len) {
		n = type_len((const void *)(v->types + v->next));
		if (n == 0 || n > v->types_len - v->next) {
			v->bad = true;
			break;
		}
		v->index[++v->count] = (uint32_t)v->next;
		v->next += n;
	}
	return id <= v->count;
}

static const struct btf_type *type_at(struct btf_view *v, uint32_t id)
{
	if (id == 0 || !reach(v, id))
		return NULL;
	return (const void *)(v->types + v->index[id]);
}

static int view_open(struct btf_view *v, const void *btf, size_t size)
{
	const struct btf_header *h = btf;

	memset(v, 0, sizeof(*v));
	if (size < sizeof(*h) || h->magic != BTF_MAGIC ||
	    h->hdr_len > size || h->type_off > size - h->hdr_len ||
	    h->type_len > size - h->hdr_len - h->type_off ||
	    h->str_off > size - h->hdr_len ||
	    h->str_len > size - h->hdr_len - h->str_off)
		return -1;
	v->types = (const unsigned char *)btf + h->hdr_len + h->type_off;
	v->types_len = h->type_len;
	v->strs = (const char *)btf + h->hdr_len + h->str_off;
	v->strs_len = h->str_len;
	/* at most one type per 12 bytes; pages never written cost nothing */
	v->index = malloc((v->types_len / sizeof(struct btf_type) + 2) *
			  sizeof(*v->index));
	return v->index ? 0 : -1;
}

/* The byte offset of member name in struct or union t, looking into its
 * anonymous members too; -1 when it has none. */
static long member_offset(struct btf_view *v, const struct btf_type *t,
			  const char *name, unsigned depth)
{
	const struct btf_member *m;
	unsigned kind;

	if (!t)
		return -1;
	m = (const void *)(t + 1);
	kind = BTF_INFO_KIND(t->info);
	if ((kind != BTF_KIND_STRUCT && kind != BTF_KIND_UNION) || depth > 4)
		return -1;
	for (unsigned i = 0; i < BTF_INFO_VLEN(t->info); i++) {
		uint32_t bits = BTF_INFO_KFLAG(t->info) ?
				BTF_MEMBER_BIT_OFFSET(m[i].offset) :
				m[i].offset;
		const char *mname = name_of(v, m[i].name_off);
		long inner;

		if (strcmp(mname, name) == 0)
			return bits / 8;
		if (*mname)
			continue;
		inner = member_offset(v, type_at(v, m[i].type), name,
				      depth + 1);
		if (inner >= 0)
			return bits / 8 + inner;
	}
	return -1;
}

/* The struct named type with members; the fields come grouped by struct,
 * so the last one found is kept. */
static const struct btf_type *find_struct(struct btf_view *v,
					  const char *type)
{
	if (v->last_type == type)
		return v->last;
	v->last_type = type;
	v->last = NULL;
	for (uint32_t id = 1; !v->last; id++) {
		const struct btf_type *t = type_at(v, id);

		if (!t)
			break;
		if (BTF_INFO_KIND(t->info) == BTF_KIND_STRUCT &&
		    BTF_INFO_VLEN(t->info) > 0 &&
		    strcmp(name_of(v, t->name_off), type) == 0)
			v->last = t;
	}
	return v->last;
}

/* The offset of "member" or "member+bytes" in the struct named type. */
static long field_offset(struct btf_view *v, const char *type,
			 const char *member)
{
	const struct btf_type *t = find_struct(v, type);
	const char *plus = strchr(member, '+');
	char name[64];
	long add = plus ? strtol(plus + 1, NULL, 10) : 0, at;
	size_t len = plus ? (size_t)(plus - member) : strlen(member);

	if (!t || len >= sizeof(name))
		return -1;
	memcpy(name, member, len);
	name[len] = '\0';
	at = member_offset(v, t, name, 0);
	return at < 0 ? -1 : at + add;
}

/* Whether one read of MT_REGS_SPAN bytes, inside struct pt_regs, holds
 * every argument register: one helper call per entry instead of six. */
static void regs_span(struct btf_view *v, struct mt_offsets *o)
{
	const struct btf_type *t = find_struct(v, "pt_regs");
	uint32_t lo = o->regs_arg[0], hi = 0;

	for (unsigned i = 0; i < MT_MAX_ARGS; i++) {
		if (o->regs_arg[i] < lo)
			lo = o->regs_arg[i];
		if (o->regs_arg[i] + 8 > hi)
			hi = o->regs_arg[i] + 8;
	}
	if (!t || t->size < MT_REGS_SPAN || hi - lo > MT_REGS_SPAN)
		return;
	if (lo > t->size - MT_REGS_SPAN)
		lo = t->size - MT_REGS_SPAN;
	o->regs_lo = lo;
	o->regs_span = MT_REGS_SPAN;
}

int bpf_btf_offsets(const void *btf, size_t size, struct mt_offsets *o,
		    const char **missing)
{
	struct btf_view v;
	long at;
	int ret = -1;

	memset(o, 0, sizeof(*o));
	*missing = NULL;
	if (view_open(&v, btf, size) < 0) {
		*missing = "a readable BTF";
		goto out;
	}
	for (unsigned i = 0; i < MT_MAX_ARGS; i++) {
		at = field_offset(&v, "pt_regs", arch_bpf_arg_regs[i]);
		if (at < 0) {
			*missing = arch_bpf_arg_regs[i];
			goto out;
		}
		o->regs_arg[i] = (uint32_t)at;
	}
	regs_span(&v, o);
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		at = field_offset(&v, fields[i].type, fields[i].member);
		if (at < 0 && !fields[i].optional) {
			*missing = fields[i].member;
			goto out;
		}
		if (at > 0)
			*(uint32_t *)((char *)o + fields[i].at) = (uint32_t)at;
	}
	ret = 0;
out:
	free(v.index);
	return ret;
}

/* The whole file: mapped where the kernel allows it (6.16 on), else read
 * (a sysfs file gives a page per read). */
static void *load(int fd, size_t size, int *mapped)
{
	unsigned char *buf;
	size_t got = 0;
	ssize_t n;

	buf = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (buf != MAP_FAILED) {
		*mapped = 1;
		return buf;
	}
	*mapped = 0;
	buf = malloc(size);
	if (!buf)
		return NULL;
	while (got < size && (n = read(fd, buf + got, size - got)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			free(buf);
			return NULL;
		}
		got += (size_t)n;
	}
	if (got < size) {
		free(buf);
		errno = EIO;
		return NULL;
	}
	return buf;
}

int bpf_kernel_offsets(struct mt_offsets *o, const char **missing)
{
	int fd = open(KERNEL_BTF, O_RDONLY | O_CLOEXEC), mapped, ret;
	struct stat st;
	void *btf;

	*missing = NULL;
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || st.st_size <= 0) {
		close(fd);
		errno = EIO;
		return -1;
	}
	btf = load(fd, (size_t)st.st_size, &mapped);
	close(fd);
	if (!btf)
		return -1;
	ret = bpf_btf_offsets(btf, (size_t)st.st_size, o, missing);
	if (mapped)
		munmap(btf, (size_t)st.st_size);
	else
		free(btf);
	if (ret < 0)
		errno = ENOENT;
	return ret;
}
