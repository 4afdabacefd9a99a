/* Dispatch from a syscall's signature to its argument decoders, and the
 * decoders of plain numbers, descriptors, strings and buffers. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "decoders.h"

enum phase { PHASE_ENTER, PHASE_EXIT };

static const struct {
	arg_decoder fn;
	enum phase phase;
} arg_types[ARG_TYPE_COUNT] = {
#define X(name, fn, phase) [ARG_##name] = { fn, phase },
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

void decode_syscall_enter(struct decode_ctx *ctx)
{
	struct syscall_event *sc = ctx->sc;
	bool boundary_found = false;

	if (!sc->desc)
		sc->desc = unknown_desc(ctx);
	sc->nargs = sc->desc->nargs;
	sc->nargs_enter = sc->nargs;
	for (unsigned i = 0; i < sc->nargs; i++) {
		const struct arg_desc *a = arg_of(sc->desc, i);

		if (arg_types[a->type].phase == PHASE_EXIT) {
			if (!boundary_found) {
				sc->nargs_enter = i;
				boundary_found = true;
			}
			continue;
		}
		/* decoded now, even if printed at exit: memory may change */
		sc->args[i] = arg_types[a->type].fn(ctx, a, sc->raw_args[i]);
	}
	/* a decoder may shorten the list (futex commands use fewer) */
	if (sc->nargs_enter > sc->nargs)
		sc->nargs_enter = sc->nargs;
}

void decode_syscall_exit(struct decode_ctx *ctx)
{
	struct syscall_event *sc = ctx->sc;

	for (unsigned i = 0; i < sc->nargs; i++) {
		const struct arg_desc *a = arg_of(sc->desc, i);

		if (arg_types[a->type].phase != PHASE_EXIT)
			continue;
		/* a failed call wrote nothing: show where it would have */
		if (sc->err || sc->ret_unknown)
			sc->args[i] = value_ptr(ctx->arena, a->name,
						sc->raw_args[i]);
		else
			sc->args[i] = arg_types[a->type].fn(ctx, a,
							    sc->raw_args[i]);
	}
	if (!sc->err && !sc->ret_unknown)
		sc->ret = arg_types[sc->desc->ret.type].fn(ctx, &sc->desc->ret,
							   (uint64_t)sc->rval);
}

uint64_t decode_param(const struct decode_ctx *ctx, const struct arg_desc *a)
{
	if (a->param == PARAM_RET)
		return (uint64_t)ctx->sc->rval;
	if (a->param >= 0 && a->param < MAX_ARGS)
		return ctx->sc->raw_args[a->param];
	return 0;
}

struct value *value_unavailable(struct decode_ctx *ctx, const char *name,
				uint64_t addr)
{
	return value_new(ctx->arena, V_UNAVAILABLE, name, addr);
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
	return value_flags(ctx->arena, a->name, (uint32_t)raw, a->xlat);
}

struct value *decode_enum(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	return value_enum(ctx->arena, a->name, (uint32_t)raw, a->xlat, V_HEX);
}

/* --- descriptors */

static const char *fd_path(struct decode_ctx *ctx, int fd)
{
	char link[64], target[PATH_MAX];
	ssize_t n;

	if (!ctx->opts->decode_fds || fd < 0 || !ctx->mem->pid)
		return NULL;
	snprintf(link, sizeof(link), "/proc/%d/fd/%d", ctx->mem->pid, fd);
	n = readlink(link, target, sizeof(target));
	if (n <= 0)
		return NULL;
	return arena_strndup(ctx->arena, target, (size_t)n);
}

struct value *decode_fd(struct decode_ctx *ctx, const struct arg_desc *a,
			uint64_t raw)
{
	struct value *v = value_new(ctx->arena, V_FD, a->name,
				    (uint64_t)(int64_t)(int32_t)raw);

	v->u.fd.path = fd_path(ctx, (int32_t)raw);
	return v;
}

struct value *decode_atfd(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	static const struct xlat_entry at_fdcwd[] = {
		{ (uint64_t)(int64_t)-100, "AT_FDCWD", NULL },
	};
	static const struct xlat at_fdcwd_xlat = { "atfd", at_fdcwd, 1 };

	if ((int32_t)raw == -100)
		return value_enum(ctx->arena, a->name,
				  (uint64_t)(int64_t)-100, &at_fdcwd_xlat,
				  V_INT);
	return decode_fd(ctx, a, raw);
}

/* --- strings and buffers */

struct value *decode_cstring(struct decode_ctx *ctx, const char *name,
			     uint64_t addr, size_t max)
{
	char *buf;
	ssize_t n;

	if (addr == 0)
		return value_ptr(ctx->arena, name, 0);
	buf = arena_alloc(ctx->arena, max + 1);
	n = tracee_read_str(ctx->mem, addr, buf, max);
	if (n < 0)
		return value_unavailable(ctx, name, addr);
	if ((size_t)n > max)
		return value_string(ctx->arena, name, addr, buf, max, true);
	return value_string(ctx->arena, name, addr, buf, (size_t)n, false);
}

struct value *decode_path(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	/* strace never cuts file names at -s */
	return decode_cstring(ctx, a->name, raw, PATH_MAX);
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
	uint64_t take = len;
	char *buf;
	struct value *v;

	if (addr == 0)
		return value_ptr(ctx->arena, name, 0);
	if (take > ctx->opts->string_limit)
		take = ctx->opts->string_limit;
	buf = arena_alloc(ctx->arena, take + 1);
	if (tracee_read(ctx->mem, addr, buf, take) != 0)
		return value_unavailable(ctx, name, addr);
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
