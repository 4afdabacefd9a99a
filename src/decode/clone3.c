/* clone3's struct clone_args: the fields its size covers and its flags
 * select, an unknown tail, and at exit what the kernel wrote back. */
#include <linux/sched.h>
#include <sched.h>
#include <string.h>

#include "consts.h"
#include "decoders.h"

struct clone_args64 {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal;
	uint64_t stack, stack_size, tls, set_tid, set_tid_size, cgroup;
};

/* the sizes of the struct's versions: 0, 1 (set_tid) and 2 (cgroup) */
#define CLONE_ARGS_V0 64u
#define CLONE_ARGS_V1 80u
#define CLONE_ARGS_V2 88u

/* set_tid: an array of set_tid_size pids. */
static struct value *set_tid_value(struct decode_ctx *ctx, uint64_t addr,
				   uint64_t n)
{
	struct value *v;

	if (!addr || !n || n > 64)
		return value_ptr(ctx->arena, "set_tid", addr);
	v = value_array(ctx->arena, "set_tid", addr);
	for (uint64_t i = 0; i < n; i++) {
		int32_t pid;

		if (tracee_read(ctx->mem, addr + 4 * i, &pid, 4) != 0)
			return value_unavailable(ctx, "set_tid", addr);
		if (decode_array_full(ctx, i)) {
			v->u.kids.elided = true;
			break;
		}
		value_add(v, value_int(ctx->arena, NULL, pid));
	}
	return v;
}

static struct value *clone_args_in(struct decode_ctx *ctx, const char *name,
				   uint64_t addr, uint64_t size)
{
	struct clone_args64 ca;
	struct arena *ar = ctx->arena;
	struct value *v, *f;

	memset(&ca, 0, sizeof(ca));
	if (size < CLONE_ARGS_V0 ||
	    tracee_read(ctx->mem, addr, &ca,
			size < sizeof(ca) ? size : sizeof(ca)) != 0)
		return value_unavailable(ctx, name, addr);
	v = value_struct(ar, name, addr);
	f = value_flags(ar, "flags", ca.flags, &xlat_clone3_flags);
	if (!f->u.flags.count && f->u.flags.rest)
		set_unknown_comment(ctx, f, &xlat_clone3_flags);
	value_add(v, f);
	if (ca.flags & CLONE_PIDFD)
		value_add(v, value_ptr(ar, "pidfd", ca.pidfd));
	if (ca.flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
		value_add(v, value_ptr(ar, "child_tid", ca.child_tid));
	if (ca.flags & CLONE_PARENT_SETTID)
		value_add(v, value_ptr(ar, "parent_tid", ca.parent_tid));
	value_add(v, ca.exit_signal < 65 ?
		  signal_value(ctx, "exit_signal", (int)ca.exit_signal) :
		  value_uint(ar, "exit_signal", ca.exit_signal));
	value_add(v, value_ptr(ar, "stack", ca.stack));
	value_add(v, value_hex(ar, "stack_size", ca.stack_size));
	if (ca.flags & CLONE_SETTLS)
		value_add(v, value_ptr(ar, "tls", ca.tls));
	if (size >= CLONE_ARGS_V1 && (ca.set_tid || ca.set_tid_size)) {
		value_add(v, set_tid_value(ctx, ca.set_tid, ca.set_tid_size));
		value_add(v, value_uint(ar, "set_tid_size", ca.set_tid_size));
	}
	if (size >= CLONE_ARGS_V2 &&
	    (ca.cgroup || (ca.flags & CLONE_INTO_CGROUP)))
		value_add(v, value_uint(ar, "cgroup", ca.cgroup));
	add_struct_tail(ctx, v, addr, CLONE_ARGS_V2, size);
	return v;
}

/* At entry the arguments; at exit, when the call succeeded, what the
 * kernel wrote back: the pidfd, the parent's tid, the tail again. */
struct value *decode_clone_args(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	struct value *before = decode_entry_value(ctx);
	uint64_t size = decode_param(ctx, a);	/* clone_args(size) */
	struct clone_args64 ca;
	struct value *after, *tid;

	if (!ctx->at_exit)
		return clone_args_in(ctx, a->name, raw, size);
	if (!before || before->kind != V_STRUCT || ctx->sc->rval < 0 ||
	    tracee_read(ctx->mem, raw, &ca, 32) != 0)
		return before;
	after = value_struct(ctx->arena, NULL, raw);
	if (ca.flags & CLONE_PIDFD) {
		tid = int_ptr_value(ctx, "pidfd", ca.pidfd, 4, true);
		value_add(after, tid);
	}
	if (ca.flags & CLONE_PARENT_SETTID) {
		tid = int_ptr_value(ctx, "parent_tid", ca.parent_tid, 4, true);
		/* the kernel wrote the child's id, the call's result; a new
		 * thread that already exited may have cleared it again
		 * (CLONE_CHILD_CLEARTID often points to the same word) */
		if (tid->kind == V_ARRAY && tid->u.kids.first->raw == 0)
			tid->u.kids.first->raw = (uint64_t)ctx->sc->rval;
		value_add(after, tid);
	}
	add_struct_tail(ctx, after, raw, CLONE_ARGS_V2, size);
	if (!after->u.kids.count)
		return before;
	return value_inout(ctx->arena, a->name, before, after);
}
