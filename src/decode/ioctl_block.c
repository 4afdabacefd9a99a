/* ioctl requests of block devices (linux/fs.h, type 0x12) that need more
 * than the kind lists: short and unsigned results, partitions and block
 * traces. */
#include <linux/blkpg.h>
#include <linux/blktrace_api.h>
#include <linux/blkzoned.h>
#include <linux/fs.h>
#include <sys/ioctl.h>

#include "consts.h"
#include "ioctl_family.h"

/* [N]: the unsigned number of size bytes the call wrote */
static struct value *out_uint(struct decode_ctx *ctx, const char *name,
			      uint64_t addr, size_t size)
{
	union {
		uint16_t u16;
		uint32_t u32;
	} n;
	struct value *v;

	if (!ioctl_out_ready(ctx, name, addr, &v) ||
	    !decode_read(ctx, name, addr, &n, size, &v))
		return v;
	v = value_array(ctx->arena, name, addr);
	value_add(v, value_uint(ctx->arena, NULL,
				size == 2 ? n.u16 : n.u32));
	return v;
}

static struct value *partition_value(struct decode_ctx *ctx, uint64_t addr)
{
	struct arena *ar = ctx->arena;
	struct blkpg_partition p;
	struct value *v;

	if (!decode_read(ctx, "data", addr, &p, sizeof(p), &v))
		return v;
	v = value_struct(ar, "data", addr);
	value_add(v, value_int(ar, "start", p.start));
	value_add(v, value_int(ar, "length", p.length));
	value_add(v, value_int(ar, "pno", p.pno));
	value_add(v, ioctl_cstring(ctx, "devname", addr, p.devname,
				   sizeof(p.devname)));
	value_add(v, ioctl_cstring(ctx, "volname", addr, p.volname,
				   sizeof(p.volname)));
	return v;
}

static struct value *blkpg_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr)
{
	struct arena *ar = ctx->arena;
	struct blkpg_ioctl_arg a;
	struct value *v;

	if (!decode_read(ctx, name, addr, &a, sizeof(a), &v))
		return v;
	v = value_struct(ar, name, addr);
	value_add(v, ioctl_enum(ctx, "op", (uint32_t)a.op, &xlat_blkpg_op));
	value_add(v, value_int(ar, "flags", a.flags));
	value_add(v, value_int(ar, "datalen", a.datalen));
	value_add(v, partition_value(ctx, (uint64_t)(uintptr_t)a.data));
	return v;
}

/* BLKTRACESETUP: the setup asked at entry; the name of the trace the
 * call made added after a successful call */
static struct value *trace_setup(struct decode_ctx *ctx, const char *name,
				 uint64_t addr)
{
	struct arena *ar = ctx->arena;
	struct blk_user_trace_setup b;
	struct value *v;

	if (!decode_read(ctx, name, addr, &b, sizeof(b), &v))
		return ctx->at_exit ? NULL : v;
	if (ctx->at_exit) {
		v = decode_entry_value(ctx);
		if (!v || v->kind != V_STRUCT)
			return NULL;
		value_add(v, ioctl_cstring(ctx, "name", addr, b.name,
					   sizeof(b.name)));
		return v;
	}
	v = value_struct(ar, name, addr);
	value_add(v, value_uint(ar, "act_mask", b.act_mask));
	value_add(v, value_uint(ar, "buf_size", b.buf_size));
	value_add(v, value_uint(ar, "buf_nr", b.buf_nr));
	value_add(v, value_uint(ar, "start_lba", b.start_lba));
	value_add(v, value_uint(ar, "end_lba", b.end_lba));
	value_add(v, value_pid(ar, "pid", (int32_t)b.pid, PID_TGID));
	return v;
}

struct value *ioctl_block(struct decode_ctx *ctx, const char *name,
			  uint32_t req, uint64_t arg)
{
	switch (req) {
	case BLKSECTGET:
	case BLKROTATIONAL:
		return out_uint(ctx, name, arg, 2);
	case BLKPBSZGET:
	case BLKIOMIN:
	case BLKIOOPT:
	case BLKDISCARDZEROES:
	case BLKGETZONESZ:
	case BLKGETNRZONES:
		return out_uint(ctx, name, arg, 4);
	case BLKPG:
		return ctx->at_exit ? NULL : blkpg_value(ctx, name, arg);
	case BLKTRACESETUP:
		return trace_setup(ctx, name, arg);
	default:
		return NULL;
	}
}
