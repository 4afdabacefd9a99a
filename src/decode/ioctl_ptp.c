/* ioctl requests of PTP hardware clocks (linux/ptp_clock.h, type '='):
 * capabilities, timestamp and periodic output requests, pin functions
 * and the clock offset samples. */
#include <linux/ptp_clock.h>
#include <string.h>

#include "consts.h"
#include "ioctl_family.h"

/* {sec=1, nsec=2}, with a date where the time is a wall-clock one */
static struct value *clock_time(struct decode_ctx *ctx, const char *name,
				const struct ptp_clock_time *t, bool date)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, name, 0);

	value_add(v, value_int(ar, "sec", t->sec));
	value_add(v, value_uint(ar, "nsec", t->nsec));
	if (t->reserved)
		value_add(v, value_hex(ar, "reserved", t->reserved));
	if (date && (t->sec || t->nsec) && t->nsec < 1000000000) {
		add_date(ctx, v, t->sec, t->nsec);
		v->comment_xlat = true;
	}
	return v;
}

/* rsv=[...]: the reserved words, shown only when one is set */
static void add_rsv(struct decode_ctx *ctx, struct value *v,
		    const unsigned int *rsv, unsigned n)
{
	struct value *a;
	unsigned i;

	for (i = 0; i < n && !rsv[i]; i++)
		;
	if (i == n)
		return;
	a = value_array(ctx->arena, "rsv", 0);
	for (i = 0; i < n; i++)
		value_add(a, value_hex(ctx->arena, NULL, rsv[i]));
	value_add(v, a);
}

static struct value *caps_value(struct decode_ctx *ctx, const char *name,
				uint64_t addr)
{
	struct ptp_clock_caps c;
	struct arena *ar = ctx->arena;
	struct value *v;

	if (!ioctl_out_ready(ctx, name, addr, &v) ||
	    !decode_read(ctx, name, addr, &c, sizeof(c), &v))
		return v;
	v = value_struct(ar, name, addr);
	value_add(v, value_int(ar, "max_adj", c.max_adj));
	value_add(v, value_int(ar, "n_alarm", c.n_alarm));
	value_add(v, value_int(ar, "n_ext_ts", c.n_ext_ts));
	value_add(v, value_int(ar, "n_per_out", c.n_per_out));
	value_add(v, value_int(ar, "pps", c.pps));
	value_add(v, value_int(ar, "n_pins", c.n_pins));
	value_add(v, value_int(ar, "cross_timestamping",
			       c.cross_timestamping));
	value_add(v, value_int(ar, "adjust_phase", c.adjust_phase));
	add_rsv(ctx, v, (const unsigned int *)c.rsv, 12);
	return v;
}

static struct value *extts_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr, bool v2)
{
	struct ptp_extts_request r;
	struct value *v;

	if (!decode_read(ctx, name, addr, &r, sizeof(r), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_uint(ctx->arena, "index", r.index));
	value_add(v, ioctl_flags_value(ctx, "flags", r.flags,
				       &xlat_ptp_extts_flags));
	if (v2)
		add_rsv(ctx, v, r.rsv, 2);
	return v;
}

static struct value *perout_value(struct decode_ctx *ctx, const char *name,
				  uint64_t addr, bool v2)
{
	struct ptp_perout_request r;
	struct value *v;

	if (!decode_read(ctx, name, addr, &r, sizeof(r), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	if (r.flags & PTP_PEROUT_PHASE)
		value_add(v, clock_time(ctx, "phase", &r.phase, false));
	else
		value_add(v, clock_time(ctx, "start", &r.start, true));
	value_add(v, clock_time(ctx, "period", &r.period, false));
	value_add(v, value_uint(ctx->arena, "index", r.index));
	value_add(v, ioctl_flags_value(ctx, "flags", r.flags,
				       &xlat_ptp_perout_flags));
	if (r.flags & PTP_PEROUT_DUTY_CYCLE)
		value_add(v, clock_time(ctx, "on", &r.on, false));
	else if (v2)
		add_rsv(ctx, v, r.rsv, 4);
	return v;
}

/* PTP_SYS_OFFSET*: the samples asked at entry; what the call measured
 * added at exit (per samples clock times each, PTP_MAX_SAMPLES at most) */
static struct value *sys_offset_value(struct decode_ctx *ctx,
				      const char *name, uint64_t addr,
				      unsigned per)
{
	union {
		struct ptp_sys_offset one;
		struct ptp_sys_offset_extended three;
	} s;
	const struct ptp_clock_time *t = per == 1 ? s.one.ts : s.three.ts[0];
	size_t len = per == 1 ? sizeof(s.one) : sizeof(s.three);
	struct value *v, *ts, *row = NULL;
	unsigned n;

	/* both begin with n_samples and rsv[3] */
	if (!decode_read(ctx, name, addr, &s, len, &v))
		return ctx->at_exit ? NULL : v;
	if (!ctx->at_exit) {
		v = value_struct(ctx->arena, name, addr);
		value_add(v, value_uint(ctx->arena, "n_samples",
					s.one.n_samples));
		add_rsv(ctx, v, s.one.rsv, 3);
		return v;
	}
	v = decode_entry_value(ctx);
	if (!v || v->kind != V_STRUCT)
		return NULL;
	n = s.one.n_samples < PTP_MAX_SAMPLES ? s.one.n_samples :
		PTP_MAX_SAMPLES;
	/* PTP_SYS_OFFSET: 2n + 1 times in a row; EXTENDED: n triples */
	n = per == 1 ? 2 * n + 1 : n * 3;
	ts = value_array(ctx->arena, "ts", addr);
	for (unsigned i = 0; i < n; i++) {
		struct value *c;

		if (decode_array_full(ctx, per == 1 ? i : i / 3)) {
			ts->u.kids.elided = true;
			break;
		}
		c = clock_time(ctx, NULL, t + i, true);
		if (per == 1) {
			value_add(ts, c);
			continue;
		}
		if (i % 3 == 0) {
			row = value_array(ctx->arena, NULL, 0);
			value_add(ts, row);
		}
		value_add(row, c);
	}
	value_add(v, ts);
	return v;
}

static struct value *pin_value(struct decode_ctx *ctx, const char *name,
			       uint64_t addr, uint32_t req)
{
	bool get = req == PTP_PIN_GETFUNC || req == PTP_PIN_GETFUNC2;
	struct ptp_pin_desc p;
	struct value *v;

	if (!decode_read(ctx, name, addr, &p, sizeof(p), &v))
		return ctx->at_exit ? NULL : v;
	if (ctx->at_exit) {
		v = decode_entry_value(ctx);
		if (!v || v->kind != V_STRUCT)
			return NULL;
	} else {
		v = value_struct(ctx->arena, name, addr);
		value_add(v, value_uint(ctx->arena, "index", p.index));
		if (req == PTP_PIN_GETFUNC2)
			add_rsv(ctx, v, p.rsv, 5);
		if (get)
			return v;
	}
	if (get)
		value_add(v, ioctl_cstring(ctx, "name", addr, p.name,
					   sizeof(p.name)));
	value_add(v, ioctl_enum(ctx, "func", p.func, &xlat_ptp_pin_func));
	value_add(v, value_uint(ctx->arena, "chan", p.chan));
	if (req == PTP_PIN_SETFUNC2)
		add_rsv(ctx, v, p.rsv, 5);
	return v;
}

static struct value *precise_value(struct decode_ctx *ctx, const char *name,
				   uint64_t addr)
{
	struct ptp_sys_offset_precise s;
	struct value *v;

	if (!ioctl_out_ready(ctx, name, addr, &v) ||
	    !decode_read(ctx, name, addr, &s, sizeof(s), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, clock_time(ctx, "device", &s.device, true));
	value_add(v, clock_time(ctx, "sys_realtime", &s.sys_realtime, true));
	value_add(v, clock_time(ctx, "sys_monoraw", &s.sys_monoraw, false));
	add_rsv(ctx, v, s.rsv, 4);
	return v;
}

struct value *ioctl_ptp(struct decode_ctx *ctx, const char *name,
			uint32_t req, uint64_t arg)
{
	bool in = !ctx->at_exit;

	switch (req) {
	case PTP_CLOCK_GETCAPS:
	case PTP_CLOCK_GETCAPS2:
		return caps_value(ctx, name, arg);
	case PTP_EXTTS_REQUEST:
	case PTP_EXTTS_REQUEST2:
		return in ? extts_value(ctx, name, arg,
					req == PTP_EXTTS_REQUEST2) : NULL;
	case PTP_PEROUT_REQUEST:
	case PTP_PEROUT_REQUEST2:
		return in ? perout_value(ctx, name, arg,
					 req == PTP_PEROUT_REQUEST2) : NULL;
	case PTP_ENABLE_PPS:
	case PTP_ENABLE_PPS2:
		return in ? value_hex(ctx->arena, name, arg) : NULL;
	case PTP_SYS_OFFSET:
	case PTP_SYS_OFFSET2:
		return sys_offset_value(ctx, name, arg, 1);
	case PTP_SYS_OFFSET_EXTENDED:
	case PTP_SYS_OFFSET_EXTENDED2:
		return sys_offset_value(ctx, name, arg, 3);
	case PTP_PIN_GETFUNC:
	case PTP_PIN_GETFUNC2:
	case PTP_PIN_SETFUNC:
	case PTP_PIN_SETFUNC2:
		return in || req == PTP_PIN_GETFUNC ||
			req == PTP_PIN_GETFUNC2 ?
			pin_value(ctx, name, arg, req) : NULL;
	case PTP_SYS_OFFSET_PRECISE:
	case PTP_SYS_OFFSET_PRECISE2:
		return precise_value(ctx, name, arg);
	default:
		return NULL;
	}
}
