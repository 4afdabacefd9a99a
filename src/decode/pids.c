/* Decoders of arguments and return values that are process, thread,
 * group or session ids: V_PID values saying which kind of id each is.
 * What an id names (its command, its number in mytrace's PID namespace)
 * is filled in after decoding, by src/pidinfo.c, for --decode-pids. */
#include <sys/resource.h>
#include <sys/wait.h>
#include <linux/ioprio.h>

#include "decoders.h"

static struct value *pid_value(struct decode_ctx *ctx, const char *name,
			       uint64_t raw, enum pid_kind kind)
{
	return value_pid(ctx->arena, name, (int32_t)raw, kind);
}

struct value *decode_tid(struct decode_ctx *ctx, const struct arg_desc *a,
			 uint64_t raw)
{
	return pid_value(ctx, a->name, raw, PID_TID);
}

struct value *decode_tgid(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	return pid_value(ctx, a->name, raw, PID_TGID);
}

struct value *decode_pgid(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	return pid_value(ctx, a->name, raw, PID_PGID);
}

struct value *decode_sid(struct decode_ctx *ctx, const struct arg_desc *a,
			 uint64_t raw)
{
	return pid_value(ctx, a->name, raw, PID_SID);
}

/* kill's and wait4's: a process, -PGID for a group; 0 and -1 are not
 * ids (the caller's group, every process). */
struct value *decode_pid_or_pgid(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	int32_t v = (int32_t)raw;

	if (v > 0)
		return pid_value(ctx, a->name, raw, PID_TGID);
	if (v < -1)
		return pid_value(ctx, a->name, raw, PID_PGID);
	return value_int(ctx->arena, a->name, v);
}

/* getpriority's and setpriority's who: what which names (a process, a group,
 * a user); 0 is the caller. */
struct value *decode_prio_who(struct decode_ctx *ctx,
			      const struct arg_desc *a, uint64_t raw)
{
	switch (decode_param(ctx, a)) {
	case PRIO_PROCESS:
		return pid_value(ctx, a->name, raw, PID_TGID);
	case PRIO_PGRP:
		return pid_value(ctx, a->name, raw, PID_PGID);
	default:
		return value_int(ctx->arena, a->name, (int32_t)raw);
	}
}

/* waitid's id: what idtype says it is. */
struct value *decode_waitid_id(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	switch (decode_param(ctx, a)) {
	case P_PID:
		return pid_value(ctx, a->name, raw, PID_TGID);
	case P_PGID:
		return pid_value(ctx, a->name, raw, PID_PGID);
	case P_PIDFD:
		return decode_fd(ctx, a, raw);
	default:
		return value_int(ctx->arena, a->name, (int32_t)raw);
	}
}

/* ioprio_get's and ioprio_set's who: a process, a group, a user. */
struct value *decode_ioprio_who(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	switch (decode_param(ctx, a)) {
	case IOPRIO_WHO_PROCESS:
		return pid_value(ctx, a->name, raw, PID_TGID);
	case IOPRIO_WHO_PGRP:
		return pid_value(ctx, a->name, raw, PID_PGID);
	default:
		return value_int(ctx->arena, a->name, (int32_t)raw);
	}
}
