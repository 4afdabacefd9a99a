/* io_uring_register(2)'s argument, by the kind its opcode's line in
 * tables/consts/io_uring_register_op.list names: buffers, descriptors,
 * file updates, the probe and the restrictions. */
#include <linux/io_uring.h>
#include <stdint.h>
#include <string.h>

#include "consts.h"
#include "decoders.h"

#define REG_OPCODE 1
#define REG_NR_ARGS 3
/* More probe entries than any kernel has opcodes: shown as the address */
#define PROBE_MAX_OPS 4096
/* Every CPU of the largest mask cpuset_value reads (1024 bytes) */
#define IOWQ_CPUS_MAX 8192

/* A number x names, else the number (hex or decimal) and x's ??? */
static struct value *enum_named(struct decode_ctx *ctx, const char *name,
				uint64_t raw, const struct xlat *x,
				enum value_kind fallback)
{
	struct value *v = value_enum(ctx->arena, name, raw, x, fallback);

	if (!v->u.en.sym)
		set_unknown_comment(ctx, v, x);
	return v;
}

static struct value *flags_named(struct decode_ctx *ctx, const char *name,
				 uint64_t raw, const struct xlat *x)
{
	struct value *v = value_flags(ctx->arena, name, raw, x);

	if (v->u.flags.count == 0 && v->u.flags.rest)
		set_unknown_comment(ctx, v, x);
	return v;
}

/* resv2=[...] of n u32 words, shown only when one is set */
static void add_resv_words(struct decode_ctx *ctx, struct value *v,
			   const char *name, const uint32_t *w, unsigned n)
{
	struct value *a;
	unsigned i;

	for (i = 0; i < n && !w[i]; i++)
		;
	if (i == n)
		return;
	a = value_array(ctx->arena, name, 0);
	for (i = 0; i < n; i++)
		value_add(a, value_hex(ctx->arena, NULL, w[i]));
	value_add(v, a);
}

static struct value *iov_elem(struct decode_ctx *ctx, const void *p)
{
	struct value *e = value_struct(ctx->arena, NULL, 0);
	uint64_t w[2];

	memcpy(w, p, sizeof(w));
	value_add(e, value_ptr(ctx->arena, "iov_base", w[0]));
	value_add(e, value_uint(ctx->arena, "iov_len", w[1]));
	return e;
}

static struct value *fd_elem(struct decode_ctx *ctx, const void *p)
{
	int32_t fd;

	memcpy(&fd, p, sizeof(fd));
	return fd_value_of(ctx, NULL, ctx->mem->pid, fd);
}

/* In an update, -2 leaves the slot as it is */
static struct value *update_fd_elem(struct decode_ctx *ctx, const void *p)
{
	int32_t fd;

	memcpy(&fd, p, sizeof(fd));
	if (fd == IORING_REGISTER_FILES_SKIP)
		return value_symbol(ctx->arena, NULL, (uint64_t)(int64_t)fd,
				    V_INT, "IORING_REGISTER_FILES_SKIP");
	return fd_value_of(ctx, NULL, ctx->mem->pid, fd);
}

static struct value *uint_elem(struct decode_ctx *ctx, const void *p)
{
	uint32_t u;

	memcpy(&u, p, sizeof(u));
	return value_uint(ctx->arena, NULL, u);
}

static struct value *files_update(struct decode_ctx *ctx, const char *name,
				  uint64_t addr, uint64_t nr)
{
	struct io_uring_files_update u;
	struct value *v;

	if (!decode_read(ctx, name, addr, &u, sizeof(u), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_uint(ctx->arena, "offset", u.offset));
	if (u.resv)
		value_add(v, value_hex(ctx->arena, "resv", u.resv));
	value_add(v, array_value(ctx, "fds", u.fds, nr, sizeof(int32_t),
				 update_fd_elem));
	return v;
}

static struct value *probe_op_elem(struct decode_ctx *ctx, const void *p)
{
	struct value *e = value_struct(ctx->arena, NULL, 0);
	struct io_uring_probe_op o;

	memcpy(&o, p, sizeof(o));
	value_add(e, enum_named(ctx, "op", o.op, &xlat_io_uring_op, V_UINT));
	if (o.resv)
		value_add(e, value_hex(ctx->arena, "resv", o.resv));
	value_add(e, flags_named(ctx, "flags", o.flags,
				 &xlat_io_uring_op_flags));
	if (o.resv2)
		value_add(e, value_hex(ctx->arena, "resv2", o.resv2));
	return e;
}

/* The probe's header and its first nr entries; at exit (filled) only as
 * many as the kernel wrote, "..." when it knows more opcodes */
static struct value *probe_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr, const struct io_uring_probe *pp,
				 uint64_t nr, bool filled)
{
	struct io_uring_probe p = *pp;
	struct value *v, *ops;

	v = value_struct(ctx->arena, name, addr);
	value_add(v, enum_named(ctx, "last_op", p.last_op, &xlat_io_uring_op,
				V_UINT));
	value_add(v, value_uint(ctx->arena, "ops_len", p.ops_len));
	if (p.resv)
		value_add(v, value_hex(ctx->arena, "resv", p.resv));
	add_resv_words(ctx, v, "resv2", p.resv2, 3);
	ops = array_value(ctx, "ops", addr + sizeof(p),
			  filled && p.ops_len < nr ? p.ops_len : nr,
			  sizeof(struct io_uring_probe_op), probe_op_elem);
	if (filled && p.ops_len > nr && ops->kind == V_ARRAY)
		ops->u.kids.elided = true;
	value_add(v, ops);
	return v;
}

static struct value *probe(struct decode_ctx *ctx, const char *name,
			   uint64_t addr, uint64_t nr)
{
	size_t len = sizeof(struct io_uring_probe) +
		     nr * sizeof(struct io_uring_probe_op);
	struct io_uring_probe p;
	unsigned char *buf;
	size_t i;

	if (!addr || nr > PROBE_MAX_OPS)
		return value_ptr(ctx->arena, name, addr);
	/* read as one piece, as the kernel does; the caller zeroes what it
	 * asks the kernel to fill, which then shows as its address */
	buf = arena_alloc_bytes(ctx->arena, len);
	if (tracee_read(ctx->mem, addr, buf, len) != 0)
		return value_unavailable(ctx, name, addr);
	for (i = 0; i < len && !buf[i]; i++)
		;
	if (i == len)
		return value_ptr(ctx->arena, name, addr);
	memcpy(&p, buf, sizeof(p));
	return probe_value(ctx, name, addr, &p, nr, false);
}

/* An opcode the kernel does not know: the number, and the union's byte
 * after it as a comment of its own (kept by -X raw) */
static struct value *unknown_opcode(struct decode_ctx *ctx, uint16_t opcode,
				    uint8_t byte)
{
	struct value *v = value_seq(ctx->arena, "opcode", "", "",
				    arena_printf(ctx->arena, " /* op: %#x */",
						 byte));

	value_add(v, enum_named(ctx, NULL, opcode,
				&xlat_io_uring_restriction_op, V_HEX));
	return v;
}

static struct value *restriction_elem(struct decode_ctx *ctx, const void *p)
{
	struct value *e = value_struct(ctx->arena, NULL, 0);
	struct io_uring_restriction r;

	memcpy(&r, p, sizeof(r));
	if (r.opcode >= IORING_RESTRICTION_LAST) {
		value_add(e, unknown_opcode(ctx, r.opcode, r.register_op));
		goto tail;
	}
	value_add(e, enum_named(ctx, "opcode", r.opcode,
				&xlat_io_uring_restriction_op, V_HEX));
	switch (r.opcode) {
	case IORING_RESTRICTION_REGISTER_OP:
		value_add(e, enum_named(ctx, "register_op", r.register_op,
					&xlat_io_uring_register_op, V_HEX));
		break;
	case IORING_RESTRICTION_SQE_OP:
		value_add(e, enum_named(ctx, "sqe_op", r.sqe_op,
					&xlat_io_uring_op, V_HEX));
		break;
	case IORING_RESTRICTION_SQE_FLAGS_ALLOWED:
	case IORING_RESTRICTION_SQE_FLAGS_REQUIRED:
		value_add(e, flags_named(ctx, "sqe_flags", r.sqe_flags,
					 &xlat_io_uring_sqe_flags));
		break;
	}
tail:
	if (r.resv)
		value_add(e, value_hex(ctx->arena, "resv", r.resv));
	add_resv_words(ctx, e, "resv2", r.resv2, 3);
	return e;
}

/* io-wq's worker limits, indexed by IO_WQ_BOUND and IO_WQ_UNBOUND */
static struct value *max_workers(struct decode_ctx *ctx, const char *name,
				 uint64_t addr, uint64_t nr)
{
	struct value *v = array_value(ctx, name, addr, nr, sizeof(uint32_t),
				      uint_elem);
	unsigned i = 0;

	if (v->kind != V_ARRAY)
		return v;
	for (struct value *e = v->u.kids.first; e; e = e->next, i++)
		e->index = enum_named(ctx, NULL, i, &xlat_io_wq_type, V_UINT);
	return v;
}

/* A ring's own descriptor to register (-1 there: any free slot), or the
 * slot to unregister */
static struct value *ring_fd_elem(struct decode_ctx *ctx, const void *p,
				  bool reg)
{
	struct value *e = value_struct(ctx->arena, NULL, 0);
	struct io_uring_rsrc_update u;

	memcpy(&u, p, sizeof(u));
	if (reg && u.offset == UINT32_MAX)
		value_add(e, value_int(ctx->arena, "offset", -1));
	else
		value_add(e, value_uint(ctx->arena, "offset", u.offset));
	if (u.resv)
		value_add(e, value_hex(ctx->arena, "resv", u.resv));
	if (reg)
		value_add(e, fd_value_of(ctx, "data", ctx->mem->pid,
					 (int32_t)u.data));
	else if (u.data)
		value_add(e, value_hex(ctx->arena, "data", u.data));
	return e;
}

static struct value *ring_fd_reg_elem(struct decode_ctx *ctx, const void *p)
{
	return ring_fd_elem(ctx, p, true);
}

static struct value *ring_fd_unreg_elem(struct decode_ctx *ctx,
					const void *p)
{
	return ring_fd_elem(ctx, p, false);
}

static struct value *hex64_elem(struct decode_ctx *ctx, const void *p)
{
	uint64_t u;

	memcpy(&u, p, sizeof(u));
	return value_hex(ctx->arena, NULL, u);
}

/* The nr resources at data (descriptors or, for buffers, iovecs) */
static struct value *rsrc_data(struct decode_ctx *ctx, bool bufs,
			       array_elem_fn fd_fn, uint64_t data, uint32_t nr)
{
	if (bufs)
		return array_value(ctx, "data", data, nr, 16, iov_elem);
	return array_value(ctx, "data", data, nr, sizeof(int32_t), fd_fn);
}

/* struct io_uring_rsrc_register, nr_args bytes of it (an extensible
 * struct) */
static struct value *rsrc_register(struct decode_ctx *ctx, const char *name,
				   uint64_t addr, uint64_t size, bool bufs)
{
	struct io_uring_rsrc_register r;
	struct value *v;

	if (size < sizeof(r))
		return value_ptr(ctx->arena, name, addr);
	if (!decode_read(ctx, name, addr, &r, sizeof(r), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_uint(ctx->arena, "nr", r.nr));
	value_add(v, flags_named(ctx, "flags", r.flags,
				 &xlat_io_uring_rsrc_flags));
	if (r.resv2)
		value_add(v, value_hex(ctx->arena, "resv2", r.resv2));
	value_add(v, rsrc_data(ctx, bufs, fd_elem, r.data, r.nr));
	value_add(v, array_value(ctx, "tags", r.tags, r.nr, 8, hex64_elem));
	add_struct_tail(ctx, v, addr, sizeof(r), size);
	return v;
}

/* struct io_uring_rsrc_update2, nr_args bytes of it */
static struct value *rsrc_update(struct decode_ctx *ctx, const char *name,
				 uint64_t addr, uint64_t size, bool bufs)
{
	struct io_uring_rsrc_update2 u;
	struct value *v;

	if (size < sizeof(u))
		return value_ptr(ctx->arena, name, addr);
	if (!decode_read(ctx, name, addr, &u, sizeof(u), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_uint(ctx->arena, "offset", u.offset));
	if (u.resv)
		value_add(v, value_hex(ctx->arena, "resv", u.resv));
	value_add(v, rsrc_data(ctx, bufs, update_fd_elem, u.data, u.nr));
	value_add(v, array_value(ctx, "tags", u.tags, u.nr, 8, hex64_elem));
	value_add(v, value_uint(ctx->arena, "nr", u.nr));
	if (u.resv2)
		value_add(v, value_hex(ctx->arena, "resv2", u.resv2));
	add_struct_tail(ctx, v, addr, sizeof(u), size);
	return v;
}

/* A provided buffer ring to register, or (by bgid) unregister */
static struct value *pbuf_ring(struct decode_ctx *ctx, const char *name,
			       uint64_t addr)
{
	struct io_uring_buf_reg r;
	struct value *v, *resv;

	if (!decode_read(ctx, name, addr, &r, sizeof(r), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_ptr(ctx->arena, "ring_addr", r.ring_addr));
	value_add(v, value_uint(ctx->arena, "ring_entries", r.ring_entries));
	value_add(v, value_uint(ctx->arena, "bgid", r.bgid));
	if (r.pad)
		value_add(v, value_hex(ctx->arena, "pad", r.pad));
	if (r.resv[0] || r.resv[1] || r.resv[2]) {
		resv = value_array(ctx->arena, "resv", 0);
		for (unsigned i = 0; i < 3; i++)
			value_add(resv, value_hex(ctx->arena, NULL, r.resv[i]));
		value_add(v, resv);
	}
	return v;
}

/* The kind of the argument opcode op points to */
static const char *arg_kind(uint32_t op)
{
	const struct xlat_entry *e = xlat_find(&xlat_io_uring_register_op, op);

	return e && e->msg ? e->msg : "ptr";
}

/* What the kernel wrote in the probe: after the probe as the caller
 * passed it, or alone when it was zeroed */
static struct value *probe_filled(struct decode_ctx *ctx,
				  struct value *before, const char *name,
				  uint64_t raw, uint64_t nr)
{
	struct io_uring_probe p;
	struct value *after;

	/* memory unreadable at entry stays its address */
	if (ctx->sc->rval < 0 || before->kind == V_UNAVAILABLE ||
	    !raw || nr > PROBE_MAX_OPS ||
	    tracee_read(ctx->mem, raw, &p, sizeof(p)) != 0)
		return before;
	after = probe_value(ctx, name, raw, &p, nr, true);
	if (before->kind != V_STRUCT)
		return after;
	return value_inout(ctx->arena, name, before, after);
}

/* At exit, what the kernel wrote back: the worker limits it had (only
 * the address when the call failed) */
static struct value *filled(struct decode_ctx *ctx, const char *kind,
			    const char *name, uint64_t raw, uint64_t nr)
{
	struct value *before = decode_entry_value(ctx), *after;

	if (before && !strcmp(kind, "probe"))
		return probe_filled(ctx, before, name, raw, nr);
	/* as strace: only after a whole, non-empty array */
	if (!before || strcmp(kind, "max_workers") ||
	    before->kind != V_ARRAY || !before->u.kids.first ||
	    before->u.kids.elided)
		return before;
	after = ctx->sc->rval < 0 ? value_ptr(ctx->arena, name, raw) :
		max_workers(ctx, name, raw, nr);
	return value_inout(ctx->arena, name, before, after);
}

struct value *decode_io_uring_reg_arg(struct decode_ctx *ctx,
				      const struct arg_desc *a, uint64_t raw)
{
	uint32_t op = (uint32_t)ctx->sc->raw_args[REG_OPCODE];
	uint64_t nr = (uint32_t)ctx->sc->raw_args[REG_NR_ARGS];
	const char *kind = arg_kind(op);

	if (ctx->at_exit)
		return filled(ctx, kind, a->name, raw, nr);
	if (!strcmp(kind, "iov"))
		return array_value(ctx, a->name, raw, nr, 16, iov_elem);
	if (!strcmp(kind, "fds"))
		return array_value(ctx, a->name, raw, nr, 4, fd_elem);
	if (!strcmp(kind, "files_update"))
		return files_update(ctx, a->name, raw, nr);
	if (!strcmp(kind, "probe"))
		return probe(ctx, a->name, raw, nr);
	if (!strcmp(kind, "restrictions"))
		return array_value(ctx, a->name, raw, nr,
				   sizeof(struct io_uring_restriction),
				   restriction_elem);
	if (!strcmp(kind, "rsrc_files") || !strcmp(kind, "rsrc_bufs"))
		return rsrc_register(ctx, a->name, raw, nr,
				     !strcmp(kind, "rsrc_bufs"));
	if (!strcmp(kind, "rsrc_upd_files") || !strcmp(kind, "rsrc_upd_bufs"))
		return rsrc_update(ctx, a->name, raw, nr,
				   !strcmp(kind, "rsrc_upd_bufs"));
	if (!strcmp(kind, "pbuf_ring"))
		return pbuf_ring(ctx, a->name, raw);
	if (!strcmp(kind, "cpuset"))
		return cpuset_value(ctx, a->name, raw, nr, IOWQ_CPUS_MAX);
	if (!strcmp(kind, "max_workers"))
		return max_workers(ctx, a->name, raw, nr);
	if (!strcmp(kind, "ring_fds"))
		return array_value(ctx, a->name, raw, nr,
				   sizeof(struct io_uring_rsrc_update),
				   ring_fd_reg_elem);
	if (!strcmp(kind, "ring_fds_unreg"))
		return array_value(ctx, a->name, raw, nr,
				   sizeof(struct io_uring_rsrc_update),
				   ring_fd_unreg_elem);
	return value_ptr(ctx->arena, a->name, raw);
}
