/* Decoders for ioctl(2): the request (names from tables/ioctls.<arch> and
 * the hand-kept list, _IOC(...) otherwise) and its third argument, by
 * the kind lists of tables/consts/ioctl_*.list; terminals' structs. */
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>

#include "consts.h"
#include "ioctl_family.h"

/* The families strace decodes, by _IOC type byte. */
static const struct {
	uint8_t type;
	ioctl_family_fn fn;
} ioctl_families[] = {
	{ 0x03, ioctl_hdio },
	{ 0x12, ioctl_block },
	{ '=', ioctl_ptp },
	{ 'E', ioctl_evdev },
	{ 'L', ioctl_loop },
	{ 'K', ioctl_kd },
	{ '!', ioctl_seccomp },
	{ 0x3e, ioctl_counter },
	{ 'O', ioctl_ubi },
	{ 'i', ioctl_lirc },
	{ 'o', ioctl_ubi },
	{ 'p', ioctl_rtc },
	{ 0xb4, ioctl_gpio },
	{ 'X', ioctl_fs_x },
	{ 'T', ioctl_termios },
	{ 0xaa, ioctl_uffdio },
	{ 0x89, ioctl_sock },
	{ 0xae, ioctl_kvm },
	{ 0x22, ioctl_scsi },
};

/* A request's name: the hand-kept list first (names strace prints
 * differently from the headers), then the headers' names. Requests
 * without a name print as strace prints them: _IOC(dir, type, nr, size).
 * Some requests take no argument at all. */
struct value *decode_ioctl_cmd(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	uint32_t req = (uint32_t)raw;
	const struct xlat_entry *e = xlat_find(&xlat_ioctl_cmd, req);
	unsigned dir = req >> 30;
	const char *dirs;

	/* after a successful call: a return value strace names */
	if (ctx->at_exit) {
		if (xlat_find(&xlat_ioctl_ret_ns_type, req))
			ctx->sc->ret_note = value_enum(ctx->arena, NULL,
						       (uint64_t)ctx->sc->rval,
						       &xlat_clone_ns_flags,
						       V_HEX);
		return decode_entry_value(ctx);
	}
	if (xlat_find(&xlat_ioctl_noarg, req))
		decode_end_args(ctx, 2);
	/* evdev's numbered requests are named with their number */
	if (!e && ((req >> 8) & 0xff) == 'E') {
		const char *s = ioctl_evdev_name(ctx, req, true);
		struct value *v;

		if (s) {
			v = value_symbol(ctx->arena, a->name, req, V_HEX, s);
			v->u.en.sym_verbose = ioctl_evdev_name(ctx, req,
							       false);
			return v;
		}
	}
	if (!e)
		e = xlat_find_sorted(&xlat_ioctl_request, req);
	if (e)
		return value_symbol(ctx->arena, a->name, req, V_HEX,
				    e->msg ? e->msg : e->name);
	dirs = dir == 0 ? "_IOC_NONE" : dir == 1 ? "_IOC_WRITE" :
	       dir == 2 ? "_IOC_READ" : "_IOC_READ|_IOC_WRITE";
	/* a symbol, so that -X raw prints the number and -X verbose both */
	return value_symbol(ctx->arena, a->name, req, V_HEX,
			    arena_printf(ctx->arena, "_IOC(%s, %#x, %#x, %#x)",
					 dirs, (req >> 8) & 0xff, req & 0xff,
					 (req >> 16) & 0x3fff));
}

/* The return value: a new descriptor for the requests that make one
 * (KVM_CREATE_VM), a number otherwise. */
struct value *decode_ioctl_ret(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	uint32_t req = (uint32_t)ctx->sc->raw_args[1];

	if (xlat_find(&xlat_ioctl_ret_fd, req))
		return decode_fd(ctx, a, raw);
	return decode_long(ctx, a, raw);
}

/* --- ioctl arguments */

static struct value *winsize_value(struct decode_ctx *ctx, const char *name,
				   uint64_t addr)
{
	struct winsize ws;
	struct value *v;

	if (tracee_read(ctx->mem, addr, &ws, sizeof(ws)) != 0)
		return value_unavailable(ctx, name, addr);
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_uint(ctx->arena, "ws_row", ws.ws_row));
	value_add(v, value_uint(ctx->arena, "ws_col", ws.ws_col));
	value_add(v, value_uint(ctx->arena, "ws_xpixel", ws.ws_xpixel));
	value_add(v, value_uint(ctx->arena, "ws_ypixel", ws.ws_ypixel));
	return v;
}


/* The third argument: what a request reads is shown from entry, what it
 * returns from a successful exit (PHASE_BOTH). */
/* How a request's third argument prints, by the lists of requests in
 * tables/consts/ioctl_*.list. */
enum ioctl_arg_kind {
	IOCTL_INT_IN,		/* [N] read at entry */
	IOCTL_INT_OUT,		/* [N] written by a successful call */
	IOCTL_U64_IN,		/* [N], 64-bit unsigned, read at entry */
	IOCTL_U64_OUT,
	IOCTL_INT,		/* the argument is an int: decimal */
	IOCTL_ULONG,		/* the argument is an unsigned long: decimal */
	IOCTL_FD,		/* the argument is a descriptor */
	IOCTL_NUMBER,		/* strace shows a plain hex number */
	IOCTL_PTR,		/* a struct shown as its address */
	IOCTL_FLAGS,		/* the argument is a set of flags */
	IOCTL_FLAGS_IN,		/* [flags] read at entry */
	IOCTL_FLAGS_OUT,	/* [flags] written by a successful call */
	IOCTL_FIEMAP,		/* struct fiemap, then the extents mapped */
	IOCTL_RAND_POOL,	/* struct rand_pool_info: counts, then bytes */
	IOCTL_U64_PAIR_IN,	/* [start, length] read at entry */
};

static const struct {
	const struct xlat *reqs;
	enum ioctl_arg_kind kind;
	const struct xlat *flags;	/* IOCTL_FLAGS* */
} ioctl_arg_kinds[] = {
	{ &xlat_ioctl_int_in, IOCTL_INT_IN, NULL },
	{ &xlat_ioctl_int_out, IOCTL_INT_OUT, NULL },
	{ &xlat_ioctl_u64_in, IOCTL_U64_IN, NULL },
	{ &xlat_ioctl_u64_out, IOCTL_U64_OUT, NULL },
	{ &xlat_ioctl_int_arg, IOCTL_INT, NULL },
	{ &xlat_ioctl_ulong_arg, IOCTL_ULONG, NULL },
	{ &xlat_ioctl_fd_arg, IOCTL_FD, NULL },
	{ &xlat_ioctl_numeric_arg, IOCTL_NUMBER, NULL },
	{ &xlat_ioctl_ptr_arg, IOCTL_PTR, NULL },
	{ &xlat_ioctl_tiocm_in, IOCTL_FLAGS_IN, &xlat_tiocm_flags },
	{ &xlat_ioctl_tiocm_out, IOCTL_FLAGS_OUT, &xlat_tiocm_flags },
	{ &xlat_ioctl_nbd_flags_arg, IOCTL_FLAGS, &xlat_nbd_flags },
	{ &xlat_ioctl_perf_flags_arg, IOCTL_FLAGS, &xlat_perf_ioc_flags },
	{ &xlat_ioctl_fs_flags_in, IOCTL_FLAGS_IN, &xlat_fs_flags },
	{ &xlat_ioctl_fs_flags_out, IOCTL_FLAGS_OUT, &xlat_fs_flags },
	{ &xlat_ioctl_fiemap_arg, IOCTL_FIEMAP, NULL },
	{ &xlat_ioctl_rand_pool_arg, IOCTL_RAND_POOL, NULL },
	{ &xlat_ioctl_u64_pair_in, IOCTL_U64_PAIR_IN, NULL },
};

struct value *ioctl_flags_value(struct decode_ctx *ctx, const char *name,
				uint64_t raw, const struct xlat *x)
{
	struct value *v = value_flags(ctx->arena, name, raw, x);

	if (v->u.flags.count == 0 && v->u.flags.rest)
		set_unknown_comment(ctx, v, x);
	return v;
}

struct value *ioctl_enum(struct decode_ctx *ctx, const char *name,
			 uint64_t v, const struct xlat *x)
{
	struct value *e = value_enum(ctx->arena, name, v, x, V_HEX);

	if (!e->u.en.sym)
		set_unknown_comment(ctx, e, x);
	return e;
}

bool ioctl_out_ready(struct decode_ctx *ctx, const char *name, uint64_t arg,
		     struct value **v)
{
	if (ctx->at_exit)
		return true;
	*v = value_ptr(ctx->arena, name, arg);
	return false;
}

struct value *ioctl_cstring(struct decode_ctx *ctx, const char *name,
			    uint64_t addr, const char *buf, size_t size)
{
	size_t len = strnlen(buf, size), max = size ? size - 1 : 0;
	bool cut = len > max;
	char *copy;

	if (len > max)
		len = max;
	copy = arena_alloc(ctx->arena, len + 1);
	memcpy(copy, buf, len);
	copy[len] = 0;
	return value_string(ctx->arena, name, addr, copy, len, cut);
}

struct value *ioctl_bit_flags(struct decode_ctx *ctx, const char *name,
			      uint64_t raw, const struct xlat *bits,
			      const char *shift)
{
	struct value *v = value_new(ctx->arena, V_FLAGS, name, raw);
	const char **names = arena_alloc(ctx->arena,
					 (bits->n + 1) * sizeof(char *));

	v->u.flags.names = names;
	for (unsigned i = 0; i < bits->n; i++) {
		uint64_t bit = 1ull << bits->e[i].value;

		if (bits->e[i].value > 63 || !(raw & bit))
			continue;
		names[v->u.flags.count++] = arena_printf(ctx->arena, "1%s%s",
							 shift,
							 bits->e[i].name);
		raw &= ~bit;
	}
	v->u.flags.rest = raw;
	if (v->u.flags.count == 0 && raw)
		set_unknown_comment(ctx, v, bits);
	return v;
}

struct value *ioctl_inout_entry(struct decode_ctx *ctx, const char *name,
				uint64_t addr, struct value *in)
{
	return value_inout(ctx->arena, name, in,
			   value_ptr(ctx->arena, name, addr));
}

struct value *ioctl_inout_exit(struct decode_ctx *ctx, const char *name,
			       struct value *out)
{
	struct value *in = decode_entry_value(ctx);

	if (in && in->kind == V_INOUT)
		in = in->u.kids.first;
	if (!in || in->kind == V_PTR || in->kind == V_UNAVAILABLE)
		return out;
	return value_inout(ctx->arena, name, in, out);
}

/* The family of req's type byte: its value, or NULL when it has none. */
static struct value *ioctl_family_arg(struct decode_ctx *ctx,
				      const char *name, uint32_t req,
				      uint64_t arg)
{
	for (size_t i = 0; i < sizeof(ioctl_families) /
			       sizeof(ioctl_families[0]); i++)
		if (ioctl_families[i].type == ((req >> 8) & 0xff))
			return ioctl_families[i].fn(ctx, name, req, arg);
	return NULL;
}

static struct value *ioctl_flags_ptr(struct decode_ctx *ctx,
				     const char *name, uint64_t addr,
				     const struct xlat *x)
{
	struct value *v;
	uint32_t bits;

	if (addr == 0)
		return value_ptr(ctx->arena, name, 0);
	if (tracee_read(ctx->mem, addr, &bits, sizeof(bits)) != 0)
		return value_unavailable(ctx, name, addr);
	v = value_array(ctx->arena, name, addr);
	value_add(v, ioctl_flags_value(ctx, NULL, bits, x));
	return v;
}

/* FS_IOC_FIEMAP: what the call is asked at entry; after a successful
 * call, what it mapped (the extents themselves with -v). */
static struct value *fiemap_extents(struct decode_ctx *ctx, uint64_t addr,
				    uint32_t count)
{
	struct fiemap_extent fe;
	struct arena *ar = ctx->arena;
	struct value *v;

	if (tracee_read(ctx->mem, addr, &fe, sizeof(fe)) != 0)
		return value_ptr(ar, "fm_extents", addr);
	v = value_array(ar, "fm_extents", addr);
	for (uint32_t i = 0; i < count; i++, addr += sizeof(fe)) {
		struct value *e;

		if (i && tracee_read(ctx->mem, addr, &fe, sizeof(fe)) != 0) {
			v->u.kids.elided = true;
			v->u.kids.unread_at = addr;
			break;
		}
		if (decode_array_full(ctx, i)) {
			v->u.kids.elided = true;
			break;
		}
		e = value_struct(ar, NULL, addr);
		value_add(e, value_uint(ar, "fe_logical", fe.fe_logical));
		value_add(e, value_uint(ar, "fe_physical", fe.fe_physical));
		value_add(e, value_uint(ar, "fe_length", fe.fe_length));
		value_add(e, ioctl_flags_value(ctx, "fe_flags", fe.fe_flags,
					       &xlat_fiemap_extent_flags));
		value_add(v, e);
	}
	return v;
}

static struct value *fiemap_value(struct decode_ctx *ctx, const char *name,
				  uint64_t addr)
{
	struct arena *ar = ctx->arena;
	struct fiemap fm;
	struct value *v, *after;

	if (!decode_read(ctx, name, addr, &fm, sizeof(fm), &v))
		return v;
	if (!ctx->at_exit) {
		v = value_struct(ar, name, addr);
		value_add(v, value_uint(ar, "fm_start", fm.fm_start));
		value_add(v, value_uint(ar, "fm_length", fm.fm_length));
		value_add(v, ioctl_flags_value(ctx, "fm_flags", fm.fm_flags,
					       &xlat_fiemap_flags));
		value_add(v, value_uint(ar, "fm_extent_count",
					fm.fm_extent_count));
		return v;
	}
	after = value_struct(ar, name, addr);
	value_add(after, ioctl_flags_value(ctx, "fm_flags", fm.fm_flags,
					   &xlat_fiemap_flags));
	value_add(after, value_uint(ar, "fm_mapped_extents",
				    fm.fm_mapped_extents));
	if (ctx->opts->verbose)
		value_add(after, fiemap_extents(ctx, addr + sizeof(fm),
						fm.fm_mapped_extents));
	else
		after->u.kids.elided = true;
	if (!decode_entry_value(ctx))
		return after;
	return value_inout(ar, name, decode_entry_value(ctx), after);
}

/* RNDADDENTROPY: the entropy credited and the bytes added */
static struct value *rand_pool_value(struct decode_ctx *ctx, const char *name,
				     uint64_t addr)
{
	struct arena *ar = ctx->arena;
	int32_t head[2];
	struct value *v;
	size_t len;
	char *buf;

	if (!decode_read(ctx, name, addr, head, sizeof(head), &v))
		return v;
	v = value_struct(ar, name, addr);
	value_add(v, value_int(ar, "entropy_count", head[0]));
	value_add(v, value_int(ar, "buf_size", head[1]));
	len = head[1] < 0 ? 0 : (size_t)head[1];
	if (len > ctx->opts->string_limit)
		len = ctx->opts->string_limit;
	buf = arena_alloc(ar, len + 1);
	if (len && tracee_read(ctx->mem, addr + sizeof(head), buf, len) != 0) {
		value_add(v, value_ptr(ar, "buf", addr + sizeof(head)));
		return v;
	}
	value_add(v, value_string(ar, "buf", addr + sizeof(head), buf, len,
				  len < (size_t)(head[1] < 0 ? 0 : head[1])));
	return v;
}

static struct value *ioctl_kind_arg(struct decode_ctx *ctx,
				    const struct arg_desc *a, uint64_t raw,
				    enum ioctl_arg_kind kind,
				    const struct xlat *flags)
{
	struct arg_desc fd = { a->name, ARG_FD, PARAM_NONE, NULL };
	bool out = kind == IOCTL_INT_OUT || kind == IOCTL_U64_OUT ||
		   kind == IOCTL_FLAGS_OUT;

	if (kind == IOCTL_FIEMAP)
		return fiemap_value(ctx, a->name, raw);
	if (kind == IOCTL_RAND_POOL)
		return rand_pool_value(ctx, a->name, raw);

	if (ctx->at_exit && (!out || !decode_entry_value(ctx)))
		return decode_entry_value(ctx);
	if (out && !ctx->at_exit)
		return value_ptr(ctx->arena, a->name, raw);
	switch (kind) {
	case IOCTL_INT_IN:
	case IOCTL_INT_OUT:
		return int_ptr_value(ctx, a->name, raw, 4, true);
	case IOCTL_U64_IN:
	case IOCTL_U64_OUT:
		return int_ptr_value(ctx, a->name, raw, 8, false);
	case IOCTL_INT:
		return value_int(ctx->arena, a->name, (int32_t)raw);
	case IOCTL_ULONG:
		return value_uint(ctx->arena, a->name, raw);
	case IOCTL_FD:
		return decode_fd(ctx, &fd, (uint32_t)raw);
	case IOCTL_FLAGS:
		return ioctl_flags_value(ctx, a->name, (uint32_t)raw, flags);
	case IOCTL_FLAGS_IN:
	case IOCTL_FLAGS_OUT:
		return ioctl_flags_ptr(ctx, a->name, raw, flags);
	case IOCTL_U64_PAIR_IN: {
		uint64_t pair[2];
		struct value *v;

		if (!decode_read(ctx, a->name, raw, pair, sizeof(pair), &v))
			return v;
		v = value_array(ctx->arena, a->name, raw);
		value_add(v, value_uint(ctx->arena, NULL, pair[0]));
		value_add(v, value_uint(ctx->arena, NULL, pair[1]));
		return v;
	}
	case IOCTL_PTR:
		return value_ptr(ctx->arena, a->name, raw);
	case IOCTL_FIEMAP:
	case IOCTL_RAND_POOL:
	case IOCTL_NUMBER:
		break;
	}
	return value_hex(ctx->arena, a->name, raw);
}

struct value *decode_ioctl_arg(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	struct value *before = decode_entry_value(ctx);
	uint32_t req = (uint32_t)ctx->sc->raw_args[1];
	struct value *v = ioctl_family_arg(ctx, a->name, req, raw);

	if (v)
		return v;

	for (size_t i = 0; i < sizeof(ioctl_arg_kinds) / sizeof(ioctl_arg_kinds[0]); i++)
		if (xlat_find(ioctl_arg_kinds[i].reqs, req))
			return ioctl_kind_arg(ctx, a, raw,
					      ioctl_arg_kinds[i].kind,
					      ioctl_arg_kinds[i].flags);
	switch (req) {
	case TIOCGWINSZ:
		if (!ctx->at_exit)
			return value_ptr(ctx->arena, a->name, raw);
		return winsize_value(ctx, a->name, raw);
	default:
		break;
	}
	if (ctx->at_exit && before)
		return before;
	switch (req) {
	case TIOCSWINSZ:
		return winsize_value(ctx, a->name, raw);
	case TCXONC:
		return value_enum(ctx->arena, a->name, (uint32_t)raw,
				  &xlat_tcxonc_arg, V_INT);
	case TCFLSH:
		return value_enum(ctx->arena, a->name, (uint32_t)raw,
				  &xlat_tcflsh_arg, V_INT);
	default:
		/* what strace does not decode it prints as a number */
		return value_hex(ctx->arena, a->name, raw);
	}
}
