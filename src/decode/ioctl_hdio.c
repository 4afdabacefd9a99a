/* ioctl requests of ATA disks (linux/hdreg.h, type 0x03) that need more
 * than the kind lists of tables/consts/ioctl_*.list: geometry, drive
 * commands, identity strings, bus states and "nice" bits. */
#include <linux/hdreg.h>

#include "consts.h"
#include "ioctl_family.h"

static struct value *geometry_value(struct decode_ctx *ctx, const char *name,
				    uint64_t addr)
{
	struct arena *ar = ctx->arena;
	struct hd_geometry g;
	struct value *v;

	if (!decode_read(ctx, name, addr, &g, sizeof(g), &v))
		return v;
	v = value_struct(ar, name, addr);
	value_add(v, value_uint(ar, "heads", g.heads));
	value_add(v, value_uint(ar, "sectors", g.sectors));
	value_add(v, value_uint(ar, "cylinders", g.cylinders));
	value_add(v, value_uint(ar, "start", g.start));
	return v;
}

/* HDIO_DRIVE_CMD: the command at entry; after the call the status the
 * drive wrote over it, and the sectors it returned */
static struct value *drive_cmd_value(struct decode_ctx *ctx,
				     const char *name, uint64_t addr)
{
	struct arena *ar = ctx->arena;
	struct hd_drive_cmd_hdr c;
	struct value *v;

	if (!decode_read(ctx, name, addr, &c, sizeof(c), &v))
		return ctx->at_exit ? NULL : v;
	v = value_struct(ar, name, addr);
	if (!ctx->at_exit) {
		value_add(v, ioctl_enum(ctx, "command", c.command,
					&xlat_ata_cmd));
		value_add(v, value_uint(ar, "sector_number",
					c.sector_number));
		value_add(v, value_uint(ar, "feature", c.feature));
		value_add(v, value_uint(ar, "sector_count", c.sector_count));
		return v;
	}
	/* the same four bytes: status, error, nsector, sector count */
	value_add(v, value_hex(ar, "status", c.command));
	value_add(v, value_uint(ar, "error", c.sector_number));
	value_add(v, value_uint(ar, "nsector", c.feature));
	if (c.sector_count)
		value_add(v, decode_buffer(ctx, "buf", addr + sizeof(c),
					   c.sector_count * 512u, STR_HEX));
	return value_inout(ar, name, decode_entry_value(ctx), v);
}

/* IDE_NICE_* are bit numbers: the flags print as 1 << NAME */
static struct value *nice_value(struct decode_ctx *ctx, const char *name,
				uint64_t raw)
{
	return ioctl_bit_flags(ctx, name, raw, &xlat_hdio_nice_bit, " << ");
}

/* [0x1, 0x2, 0x3]: the three ints of HDIO_DRIVE_RESET, HDIO_SCAN_HWIF */
static struct value *three_ints(struct decode_ctx *ctx, const char *name,
				uint64_t addr)
{
	uint32_t n;
	struct value *v;

	if (!decode_read(ctx, name, addr, &n, sizeof(n), &v))
		return v;
	v = value_array(ctx->arena, name, addr);
	for (unsigned i = 0; i < 3; i++, addr += sizeof(n)) {
		if (i && tracee_read(ctx->mem, addr, &n, sizeof(n)) != 0) {
			v->u.kids.elided = true;
			v->u.kids.unread_at = addr;
			break;
		}
		value_add(v, value_hex(ctx->arena, NULL, n));
	}
	return v;
}

/* [N]: the unsigned long a HDIO_GET_* request fills, through fn */
static struct value *out_ulong(struct decode_ctx *ctx, const char *name,
			       uint64_t addr, const struct xlat *enums)
{
	uint64_t n;
	struct value *v;

	if (!ioctl_out_ready(ctx, name, addr, &v))
		return v;
	if (!decode_read(ctx, name, addr, &n, sizeof(n), &v))
		return v;
	v = value_array(ctx->arena, name, addr);
	value_add(v, enums ? ioctl_enum(ctx, NULL, n, enums) :
		  nice_value(ctx, NULL, n));
	return v;
}

struct value *ioctl_hdio(struct decode_ctx *ctx, const char *name,
			 uint32_t req, uint64_t arg)
{
	struct value *v;

	switch (req) {
	case HDIO_GETGEO:
		if (!ioctl_out_ready(ctx, name, arg, &v))
			return v;
		return geometry_value(ctx, name, arg);
	case HDIO_DRIVE_CMD:
		return drive_cmd_value(ctx, name, arg);
	case HDIO_GET_IDENTITY:
	case HDIO_OBSOLETE_IDENTITY:
		if (!ioctl_out_ready(ctx, name, arg, &v))
			return v;
		return decode_buffer(ctx, name, arg, req == HDIO_GET_IDENTITY ?
				     512 : 142, STR_TEXT);
	case HDIO_DRIVE_RESET:
	case HDIO_SCAN_HWIF:
		return ctx->at_exit ? NULL : three_ints(ctx, name, arg);
	case HDIO_GET_BUSSTATE:
		return out_ulong(ctx, name, arg, &xlat_hdio_busstate);
	case HDIO_GET_NICE:
		return out_ulong(ctx, name, arg, NULL);
	case HDIO_SET_BUSSTATE:
		return ctx->at_exit ? NULL :
			ioctl_enum(ctx, name, arg, &xlat_hdio_busstate);
	case HDIO_SET_NICE:
		return ctx->at_exit ? NULL : nice_value(ctx, name, arg);
	default:
		return NULL;
	}
}
