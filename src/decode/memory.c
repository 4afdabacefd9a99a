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
