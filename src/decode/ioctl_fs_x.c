/* ioctl requests of file systems with type 'X' (linux/fs.h): FITRIM and
 * the extended attributes of XFS heritage. */
#include <linux/fs.h>

#include "consts.h"
#include "ioctl_family.h"

static struct value *trim_range_value(struct decode_ctx *ctx,
				      const char *name, uint64_t addr)
{
	struct fstrim_range r;
	struct value *v;

	if (!decode_read(ctx, name, addr, &r, sizeof(r), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_hex(ctx->arena, "start", r.start));
	value_add(v, value_uint(ctx->arena, "len", r.len));
	value_add(v, value_uint(ctx->arena, "minlen", r.minlen));
	return v;
}

/* struct fsxattr; what a get returns has the extent count too */
static struct value *fsxattr_value(struct decode_ctx *ctx, const char *name,
				   uint64_t addr, bool is_get)
{
	struct arena *ar = ctx->arena;
	struct fsxattr x;
	struct value *v;

	if (!decode_read(ctx, name, addr, &x, sizeof(x), &v))
		return v;
	v = value_struct(ar, name, addr);
	value_add(v, ioctl_flags_value(ctx, "fsx_xflags", x.fsx_xflags,
				       &xlat_fs_xflags));
	value_add(v, value_uint(ar, "fsx_extsize", x.fsx_extsize));
	if (is_get)
		value_add(v, value_uint(ar, "fsx_nextents", x.fsx_nextents));
	value_add(v, value_hex(ar, "fsx_projid", x.fsx_projid));
	value_add(v, value_uint(ar, "fsx_cowextsize", x.fsx_cowextsize));
	return v;
}

struct value *ioctl_fs_x(struct decode_ctx *ctx, const char *name,
			 uint32_t req, uint64_t arg)
{
	struct value *v;

	switch (req) {
	case FITRIM:
		return ctx->at_exit ? NULL : trim_range_value(ctx, name, arg);
	case FS_IOC_FSSETXATTR:
		return ctx->at_exit ? NULL :
			fsxattr_value(ctx, name, arg, false);
	case FS_IOC_FSGETXATTR:
		if (!ioctl_out_ready(ctx, name, arg, &v))
			return v;
		return fsxattr_value(ctx, name, arg, true);
	default:
		return NULL;
	}
}
