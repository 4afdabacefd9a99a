/* Decoders for time: timespec, timeval, itimerspec, itimerval, the
 * utimensat/utimes pairs, struct tms, adjtimex's struct timex. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/timex.h>
#include <time.h>

#include "decoders.h"

#define NSEC_UTIME_NOW ((1L << 30) - 1)
#define NSEC_UTIME_OMIT ((1L << 30) - 2)

/* {tv_sec=S, tv_nsec=N} from two words already read. */
static struct value *ts_value(struct decode_ctx *ctx, const char *name,
			      uint64_t addr, int64_t sec, int64_t frac,
			      bool usec)
{
	struct value *v = value_struct(ctx->arena, name, addr);

	value_add(v, value_int(ctx->arena, "tv_sec", sec));
	/* strace prints the fraction unsigned, even out of range */
	value_add(v, value_uint(ctx->arena, usec ? "tv_usec" : "tv_nsec",
				(uint64_t)frac));
	return v;
}

/* A struct timespec or timeval (two 64-bit words on both our arches). */
static struct value *read_ts(struct decode_ctx *ctx, const char *name,
			     uint64_t addr, bool usec)
{
	int64_t w[2];
	struct value *v;

	if (!decode_read(ctx, name, addr, w, sizeof(w), &v))
		return v;
	return ts_value(ctx, name, addr, w[0], w[1], usec);
}

struct value *timespec_value(struct decode_ctx *ctx, const char *name,
			     uint64_t addr)
{
	return read_ts(ctx, name, addr, false);
}

struct value *timeval_value(struct decode_ctx *ctx, const char *name,
			    uint64_t addr)
{
	return read_ts(ctx, name, addr, true);
}

struct value *decode_timespec(struct decode_ctx *ctx, const struct arg_desc *a,
			      uint64_t raw)
{
	return timespec_value(ctx, a->name, raw);
}

/* nanosleep's remainder is written only when the sleep is interrupted,
 * and then the call fails: a successful sleep shows its address. */
/* The time left, which the kernel writes only when a signal cut the
 * sleep short (EINTR, or a restart code the tracer sees at the exit). */
struct value *decode_rem_timespec(struct decode_ctx *ctx,
				  const struct arg_desc *a, uint64_t raw)
{
	int err = ctx->sc->err;

	if (raw && (err == EINTR || (err >= 512 && err <= 516)))
		return timespec_value(ctx, a->name, raw);
	return value_ptr(ctx->arena, a->name, raw);
}

struct value *decode_clock_rem_timespec(struct decode_ctx *ctx,
					const struct arg_desc *a,
					uint64_t raw)
{
	/* clock_rem_timespec(flags) */
	if (decode_param(ctx, a) & TIMER_ABSTIME)
		return value_ptr(ctx->arena, a->name, raw);
	return decode_rem_timespec(ctx, a, raw);
}

struct value *decode_timeval(struct decode_ctx *ctx, const struct arg_desc *a,
			     uint64_t raw)
{
	return timeval_value(ctx, a->name, raw);
}

/* strace adds the date of a timestamp as a comment. */
/* the date comment with a fraction of digits (6: microseconds) */
static void date_comment(struct decode_ctx *ctx, struct value *v, int64_t sec,
			 int64_t frac, int digits)
{
	time_t t = (time_t)sec;
	struct tm tm;
	char date[64], zone[16];

	/* the epoch itself is left undated (often just a zeroed struct) */
	if (!sec && !frac)
		return;
	if (!localtime_r(&t, &tm))
		return;
	strftime(date, sizeof(date), "%FT%T", &tm);
	strftime(zone, sizeof(zone), "%z", &tm);
	if (frac)
		v->comment = arena_printf(ctx->arena, "%s.%0*" PRId64 "%s",
					  date, digits, frac, zone);
	else
		v->comment = arena_printf(ctx->arena, "%s%s", date, zone);
}

void add_date(struct decode_ctx *ctx, struct value *v, int64_t sec,
	      int64_t nsec)
{
	date_comment(ctx, v, sec, nsec, 9);
}

static struct value *pair_value(struct decode_ctx *ctx, const char *name,
				uint64_t addr, bool usec)
{
	int64_t w[4];
	struct value *v;

	if (!decode_read(ctx, name, addr, w, sizeof(w), &v))
		return v;
	v = value_array(ctx->arena, name, addr);
	for (int i = 0; i < 2; i++) {
		struct value *e;

		if (!usec && w[2 * i + 1] == NSEC_UTIME_NOW) {
			e = value_symbol(ctx->arena, NULL, NSEC_UTIME_NOW,
					 V_INT, "UTIME_NOW");
		} else if (!usec && w[2 * i + 1] == NSEC_UTIME_OMIT) {
			e = value_symbol(ctx->arena, NULL, NSEC_UTIME_OMIT,
					 V_INT, "UTIME_OMIT");
		} else {
			int64_t frac = w[2 * i + 1];

			e = ts_value(ctx, NULL, addr, w[2 * i], frac, usec);
			/* only a well-formed time has a date */
			if (frac >= 0 && frac < (usec ? 1000000 : 1000000000))
				date_comment(ctx, e, w[2 * i], frac,
					     usec ? 6 : 9);
		}
		value_add(v, e);
	}
	return v;
}

struct value *decode_timespec_pair(struct decode_ctx *ctx,
				   const struct arg_desc *a, uint64_t raw)
{
	return pair_value(ctx, a->name, raw, false);
}

struct value *decode_timeval_pair(struct decode_ctx *ctx,
				  const struct arg_desc *a, uint64_t raw)
{
	return pair_value(ctx, a->name, raw, true);
}

static struct value *interval_value(struct decode_ctx *ctx, const char *name,
				    uint64_t addr, bool usec)
{
	int64_t w[4];
	struct value *v;

	if (!decode_read(ctx, name, addr, w, sizeof(w), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, ts_value(ctx, "it_interval", addr, w[0], w[1], usec));
	value_add(v, ts_value(ctx, "it_value", addr, w[2], w[3], usec));
	return v;
}

struct value *decode_itimerspec(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	return interval_value(ctx, a->name, raw, false);
}

struct value *decode_itimerval(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	return interval_value(ctx, a->name, raw, true);
}

struct value *decode_tms_out(struct decode_ctx *ctx, const struct arg_desc *a,
			     uint64_t raw)
{
	uint64_t w[4];
	static const char *const names[] = {
		"tms_utime", "tms_stime", "tms_cutime", "tms_cstime",
	};
	struct value *v;

	if (!decode_read(ctx, a->name, raw, w, sizeof(w), &v))
		return v;
	v = value_struct(ctx->arena, a->name, raw);
	for (int i = 0; i < 4; i++)
		value_add(v, clock_ticks_value(ctx->arena, names[i], w[i]));
	return v;
}

struct value *clock_ticks_value(struct arena *ar, const char *name,
				uint64_t ticks)
{
	struct value *t = value_uint(ar, name, ticks);

	/* clock ticks as seconds: the kernel's USER_HZ is 100 */
	if (ticks) {
		t->comment = arena_printf(ar, "%" PRIu64 ".%02" PRIu64 " s",
					  ticks / 100, ticks % 100);
		t->comment_xlat = true;
	}
	return t;
}

static const char *const time_states[] = {
	"TIME_OK", "TIME_INS", "TIME_DEL", "TIME_OOP", "TIME_WAIT",
	"TIME_ERROR",
};

struct value *decode_timex_out(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	struct timex tx;
	struct arena *ar = ctx->arena;
	struct value *v;

	if (!decode_read(ctx, a->name, raw, &tx, sizeof(tx), &v))
		return v;
	v = value_struct(ar, a->name, raw);
	value_add(v, value_hex(ar, "modes", tx.modes));
	value_add(v, value_int(ar, "offset", tx.offset));
	value_add(v, value_int(ar, "freq", tx.freq));
	value_add(v, value_int(ar, "maxerror", tx.maxerror));
	value_add(v, value_int(ar, "esterror", tx.esterror));
	value_add(v, value_hex(ar, "status", (uint32_t)tx.status));
	value_add(v, value_int(ar, "constant", tx.constant));
	value_add(v, value_int(ar, "precision", tx.precision));
	value_add(v, value_int(ar, "tolerance", tx.tolerance));
	value_add(v, ts_value(ctx, "time", raw, tx.time.tv_sec,
			      tx.time.tv_usec, true));
	value_add(v, value_int(ar, "tick", tx.tick));
	v->u.kids.elided = true;
	return v;
}

struct value *decode_timex_ret(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	if (raw < sizeof(time_states) / sizeof(time_states[0]))
		ctx->sc->ret_note = value_expr(ctx->arena, NULL, raw,
					       time_states[raw]);
	return value_int(ctx->arena, a->name, (int64_t)raw);
}

/* time(2)'s tloc: where it stored the seconds, shown with their date */
struct value *decode_time_out(struct decode_ctx *ctx, const struct arg_desc *a,
			      uint64_t raw)
{
	int64_t sec;
	struct value *v, *e;

	if (raw == 0)
		return value_ptr(ctx->arena, a->name, 0);
	if (!decode_read(ctx, a->name, raw, &sec, sizeof(sec), &v))
		return v;
	v = value_array(ctx->arena, a->name, raw);
	e = value_int(ctx->arena, NULL, sec);
	date_comment(ctx, e, sec, 0, 0);
	value_add(v, e);
	return v;
}

/* time(2)'s result, with its date after it: "= 1796303181 (2026-...)" */
struct value *decode_time_ret(struct decode_ctx *ctx, const struct arg_desc *a,
			      uint64_t raw)
{
	struct value *date = value_int(ctx->arena, NULL, (int64_t)raw);

	date_comment(ctx, date, (int64_t)raw, 0, 0);
	if (date->comment)
		ctx->sc->ret_note = value_expr(ctx->arena, NULL, raw,
					       date->comment);
	return value_int(ctx->arena, a->name, (int64_t)raw);
}

/* utime(2)'s struct utimbuf: two times in seconds, with their dates */
struct value *decode_utimbuf(struct decode_ctx *ctx, const struct arg_desc *a,
			     uint64_t raw)
{
	static const char *const names[] = { "actime", "modtime" };
	int64_t t[2];
	struct value *v;

	if (!decode_read(ctx, a->name, raw, t, sizeof(t), &v))
		return v;
	v = value_struct(ctx->arena, a->name, raw);
	for (int i = 0; i < 2; i++) {
		struct value *e = value_int(ctx->arena, names[i], t[i]);

		date_comment(ctx, e, t[i], 0, 0);
		value_add(v, e);
	}
	return v;
}

/* gettimeofday's and settimeofday's struct timezone */
struct value *decode_timezone(struct decode_ctx *ctx, const struct arg_desc *a,
			      uint64_t raw)
{
	int32_t tz[2];
	struct value *v;

	if (!decode_read(ctx, a->name, raw, tz, sizeof(tz), &v))
		return v;
	v = value_struct(ctx->arena, a->name, raw);
	value_add(v, value_int(ctx->arena, "tz_minuteswest", tz[0]));
	value_add(v, value_int(ctx->arena, "tz_dsttime", tz[1]));
	return v;
}
