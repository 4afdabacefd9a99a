/* The tail of an extensible struct (openat2's open_how, clone3's
 * clone_args, bpf's attr): the bytes a caller passes beyond the layout we
 * know. All zero shows nothing; other bytes show as hex after a comment
 * naming their offsets; an unreadable tail shows as ???. */
#include <string.h>

#include "decoders.h"

/* strace reads no more than this much of a tail */
#define TAIL_MAX 4096

void add_struct_tail(struct decode_ctx *ctx, struct value *v, uint64_t addr,
		     uint64_t known, uint64_t size)
{
	unsigned char *buf;
	uint64_t n, i;
	struct value *s;

	if (size <= known)
		return;
	n = size - known < TAIL_MAX ? size - known : TAIL_MAX;
	buf = arena_alloc(ctx->arena, n);
	if (tracee_read(ctx->mem, addr + known, buf, n) != 0) {
		value_add(v, value_expr(ctx->arena, NULL, 0, "???"));
		return;
	}
	for (i = 0; i < n && !buf[i]; i++)
		;
	if (i == n)
		return;
	s = value_string(ctx->arena, NULL, addr + known, (const char *)buf,
			 n > ctx->opts->string_limit ? ctx->opts->string_limit :
			 n, n > ctx->opts->string_limit);
	s->u.str.style = STR_HEX;
	s->u.str.prefix = arena_printf(ctx->arena, "/* bytes %llu..%llu */ ",
				       (unsigned long long)known,
				       (unsigned long long)(known + n - 1));
	value_add(v, s);
}
