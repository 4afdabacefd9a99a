/* ioctl requests of the SCSI generic driver (scsi/sg.h, type 0x22) that
 * the kind lists cannot say: SG_SCSI_RESET's what-to-reset, which may
 * come with a flag. */
#include <scsi/sg.h>

#include "consts.h"
#include "ioctl_family.h"

#define SG_RESET_NO_ESCALATE 0x100	/* kernel scsi/sg.h, not glibc's */

/* [SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_DEVICE] */
static struct value *reset_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr)
{
	const char *what;
	struct value *v, *n;
	int32_t x;

	if (!decode_read(ctx, name, addr, &x, sizeof(x), &v))
		return v;
	what = xlat_name(&xlat_sg_scsi_reset,
			 (uint32_t)x & ~(uint32_t)SG_RESET_NO_ESCALATE);
	if (!what)
		n = ioctl_enum(ctx, NULL, (uint32_t)x, &xlat_sg_scsi_reset);
	else if (x & SG_RESET_NO_ESCALATE)
		n = value_symbol(ctx->arena, NULL, (uint32_t)x, V_HEX,
				 arena_printf(ctx->arena,
					      "SG_SCSI_RESET_NO_ESCALATE|%s",
					      what));
	else
		n = value_symbol(ctx->arena, NULL, (uint32_t)x, V_HEX, what);
	v = value_array(ctx->arena, name, addr);
	value_add(v, n);
	return v;
}

struct value *ioctl_scsi(struct decode_ctx *ctx, const char *name,
			 uint32_t req, uint64_t arg)
{
	if (req != SG_SCSI_RESET || ctx->at_exit)
		return NULL;
	return reset_value(ctx, name, arg);
}
