/* Dispatch from a syscall's signature to its argument decoders, and the
 * decoders of plain numbers, descriptors, strings and buffers. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "decoders.h"
#include "fdinfo.h"

/* PHASE_BOTH types are decoded at entry and again at exit, where the
 * decoder finds its entry value in sc->args[i] (an in/out length). */
static const struct {
	arg_decoder fn;
	enum phase phase;
} arg_types[ARG_TYPE_COUNT] = {
#define X(name, fn, phase, props) [ARG_##name] = { fn, phase },
	ARG_TYPES(X)
#undef X
};


static const struct arg_desc raw_arg = { "arg", ARG_HEX, PARAM_NONE, NULL };

/* An unknown number gets a descriptor of its own, named as strace does. */
static const struct syscall_desc *unknown_desc(struct decode_ctx *ctx)
{
	struct syscall_desc *d = arena_alloc(ctx->arena, sizeof(*d));

	d->name = arena_printf(ctx->arena, "syscall_%#llx",
			       (unsigned long long)ctx->sc->nr);
	d->nargs = MAX_ARGS;
	d->raw = 1;
	d->ret = (struct arg_desc){ "ret", ARG_LONG, PARAM_NONE, NULL };
	return d;
}

static const struct arg_desc *arg_of(const struct syscall_desc *d, unsigned i)
{
	return d->raw ? &raw_arg : &d->args[i];
}

void decode_opts_for_syscall(struct decode_opts *o, uint64_t nr)
{
	o->verbose = o->abbrev_set && !syscall_set_has(o->abbrev_set, nr);
	o->deref = !o->verbose_set || syscall_set_has(o->verbose_set, nr);
	o->raw = o->raw_set && syscall_set_has(o->raw_set, nr);
}

/* Outside -e verbose= strace reads no structures, arrays or signal sets:
 * it shows their addresses, without what memory would have told ("23
 * vars"). */
static struct value *address_only(struct decode_ctx *ctx, struct value *v)
{
	switch (v->kind) {
	case V_STRUCT:
	case V_ARRAY:
	case V_SIGSET:
		return value_ptr(ctx->arena, v->name, v->raw);
	case V_PTR:
		return v->comment ? value_ptr(ctx->arena, v->name, v->raw) : v;
	default:
		return v;
	}
}

static struct value *maybe_deref(struct decode_ctx *ctx, struct value *v,
				 uint64_t raw)
{
	struct value *copy, *next;

	if (ctx->opts->deref || !v)
		return v;
	/* a structure that is not at the argument's address was put together
	 * by the decoder (rt_sigreturn's {mask=...}): only its parts that
	 * point to memory become addresses */
	if (v->kind != V_STRUCT || v->raw == raw)
		return address_only(ctx, v);
	copy = value_struct(ctx->arena, v->name, v->raw);
	copy->labelled = v->labelled;
	for (struct value *c = v->u.kids.first; c; c = next) {
		next = c->next;
		c->next = NULL;
		value_add(copy, address_only(ctx, c));
	}
	return copy;
}

/* -e raw=: every argument and the return value as hex, like strace's
 * undecoded calls. */
static void decode_raw_enter(struct decode_ctx *ctx)
{
	struct syscall_event *sc = ctx->sc;

	sc->nargs = sc->desc->nargs;
	sc->nargs_enter = sc->nargs;
	for (unsigned i = 0; i < sc->nargs; i++)
		sc->args[i] = value_hex(ctx->arena, arg_of(sc->desc, i)->name,
					sc->raw_args[i]);
}

void decode_syscall_enter(struct decode_ctx *ctx)
{
	struct syscall_event *sc = ctx->sc;
	bool boundary_found = false;

	ctx->at_exit = false;
	ctx->spent = 0;
	if (!sc->desc)
		sc->desc = unknown_desc(ctx);
	if (ctx->opts->raw) {
		decode_raw_enter(ctx);
		return;
	}
	sc->nargs = sc->desc->nargs;
	sc->nargs_enter = sc->nargs;
	ctx->replaced = 0;
	for (unsigned i = 0; i < sc->nargs; i++) {
		const struct arg_desc *a = arg_of(sc->desc, i);
		struct value *v;

		if (arg_types[a->type].phase != PHASE_ENTER &&
		    !boundary_found) {
			sc->nargs_enter = i;
			boundary_found = true;
		}
		if (arg_types[a->type].phase == PHASE_EXIT)
			continue;
		ctx->cur = i;
		/* decoded now, even if printed at exit: memory may change */
		v = ctx->replaced & (1u << i) ? sc->args[i] :
		    arg_types[a->type].fn(ctx, a, sc->raw_args[i]);
		sc->args[i] = maybe_deref(ctx, v, sc->raw_args[i]);
	}
	/* a decoder may shorten the list (futex commands use fewer) */
	if (sc->nargs_enter > sc->nargs)
		sc->nargs_enter = sc->nargs;
}

void decode_syscall_exit(struct decode_ctx *ctx)
{
	struct syscall_event *sc = ctx->sc;

	ctx->at_exit = true;
	ctx->spent = 0;
	if (ctx->opts->raw) {
		if (!sc->err && !sc->ret_unknown)
			sc->ret = value_hex(ctx->arena, "ret",
					    (uint64_t)sc->rval);
		return;
	}
	for (unsigned i = 0; i < sc->nargs; i++) {
		const struct arg_desc *a = arg_of(sc->desc, i);

		if (arg_types[a->type].phase == PHASE_ENTER)
			continue;
		ctx->cur = i;
		/* a failed call wrote nothing: show where it would have */
		if ((sc->err || sc->ret_unknown) &&
		    arg_types[a->type].phase == PHASE_BOTH)
			continue;
		if (sc->ret_unknown || (sc->err &&
		    !(arg_type_props(a->type) & ARGP_ON_ERROR)))
			sc->args[i] = value_ptr(ctx->arena, a->name,
						sc->raw_args[i]);
		else
			sc->args[i] = maybe_deref(ctx,
				arg_types[a->type].fn(ctx, a,
						      sc->raw_args[i]),
				sc->raw_args[i]);
	}
	if (!sc->err && !sc->ret_unknown)
		sc->ret = arg_types[sc->desc->ret.type].fn(ctx, &sc->desc->ret,
							   (uint64_t)sc->rval);
	if (!sc->err && !sc->ret_unknown &&
	    (ctx->opts->dump_read.any || ctx->opts->dump_write.any))
		decode_io_dump(ctx);
}

void decode_replace_arg(struct decode_ctx *ctx, unsigned i, struct value *v)
{
	if (i <= ctx->cur || i >= MAX_ARGS)
		return;
	ctx->sc->args[i] = v;
	ctx->replaced |= 1u << i;
}

void decode_end_args(struct decode_ctx *ctx, unsigned n)
{
	if (ctx->sc->nargs > n)
		ctx->sc->nargs = n;
}

uint64_t decode_param(const struct decode_ctx *ctx, const struct arg_desc *a)
{
	if (a->param == PARAM_RET)
		return (uint64_t)ctx->sc->rval;
	if (a->param >= 0 && a->param < MAX_ARGS)
		return ctx->sc->raw_args[a->param];
	return 0;
}

bool decode_spend(struct decode_ctx *ctx, uint64_t units)
{
	if (ctx->spent + units > DECODE_BUDGET) {
		ctx->spent = DECODE_BUDGET;
		return false;
	}
	ctx->spent += units;
	return true;
}

bool decode_array_full(struct decode_ctx *ctx, uint64_t i)
{
	uint64_t limit = ctx->opts->string_limit ? ctx->opts->string_limit : 1;

	return i >= limit || !decode_spend(ctx, 64);
}

struct value *value_unavailable(struct decode_ctx *ctx, const char *name,
				uint64_t addr)
{
	return value_new(ctx->arena, V_UNAVAILABLE, name, addr);
}

bool decode_read(struct decode_ctx *ctx, const char *name, uint64_t addr,
		 void *buf, size_t len, struct value **v)
{
	if (addr == 0) {
		*v = value_ptr(ctx->arena, name, 0);
		return false;
	}
	if (tracee_read(ctx->mem, addr, buf, len) != 0) {
		*v = value_unavailable(ctx, name, addr);
		return false;
	}
	return true;
}

/* --- plain numbers */

struct value *decode_int(struct decode_ctx *ctx, const struct arg_desc *a,
			 uint64_t raw)
{
	return value_int(ctx->arena, a->name, (int32_t)raw);
}

struct value *decode_uint(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	return value_uint(ctx->arena, a->name, (uint32_t)raw);
}

struct value *decode_long(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	return value_int(ctx->arena, a->name, (int64_t)raw);
}

struct value *decode_ulong(struct decode_ctx *ctx, const struct arg_desc *a,
			   uint64_t raw)
{
	return value_uint(ctx->arena, a->name, raw);
}

struct value *decode_hex(struct decode_ctx *ctx, const struct arg_desc *a,
			 uint64_t raw)
{
	return value_hex(ctx->arena, a->name, raw);
}

struct value *decode_uhex(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	return value_hex(ctx->arena, a->name, (uint32_t)raw);
}

/* mmap2 counts its offset in 4096-byte units whatever the page size */
struct value *decode_pgoff(struct decode_ctx *ctx, const struct arg_desc *a,
			   uint64_t raw)
{
	return value_hex(ctx->arena, a->name, raw * 4096);
}

struct value *decode_octal(struct decode_ctx *ctx, const struct arg_desc *a,
			   uint64_t raw)
{
	return value_new(ctx->arena, V_OCTAL, a->name, raw);
}

struct value *decode_ptr(struct decode_ctx *ctx, const struct arg_desc *a,
			 uint64_t raw)
{
	return value_ptr(ctx->arena, a->name, raw);
}

struct value *decode_none(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	return NULL;
}

struct value *decode_flags(struct decode_ctx *ctx, const struct arg_desc *a,
			   uint64_t raw)
{
	struct value *v = value_flags(ctx->arena, a->name, (uint32_t)raw,
				      a->xlat);

	/* nothing named: strace says which set it looked in */
	if (v->u.flags.count == 0 && v->u.flags.rest)
		set_unknown_comment(ctx, v, a->xlat);
	return v;
}

/* "CLOCK_???": the prefix the set's first names share, for the comment
 * strace writes after a value the set does not name. */
const char *unknown_comment(struct decode_ctx *ctx, const struct xlat *x)
{
	const char *a, *b;
	size_t n = 0, cut = 0;

	if (!x)
		return NULL;
	if (x->unknown)	/* "-": strace writes no comment for this set */
		return strcmp(x->unknown, "-") ? x->unknown : NULL;
	if (x->n < 2)
		return NULL;
	a = x->e[0].name;
	b = x->e[1].name;
	while (a[n] && a[n] == b[n]) {
		if (a[n] == '_')
			cut = n + 1;
		n++;
	}
	if (!cut)
		return NULL;
	return arena_printf(ctx->arena, "%.*s???", (int)cut, a);
}

void set_unknown_comment(struct decode_ctx *ctx, struct value *v,
			 const struct xlat *x)
{
	v->comment = unknown_comment(ctx, x);
	v->comment_xlat = true;
}

struct value *decode_enum(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	struct value *v = value_enum(ctx->arena, a->name, (uint32_t)raw,
				     a->xlat, V_HEX);

	/* a negative int names entries like RUSAGE_CHILDREN (-1) */
	if (!v->u.en.sym && a->xlat)
		v->u.en.sym = xlat_name(a->xlat,
					(uint64_t)(int64_t)(int32_t)raw);
	if (!v->u.en.sym)
		set_unknown_comment(ctx, v, a->xlat);
	return v;
}

struct value *decode_enumd(struct decode_ctx *ctx, const struct arg_desc *a,
			   uint64_t raw)
{
	struct value *v = decode_enum(ctx, a, raw);

	v->u.en.fallback = V_INT;
	v->raw = (uint64_t)(int64_t)(int32_t)raw;
	return v;
}

/* --- descriptors */

static const struct fdinfo_source *fd_source(const struct decode_ctx *ctx)
{
	return ctx->fds ? ctx->fds : &fdinfo_proc;
}

/* -yy describes a device as "/dev/zero<char 1:5>": the path and the
 * device go apart, so that -P compares the path and formatters escape
 * it alone. */
static void split_device(struct decode_ctx *ctx, struct value *v)
{
	const char *p = v->u.fd.path, *lt;
	size_t n;

	if (!p || p[0] != '/')
		return;
	n = strlen(p);
	lt = strrchr(p, '<');
	if (n < 2 || p[n - 1] != '>' || !lt ||
	    (strncmp(lt, "<char ", 6) != 0 && strncmp(lt, "<block ", 7) != 0))
		return;
	v->u.fd.dev = arena_strndup(ctx->arena, lt + 1,
				    n - (size_t)(lt - p) - 2);
	v->u.fd.path = arena_strndup(ctx->arena, p, (size_t)(lt - p));
}

struct value *decode_fd(struct decode_ctx *ctx, const struct arg_desc *a,
			uint64_t raw)
{
	struct value *v = value_new(ctx->arena, V_FD, a->name,
				    (uint64_t)(int64_t)(int32_t)raw);

	if (ctx->opts->decode_fds) {
		v->u.fd.path = fd_source(ctx)->describe(fd_source(ctx),
				ctx->arena, ctx->mem->pid, (int32_t)raw,
				ctx->opts->decode_fds);
		split_device(ctx, v);
	}
	return v;
}

struct value *decode_atfd(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	struct value *v;

	if ((int32_t)raw != -100)
		return decode_fd(ctx, a, raw);
	/* -y shows the working directory: AT_FDCWD</tmp> */
	v = value_new(ctx->arena, V_FD, a->name, (uint64_t)(int64_t)-100);
	v->u.fd.sym = "AT_FDCWD";
	if ((ctx->opts->decode_fds & DECODE_FD_PATH) && ctx->mem->pid)
		v->u.fd.path = fd_source(ctx)->cwd(fd_source(ctx), ctx->arena,
						   ctx->mem->pid);
	return v;
}

/* --- strings and buffers */

/* The first read of a string: a path or a short argument fits. */
#define STR_FIRST_READ 4096

/* The bytes the stop may still decode. */
static uint64_t budget_left(const struct decode_ctx *ctx)
{
	return ctx->spent < DECODE_BUDGET ? DECODE_BUDGET - ctx->spent : 0;
}

/* What reading len bytes at addr cost: tracee_read_str reads whole page
 * ends, never past what was asked. */
static size_t read_through_page(uint64_t addr, size_t len, size_t asked)
{
	uint64_t end = (addr + len + 4095) & ~(uint64_t)4095;

	return end - addr < asked ? (size_t)(end - addr) : asked;
}

/* Reads a string of at most want bytes at addr into the arena, growing
 * the buffer as the string goes on: memory follows the bytes really
 * there, not -s. Returns its length, want + 1 when no NUL came within
 * want bytes, or -1 if it cannot be read; *out is the buffer, *asked
 * the bytes read from the tracee: reads go to the end of a page, so a
 * short string costs more than its length. */
static ssize_t read_cstring(struct decode_ctx *ctx, uint64_t addr,
			    size_t want, char **out, size_t *asked)
{
	size_t cap = want < STR_FIRST_READ ? want + 1 : STR_FIRST_READ;
	size_t done = 0;
	char *buf = arena_alloc_bytes(ctx->arena, cap);
	ssize_t n;

	*asked = 0;
	for (;;) {
		*asked += cap - done;
		n = tracee_read_str(ctx->mem, addr + done, buf + done,
				    cap - 1 - done);
		if (n < 0) {
			arena_shrink(ctx->arena, buf, cap, 0);
			return -1;
		}
		if ((size_t)n <= cap - 1 - done || cap == want + 1)
			break;
		/* no NUL yet: continue in a buffer four times larger */
		size_t bigger = cap > (want + 1) / 4 ? want + 1 : cap * 4;
		char *grown = arena_alloc_bytes(ctx->arena, bigger);

		done = cap - 1;
		memcpy(grown, buf, done);
		buf = grown;
		cap = bigger;
	}
	*out = buf;
	n += (ssize_t)done;
	arena_shrink(ctx->arena, buf, cap, (size_t)n + 1);
	*asked = read_through_page(addr, (size_t)n + 1, *asked);
	return n;
}

/* A string of at most max bytes. The stop's budget is charged the bytes
 * asked of the tracee (what reading cost, not -s); a string the budget
 * cuts is marked as cut ("..."), as -s does. */
struct value *decode_cstring(struct decode_ctx *ctx, const char *name,
			     uint64_t addr, size_t max)
{
	size_t want = max, asked;
	char *buf;
	ssize_t n;

	if (addr == 0)
		return value_ptr(ctx->arena, name, 0);
	if (want > budget_left(ctx))
		want = (size_t)budget_left(ctx);
	n = read_cstring(ctx, addr, want, &buf, &asked);
	if (n < 0) {
		decode_spend(ctx, asked);
		return value_unavailable(ctx, name, addr);
	}
	if ((size_t)n > want) {
		decode_spend(ctx, asked);
		buf[want] = 0;
		return value_string(ctx->arena, name, addr, buf, want, true);
	}
	decode_spend(ctx, asked);
	buf[n] = 0;
	return value_string(ctx->arena, name, addr, buf, (size_t)n, false);
}

struct value *decode_path(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	/* strace never cuts file names at -s, only at PATH_MAX - 1 */
	return decode_cstring(ctx, a->name, raw, PATH_MAX - 1);
}

struct value *decode_str(struct decode_ctx *ctx, const struct arg_desc *a,
			 uint64_t raw)
{
	return decode_cstring(ctx, a->name, raw, ctx->opts->string_limit);
}

struct value *decode_buffer(struct decode_ctx *ctx, const char *name,
			    uint64_t addr, uint64_t len,
			    enum string_style style)
{
	uint64_t take = len, want;
	char *buf;
	struct value *v;

	if (addr == 0)
		return value_ptr(ctx->arena, name, 0);
	if (take > ctx->opts->string_limit)
		take = ctx->opts->string_limit;
	/* what the budget cuts is marked as cut, like -s */
	if (take > budget_left(ctx))
		take = budget_left(ctx);
	/* a buffer longer than shown is read one byte further, as strace
	 * does: when that byte cannot be read, the address shows */
	want = len > take && take < budget_left(ctx) ? take + 1 : take;
	decode_spend(ctx, want);
	buf = arena_alloc_bytes(ctx->arena, want + 1);
	if (tracee_read(ctx->mem, addr, buf, want) != 0)
		return value_unavailable(ctx, name, addr);
	buf[take] = 0;
	v = value_string(ctx->arena, name, addr, buf, take, len > take);
	v->u.str.style = style;
	return v;
}

struct value *decode_ibuf(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	return decode_buffer(ctx, a->name, raw, decode_param(ctx, a),
			     STR_TEXT);
}

struct value *decode_obuf(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	return decode_buffer(ctx, a->name, raw, decode_param(ctx, a),
			     STR_TEXT);
}

struct value *decode_obuf_hex(struct decode_ctx *ctx,
			      const struct arg_desc *a, uint64_t raw)
{
	return decode_buffer(ctx, a->name, raw, decode_param(ctx, a),
			     STR_HEX);
}
