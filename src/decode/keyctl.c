/* keyctl(2): the operation, and its arguments by the kinds its line in
 * tables/consts/keyctl_cmd.list names: key serials, strings, buffers the
 * call reads or fills, and the structures of the Diffie-Hellman and
 * public key operations. */
#include <linux/keyctl.h>
#include <stdint.h>
#include <string.h>

#include "consts.h"
#include "decoders.h"
#include "ioctl_family.h"

#define KEYCTL_OP 0

/* The kind of argument i (1..4) of operation op, or NULL past the last */
static const char *arg_kind(struct decode_ctx *ctx, uint32_t op, unsigned i)
{
	const struct xlat_entry *e = xlat_find(&xlat_keyctl_cmd, op);
	const char *s = e && e->msg ? e->msg : "hex hex hex hex", *end;

	for (; i > 1 && *s; i--) {
		s = strchr(s, ' ');
		if (!s)
			return NULL;
		s++;
	}
	if (!*s)
		return NULL;
	end = strchr(s, ' ');
	return end ? arena_printf(ctx->arena, "%.*s", (int)(end - s), s) : s;
}

struct value *decode_keyctl_cmd(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	unsigned n = 0;

	while (n < 4 && arg_kind(ctx, (uint32_t)raw, n + 1))
		n++;
	decode_end_args(ctx, 1 + n);
	return ioctl_enum(ctx, a->name, (uint32_t)raw, &xlat_keyctl_cmd);
}

/* A key serial: KEY_SPEC_THREAD_KEYRING or a signed number */
static struct value *key_value(struct decode_ctx *ctx, const char *name,
			       uint64_t raw)
{
	const struct arg_desc d = { name, ARG_ENUMD, PARAM_NONE,
				    &xlat_key_spec };

	return decode_enumd(ctx, &d, raw);
}

/* A name from a set holding negative values, else the signed number
 * with the set's comment */
static struct value *signed_enum(struct decode_ctx *ctx, const char *name,
				 uint64_t raw, const struct xlat *x)
{
	int64_t v = (int32_t)raw;
	struct value *e = value_enum(ctx->arena, name, (uint64_t)v, x, V_INT);

	if (!e->u.en.sym)
		set_unknown_comment(ctx, e, x);
	return e;
}

static struct value *errno_arg(struct decode_ctx *ctx, const char *name,
			       uint64_t raw)
{
	uint32_t err = (uint32_t)raw;
	const char *sym = err && err < 4096 ? errno_name((int)err) : NULL;

	if (sym)
		return value_symbol(ctx->arena, name, err, V_UINT, sym);
	return value_uint(ctx->arena, name, err);
}

/* __spare=[...]: shown only when a word is set */
static void add_spare(struct decode_ctx *ctx, struct value *v,
		      const uint32_t *w, unsigned n)
{
	struct value *a;
	unsigned i;

	for (i = 0; i < n && !w[i]; i++)
		;
	if (i == n)
		return;
	a = value_array(ctx->arena, "__spare", 0);
	for (i = 0; i < n; i++)
		value_add(a, value_hex(ctx->arena, NULL, w[i]));
	value_add(v, a);
}

static struct value *dh_params(struct decode_ctx *ctx, const char *name,
			       uint64_t addr)
{
	struct keyctl_dh_params p;
	struct value *v;

	if (!decode_read(ctx, name, addr, &p, sizeof(p), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, key_value(ctx, "private", (uint32_t)p.private));
	value_add(v, key_value(ctx, "prime", (uint32_t)p.prime));
	value_add(v, key_value(ctx, "base", (uint32_t)p.base));
	return v;
}

static struct value *kdf_params(struct decode_ctx *ctx, const char *name,
				uint64_t addr)
{
	struct keyctl_kdf_params p;
	struct value *v;

	if (!decode_read(ctx, name, addr, &p, sizeof(p), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, decode_cstring(ctx, "hashname",
				    (uint64_t)(uintptr_t)p.hashname,
				    ctx->opts->string_limit));
	value_add(v, p.otherinfolen ?
		  decode_buffer(ctx, "otherinfo",
				(uint64_t)(uintptr_t)p.otherinfo,
				p.otherinfolen, STR_TEXT) :
		  value_ptr(ctx->arena, "otherinfo",
			    (uint64_t)(uintptr_t)p.otherinfo));
	value_add(v, value_uint(ctx->arena, "otherinfolen", p.otherinfolen));
	add_spare(ctx, v, p.__spare, 8);
	return v;
}

/* struct keyctl_pkey_params; verify's second length is in2_len */
static struct value *pkey_params(struct decode_ctx *ctx, const char *name,
				 uint64_t addr, bool verify)
{
	struct keyctl_pkey_params p;
	struct value *v;

	if (!decode_read(ctx, name, addr, &p, sizeof(p), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, key_value(ctx, "key_id", (uint32_t)p.key_id));
	value_add(v, value_uint(ctx->arena, "in_len", p.in_len));
	value_add(v, value_uint(ctx->arena, verify ? "in2_len" : "out_len",
				p.out_len));
	add_spare(ctx, v, p.__spare, 7);
	return v;
}

/* The in (or in2) buffer of a public key operation, sized by the
 * parameters the first argument points to */
static struct value *pkey_buf(struct decode_ctx *ctx, const char *name,
			      uint64_t addr, bool second)
{
	struct keyctl_pkey_params p;

	if (!addr || tracee_read(ctx->mem, ctx->sc->raw_args[1], &p,
				 sizeof(p)))
		return value_ptr(ctx->arena, name, addr);
	return decode_buffer(ctx, name, addr, second ? p.in2_len : p.in_len,
			     STR_TEXT);
}

/* What the call filled: n bytes, the smaller of its result and size */
static struct value *filled(struct decode_ctx *ctx, const char *kind,
			    const char *name, uint64_t addr, uint64_t size)
{
	uint64_t n = (uint64_t)ctx->sc->rval < size ?
		     (uint64_t)ctx->sc->rval : size;
	struct value *v, *e;
	unsigned char caps[2];

	if (!strcmp(kind, "rbuf"))
		return decode_buffer(ctx, name, addr, n, STR_TEXT);
	if (!strcmp(kind, "obuf")) {
		/* a string: up to its NUL */
		v = decode_buffer(ctx, name, addr, n, STR_TEXT);
		if (v->kind == V_STRING &&
		    memchr(v->u.str.bytes, 0, v->u.str.len)) {
			v->u.str.len = strlen(v->u.str.bytes);
			v->u.str.truncated = false;
		}
		return v;
	}
	/* caps: one byte of flags per word of capabilities */
	if (n > sizeof(caps))
		n = sizeof(caps);
	if (!decode_read(ctx, name, addr, caps, n, &v))
		return v;
	v = value_array(ctx->arena, name, addr);
	for (uint64_t i = 0; i < n; i++) {
		e = ioctl_flags_value(ctx, NULL, caps[i], i ?
				      &xlat_keyctl_caps1 : &xlat_keyctl_caps0);
		value_add(v, e);
	}
	return v;
}

static struct value *arg_in(struct decode_ctx *ctx, const char *kind,
			    const char *name, uint64_t raw, uint64_t next)
{
	struct arena *ar = ctx->arena;

	if (!strcmp(kind, "key"))
		return key_value(ctx, name, raw);
	if (!strcmp(kind, "int"))
		return value_int(ar, name, (int32_t)raw);
	if (!strcmp(kind, "uint"))
		return value_uint(ar, name, (uint32_t)raw);
	if (!strcmp(kind, "id"))
		return (uint32_t)raw == UINT32_MAX ? value_int(ar, name, -1) :
		       value_uint(ar, name, (uint32_t)raw);
	if (!strcmp(kind, "size"))
		return value_uint(ar, name, raw);
	if (!strcmp(kind, "hex"))
		return value_hex(ar, name, raw);
	if (!strcmp(kind, "str"))
		return decode_cstring(ctx, name, raw, ctx->opts->string_limit);
	if (!strcmp(kind, "buf"))
		return decode_buffer(ctx, name, raw, next, STR_TEXT);
	if (!strcmp(kind, "iov"))
		return iovec_value(ctx, name, raw, next, UINT64_MAX);
	if (!strcmp(kind, "perm"))
		return ioctl_flags_value(ctx, name, (uint32_t)raw,
					 &xlat_key_perm);
	if (!strcmp(kind, "reqkey"))
		return signed_enum(ctx, name, raw, &xlat_key_reqkey_defl);
	if (!strcmp(kind, "errno"))
		return errno_arg(ctx, name, raw);
	if (!strcmp(kind, "move"))
		return ioctl_flags_value(ctx, name, (uint32_t)raw,
					 &xlat_keyctl_move_flags);
	if (!strcmp(kind, "dh"))
		return dh_params(ctx, name, raw);
	if (!strcmp(kind, "kdf"))
		return kdf_params(ctx, name, raw);
	if (!strcmp(kind, "pkey"))
		return pkey_params(ctx, name, raw, false);
	if (!strcmp(kind, "in") || !strcmp(kind, "in2"))
		return pkey_buf(ctx, name, raw, kind[2] == '2');
	return value_ptr(ar, name, raw);
}

struct value *decode_keyctl_arg(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	uint32_t op = (uint32_t)ctx->sc->raw_args[KEYCTL_OP];
	const char *kind = arg_kind(ctx, op, ctx->cur);
	uint64_t next = ctx->cur + 1 < MAX_ARGS ?
			ctx->sc->raw_args[ctx->cur + 1] : 0;
	bool out;

	if (!kind)
		return NULL;
	/* the second pkey argument of verify names in2_len */
	if (!strcmp(kind, "pkey") && op == KEYCTL_PKEY_VERIFY)
		return ctx->at_exit ? decode_entry_value(ctx) :
		       pkey_params(ctx, a->name, raw, true);
	out = !strcmp(kind, "obuf") || !strcmp(kind, "rbuf") ||
	      !strcmp(kind, "caps");
	if (!ctx->at_exit)
		return out ? value_ptr(ctx->arena, a->name, raw) :
		       arg_in(ctx, kind, a->name, raw, next);
	if (!out || !raw)
		return decode_entry_value(ctx);
	return filled(ctx, kind, a->name, raw, next);
}
