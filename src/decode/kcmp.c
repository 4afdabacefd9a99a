/* Descriptors of other processes: kcmp(2)'s type decides whether its two
 * indexes are descriptors (of pid1 and pid2), a descriptor and a struct
 * kcmp_epoll_slot, or absent; pidfd_getfd(2) names one of a pidfd's. */
#include <linux/kcmp.h>

#include "consts.h"
#include "decoders.h"

static struct value *epoll_slot_value(struct decode_ctx *ctx, uint64_t addr,
				      int pid)
{
	struct kcmp_epoll_slot slot;
	struct value *v;

	if (!decode_read(ctx, "idx2", addr, &slot, sizeof(slot), &v))
		return v;
	v = value_struct(ctx->arena, "idx2", addr);
	value_add(v, fd_value_of(ctx, "efd", pid, (int32_t)slot.efd));
	value_add(v, fd_value_of(ctx, "tfd", pid, (int32_t)slot.tfd));
	value_add(v, value_uint(ctx->arena, "toff", slot.toff));
	return v;
}

/* pidfd_getfd's targetfd(pidfd): a descriptor of the pidfd's process */
struct value *decode_pidfd_target(struct decode_ctx *ctx,
				  const struct arg_desc *a, uint64_t raw)
{
	int pid = -1;

	if (ctx->opts->decode_fds)
		pid = pidfd_pid(ctx, (int32_t)decode_param(ctx, a));
	return fd_value_of(ctx, a->name, pid, (int32_t)raw);
}

struct value *decode_kcmp_type(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	const uint64_t *r = ctx->sc->raw_args;
	int pid1 = (int32_t)r[0], pid2 = (int32_t)r[1];
	struct value *v = decode_enum(ctx, a, raw);

	switch ((uint32_t)raw) {
	case KCMP_FILE:
		decode_replace_arg(ctx, 3, fd_value_of(ctx, "idx1", pid1,
						       (int32_t)r[3]));
		decode_replace_arg(ctx, 4, fd_value_of(ctx, "idx2", pid2,
						       (int32_t)r[4]));
		break;
	case KCMP_EPOLL_TFD:
		decode_replace_arg(ctx, 3, fd_value_of(ctx, "idx1", pid1,
						       (int32_t)r[3]));
		decode_replace_arg(ctx, 4, epoll_slot_value(ctx, r[4], pid2));
		break;
	default:
		/* the other known types compare whole resources */
		if (v->u.en.sym)
			decode_end_args(ctx, 3);
	}
	return v;
}
