/* Decoders for POSIX message queues: struct mq_attr as mq_open and
 * mq_getsetattr pass it. */
#include <fcntl.h>
#include <mqueue.h>

#include "decoders.h"

/* mq_flags holds O_NONBLOCK alone; any other bit shows the word in hex,
 * as strace does. */
static struct value *mq_flags_value(struct decode_ctx *ctx, int64_t flags)
{
	if (flags == 0)
		return value_uint(ctx->arena, "mq_flags", 0);
	if ((uint64_t)flags & ~(uint64_t)O_NONBLOCK)
		return value_hex(ctx->arena, "mq_flags", (uint64_t)flags);
	return value_symbol(ctx->arena, "mq_flags", (uint64_t)flags, V_HEX,
			    "O_NONBLOCK");
}

static struct value *mq_attr_value(struct decode_ctx *ctx, const char *name,
				   uint64_t addr)
{
	struct mq_attr at;
	struct arena *ar = ctx->arena;
	struct value *v;

	if (!decode_read(ctx, name, addr, &at, sizeof(at), &v))
		return v;
	v = value_struct(ar, name, addr);
	value_add(v, mq_flags_value(ctx, at.mq_flags));
	value_add(v, value_int(ar, "mq_maxmsg", at.mq_maxmsg));
	value_add(v, value_int(ar, "mq_msgsize", at.mq_msgsize));
	value_add(v, value_int(ar, "mq_curmsgs", at.mq_curmsgs));
	return v;
}

/* mq_open's attributes, like open's mode, only matter with O_CREAT. */
struct value *decode_mq_attr(struct decode_ctx *ctx, const struct arg_desc *a,
			     uint64_t raw)
{
	if (!(decode_param(ctx, a) & O_CREAT))	/* mq_attr(oflag) */
		return NULL;
	return mq_attr_value(ctx, a->name, raw);
}

/* mq_getsetattr's new attributes, and the old ones it writes. */
struct value *decode_mq_attr_io(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	return mq_attr_value(ctx, a->name, raw);
}
