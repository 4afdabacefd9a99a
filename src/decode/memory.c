/* Decoders for memory management: mmap's type and flags. */
#include <sys/mman.h>

#include "consts.h"
#include "decoders.h"

struct value *decode_mmap_flags(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	return value_field_flags(ctx->arena, a->name, (uint32_t)raw, MAP_TYPE,
				 &xlat_mmap_type, &xlat_mmap_flags);
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
