/* Decoders for processes: execve's vectors, wait statuses, resource
 * limits, clone, futex operations. */
#include <inttypes.h>
#include <linux/futex.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "arch.h"
#include "consts.h"
#include "decoders.h"

/* Stop counting environment entries somewhere sane on a garbage pointer. */
#define VECTOR_MAX_COUNT 65536

/* execve's vectors, read a block of pointers per process_vm_readv call
 * rather than one pointer per call. */
struct vector {
	uint64_t addr;
	uint64_t ptr[64];
	unsigned first, count;	/* indexes held in ptr[] */
};

static int vector_get(struct decode_ctx *ctx, struct vector *v, unsigned i,
		      uint64_t *out)
{
	if (i < v->first || i >= v->first + v->count) {
		ssize_t n = tracee_read_upto(ctx->mem,
					     v->addr + i * sizeof(*out),
					     v->ptr, sizeof(v->ptr));

		if (n < (ssize_t)sizeof(*out))
			return -1;
		v->first = i;
		v->count = (unsigned)((size_t)n / sizeof(*out));
	}
	*out = v->ptr[i - v->first];
	return 0;
}

struct value *decode_argv(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	struct value *v;
	struct vector vec = { .addr = raw };
	uint64_t ptr;
	unsigned limit = ctx->opts->string_limit;

	if (raw == 0)
		return value_ptr(ctx->arena, a->name, 0);
	v = value_array(ctx->arena, a->name, raw);
	for (unsigned i = 0;; i++) {
		if (vector_get(ctx, &vec, i, &ptr) != 0) {
			if (i == 0)
				return value_unavailable(ctx, a->name, raw);
			/* no terminator before an unreadable page: say where */
			v->u.kids.elided = true;
			v->u.kids.unread_at = raw + i * sizeof(ptr);
			break;
		}
		if (ptr == 0)
			break;
		if ((i >= limit && !ctx->opts->verbose) ||
		    !decode_spend(ctx, 64)) {
			v->u.kids.elided = true;
			break;
		}
		value_add(v, decode_cstring(ctx, NULL, ptr, limit));
	}
	return v;
}

struct value *decode_envp(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	struct value *v;
	struct vector vec = { .addr = raw };
	uint64_t ptr;
	unsigned count = 0;
	bool unread = false;

	if (ctx->opts->verbose)
		return decode_argv(ctx, a, raw);
	if (!decode_read(ctx, a->name, raw, &ptr, sizeof(ptr), &v))
		return v;
	while (count < VECTOR_MAX_COUNT &&
	       (unread = vector_get(ctx, &vec, count, &ptr) != 0) == 0 && ptr)
		count++;
	v = value_ptr(ctx->arena, a->name, raw);
	v->comment = arena_printf(ctx->arena, "%u var%s%s", count,
				  count == 1 ? "" : "s",
				  unread ? ", unterminated" : "");
	return v;
}

static const char *wait_status_text(struct decode_ctx *ctx, int status)
{
	char sig[16];
	const char *name;

	if (WIFEXITED(status))
		return arena_printf(ctx->arena,
				    "WIFEXITED(s) && WEXITSTATUS(s) == %d",
				    WEXITSTATUS(status));
	if (WIFSIGNALED(status)) {
		name = signal_name(WTERMSIG(status), sig);
		return arena_printf(ctx->arena,
				    "WIFSIGNALED(s) && WTERMSIG(s) == %s%s",
				    name ? name : "?",
				    WCOREDUMP(status) ? " && WCOREDUMP(s)" : "");
	}
	if (WIFSTOPPED(status)) {
		name = signal_name(WSTOPSIG(status), sig);
		return arena_printf(ctx->arena,
				    "WIFSTOPPED(s) && WSTOPSIG(s) == %s",
				    name ? name : "?");
	}
	if (WIFCONTINUED(status))
		return "WIFCONTINUED(s)";
	return arena_printf(ctx->arena, "%#x", status);
}

struct value *decode_wait_status_out(struct decode_ctx *ctx,
				     const struct arg_desc *a, uint64_t raw)
{
	int status;
	struct value *v, *inner;

	if (raw == 0 || ctx->sc->rval == 0)
		return value_ptr(ctx->arena, a->name, raw);
	if (tracee_read(ctx->mem, raw, &status, sizeof(status)) != 0)
		return value_unavailable(ctx, a->name, raw);
	v = value_array(ctx->arena, a->name, raw);
	inner = value_expr(ctx->arena, NULL, (uint32_t)status,
			   arena_printf(ctx->arena, "{%s}",
					wait_status_text(ctx, status)));
	value_add(v, inner);
	return v;
}

static struct value *rlim_value(struct decode_ctx *ctx, const char *name,
				uint64_t lim)
{
	if (lim == RLIM64_INFINITY)
		return value_symbol(ctx->arena, name, lim, V_UINT,
				    "RLIM64_INFINITY");
	if (lim > 1024 && lim % 1024 == 0)
		return value_symbol(ctx->arena, name, lim, V_UINT,
				    arena_printf(ctx->arena, "%" PRIu64 "*1024",
						 lim / 1024));
	return value_uint(ctx->arena, name, lim);
}

struct value *decode_rlimit(struct decode_ctx *ctx, const struct arg_desc *a,
			    uint64_t raw)
{
	uint64_t lim[2];
	struct value *v;

	if (!decode_read(ctx, a->name, raw, lim, sizeof(lim), &v))
		return v;
	v = value_struct(ctx->arena, a->name, raw);
	value_add(v, rlim_value(ctx, "rlim_cur", lim[0]));
	value_add(v, rlim_value(ctx, "rlim_max", lim[1]));
	return v;
}

static struct value *clone_flags_value(struct decode_ctx *ctx,
				       const char *name, uint64_t flags)
{
	struct value *v = value_flags(ctx->arena, name, flags & ~0xffULL,
				      &xlat_clone_flags);
	char buf[16];
	const char *sig = signal_name((int)(flags & 0xff), buf);

	v->raw = flags;
	if (flags & 0xff) {
		const char **names = arena_alloc(ctx->arena,
			(v->u.flags.count + 1) * sizeof(char *));

		memcpy(names, v->u.flags.names,
		       v->u.flags.count * sizeof(char *));
		/* sig may point into buf: copy it into the arena */
		names[v->u.flags.count++] = sig ?
			arena_strndup(ctx->arena, sig, strlen(sig)) :
			arena_printf(ctx->arena, "%#x", (unsigned)(flags & 0xff));
		v->u.flags.names = names;
	}
	return v;
}

static struct value *labelled(struct value *v)
{
	v->labelled = true;
	return v;
}

struct value *decode_clone_all(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	struct syscall_event *sc = ctx->sc;
	struct arena *ar = ctx->arena;
	uint64_t flags = sc->raw_args[0];

	decode_replace_arg(ctx, 1, labelled(clone_flags_value(ctx, "flags",
								flags)));
	decode_replace_arg(ctx, 3,
		!(flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) ? NULL :
		labelled(value_ptr(ar, "child_tidptr",
				   sc->raw_args[arch_clone_child_tid_arg])));
	decode_replace_arg(ctx, 4, !(flags & CLONE_SETTLS) ? NULL :
		labelled(value_ptr(ar, "tls",
				   sc->raw_args[arch_clone_tls_arg])));
	/* nothing after the flags (parent_tid shows at exit) */
	if (!(flags & (CLONE_PARENT_SETTID | CLONE_PIDFD | CLONE_CHILD_SETTID |
		       CLONE_CHILD_CLEARTID | CLONE_SETTLS)))
		decode_end_args(ctx, 2);
	/* strace prints the stack first */
	return labelled(value_ptr(ar, "child_stack", sc->raw_args[1]));
}

/* clone's parent_tid, where the kernel stored the child's id (or with
 * CLONE_PIDFD a pidfd) by the time the call returns: [42], [3<pid:42>];
 * absent without those flags, its address when the call failed. */
struct value *decode_clone_parent_tid(struct decode_ctx *ctx,
				      const struct arg_desc *a, uint64_t raw)
{
	uint64_t flags = ctx->sc->raw_args[0];
	int32_t id;
	struct value *v;

	if (!(flags & (CLONE_PARENT_SETTID | CLONE_PIDFD)))
		return NULL;
	if (ctx->sc->err ||
	    !decode_read(ctx, "parent_tid", raw, &id, sizeof(id), &v))
		return labelled(value_ptr(ctx->arena, "parent_tid", raw));
	v = labelled(value_array(ctx->arena, "parent_tid", raw));
	if (flags & CLONE_PIDFD)
		value_add(v, fd_value_of(ctx, NULL, ctx->mem->pid, id));
	else
		value_add(v, value_int(ctx->arena, NULL, id));
	return v;
}

/* An argument an earlier one's decoder gives its value to (through
 * decode_replace_arg); hidden when that one does not. */
struct value *decode_keep(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	return NULL;
}

static const char *const futex_op_ops[] = {
	"FUTEX_OP_SET", "FUTEX_OP_ADD", "FUTEX_OP_OR", "FUTEX_OP_ANDN",
	"FUTEX_OP_XOR",
};
static const char *const futex_op_cmps[] = {
	"FUTEX_OP_CMP_EQ", "FUTEX_OP_CMP_NE", "FUTEX_OP_CMP_LT",
	"FUTEX_OP_CMP_LE", "FUTEX_OP_CMP_GT", "FUTEX_OP_CMP_GE",
};

/* FUTEX_WAKE_OP's encoded operation: FUTEX_OP(op, oparg, cmp, cmparg). */
static struct value *futex_wake_op(struct decode_ctx *ctx, uint32_t v)
{
	unsigned op = (v >> 28) & 7, cmp = (v >> 24) & 15;
	const char *ops = op < 5 ? futex_op_ops[op] :
		arena_printf(ctx->arena, "%u", op);
	const char *cmps = cmp < 6 ? futex_op_cmps[cmp] :
		arena_printf(ctx->arena, "%u", cmp);

	return value_expr(ctx->arena, "val3", v, arena_printf(ctx->arena,
		"FUTEX_OP(%s%s, %u, %s, %u)", ops,
		(v >> 31) ? "<<FUTEX_OP_OPARG_SHIFT" : "",
		(v >> 12) & 0xfff, cmps, v & 0xfff));
}

static struct value *futex_bitset(struct decode_ctx *ctx, uint32_t v)
{
	if (v == FUTEX_BITSET_MATCH_ANY)
		return value_symbol(ctx->arena, "val3", v, V_HEX,
				  "FUTEX_BITSET_MATCH_ANY");
	return value_hex(ctx->arena, "val3", v);
}

/* Which of futex's trailing arguments a command uses, and what they are:
 * arguments 3 to 5 are "keep" in the table and given here. */
static void futex_args(struct decode_ctx *ctx, uint32_t cmd)
{
	struct syscall_event *sc = ctx->sc;
	struct arena *ar = ctx->arena;
	uint64_t *arg = sc->raw_args;
	struct value *timeout = timespec_value(ctx, "timeout", arg[3]);
	struct value *val2 = value_uint(ar, "val2", (uint32_t)arg[3]);
	struct value *uaddr2 = value_ptr(ar, "uaddr2", arg[4]);
	struct value *v[MAX_ARGS] = { NULL };
	unsigned n = MAX_ARGS;

	switch (cmd) {
	case FUTEX_WAKE:
	case FUTEX_FD:
	case FUTEX_UNLOCK_PI:
	case FUTEX_TRYLOCK_PI:
		n = 3;
		break;
	case FUTEX_WAIT:
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
		v[3] = timeout;
		n = 4;
		break;
	case FUTEX_WAIT_BITSET:
		v[3] = timeout;
		v[5] = futex_bitset(ctx, (uint32_t)arg[5]);
		break;
	case FUTEX_WAKE_BITSET:
		v[5] = futex_bitset(ctx, (uint32_t)arg[5]);
		break;
	case FUTEX_REQUEUE:
		v[3] = val2;
		v[4] = uaddr2;
		n = 5;
		break;
	case FUTEX_CMP_REQUEUE:
	case FUTEX_CMP_REQUEUE_PI:
		v[3] = val2;
		v[4] = uaddr2;
		v[5] = value_uint(ar, "val3", (uint32_t)arg[5]);
		break;
	case FUTEX_WAKE_OP:
		v[3] = val2;
		v[4] = uaddr2;
		v[5] = futex_wake_op(ctx, (uint32_t)arg[5]);
		break;
	case FUTEX_WAIT_REQUEUE_PI:
		v[3] = timeout;
		v[4] = uaddr2;
		n = 5;
		break;
	default:
		v[3] = value_hex(ar, "timeout", arg[3]);
		v[4] = uaddr2;
		v[5] = value_hex(ar, "val3", (uint32_t)arg[5]);
		break;
	}
	for (unsigned i = 3; i < MAX_ARGS; i++)
		decode_replace_arg(ctx, i, v[i]);
	decode_end_args(ctx, n);
}

struct value *decode_futex_op(struct decode_ctx *ctx,
			      const struct arg_desc *a, uint64_t raw)
{
	uint32_t op = (uint32_t)raw;
	uint32_t cmd = op & FUTEX_CMD_MASK;
	const char *name = xlat_name(&xlat_futex_op, cmd);
	char text[96];

	/* FUTEX_CLOCK_REALTIME goes only with the waits that take an
	 * absolute time: with another command strace names nothing, but
	 * still shows that command's arguments */
	bool bad_clock = (op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT &&
			 cmd != FUTEX_WAIT_BITSET &&
			 cmd != FUTEX_WAIT_REQUEUE_PI;

	if (!name || bad_clock) {
		struct value *v = value_hex(ctx->arena, a->name, op);

		futex_args(ctx, name ? cmd : UINT32_MAX);
		v->comment = "FUTEX_???";
		v->comment_xlat = true;
		return v;
	}
	/* FUTEX_FD has no _PRIVATE name */
	snprintf(text, sizeof(text), "%s%s%s", name,
		 !(op & FUTEX_PRIVATE_FLAG) ? "" :
		 cmd == FUTEX_FD ? "|FUTEX_PRIVATE_FLAG" : "_PRIVATE",
		 op & FUTEX_CLOCK_REALTIME ? "|FUTEX_CLOCK_REALTIME" : "");
	futex_args(ctx, cmd);
	return value_symbol(ctx->arena, a->name, op, V_HEX,
			    arena_strndup(ctx->arena, text, strlen(text)));
}
