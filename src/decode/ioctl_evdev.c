/* ioctl requests of input event devices (linux/input.h, type 'E'):
 * the names of the requests that carry a number or a length
 * (EVIOCGABS(ABS_X), EVIOCGNAME(256)), and their arguments. */
#include <linux/input.h>
#include <string.h>

#include "consts.h"
#include "ioctl_family.h"

/* NAME from x, or the number and, with comments, "PREFIX_???" */
static const char *code_name(struct decode_ctx *ctx, const struct xlat *x,
			     unsigned v, bool comments)
{
	const char *s = xlat_name(x, v);
	const char *unknown = comments ? unknown_comment(ctx, x) : NULL;

	if (s)
		return s;
	return unknown ? arena_printf(ctx->arena, "%#x /* %s */", v, unknown) :
		arena_printf(ctx->arena, "%#x", v);
}

const char *ioctl_evdev_name(struct decode_ctx *ctx, uint32_t req,
			     bool comments)
{
	static const char *const by_nr[] = {
		[0x06] = "EVIOCGNAME", [0x07] = "EVIOCGPHYS",
		[0x08] = "EVIOCGUNIQ", [0x09] = "EVIOCGPROP",
		[0x0a] = "EVIOCGMTSLOTS", [0x18] = "EVIOCGKEY",
		[0x19] = "EVIOCGLED", [0x1a] = "EVIOCGSND",
		[0x1b] = "EVIOCGSW",
	};
	unsigned nr = req & 0xff, dir = req >> 30, size = (req >> 16) & 0x3fff;

	if (dir == 1 && nr >= 0xc0)	/* _IOC_WRITE */
		return arena_printf(ctx->arena, "EVIOCSABS(%s)",
				    code_name(ctx, &xlat_evdev_abs, nr - 0xc0,
					      comments));
	if (dir != 2)			/* _IOC_READ */
		return NULL;
	if (nr >= 0x20 && nr < 0x40)
		return arena_printf(ctx->arena, "EVIOCGBIT(%s, %u)",
				    nr == 0x20 ? "0" :
				    code_name(ctx, &xlat_evdev_ev, nr - 0x20,
					      comments),
				    size);
	if (nr >= 0x40 && nr < 0x80)
		return arena_printf(ctx->arena, "EVIOCGABS(%s)",
				    code_name(ctx, &xlat_evdev_abs, nr - 0x40,
					      comments));
	if (nr < sizeof(by_nr) / sizeof(by_nr[0]) && by_nr[nr])
		return arena_printf(ctx->arena, "%s(%u)", by_nr[nr], size);
	return NULL;
}

/* [1, 2]: two unsigned ints (EVIOCGREP, EVIOCSREP) or a scancode and
 * the key it makes (EVIOCGKEYCODE, EVIOCSKEYCODE) */
static struct value *pair_value(struct decode_ctx *ctx, const char *name,
				uint64_t addr, bool keycode)
{
	uint32_t p[2];
	struct value *v;

	if (!decode_read(ctx, name, addr, p, sizeof(p), &v))
		return v;
	v = value_array(ctx->arena, name, addr);
	value_add(v, value_uint(ctx->arena, NULL, p[0]));
	value_add(v, keycode ? ioctl_enum(ctx, NULL, p[1], &xlat_evdev_key) :
		  value_uint(ctx->arena, NULL, p[1]));
	return v;
}

static struct value *keymap_value(struct decode_ctx *ctx, const char *name,
				  uint64_t addr)
{
	struct arena *ar = ctx->arena;
	struct input_keymap_entry k;
	struct value *v, *sc;

	if (!decode_read(ctx, name, addr, &k, sizeof(k), &v))
		return v;
	v = value_struct(ar, name, addr);
	value_add(v, value_uint(ar, "flags", k.flags));
	value_add(v, value_uint(ar, "len", k.len));
	if (!ctx->opts->verbose) {
		v->u.kids.elided = true;
		return v;
	}
	value_add(v, value_uint(ar, "index", k.index));
	value_add(v, ioctl_enum(ctx, "keycode", k.keycode, &xlat_evdev_key));
	sc = value_array(ar, "scancode", addr);
	for (unsigned i = 0; i < sizeof(k.scancode); i++)
		value_add(sc, value_hex(ar, NULL, k.scancode[i]));
	value_add(v, sc);
	return v;
}

/* struct input_absinfo of the size the request encodes: older ones end
 * before resolution, longer ones have more than we know */
static struct value *absinfo_value(struct decode_ctx *ctx, const char *name,
				   uint64_t addr, size_t size)
{
	const size_t flat_end = offsetof(struct input_absinfo, resolution);
	struct arena *ar = ctx->arena;
	struct input_absinfo a;
	struct value *v;

	if (size < flat_end)
		return value_ptr(ar, name, addr);
	memset(&a, 0, sizeof(a));
	if (!decode_read(ctx, name, addr, &a,
			 size < sizeof(a) ? size : sizeof(a), &v))
		return v;
	v = value_struct(ar, name, addr);
	value_add(v, value_uint(ar, "value", (uint32_t)a.value));
	value_add(v, value_uint(ar, "minimum", (uint32_t)a.minimum));
	if (!ctx->opts->verbose) {
		v->u.kids.elided = true;
		return v;
	}
	value_add(v, value_uint(ar, "maximum", (uint32_t)a.maximum));
	value_add(v, value_uint(ar, "fuzz", (uint32_t)a.fuzz));
	value_add(v, value_uint(ar, "flat", (uint32_t)a.flat));
	if (size >= sizeof(a))
		value_add(v, value_uint(ar, "resolution",
					(uint32_t)a.resolution));
	if (size != flat_end && size != sizeof(a))
		v->u.kids.elided = true;
	return v;
}

/* EVIOCGMTSLOTS(len): the axis asked and the values of the slots */
static struct value *mtslots_value(struct decode_ctx *ctx, const char *name,
				   uint64_t addr, size_t size)
{
	struct arena *ar = ctx->arena;
	struct value *v, *vals;
	uint32_t code;
	int32_t x;

	if (size < sizeof(code))
		return value_ptr(ar, name, addr);
	if (!decode_read(ctx, name, addr, &code, sizeof(code), &v))
		return v;
	v = value_struct(ar, name, addr);
	value_add(v, ioctl_enum(ctx, "code", code, &xlat_evdev_mt));
	vals = value_array(ar, "values", addr + 4);
	for (size_t i = 1; i < size / 4; i++) {
		uint64_t at = addr + 4 * i;

		if (decode_array_full(ctx, i - 1)) {
			vals->u.kids.elided = true;
			break;
		}
		if (tracee_read(ctx->mem, at, &x, sizeof(x)) != 0) {
			if (i == 1) {
				value_add(v, value_ptr(ar, "values", at));
				return v;
			}
			vals->u.kids.elided = true;
			vals->u.kids.unread_at = at;
			break;
		}
		value_add(vals, value_int(ar, NULL, x));
	}
	value_add(v, vals);
	return v;
}

/* the words of a bit set as -X raw writes them: [0x460018, 0] */
static const char *bitset_words(struct decode_ctx *ctx,
				const unsigned char *buf, size_t size)
{
	const char *text = "[";

	for (size_t i = 0; i + 8 <= size; i += 8) {
		uint64_t w;

		memcpy(&w, buf + i, sizeof(w));
		text = arena_printf(ctx->arena, "%s%s%#llx", text,
				    i ? ", " : "", (unsigned long long)w);
	}
	return arena_printf(ctx->arena, "%s]", text);
}

/* the bits a successful call set, as names: as many bytes as it
 * returned, max bits at most, in whole words; four names without -v.
 * strace prints them as a set: [KEY_1 KEY_2]; -X raw as the words, -X
 * verbose both: [0x2 / * KEY_1 * /] / * [0xc] * / */
static struct value *bitset_value(struct decode_ctx *ctx, const char *name,
				  uint64_t addr, const struct xlat *x,
				  unsigned max)
{
	uint64_t rval = (uint64_t)ctx->sc->rval;
	unsigned bits = rval > max / 8 ? max : (unsigned)rval * 8;
	size_t size = ((bits + 7) / 8 + 7) / 8 * 8;
	unsigned char buf[(KEY_MAX + 1) / 8 + 8];
	const char *text = "[", *verbose = "[", *words;
	struct value *v;
	unsigned shown = 0;

	if (!size || size > sizeof(buf))
		return value_ptr(ctx->arena, name, addr);
	if (!decode_read(ctx, name, addr, buf, size, &v))
		return v;
	for (unsigned i = 0; i < bits; i++) {
		const char *s, *sep = shown ? " " : "";

		if (!(buf[i / 8] & (1u << (i % 8))))
			continue;
		if (!ctx->opts->verbose && shown >= 4) {
			text = arena_printf(ctx->arena, "%s ...", text);
			verbose = arena_printf(ctx->arena, "%s ...", verbose);
			break;
		}
		shown++;
		s = xlat_name(x, i);
		text = arena_printf(ctx->arena, "%s%s%s", text, sep,
				    s ? s : arena_printf(ctx->arena, "%#x", i));
		verbose = s ? arena_printf(ctx->arena, "%s%s%#x /* %s */",
					   verbose, sep, i, s) :
			arena_printf(ctx->arena, "%s%s%#x", verbose, sep, i);
	}
	words = bitset_words(ctx, buf, size);
	return value_expr_styled(ctx->arena, name, addr,
				 arena_printf(ctx->arena, "%s]", text), words,
				 arena_printf(ctx->arena, "%s] /* %s */",
					      verbose, words));
}

/* EVIOCGBIT(type, len): the bits of one event type */
static struct value *event_bits(struct decode_ctx *ctx, const char *name,
				uint64_t addr, unsigned ev)
{
	static const struct {
		const struct xlat *x;
		unsigned max;
	} types[EV_CNT] = {
		[0] = { &xlat_evdev_ev, EV_MAX },
		[EV_KEY] = { &xlat_evdev_key, KEY_MAX },
		[EV_REL] = { &xlat_evdev_rel, REL_MAX },
		[EV_ABS] = { &xlat_evdev_abs, ABS_MAX },
		[EV_MSC] = { &xlat_evdev_msc, MSC_MAX },
		[EV_SW] = { &xlat_evdev_sw, SW_MAX },
		[EV_LED] = { &xlat_evdev_led, LED_MAX },
		[EV_SND] = { &xlat_evdev_snd, SND_MAX },
		[EV_REP] = { &xlat_evdev_rep, REP_MAX },
		[EV_FF] = { &xlat_evdev_ff, FF_MAX },
		[EV_FF_STATUS] = { &xlat_evdev_ff_status, FF_STATUS_MAX },
	};

	if (ev == EV_PWR)
		return int_ptr_value(ctx, name, addr, 4, true);
	if (ev >= EV_CNT || !types[ev].x)
		return value_ptr(ctx->arena, name, addr);
	return bitset_value(ctx, name, addr, types[ev].x, types[ev].max);
}

static struct value *envelope(struct decode_ctx *ctx,
			      const struct ff_envelope *e)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, "envelope", 0);

	value_add(v, value_uint(ar, "attack_length", e->attack_length));
	value_add(v, value_uint(ar, "attack_level", e->attack_level));
	value_add(v, value_uint(ar, "fade_length", e->fade_length));
	value_add(v, value_hex(ar, "fade_level", e->fade_level));
	return v;
}

/* the effect's own part, by its type */
static void add_effect(struct decode_ctx *ctx, struct value *v,
		       const struct ff_effect *f)
{
	struct arena *ar = ctx->arena;
	struct value *u;

	switch (f->type) {
	case FF_CONSTANT:
		u = value_struct(ar, "constant", 0);
		value_add(u, value_int(ar, "level", f->u.constant.level));
		value_add(u, envelope(ctx, &f->u.constant.envelope));
		break;
	case FF_RAMP:
		u = value_struct(ar, "ramp", 0);
		value_add(u, value_int(ar, "start_level",
				       f->u.ramp.start_level));
		value_add(u, value_int(ar, "end_level", f->u.ramp.end_level));
		value_add(u, envelope(ctx, &f->u.ramp.envelope));
		break;
	case FF_PERIODIC:
		u = value_struct(ar, "periodic", 0);
		value_add(u, value_uint(ar, "waveform",
					f->u.periodic.waveform));
		value_add(u, value_uint(ar, "period", f->u.periodic.period));
		value_add(u, value_int(ar, "magnitude",
				       f->u.periodic.magnitude));
		value_add(u, value_int(ar, "offset", f->u.periodic.offset));
		value_add(u, value_uint(ar, "phase", f->u.periodic.phase));
		value_add(u, envelope(ctx, &f->u.periodic.envelope));
		value_add(u, value_uint(ar, "custom_len",
					f->u.periodic.custom_len));
		value_add(u, value_ptr(ar, "custom_data",
				       (uint64_t)(uintptr_t)
				       f->u.periodic.custom_data));
		break;
	case FF_RUMBLE:
		u = value_struct(ar, "rumble", 0);
		value_add(u, value_uint(ar, "strong_magnitude",
					f->u.rumble.strong_magnitude));
		value_add(u, value_uint(ar, "weak_magnitude",
					f->u.rumble.weak_magnitude));
		break;
	default:
		return;
	}
	value_add(v, u);
}

static struct value *ff_effect_value(struct decode_ctx *ctx,
				     const char *name, uint64_t addr)
{
	struct arena *ar = ctx->arena;
	struct ff_effect f;
	struct value *v, *t;

	if (!decode_read(ctx, name, addr, &f, sizeof(f), &v))
		return v;
	v = value_struct(ar, name, addr);
	value_add(v, ioctl_enum(ctx, "type", f.type, &xlat_evdev_ff));
	value_add(v, value_int(ar, "id", f.id));
	value_add(v, value_uint(ar, "direction", f.direction));
	if (!ctx->opts->verbose) {
		v->u.kids.elided = true;
		return v;
	}
	t = value_struct(ar, "trigger", addr);
	value_add(t, value_uint(ar, "button", f.trigger.button));
	value_add(t, value_uint(ar, "interval", f.trigger.interval));
	value_add(v, t);
	t = value_struct(ar, "replay", addr);
	value_add(t, value_uint(ar, "length", f.replay.length));
	value_add(t, value_uint(ar, "delay", f.replay.delay));
	value_add(v, t);
	add_effect(ctx, v, &f);
	return v;
}

/* _IOC_READ requests: what the call wrote, after a successful call */
static struct value *evdev_read(struct decode_ctx *ctx, const char *name,
				uint32_t req, uint64_t arg)
{
	unsigned nr = req & 0xff;
	size_t size = (req >> 16) & 0x3fff;
	struct value *v;

	switch (req) {
	case EVIOCGVERSION:
		v = int_ptr_value(ctx, name, arg, 4, false);
		if (v->kind == V_ARRAY && v->u.kids.first)
			v->u.kids.first->kind = V_HEX;
		return v;
	case EVIOCGEFFECTS:
		return int_ptr_value(ctx, name, arg, 4, false);
	case EVIOCGID: {
		struct input_id id;

		if (!decode_read(ctx, name, arg, &id, sizeof(id), &v))
			return v;
		v = value_struct(ctx->arena, name, arg);
		value_add(v, value_uint(ctx->arena, "bustype", id.bustype));
		value_add(v, value_uint(ctx->arena, "vendor", id.vendor));
		value_add(v, value_uint(ctx->arena, "product", id.product));
		value_add(v, value_uint(ctx->arena, "version", id.version));
		return v;
	}
	case EVIOCGREP:
		return pair_value(ctx, name, arg, false);
	case EVIOCGKEYCODE:
		return pair_value(ctx, name, arg, true);
	case EVIOCGKEYCODE_V2:
		return keymap_value(ctx, name, arg);
	}
	switch (nr) {
	case 0x0a:
		return mtslots_value(ctx, name, arg, size);
	case 0x06: case 0x07: case 0x08:	/* name, phys, uniq */
		return decode_buffer(ctx, name, arg,
				     (uint64_t)ctx->sc->rval, STR_TEXT);
	case 0x09:
		return bitset_value(ctx, name, arg, &xlat_evdev_prop,
				    INPUT_PROP_MAX);
	case 0x1a:
		return bitset_value(ctx, name, arg, &xlat_evdev_snd, SND_MAX);
	case 0x1b:
		return bitset_value(ctx, name, arg, &xlat_evdev_sw, SW_MAX);
	case 0x18:
		return bitset_value(ctx, name, arg, &xlat_evdev_key, KEY_MAX);
	case 0x19:
		return bitset_value(ctx, name, arg, &xlat_evdev_led, LED_MAX);
	}
	if (nr >= 0x40 && nr < 0x80)
		return absinfo_value(ctx, name, arg, size);
	if (nr >= 0x20 && nr < 0x40)
		return event_bits(ctx, name, arg, nr - 0x20);
	return value_ptr(ctx->arena, name, arg);
}

/* _IOC_WRITE requests: what the program hands in */
static struct value *evdev_write(struct decode_ctx *ctx, const char *name,
				 uint32_t req, uint64_t arg)
{
	switch (req) {
	case EVIOCSREP:
		return pair_value(ctx, name, arg, false);
	case EVIOCSKEYCODE:
		return pair_value(ctx, name, arg, true);
	case EVIOCSKEYCODE_V2:
		return keymap_value(ctx, name, arg);
	case EVIOCRMFF:
		return value_int(ctx->arena, name, (int32_t)arg);
	case EVIOCGRAB:
	case EVIOCREVOKE:
		return value_uint(ctx->arena, name, arg);
	case EVIOCSCLOCKID:
		return int_ptr_value(ctx, name, arg, 4, false);
	case EVIOCSFF:
		return ff_effect_value(ctx, name, arg);
	}
	if ((req & 0xff) >= 0xc0)
		return absinfo_value(ctx, name, arg, (req >> 16) & 0x3fff);
	return value_ptr(ctx->arena, name, arg);
}

struct value *ioctl_evdev(struct decode_ctx *ctx, const char *name,
			  uint32_t req, uint64_t arg)
{
	struct value *v;

	switch (req >> 30) {
	case 2:		/* _IOC_READ */
		if (!ioctl_out_ready(ctx, name, arg, &v))
			return v;
		return evdev_read(ctx, name, req, arg);
	case 1:		/* _IOC_WRITE */
		return ctx->at_exit ? NULL : evdev_write(ctx, name, req, arg);
	default:
		return NULL;
	}
}
