/* ioctl requests of the Linux console and keyboard (linux/kd.h, type
 * 'K') whose third argument is a number: tones, modes, LEDs, signals. */
#include <linux/kd.h>
#include <stdio.h>

#include "consts.h"
#include "ioctl_family.h"

/* The PIT clock the console's tones divide (drivers/tty/vt/vt_ioctl.c);
 * a period gives 1193182 / period Hz. */
#define KD_PIT_TICK_RATE 1193182u
/* The I/O ports KDADDIO and KDDELIO accept (the kernel's GPFIRST and
 * GPLAST, not in the uapi headers). */
#define KD_GPFIRST 0x3b4u
#define KD_GPLAST 0x3dfu

/* A text comment that -X raw leaves out. */
static struct value *with_comment(struct value *v, const char *text)
{
	v->comment = text;
	v->comment_xlat = true;
	return v;
}

/* KIOCSOUND: a period in clock ticks; 0 (or one too long) is silence. */
static struct value *kd_sound(struct decode_ctx *ctx, uint64_t arg)
{
	struct value *v = value_uint(ctx->arena, NULL, arg);
	uint64_t hz = arg ? KD_PIT_TICK_RATE / arg : 0;

	if (!hz)
		return with_comment(v, "off");
	return with_comment(v, arena_printf(ctx->arena, "%llu Hz",
					    (unsigned long long)hz));
}

/* KDMKTONE: the duration in ms in the high 16 bits, the period in the
 * low 16 bits of an int. */
static struct value *kd_tone(struct decode_ctx *ctx, uint64_t arg)
{
	uint32_t ms = ((uint32_t)arg) >> 16, period = arg & 0xffff;
	struct value *v;
	const char *text;

	if (ms)
		text = arena_printf(ctx->arena, "%u<<16|%u", ms, period);
	else
		text = arena_printf(ctx->arena, "%u", period);
	v = value_expr(ctx->arena, NULL, (uint32_t)arg, text);
	if (!ms || !period)
		return with_comment(v, "off");
	return with_comment(v, arena_printf(ctx->arena, "%u Hz, %u ms",
					    KD_PIT_TICK_RATE / period, ms));
}

static struct value *kd_io_port(struct decode_ctx *ctx, uint64_t arg)
{
	struct value *v = value_hex(ctx->arena, NULL, arg);

	if (arg < KD_GPFIRST || arg > KD_GPLAST)
		return v;
	return with_comment(v, arena_printf(ctx->arena, "GPFIRST + %u",
					    (unsigned)(arg - KD_GPFIRST)));
}

static struct value *kd_signal(struct decode_ctx *ctx, uint64_t arg)
{
	char buf[16];
	const char *sig = arg <= 0x7fffffff ?
			  signal_name((int)arg, buf) : NULL;

	if (!sig)
		return value_uint(ctx->arena, NULL, arg);
	return value_symbol(ctx->arena, NULL, arg, V_UINT,
			    arena_printf(ctx->arena, "%s", sig));
}

static struct value *kd_kbd_mode(struct decode_ctx *ctx, uint64_t arg)
{
	struct value *v = value_enum(ctx->arena, NULL, (uint64_t)(int32_t)arg,
				     &xlat_kd_kbd_mode, V_INT);

	if (!v->u.en.sym)
		set_unknown_comment(ctx, v, &xlat_kd_kbd_mode);
	return v;
}

struct value *ioctl_kd(struct decode_ctx *ctx, const char *name,
		       uint32_t req, uint64_t arg)
{
	struct value *v;

	if (ctx->at_exit)
		return NULL;
	switch (req) {
	case KIOCSOUND:
		v = kd_sound(ctx, arg);
		break;
	case KDMKTONE:
		v = kd_tone(ctx, arg);
		break;
	case KDADDIO: case KDDELIO:
		v = kd_io_port(ctx, arg);
		break;
	case KDSETMODE:
		v = ioctl_enum(ctx, NULL, (uint32_t)arg, &xlat_kd_mode);
		break;
	case KDSKBMODE:
		v = kd_kbd_mode(ctx, arg);
		break;
	case KDSKBMETA:
		v = ioctl_enum(ctx, NULL, (uint32_t)arg, &xlat_kd_meta);
		break;
	case KDSETLED:
		v = ioctl_flags_value(ctx, NULL, (uint8_t)arg, &xlat_kd_led);
		break;
	case KDSIGACCEPT:
		v = kd_signal(ctx, arg);
		break;
	default:
		return NULL;
	}
	v->name = name;
	return v;
}
