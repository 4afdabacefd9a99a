/* ptrace's register sets: PTRACE_GETREGS and PTRACE_GETFPREGS (and their
 * SET pairs), and PTRACE_GETREGSET's iovec, in the layouts the arch layer
 * describes (arch_gregs, arch_fpregs). Shown once the call succeeded:
 * what a failed call would have read or written is an address. */
#include <elf.h>
#include <string.h>

#include "arch.h"
#include "ptrace_regs.h"

#define PT_ADDR 2

/* The fields of set that fit in len bytes at addr */
static struct value *regs_value(struct decode_ctx *ctx, const char *name,
				uint64_t addr, uint64_t len,
				const struct arch_reg_set *set)
{
	unsigned char buf[1024];
	struct arena *ar = ctx->arena;
	struct value *v;

	if (!set->count || !len || set->size > sizeof(buf))
		return value_ptr(ar, name, addr);
	if (!decode_read(ctx, name, addr, buf, len < set->size ? len :
			 set->size, &v))
		return v;
	v = value_struct(ar, name, addr);
	/* more bytes than the set has: "..." after it */
	v->u.kids.elided = len > set->size;
	if (len > set->size)
		len = set->size;
	for (unsigned i = 0; i < set->count; i++) {
		const struct arch_reg_field *f = &set->fields[i];
		unsigned n = f->count ? f->count : 1, k;
		struct value *a = NULL;

		if (f->offset + f->size > len)
			break;
		if (f->count)
			a = value_array(ar, f->name, 0);
		for (k = 0; k < n && f->offset + (k + 1) * f->size <= len; k++) {
			uint64_t x = 0;

			memcpy(&x, buf + f->offset + k * f->size, f->size);
			value_add(a ? a : v, value_hex(ar, a ? NULL : f->name,
						       x));
		}
		if (a)
			value_add(v, a);
	}
	return v;
}

/* Whole registers only: strace shows a set whose size is no multiple of
 * 8 bytes as an address */
static struct value *iov_regs(struct decode_ctx *ctx, uint64_t base,
			      uint64_t len, const struct arch_reg_set *set)
{
	if (!set || len % 8)
		return value_ptr(ctx->arena, "iov_base", base);
	return regs_value(ctx, "iov_base", base, len, set);
}

/* {iov_base=..., iov_len=N}: what a SETREGSET writes at entry, what a
 * GETREGSET read at exit, and iov_len as the kernel left it */
static struct value *regset_value(struct decode_ctx *ctx, const char *name,
				  uint64_t addr, bool set_req)
{
	struct {
		uint64_t base, len;
	} iov;
	uint64_t nt = ctx->sc->raw_args[PT_ADDR];
	const struct arch_reg_set *set = nt == NT_PRSTATUS ? &arch_gregs :
		nt == NT_FPREGSET ? &arch_fpregs : NULL;
	struct value *v, *entry = ctx->at_exit ? decode_entry_value(ctx) :
				  NULL, *base, *len;

	if (!decode_read(ctx, name, addr, &iov, sizeof(iov), &v))
		return ctx->at_exit ? entry : v;
	len = value_uint(ctx->arena, "iov_len", iov.len);
	if (!ctx->at_exit) {
		base = set_req ? iov_regs(ctx, iov.base, iov.len, set) :
		       value_ptr(ctx->arena, "iov_base", iov.base);
	} else {
		if (!entry || entry->kind != V_STRUCT ||
		    entry->u.kids.count != 2)
			return entry;
		base = set_req ? entry->u.kids.first :
		       iov_regs(ctx, iov.base, iov.len, set);
		if (entry->u.kids.last->raw != iov.len)
			len = value_inout(ctx->arena, "iov_len",
					  entry->u.kids.last, len);
		else
			len = entry->u.kids.last;
	}
	v = value_struct(ctx->arena, name, addr);
	base->next = NULL;
	value_add(v, base);
	len->next = NULL;
	value_add(v, len);
	return v;
}

/* GETREGS-style sets at exit, SETREGS-style ones at entry */
struct value *ptrace_regs_value(struct decode_ctx *ctx, const char *kind,
				const char *name, uint64_t addr, bool out)
{
	size_t n = strlen(kind);
	bool set_req = n > 3 && !strcmp(kind + n - 3, "_in");
	const struct arch_reg_set *set;

	if (!set_req && (n < 4 || strcmp(kind + n - 4, "_out")))
		return NULL;
	if (!strncmp(kind, "regset_", 7))
		return regset_value(ctx, name, addr, set_req);
	if (set_req == out)
		return NULL;
	if (!strncmp(kind, "regs_", 5))
		set = &arch_gregs;
	else if (!strncmp(kind, "fpregs_", 7))
		set = &arch_fpregs;
	else
		return NULL;
	return regs_value(ctx, name, addr, set->size, set);
}
