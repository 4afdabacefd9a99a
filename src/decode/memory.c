/* Decoders for memory management: mmap's type and flags, NUMA policy
 * modes. */
#include <inttypes.h>
#include <linux/mempolicy.h>
#include <sys/mman.h>

#include "consts.h"
#include "decoders.h"

/* The page-size field of mmap's flags (MAP_HUGE_SHIFT, MAP_HUGE_MASK in
 * linux/mman.h, the same on every architecture): strace shows it as
 * N<<MAP_HUGE_SHIFT, with or without MAP_HUGETLB. */
#define HUGE_SHIFT 26
#define HUGE_MASK 0x3fu

/* Appends the page-size field "N<<SHIFT" after the names and after the
 * bits no name covers, where strace writes it. */
static void add_huge_field(struct decode_ctx *ctx, struct value *v,
			   uint32_t huge, const char *shift)
{
	if (!huge)
		return;
	if (v->u.flags.rest) {
		value_flags_append(ctx->arena, v,
				   arena_printf(ctx->arena, "%#llx",
						(unsigned long long)
						v->u.flags.rest));
		v->u.flags.rest = 0;
	}
	value_flags_append(ctx->arena, v, arena_printf(ctx->arena, "%u<<%s",
						       huge, shift));
}

struct value *decode_mmap_flags(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	uint32_t flags = (uint32_t)raw, type = flags & MAP_TYPE;
	uint32_t huge = (flags >> HUGE_SHIFT) & HUGE_MASK;
	const char *sym = xlat_name(&xlat_mmap_type, type);
	struct value *v;

	v = value_flags(ctx->arena, a->name,
			flags & ~(uint32_t)MAP_TYPE & ~(HUGE_MASK << HUGE_SHIFT),
			&xlat_mmap_flags);
	v->raw = flags;
	value_flags_prepend(ctx->arena, v, sym ? sym :
			    arena_printf(ctx->arena, "%#x /* %s */", type,
					 unknown_comment(ctx,
							 &xlat_mmap_type)));
	add_huge_field(ctx, v, huge, "MAP_HUGE_SHIFT");
	return v;
}

/* memfd_create's flags: single flags and the same page-size field */
struct value *decode_memfd_flags(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	uint32_t flags = (uint32_t)raw;
	uint32_t huge = (flags >> HUGE_SHIFT) & HUGE_MASK;
	struct value *v = value_flags(ctx->arena, a->name,
				      flags & ~(HUGE_MASK << HUGE_SHIFT),
				      &xlat_memfd_flags);

	v->raw = flags;
	if (v->u.flags.count == 0 && v->u.flags.rest && !huge)
		set_unknown_comment(ctx, v, &xlat_memfd_flags);
	add_huge_field(ctx, v, huge, "MFD_HUGE_SHIFT");
	return v;
}

/* The kernel takes names of at most 249 bytes (MFD_NAME_MAX, 255 less
 * "memfd:"); strace reads 250 bytes, no more, and marks a name with no
 * NUL among them as cut. */
#define MEMFD_NAME_READ 250

struct value *decode_memfd_name(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	size_t limit = ctx->opts->string_limit, len;
	char *buf = arena_alloc_bytes(ctx->arena, MEMFD_NAME_READ + 1);
	ssize_t n;

	if (raw == 0)
		return value_ptr(ctx->arena, a->name, 0);
	n = tracee_read_str(ctx->mem, raw, buf, MEMFD_NAME_READ - 1);
	if (n < 0 || !decode_spend(ctx, MEMFD_NAME_READ))
		return value_unavailable(ctx, a->name, raw);
	len = (size_t)n < limit ? (size_t)n : limit;
	return value_string(ctx->arena, a->name, raw, buf, len,
			    n == MEMFD_NAME_READ || (size_t)n > limit);
}

/* mremap's fifth argument exists only with MREMAP_FIXED. */
struct value *decode_mremap_addr(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	if (!(decode_param(ctx, a) & MREMAP_FIXED))	/* mremap_addr(flags) */
		return NULL;
	return value_ptr(ctx->arena, a->name, raw);
}

/* MEMBARRIER_CMD_QUERY returns the set of supported commands. */
struct value *decode_membarrier_ret(struct decode_ctx *ctx,
				    const struct arg_desc *a, uint64_t raw)
{
	if (ctx->sc->raw_args[0] != 0)
		return value_int(ctx->arena, a->name, (int64_t)raw);
	ctx->sc->ret_note = value_flags(ctx->arena, NULL, raw,
					&xlat_membarrier_cmd);
	return value_hex(ctx->arena, a->name, raw);
}

/* MPOL_BIND|MPOL_F_STATIC_NODES: the mode below the mode flags; a mode
 * the set does not name shows in hex after the flags. */
static struct value *mpol_mode_value(struct decode_ctx *ctx,
				     const char *name, uint64_t raw)
{
	struct value *v = value_field_flags(ctx->arena, name, raw,
					    ~(uint64_t)MPOL_MODE_FLAGS,
					    &xlat_mpol_mode,
					    &xlat_mpol_mode_flags);

	if (v->u.flags.count == 0 && v->u.flags.rest)
		set_unknown_comment(ctx, v, &xlat_mpol_mode);
	return v;
}

/* mbind's mode is a long, set_mempolicy's an int. */
struct value *decode_mpol_mode(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	return mpol_mode_value(ctx, a->name, raw);
}

struct value *decode_mpol_mode_int(struct decode_ctx *ctx,
				   const struct arg_desc *a, uint64_t raw)
{
	return mpol_mode_value(ctx, a->name, (uint32_t)raw);
}

/* get_mempolicy's policy: [MPOL_DEFAULT], written by the call. */
struct value *decode_mpol_mode_out(struct decode_ctx *ctx,
				   const struct arg_desc *a, uint64_t raw)
{
	uint32_t mode;
	struct value *v;

	if (!decode_read(ctx, a->name, raw, &mode, sizeof(mode), &v))
		return v;
	v = value_array(ctx->arena, a->name, raw);
	value_add(v, mpol_mode_value(ctx, NULL, mode));
	return v;
}

/* A node mask of maxnode - 1 bits, a 64-bit word at a time in 16
 * columns of hex: [0x00000000000003, 0000000000000000]; a mask of no
 * word is its address (maxnode 1), or [] (maxnode 0). A word that cannot be read ends the
 * list with its address, even past -s. */
static struct value *nodemask_value(struct decode_ctx *ctx, const char *name,
				    uint64_t addr, uint64_t maxnode)
{
	uint64_t words = maxnode ? (maxnode - 1 + 63) / 64 : 0, w;
	struct value *v;

	if (addr == 0 || maxnode == 1)
		return value_ptr(ctx->arena, name, addr);
	v = value_array(ctx->arena, name, addr);
	for (uint64_t i = 0; i < words; i++) {
		if (tracee_read(ctx->mem, addr + i * 8, &w, sizeof(w)) != 0) {
			if (i == 0)
				return value_unavailable(ctx, name, addr);
			v->u.kids.elided = true;
			v->u.kids.unread_at = addr + i * 8;
			break;
		}
		if (decode_array_full(ctx, i)) {
			v->u.kids.elided = true;
			break;
		}
		value_add(v, value_expr(ctx->arena, NULL, w,
			  arena_printf(ctx->arena, "%#016" PRIx64, w)));
	}
	return v;
}

struct value *decode_nodemask(struct decode_ctx *ctx, const struct arg_desc *a,
			      uint64_t raw)
{
	return nodemask_value(ctx, a->name, raw, decode_param(ctx, a));
}

struct value *decode_nodemask_out(struct decode_ctx *ctx,
				  const struct arg_desc *a, uint64_t raw)
{
	return nodemask_value(ctx, a->name, raw, decode_param(ctx, a));
}
