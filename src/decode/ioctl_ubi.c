/* ioctl requests of UBI volumes and their control device
 * (mtd/ubi-user.h, types 'o' and 'O'). */
#include <sys/ioctl.h>
#include <mtd/ubi-user.h>
#include <string.h>

#include "consts.h"
#include "ioctl_family.h"

/* a name of len bytes (the struct's name_len) at most */
static struct value *name_value(struct decode_ctx *ctx, uint64_t addr,
				const char *name, size_t size, int len)
{
	if (len < 0)
		len = 0;
	if ((size_t)len > size - 1)
		len = (int)size - 1;
	return ioctl_cstring(ctx, "name", addr, name, (size_t)len + 1);
}

static struct value *mkvol_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr, const struct ubi_mkvol_req *r)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, name, addr);

	value_add(v, value_int(ar, "vol_id", r->vol_id));
	value_add(v, value_int(ar, "alignment", r->alignment));
	value_add(v, value_int(ar, "bytes", r->bytes));
	value_add(v, ioctl_enum(ctx, "vol_type", (uint8_t)r->vol_type,
				&xlat_ubi_volume_type));
	value_add(v, ioctl_flags_value(ctx, "flags", r->flags,
				       &xlat_ubi_volume_flags));
	value_add(v, value_int(ar, "name_len", r->name_len));
	value_add(v, name_value(ctx, addr, r->name, sizeof(r->name),
				r->name_len));
	return v;
}

static struct value *rnvol_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr, const struct ubi_rnvol_req *r)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, name, addr), *ents;
	int n = r->count < 0 ? 0 : r->count > UBI_MAX_RNVOL ? UBI_MAX_RNVOL :
		r->count;

	value_add(v, value_int(ar, "count", r->count));
	ents = value_array(ar, "ents", addr);
	for (int i = 0; i < n; i++) {
		struct value *e = value_struct(ar, NULL, addr);

		if (decode_array_full(ctx, (uint64_t)i)) {
			ents->u.kids.elided = true;
			break;
		}
		value_add(e, value_int(ar, "vol_id", r->ents[i].vol_id));
		value_add(e, value_int(ar, "name_len", r->ents[i].name_len));
		value_add(e, name_value(ctx, addr, r->ents[i].name,
					sizeof(r->ents[i].name),
					r->ents[i].name_len));
		value_add(ents, e);
	}
	value_add(v, ents);
	return v;
}

union ubi_arg {
	struct ubi_mkvol_req mkvol;
	struct ubi_rsvol_req rsvol;
	struct ubi_rnvol_req rnvol;
	struct ubi_attach_req att;
	struct ubi_leb_change_req leb;
	struct ubi_map_req map;
	struct ubi_set_vol_prop_req prop;
	int32_t i32;
	int64_t i64;
};

static size_t ubi_arg_size(uint32_t req)
{
	switch (req) {
	case UBI_IOCMKVOL: return sizeof(struct ubi_mkvol_req);
	case UBI_IOCRSVOL: return sizeof(struct ubi_rsvol_req);
	case UBI_IOCRNVOL: return sizeof(struct ubi_rnvol_req);
	case UBI_IOCATT: return sizeof(struct ubi_attach_req);
	case UBI_IOCEBCH: return sizeof(struct ubi_leb_change_req);
	case UBI_IOCEBMAP: return sizeof(struct ubi_map_req);
	case UBI_IOCSETVOLPROP: return sizeof(struct ubi_set_vol_prop_req);
	case UBI_IOCVOLUP: return sizeof(int64_t);
	case UBI_IOCDET: case UBI_IOCEBER: case UBI_IOCEBISMAP:
	case UBI_IOCEBUNMAP: case UBI_IOCRMVOL: case UBI_IOCRPEB:
	case UBI_IOCSPEB:
		return sizeof(int32_t);
	default:
		return 0;
	}
}

static struct value *ubi_in(struct decode_ctx *ctx, const char *name,
			    uint64_t addr, uint32_t req, const union ubi_arg *u)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, name, addr);

	switch (req) {
	case UBI_IOCMKVOL:
		return mkvol_value(ctx, name, addr, &u->mkvol);
	case UBI_IOCRNVOL:
		return rnvol_value(ctx, name, addr, &u->rnvol);
	case UBI_IOCRSVOL:
		value_add(v, value_int(ar, "bytes", u->rsvol.bytes));
		value_add(v, value_int(ar, "vol_id", u->rsvol.vol_id));
		return v;
	case UBI_IOCATT:
		value_add(v, value_int(ar, "ubi_num", u->att.ubi_num));
		value_add(v, value_int(ar, "mtd_num", u->att.mtd_num));
		value_add(v, value_int(ar, "vid_hdr_offset",
				       u->att.vid_hdr_offset));
		value_add(v, value_int(ar, "max_beb_per1024",
				       u->att.max_beb_per1024));
		return v;
	case UBI_IOCEBCH:
		value_add(v, value_int(ar, "lnum", u->leb.lnum));
		value_add(v, value_int(ar, "bytes", u->leb.bytes));
		value_add(v, ioctl_enum(ctx, "dtype", u->leb.dtype,
					&xlat_ubi_data_type));
		return v;
	case UBI_IOCEBMAP:
		value_add(v, value_int(ar, "lnum", u->map.lnum));
		value_add(v, ioctl_enum(ctx, "dtype", u->map.dtype,
					&xlat_ubi_data_type));
		return v;
	case UBI_IOCSETVOLPROP:
		value_add(v, ioctl_enum(ctx, "property", u->prop.property,
					&xlat_ubi_volume_prop));
		value_add(v, value_hex(ar, "value", u->prop.value));
		return v;
	default:
		v = value_array(ar, name, addr);
		value_add(v, value_int(ar, NULL, req == UBI_IOCVOLUP ?
				       u->i64 : u->i32));
		return v;
	}
}

struct value *ioctl_ubi(struct decode_ctx *ctx, const char *name,
			uint32_t req, uint64_t arg)
{
	size_t size = ubi_arg_size(req);
	union ubi_arg u;
	struct value *v;

	if (!size)
		return NULL;
	if (!ctx->at_exit) {
		if (!decode_read(ctx, name, arg, &u, size, &v))
			return v;
		return ubi_in(ctx, name, arg, req, &u);
	}
	/* the volume or device number a creation returns */
	if (req != UBI_IOCMKVOL && req != UBI_IOCATT)
		return NULL;
	v = int_ptr_value(ctx, name, arg, 4, true);
	return ioctl_inout_exit(ctx, name, v);
}
