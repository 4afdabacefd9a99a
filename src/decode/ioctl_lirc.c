/* ioctl requests of infrared remote-control devices (linux/lirc.h,
 * type 'i'): each reads or writes one unsigned int. */
#include <linux/lirc.h>

#include "consts.h"
#include "ioctl_family.h"

struct value *ioctl_lirc(struct decode_ctx *ctx, const char *name,
			 uint32_t req, uint64_t arg)
{
	struct value *v, *n;
	uint32_t val;

	switch (req) {
	case LIRC_GET_FEATURES: case LIRC_GET_SEND_MODE:
	case LIRC_GET_REC_MODE: case LIRC_GET_REC_RESOLUTION:
	case LIRC_GET_MIN_TIMEOUT: case LIRC_GET_MAX_TIMEOUT:
	case LIRC_GET_LENGTH: case LIRC_GET_REC_TIMEOUT:
		if (!ioctl_out_ready(ctx, name, arg, &v))
			return v;
		break;
	case LIRC_SET_SEND_MODE: case LIRC_SET_REC_MODE:
	case LIRC_SET_SEND_CARRIER: case LIRC_SET_REC_CARRIER:
	case LIRC_SET_SEND_DUTY_CYCLE: case LIRC_SET_TRANSMITTER_MASK:
	case LIRC_SET_REC_TIMEOUT: case LIRC_SET_REC_TIMEOUT_REPORTS:
	case LIRC_SET_MEASURE_CARRIER_MODE: case LIRC_SET_REC_CARRIER_RANGE:
	case LIRC_SET_WIDEBAND_RECEIVER:
		if (ctx->at_exit)
			return NULL;
		break;
	default:
		return NULL;
	}
	if (!decode_read(ctx, name, arg, &val, sizeof(val), &v))
		return v;
	switch (req) {
	case LIRC_GET_FEATURES:
		n = ioctl_flags_value(ctx, NULL, val, &xlat_lirc_features);
		break;
	case LIRC_GET_SEND_MODE: case LIRC_GET_REC_MODE:
	case LIRC_SET_SEND_MODE: case LIRC_SET_REC_MODE:
		n = ioctl_enum(ctx, NULL, val, &xlat_lirc_mode);
		break;
	case LIRC_SET_TRANSMITTER_MASK:
		n = value_hex(ctx->arena, NULL, val);
		break;
	default:
		n = value_uint(ctx->arena, NULL, val);
		break;
	}
	v = value_array(ctx->arena, name, arg);
	value_add(v, n);
	return v;
}
