/* Extended attribute values and lists (setxattr(2), getxattr(2),
 * listxattr(2)), and the names sethostname(2) and setdomainname(2) take:
 * byte buffers with a size limit the kernel enforces, past which strace
 * shows only the address. */
#include <linux/limits.h>
#include <linux/utsname.h>

#include "decoders.h"

/* A value ending in one NUL shows without it: "foo\0bar" */
static struct value *drop_trailing_nul(struct value *v)
{
	if (v->kind == V_STRING && !v->u.str.truncated && v->u.str.len &&
	    v->u.str.bytes[v->u.str.len - 1] == '\0')
		v->u.str.len--;
	return v;
}

/* xattr_value(size) */
struct value *decode_xattr_value(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	uint64_t size = decode_param(ctx, a);

	if (size > XATTR_SIZE_MAX)
		return value_ptr(ctx->arena, a->name, raw);
	return drop_trailing_nul(decode_buffer(ctx, a->name, raw, size,
					       STR_TEXT));
}

/* xattr_out(size): a size of 0 asks only for the length; nothing is
 * written */
struct value *decode_xattr_out(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	if (decode_param(ctx, a) == 0)
		return value_ptr(ctx->arena, a->name, raw);
	return decode_buffer(ctx, a->name, raw, (uint64_t)ctx->sc->rval,
			     STR_TEXT);
}

/* uts_name(len): a host or domain name of at most __NEW_UTS_LEN bytes */
struct value *decode_uts_name(struct decode_ctx *ctx,
			      const struct arg_desc *a, uint64_t raw)
{
	uint32_t len = (uint32_t)decode_param(ctx, a);

	if (len > __NEW_UTS_LEN)
		return value_ptr(ctx->arena, a->name, raw);
	return decode_buffer(ctx, a->name, raw, len, STR_TEXT);
}
