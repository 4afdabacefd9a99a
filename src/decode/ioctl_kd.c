/* ioctl requests of the Linux console and keyboard (linux/kd.h, type
 * 'K'): tones, modes, LEDs, signals as numbers; keymap entries. */
#include <linux/kd.h>
/* before linux/keyboard.h, whose linux/wait.h would break glibc's */
#include <sys/wait.h>
#include <linux/keyboard.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "consts.h"
#include "options.h"
#include "tracee_mem.h"
#include "ioctl_family.h"

/* The PIT clock the console's tones divide (drivers/tty/vt/vt_ioctl.c);
 * a period gives 1193182 / period Hz. */
#define KD_PIT_TICK_RATE 1193182u
/* The I/O ports KDADDIO and KDDELIO accept (the kernel's GPFIRST and
 * GPLAST, not in the uapi headers). */
#define KD_GPFIRST 0x3b4u
#define KD_GPLAST 0x3dfu
/* GIO_FONT / PIO_FONT: 256 glyphs of 32 rows of 8 pixels; GIO_CMAP /
 * PIO_CMAP: 16 colours of 3 bytes (drivers/tty/vt). */
#define KD_FONT_BYTES (256 * 32)
#define KD_CMAP_BYTES (16 * 3)
/* A font name with its NUL (the kernel's MAX_FONT_NAME). */
#define KD_FONT_NAME_MAX 32
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

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

/* A keymap table: one of the named ones, or the modifier bits it
 * stands for. */
static struct value *kd_kb_table(struct decode_ctx *ctx, uint8_t table)
{
	struct value *v;

	if (xlat_find(&xlat_kd_kb_table, table))
		return ioctl_enum(ctx, "kb_table", table, &xlat_kd_kb_table);
	v = ioctl_bit_flags(ctx, "kb_table", table, &xlat_kd_kg_bit, "<<");
	return v;
}

/* The key types whose value is a character. */
static bool kd_type_is_char(unsigned type)
{
	return type == KT_LATIN || type == KT_META || type == KT_LETTER ||
	       type == KT_DEAD2;
}

/* A character as C writes it: 'a', '\\n', '\\x7f'. */
static const char *kd_char(struct decode_ctx *ctx, uint8_t c)
{
	static const char esc[] = "\tt\nn\vv\ff\rr\\\\''";
	const char *e = c ? memchr(esc, c, sizeof(esc) - 1) : NULL;

	if (e && (e - esc) % 2 == 0)
		return arena_printf(ctx->arena, "'\\%c'", e[1]);
	if (c >= 0x20 && c < 0x7f)
		return arena_printf(ctx->arena, "'%c'", c);
	return arena_printf(ctx->arena, "'\\x%02x'", c);
}

/* A keymap value: its K_ name, or K(type, value) as linux/keyboard.h
 * builds it. */
static struct value *kd_kb_value(struct decode_ctx *ctx, uint16_t key)
{
	struct value *v = value_hex(ctx->arena, "kb_value", key);
	const struct xlat_entry *e = xlat_find(&xlat_kd_key, key);
	unsigned type = KTYP(key), val = KVAL(key);
	const char *tname = xlat_name(&xlat_kd_key_type, type);
	const char *t, *k;

	if (e)
		return with_comment(v, e->name);
	t = tname ? tname : arena_printf(ctx->arena, "%#x", type);
	if (!kd_type_is_char(type))
		k = val ? arena_printf(ctx->arena, "%#x", val) : "0";
	else
		k = kd_char(ctx, (uint8_t)val);
	return with_comment(v, arena_printf(ctx->arena, "K(%s, %s)", t, k));
}

/* KDGKBENT / KDSKBENT: struct kbentry; the get request's value only at
 * a successful exit. A struct cut short after its index shows
 * kb_value=???. */
static struct value *kd_kbentry(struct decode_ctx *ctx, const char *name,
				uint32_t req, uint64_t arg)
{
	size_t head = offsetof(struct kbentry, kb_value);
	bool want_value = req == KDSKBENT || ctx->at_exit;
	bool whole = false;
	struct kbentry e;
	struct value *v, *s;

	if (ctx->at_exit && req != KDGKBENT)
		return NULL;
	if (want_value)
		whole = decode_read(ctx, name, arg, &e, sizeof(e), &v);
	if (!whole && !decode_read(ctx, name, arg, &e, head, &v))
		return v;
	s = value_struct(ctx->arena, name, arg);
	value_add(s, kd_kb_table(ctx, e.kb_table));
	value_add(s, value_uint(ctx->arena, "kb_index", e.kb_index));
	if (whole)
		value_add(s, kd_kb_value(ctx, e.kb_value));
	else if (want_value)
		value_add(s, value_expr(ctx->arena, "kb_value", 0, "???"));
	return s;
}

/* KDSKBLED / KDGKBLED: the LEDs in the low bits, the default LEDs of
 * the keyboard shifted by 4. */
static struct value *kd_kb_led(struct decode_ctx *ctx, uint8_t raw)
{
	struct value *v = value_new(ctx->arena, V_FLAGS, NULL, raw);
	const char **names = arena_alloc(ctx->arena, 2 * xlat_kd_led.n *
					 sizeof(char *));
	uint64_t rest = raw;

	v->u.flags.names = names;
	for (unsigned shift = 0; shift <= 4; shift += 4)
		for (unsigned i = 0; i < xlat_kd_led.n; i++) {
			uint64_t bit = xlat_kd_led.e[i].value << shift;

			if (!(rest & bit))
				continue;
			names[v->u.flags.count++] = shift ?
				arena_printf(ctx->arena, "%s<<4",
					     xlat_kd_led.e[i].name) :
				xlat_kd_led.e[i].name;
			rest &= ~bit;
		}
	v->u.flags.rest = rest;
	if (v->u.flags.count == 0 && rest)
		set_unknown_comment(ctx, v, &xlat_kd_led);
	return v;
}

/* The number a mode, LED or type request sets or gets. */
static struct value *kd_number(struct decode_ctx *ctx, uint32_t req,
			       uint64_t n)
{
	switch (req) {
	case KDSETMODE: case KDGETMODE:
		return ioctl_enum(ctx, NULL, (uint32_t)n, &xlat_kd_mode);
	case KDSKBMODE: case KDGKBMODE:
		return kd_kbd_mode(ctx, n);
	case KDSKBMETA: case KDGKBMETA:
		return ioctl_enum(ctx, NULL, (uint32_t)n, &xlat_kd_meta);
	case KDSETLED: case KDGETLED:
		return ioctl_flags_value(ctx, NULL, (uint8_t)n, &xlat_kd_led);
	case KDSKBLED: case KDGKBLED:
		return kd_kb_led(ctx, (uint8_t)n);
	default:
		return ioctl_enum(ctx, NULL, (uint8_t)n, &xlat_kd_kb_type);
	}
}

/* The get requests of one number, a char or an int, that the call
 * writes at arg. */
static struct value *kd_get(struct decode_ctx *ctx, const char *name,
			    uint32_t req, uint64_t arg, size_t size)
{
	struct value *v;
	uint32_t n = 0;
	uint8_t c;

	if (!ioctl_out_ready(ctx, name, arg, &v))
		return v;
	if (!decode_read(ctx, name, arg, size == 1 ? (void *)&c : (void *)&n,
			 size, &v))
		return v;
	if (size == 1)
		n = c;
	v = value_array(ctx->arena, name, arg);
	value_add(v, kd_number(ctx, req, n));
	return v;
}

/* KDGETKEYCODE / KDSETKEYCODE: struct kbkeycode; a successful get shows
 * the keycode the call wrote after the one it was given. */
static struct value *kd_keycode(struct decode_ctx *ctx, const char *name,
				uint32_t req, uint64_t arg)
{
	struct value *v, *in = decode_entry_value(ctx), *code;
	struct kbkeycode k;

	if (ctx->at_exit && req != KDGETKEYCODE)
		return NULL;
	if (!decode_read(ctx, name, arg, &k, sizeof(k), &v))
		return ctx->at_exit ? NULL : v;
	v = value_struct(ctx->arena, name, arg);
	value_add(v, value_hex(ctx->arena, "scancode", k.scancode));
	code = value_hex(ctx->arena, "keycode", k.keycode);
	if (ctx->at_exit && in && in->kind == V_STRUCT && in->u.kids.first &&
	    in->u.kids.first->next)
		code = value_inout(ctx->arena, "keycode",
				   value_hex(ctx->arena, NULL,
					     in->u.kids.first->next->raw),
				   value_hex(ctx->arena, NULL, k.keycode));
	value_add(v, code);
	return v;
}

/* KDKBDREP: struct kbd_repeat, given and, after a successful call, the
 * one the call wrote back. */
static struct value *kd_kbdrep(struct decode_ctx *ctx, const char *name,
			       uint64_t arg)
{
	struct kbd_repeat r;
	struct value *v;

	if (!decode_read(ctx, name, arg, &r, sizeof(r), &v))
		return ctx->at_exit ? NULL : v;
	v = value_struct(ctx->arena, name, arg);
	value_add(v, value_int(ctx->arena, "delay", r.delay));
	value_add(v, value_int(ctx->arena, "period", r.period));
	return ctx->at_exit ? ioctl_inout_exit(ctx, name, v) : v;
}

/* kb_func: the function key whose string it is, KVAL(K_F1). */
static struct value *kd_kb_func(struct decode_ctx *ctx, uint8_t func)
{
	const char *key = xlat_name(&xlat_kd_key, K(KT_FN, func));

	if (!key)
		return value_hex(ctx->arena, "kb_func", func);
	return value_symbol(ctx->arena, "kb_func", func, V_HEX,
			    arena_printf(ctx->arena, "KVAL(%s)", key));
}

/* kb_string: up to its NUL, cut at -s; ??? when memory ends first. */
static struct value *kd_kb_string(struct decode_ctx *ctx, uint64_t addr)
{
	char buf[sizeof(((struct kbsentry *)0)->kb_string)];
	ssize_t n = tracee_read_upto(ctx->mem, addr, buf, sizeof(buf));
	size_t len, limit = ctx->opts->string_limit;
	const char *nul;
	char *copy;
	bool cut;

	if (n <= 0)
		return value_expr(ctx->arena, "kb_string", 0, "???");
	nul = memchr(buf, 0, (size_t)n);
	if (!nul && (size_t)n < sizeof(buf))
		return value_expr(ctx->arena, "kb_string", 0, "???");
	len = nul ? (size_t)(nul - buf) : sizeof(buf);
	/* as strace: a string that fills -s or the array is cut even when
	 * its NUL comes right after */
	cut = !nul || len >= limit;
	if (len > limit)
		len = limit;
	copy = arena_alloc(ctx->arena, len + 1);
	memcpy(copy, buf, len);
	return value_string(ctx->arena, "kb_string", addr, copy, len, cut);
}

/* KDGKBSENT / KDSKBSENT: struct kbsentry; the get request's string only
 * at a successful exit. */
static struct value *kd_kbsentry(struct decode_ctx *ctx, const char *name,
				 uint32_t req, uint64_t arg)
{
	struct value *v;
	uint8_t func;

	if (ctx->at_exit && req != KDGKBSENT)
		return NULL;
	if (!decode_read(ctx, name, arg, &func, sizeof(func), &v))
		return ctx->at_exit ? NULL : v;
	v = value_struct(ctx->arena, name, arg);
	value_add(v, kd_kb_func(ctx, func));
	if (req == KDSKBSENT || ctx->at_exit)
		value_add(v, kd_kb_string(ctx, arg +
					  offsetof(struct kbsentry, kb_string)));
	return v;
}

/* The size of the table a font, screen map or colour map request reads
 * or writes. */
static size_t kd_table_size(uint32_t req)
{
	switch (req) {
	case GIO_FONT: case PIO_FONT:
		return KD_FONT_BYTES;
	case GIO_CMAP: case PIO_CMAP:
		return KD_CMAP_BYTES;
	default:
		return E_TABSZ;
	}
}

/* The tables as bytes in hex: given at entry, or written by a get
 * request that succeeded. */
static struct value *kd_table(struct decode_ctx *ctx, const char *name,
			      uint32_t req, uint64_t arg, bool get)
{
	struct value *v;

	if (get && !ioctl_out_ready(ctx, name, arg, &v))
		return v;
	if (!get && ctx->at_exit)
		return NULL;
	if (!arg)
		return value_ptr(ctx->arena, name, arg);
	return decode_buffer(ctx, name, arg, kd_table_size(req), STR_HEX);
}

/* A screen map entry: a glyph of the direct font region or a code
 * point. */
static struct value *kd_uni_elem(struct decode_ctx *ctx, const void *p)
{
	uint16_t u;

	memcpy(&u, p, sizeof(u));
	if ((u & ~UNI_DIRECT_MASK) != UNI_DIRECT_BASE)
		return value_hex(ctx->arena, NULL, u);
	return value_symbol(ctx->arena, NULL, u, V_HEX,
			    arena_printf(ctx->arena, "UNI_DIRECT_BASE+%#x",
					 u & UNI_DIRECT_MASK));
}

/* GIO_UNISCRNMAP / PIO_UNISCRNMAP: E_TABSZ unsigned shorts. */
static struct value *kd_uniscrnmap(struct decode_ctx *ctx, const char *name,
				   uint32_t req, uint64_t arg)
{
	struct value *v;

	if (req == GIO_UNISCRNMAP && !ioctl_out_ready(ctx, name, arg, &v))
		return v;
	if (req == PIO_UNISCRNMAP && ctx->at_exit)
		return NULL;
	return array_value(ctx, name, arg, E_TABSZ, sizeof(uint16_t),
			   kd_uni_elem);
}

/* PIO_UNIMAPCLR: struct unimapinit. */
static struct value *kd_unimapinit(struct decode_ctx *ctx, const char *name,
				   uint64_t arg)
{
	struct unimapinit u;
	struct value *v;

	if (ctx->at_exit)
		return NULL;
	if (!decode_read(ctx, name, arg, &u, sizeof(u), &v))
		return v;
	v = value_struct(ctx->arena, name, arg);
	value_add(v, value_uint(ctx->arena, "advised_hashsize",
				u.advised_hashsize));
	value_add(v, value_uint(ctx->arena, "advised_hashstep",
				u.advised_hashstep));
	value_add(v, value_uint(ctx->arena, "advised_hashlevel",
				u.advised_hashlevel));
	return v;
}

static struct value *kd_unipair_elem(struct decode_ctx *ctx, const void *p)
{
	struct unipair u;
	struct value *v = value_struct(ctx->arena, NULL, 0);

	memcpy(&u, p, sizeof(u));
	value_add(v, value_hex(ctx->arena, "unicode", u.unicode));
	value_add(v, value_hex(ctx->arena, "fontpos", u.fontpos));
	return v;
}

/* GIO_UNIMAP / PIO_UNIMAP: struct unimapdesc and its entry_ct pairs;
 * a successful get shows the count it wrote after the one it was given,
 * and the pairs it wrote. */
static struct value *kd_unimap(struct decode_ctx *ctx, const char *name,
			       uint32_t req, uint64_t arg)
{
	struct value *v, *in = decode_entry_value(ctx), *ct;
	struct unimapdesc d;
	uint64_t entries;
	bool filled = req == GIO_UNIMAP && ctx->at_exit;

	if (ctx->at_exit && req != GIO_UNIMAP)
		return NULL;
	if (!decode_read(ctx, name, arg, &d, sizeof(d), &v))
		return ctx->at_exit ? NULL : v;
	entries = (uintptr_t)d.entries;
	v = value_struct(ctx->arena, name, arg);
	ct = value_uint(ctx->arena, "entry_ct", d.entry_ct);
	if (filled && in && in->kind == V_STRUCT && in->u.kids.first)
		ct = value_inout(ctx->arena, "entry_ct",
				 value_uint(ctx->arena, NULL,
					    in->u.kids.first->raw),
				 value_uint(ctx->arena, NULL, d.entry_ct));
	value_add(v, ct);
	if (req == GIO_UNIMAP && !filled)
		value_add(v, value_ptr(ctx->arena, "entries", entries));
	else
		value_add(v, array_value(ctx, "entries", entries, d.entry_ct,
					 sizeof(struct unipair),
					 kd_unipair_elem));
	return v;
}

static struct value *kd_diacr_elem(struct decode_ctx *ctx, const void *p)
{
	const struct kbdiacr *d = p;
	struct value *v = value_struct(ctx->arena, NULL, 0);

	value_add(v, value_expr(ctx->arena, "diacr", d->diacr,
				kd_char(ctx, d->diacr)));
	value_add(v, value_expr(ctx->arena, "base", d->base,
				kd_char(ctx, d->base)));
	value_add(v, value_expr(ctx->arena, "result", d->result,
				kd_char(ctx, d->result)));
	return v;
}

static struct value *kd_diacruc_elem(struct decode_ctx *ctx, const void *p)
{
	struct kbdiacruc d;
	struct value *v = value_struct(ctx->arena, NULL, 0);

	memcpy(&d, p, sizeof(d));
	value_add(v, value_hex(ctx->arena, "diacr", d.diacr));
	value_add(v, value_hex(ctx->arena, "base", d.base));
	value_add(v, value_hex(ctx->arena, "result", d.result));
	return v;
}

/* KD[GS]KBDIACR and KD[GS]KBDIACRUC: a count and that many accent
 * combinations (at most the array's), the get requests' at a
 * successful exit. */
static struct value *kd_diacrs(struct decode_ctx *ctx, const char *name,
			       uint32_t req, uint64_t arg)
{
	bool uc = req == KDGKBDIACRUC || req == KDSKBDIACRUC;
	bool get = req == KDGKBDIACR || req == KDGKBDIACRUC;
	size_t size = uc ? sizeof(struct kbdiacruc) : sizeof(struct kbdiacr);
	size_t max = uc ? ARRAY_LEN(((struct kbdiacrsuc *)0)->kbdiacruc) :
			  ARRAY_LEN(((struct kbdiacrs *)0)->kbdiacr);
	uint64_t at = arg + (uc ? offsetof(struct kbdiacrsuc, kbdiacruc) :
				  offsetof(struct kbdiacrs, kbdiacr));
	struct value *v, *arr;
	uint32_t cnt;

	if (get && !ioctl_out_ready(ctx, name, arg, &v))
		return v;
	if (!get && ctx->at_exit)
		return NULL;
	if (!decode_read(ctx, name, arg, &cnt, sizeof(cnt), &v))
		return v;
	v = value_struct(ctx->arena, name, arg);
	value_add(v, value_uint(ctx->arena, "kb_cnt", cnt));
	arr = array_value(ctx, uc ? "kbdiacruc" : "kbdiacr", at,
			  cnt < max ? cnt : max, size,
			  uc ? kd_diacruc_elem : kd_diacr_elem);
	/* a count past the array: "..." after its last element */
	if (cnt > max && arr->kind == V_ARRAY)
		arr->u.kids.elided = true;
	value_add(v, arr);
	return v;
}

/* GIO_FONTX: struct consolefontdesc given, and after a successful call
 * the one written back with its font bytes (32 a character) in hex. */
static struct value *kd_fontx(struct decode_ctx *ctx, const char *name,
			      uint64_t arg)
{
	struct consolefontdesc d;
	struct value *v;
	uint64_t data;

	if (!decode_read(ctx, name, arg, &d, sizeof(d), &v))
		return ctx->at_exit ? NULL : v;
	data = (uintptr_t)d.chardata;
	v = value_struct(ctx->arena, name, arg);
	value_add(v, value_uint(ctx->arena, "charcount", d.charcount));
	value_add(v, value_uint(ctx->arena, "charheight", d.charheight));
	if (!ctx->at_exit || !data) {
		value_add(v, value_ptr(ctx->arena, "chardata", data));
		return ctx->at_exit ? ioctl_inout_exit(ctx, name, v) : v;
	}
	value_add(v, decode_buffer(ctx, "chardata", data,
				   (uint64_t)d.charcount * 32, STR_HEX));
	return ioctl_inout_exit(ctx, name, v);
}

/* KD_FONT_OP_SET_DEFAULT's font name: at most KD_FONT_NAME_MAX bytes
 * with its NUL, as the kernel reads it; one without shows all but the
 * last byte, cut. */
static struct value *kd_font_name(struct decode_ctx *ctx, uint64_t addr)
{
	size_t limit = ctx->opts->string_limit, len;
	char *buf = arena_alloc(ctx->arena, KD_FONT_NAME_MAX);
	ssize_t n = tracee_read_upto(ctx->mem, addr, buf, KD_FONT_NAME_MAX);
	const char *nul = n > 0 ? memchr(buf, 0, (size_t)n) : NULL;
	bool cut = !nul;

	if (!nul && n < KD_FONT_NAME_MAX)
		return value_ptr(ctx->arena, "data", addr);
	len = nul ? (size_t)(nul - buf) : KD_FONT_NAME_MAX - 1;
	if (len > limit) {
		len = limit;
		cut = true;
	}
	return value_string(ctx->arena, "data", addr, buf, len, cut);
}

/* console_font_op.data: the font bytes, 32 rows of ceil(width / 8)
 * bytes a character; KD_FONT_OP_SET_DEFAULT's font name. */
static struct value *kd_font_data(struct decode_ctx *ctx,
				  const struct console_font_op *f, bool bytes)
{
	uint64_t data = (uintptr_t)f->data;

	if (!bytes || !data)
		return value_ptr(ctx->arena, "data", data);
	if (f->op == KD_FONT_OP_SET_DEFAULT)
		return kd_font_name(ctx, data);
	return decode_buffer(ctx, "data", data, (uint64_t)f->charcount *
			     32 * ((f->width + 7) / 8), STR_HEX);
}

/* KDFONTOP: struct console_font_op with the fields its operation uses;
 * after a successful call, the fields the kernel writes back. */
static struct value *kd_fontop(struct decode_ctx *ctx, const char *name,
			       uint64_t arg)
{
	struct console_font_op f;
	struct value *v;
	bool known;
	unsigned op;

	if (!decode_read(ctx, name, arg, &f, sizeof(f), &v))
		return ctx->at_exit ? NULL : v;
	op = f.op;
	known = xlat_find(&xlat_kd_font_op, op) != NULL;
	if (ctx->at_exit && (op == KD_FONT_OP_SET || op == KD_FONT_OP_COPY))
		return NULL;
	v = value_struct(ctx->arena, name, arg);
	if (!ctx->at_exit)
		value_add(v, ioctl_enum(ctx, "op", op, &xlat_kd_font_op));
	if (!ctx->at_exit && op != KD_FONT_OP_SET_DEFAULT &&
	    op != KD_FONT_OP_COPY)
		value_add(v, ioctl_flags_value(ctx, "flags", f.flags,
					       &xlat_kd_font_flags));
	if (op != KD_FONT_OP_COPY)
		value_add(v, value_uint(ctx->arena, "width", f.width));
	value_add(v, value_uint(ctx->arena, "height", f.height));
	if (op == KD_FONT_OP_COPY)
		return v;
	if (op != KD_FONT_OP_SET_DEFAULT)
		value_add(v, value_uint(ctx->arena, "charcount", f.charcount));
	if (!ctx->at_exit || op != KD_FONT_OP_SET_DEFAULT)
		value_add(v, kd_font_data(ctx, &f, known &&
					  (op != KD_FONT_OP_GET) ==
					  !ctx->at_exit));
	return ctx->at_exit ? ioctl_inout_exit(ctx, name, v) : v;
}

struct value *ioctl_kd(struct decode_ctx *ctx, const char *name,
		       uint32_t req, uint64_t arg)
{
	struct value *v;

	switch (req) {
	case KDGKBENT: case KDSKBENT:
		return kd_kbentry(ctx, name, req, arg);
	case KDGETKEYCODE: case KDSETKEYCODE:
		return kd_keycode(ctx, name, req, arg);
	case KDKBDREP:
		return kd_kbdrep(ctx, name, arg);
	case KDGKBSENT: case KDSKBSENT:
		return kd_kbsentry(ctx, name, req, arg);
	case GIO_FONT: case GIO_CMAP: case GIO_SCRNMAP:
		return kd_table(ctx, name, req, arg, true);
	case PIO_FONT: case PIO_CMAP: case PIO_SCRNMAP:
		return kd_table(ctx, name, req, arg, false);
	case GIO_UNISCRNMAP: case PIO_UNISCRNMAP:
		return kd_uniscrnmap(ctx, name, req, arg);
	case PIO_UNIMAPCLR:
		return kd_unimapinit(ctx, name, arg);
	case GIO_UNIMAP: case PIO_UNIMAP:
		return kd_unimap(ctx, name, req, arg);
	case KDGKBDIACR: case KDSKBDIACR: case KDGKBDIACRUC: case KDSKBDIACRUC:
		return kd_diacrs(ctx, name, req, arg);
	case GIO_FONTX:
		return kd_fontx(ctx, name, arg);
	case KDFONTOP:
		return kd_fontop(ctx, name, arg);
	case KDGETLED: case KDGKBLED: case KDGKBTYPE:
		return kd_get(ctx, name, req, arg, 1);
	case KDGETMODE: case KDGKBMODE: case KDGKBMETA:
		return kd_get(ctx, name, req, arg, sizeof(int));
	}
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
	case KDSETMODE: case KDSKBMODE: case KDSKBMETA:
	case KDSETLED: case KDSKBLED:
		v = kd_number(ctx, req, arg);
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
