/* io_uring(7)'s calls: io_uring_setup's parameters (what the caller asks
 * at entry, what the kernel answers at exit). */
#include <linux/io_uring.h>
#include <string.h>

#include "consts.h"
#include "decoders.h"

static struct value *flags_named(struct decode_ctx *ctx, const char *name,
				 uint64_t raw, const struct xlat *x)
{
	struct value *v = value_flags(ctx->arena, name, raw, x);

	if (v->u.flags.count == 0 && v->u.flags.rest)
		set_unknown_comment(ctx, v, x);
	return v;
}

/* The 7 offsets of io_sqring_offsets and io_cqring_offsets (same layout:
 * seven u32, resv1, a u64 resv2), named as the struct names them. */
static const char *const sq_off_names[7] = {
	"head", "tail", "ring_mask", "ring_entries", "flags", "dropped",
	"array"
};
static const char *const cq_off_names[7] = {
	"head", "tail", "ring_mask", "ring_entries", "overflow", "cqes",
	"flags"
};

static struct value *ring_offsets(struct decode_ctx *ctx, const char *name,
				  const void *off, const char *const names[7])
{
	struct value *v = value_struct(ctx->arena, name, 0);
	uint32_t w[8];
	uint64_t resv2;

	memcpy(w, off, sizeof(w));
	memcpy(&resv2, (const char *)off + sizeof(w), sizeof(resv2));
	for (unsigned i = 0; i < 7; i++)
		value_add(v, value_uint(ctx->arena, names[i], w[i]));
	if (w[7])
		value_add(v, value_hex(ctx->arena, "resv1", w[7]));
	if (resv2)
		value_add(v, value_hex(ctx->arena, "resv2", resv2));
	return v;
}

static struct value *params_in(struct decode_ctx *ctx, const char *name,
			       uint64_t addr)
{
	struct arg_desc fd = { "wq_fd", ARG_FD, PARAM_NONE, NULL };
	struct arena *ar = ctx->arena;
	struct io_uring_params p;
	struct value *v, *resv;

	if (!decode_read(ctx, name, addr, &p, sizeof(p), &v))
		return v;
	v = value_struct(ar, name, addr);
	value_add(v, flags_named(ctx, "flags", p.flags,
				 &xlat_io_uring_setup_flags));
	value_add(v, value_hex(ar, "sq_thread_cpu", p.sq_thread_cpu));
	value_add(v, value_uint(ar, "sq_thread_idle", p.sq_thread_idle));
	if (p.flags & IORING_SETUP_ATTACH_WQ)
		value_add(v, decode_fd(ctx, &fd, p.wq_fd));
	if (p.resv[0] || p.resv[1] || p.resv[2]) {
		resv = value_array(ar, "resv", 0);
		for (unsigned i = 0; i < 3; i++)
			value_add(resv, value_hex(ar, NULL, p.resv[i]));
		value_add(v, resv);
	}
	return v;
}

/* At entry what the caller asks; at exit, when the call succeeded, the
 * sizes, features and ring offsets the kernel wrote, after them. */
struct value *decode_io_uring_params(struct decode_ctx *ctx,
				     const struct arg_desc *a, uint64_t raw)
{
	struct value *before = decode_entry_value(ctx);
	struct arena *ar = ctx->arena;
	struct io_uring_params p;

	if (!ctx->at_exit)
		return params_in(ctx, a->name, raw);
	if (!before || before->kind != V_STRUCT || ctx->sc->rval < 0 ||
	    tracee_read(ctx->mem, raw, &p, sizeof(p)) != 0)
		return before;
	value_add(before, value_uint(ar, "sq_entries", p.sq_entries));
	value_add(before, value_uint(ar, "cq_entries", p.cq_entries));
	value_add(before, flags_named(ctx, "features", p.features,
				      &xlat_io_uring_features));
	value_add(before, ring_offsets(ctx, "sq_off", &p.sq_off,
				       sq_off_names));
	value_add(before, ring_offsets(ctx, "cq_off", &p.cq_off,
				       cq_off_names));
	return before;
}
