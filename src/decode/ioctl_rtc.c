/* ioctl requests of real-time clocks (linux/rtc.h, type 'p'): times,
 * alarms, PLL settings, voltage flags and clock parameters. */
#include <linux/rtc.h>
#include <stddef.h>

#include "consts.h"
#include "ioctl_family.h"

/* the kernel's struct rtc_param (newer than some libc headers) */
struct rtc_param_k {
	uint64_t param;
	union {
		uint64_t uvalue;
		int64_t svalue;
		uint64_t ptr;
	};
	uint32_t index;
	uint32_t pad;
};

static struct value *rtc_time_value(struct decode_ctx *ctx, const char *name,
				    uint64_t addr, const struct rtc_time *t)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, name, addr);

	value_add(v, value_int(ar, "tm_sec", t->tm_sec));
	value_add(v, value_int(ar, "tm_min", t->tm_min));
	value_add(v, value_int(ar, "tm_hour", t->tm_hour));
	value_add(v, value_int(ar, "tm_mday", t->tm_mday));
	value_add(v, value_int(ar, "tm_mon", t->tm_mon));
	value_add(v, value_int(ar, "tm_year", t->tm_year));
	if (!ctx->opts->verbose) {
		v->u.kids.elided = true;
		return v;
	}
	value_add(v, value_int(ar, "tm_wday", t->tm_wday));
	value_add(v, value_int(ar, "tm_yday", t->tm_yday));
	value_add(v, value_int(ar, "tm_isdst", t->tm_isdst));
	return v;
}

static struct value *pll_value(struct decode_ctx *ctx, const char *name,
			       uint64_t addr, const struct rtc_pll_info *p)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, name, addr);

	value_add(v, value_int(ar, "pll_ctrl", p->pll_ctrl));
	value_add(v, value_int(ar, "pll_value", p->pll_value));
	value_add(v, value_int(ar, "pll_max", p->pll_max));
	value_add(v, value_int(ar, "pll_min", p->pll_min));
	value_add(v, value_int(ar, "pll_posmult", p->pll_posmult));
	value_add(v, value_int(ar, "pll_negmult", p->pll_negmult));
	value_add(v, value_int(ar, "pll_clock", p->pll_clock));
	return v;
}

static struct value *param_field(struct decode_ctx *ctx,
				 const struct rtc_param_k *p)
{
	switch (p->param) {
	case RTC_PARAM_FEATURES:
		return ioctl_bit_flags(ctx, "uvalue", p->uvalue,
				       &xlat_rtc_feature_bit, "<<");
	case RTC_PARAM_CORRECTION:
		return value_int(ctx->arena, "svalue", p->svalue);
	case RTC_PARAM_BACKUP_SWITCH_MODE:
		return ioctl_enum(ctx, "uvalue", p->uvalue, &xlat_rtc_bsm);
	default:
		return value_hex(ctx->arena, "uvalue", p->uvalue);
	}
}

/* RTC_PARAM_GET shows the parameter asked at entry, "=>" and the value
 * the call returned; RTC_PARAM_SET the parameter and its value */
static struct value *param_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr, bool get)
{
	struct rtc_param_k p;
	struct value *v;

	if (ctx->at_exit && !get)
		return NULL;
	if (!decode_read(ctx, name, addr, &p, sizeof(p), &v))
		return ctx->at_exit ? NULL : v;
	v = value_struct(ctx->arena, name, addr);
	if (!ctx->at_exit) {
		value_add(v, ioctl_enum(ctx, "param", p.param,
					&xlat_rtc_param));
		if (!get)
			value_add(v, param_field(ctx, &p));
		value_add(v, value_uint(ctx->arena, "index", p.index));
	} else {
		value_add(v, param_field(ctx, &p));
	}
	if (p.pad)
		value_add(v, value_hex(ctx->arena, "__pad", p.pad));
	if (!get)
		return v;
	return ctx->at_exit ? ioctl_inout_exit(ctx, name, v) :
		ioctl_inout_entry(ctx, name, addr, v);
}

/* what the call fills shows at exit, what it reads at entry */
static bool rtc_is_out(uint32_t req)
{
	return req == RTC_ALM_READ || req == RTC_RD_TIME ||
	       req == RTC_IRQP_READ || req == RTC_EPOCH_READ ||
	       req == RTC_WKALM_RD || req == RTC_PLL_GET ||
	       req == RTC_VL_READ;
}

struct value *ioctl_rtc(struct decode_ctx *ctx, const char *name,
			uint32_t req, uint64_t arg)
{
	union {
		struct rtc_time t;
		struct rtc_wkalrm wk;
		struct rtc_pll_info pll;
		unsigned long ul;
		unsigned int vl;
	} u;
	size_t size = (req >> 16) & 0x3fff;
	struct value *v;

	if (req == RTC_PARAM_GET || req == RTC_PARAM_SET)
		return param_value(ctx, name, arg, req == RTC_PARAM_GET);
	switch (req) {
	case RTC_ALM_READ: case RTC_RD_TIME: case RTC_ALM_SET:
	case RTC_SET_TIME: case RTC_IRQP_READ: case RTC_EPOCH_READ:
	case RTC_WKALM_RD: case RTC_WKALM_SET: case RTC_PLL_GET:
	case RTC_PLL_SET: case RTC_VL_READ:
		break;
	default:
		return NULL;
	}
	if (rtc_is_out(req) ? !ioctl_out_ready(ctx, name, arg, &v) :
	    ctx->at_exit)
		return rtc_is_out(req) ? v : NULL;
	if (size > sizeof(u))
		size = sizeof(u);
	if (!decode_read(ctx, name, arg, &u, size, &v))
		return v;
	switch (req) {
	case RTC_IRQP_READ:
	case RTC_EPOCH_READ:
		v = value_array(ctx->arena, name, arg);
		value_add(v, value_uint(ctx->arena, NULL, u.ul));
		return v;
	case RTC_VL_READ:
		v = value_array(ctx->arena, name, arg);
		value_add(v, ioctl_flags_value(ctx, NULL, u.vl,
					       &xlat_rtc_vl_flags));
		return v;
	case RTC_WKALM_RD:
	case RTC_WKALM_SET:
		v = value_struct(ctx->arena, name, arg);
		value_add(v, value_uint(ctx->arena, "enabled", u.wk.enabled));
		value_add(v, value_uint(ctx->arena, "pending", u.wk.pending));
		value_add(v, rtc_time_value(ctx, "time", arg, &u.wk.time));
		return v;
	case RTC_PLL_GET:
	case RTC_PLL_SET:
		return pll_value(ctx, name, arg, &u.pll);
	default:
		return rtc_time_value(ctx, name, arg, &u.t);
	}
}
