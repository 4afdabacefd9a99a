/* ptrace(2): which of addr and data show and how, as the request's line
 * in tables/consts/ptrace_request.list says; the structures behind data
 * (signal sets and infos, PTRACE_GET_SYSCALL_INFO, seccomp metadata,
 * PTRACE_PEEKSIGINFO); the register sets are in ptrace_regs.c. */
#include <linux/ptrace.h>
#include <stdint.h>
#include <string.h>

#include "arch.h"
#include "consts.h"
#include "decoders.h"
#include "ioctl_family.h"
#include "ptrace_regs.h"

#define SI_FITS(n, f) ((n) >= offsetof(struct ptrace_syscall_info, f) + \
		       sizeof(((struct ptrace_syscall_info *)0)->f))

#define PT_PID 1
#define PT_ADDR 2

/* Word i (0: addr, 1: data) of the request's column, or "" */
static const char *req_word(struct decode_ctx *ctx, uint64_t req, int i)
{
	const struct xlat_entry *e = xlat_find(&xlat_ptrace_request, req);
	const char *s = e && e->msg ? e->msg : "ptr ptr", *sp = strchr(s, ' ');

	if (i)
		return sp ? sp + 1 : "";
	return sp ? arena_printf(ctx->arena, "%.*s", (int)(sp - s), s) : s;
}

/* {off=0, flags=PTRACE_PEEKSIGINFO_SHARED, nr=4} */
static struct value *peekargs(struct decode_ctx *ctx, uint64_t addr)
{
	struct ptrace_peeksiginfo_args p;
	struct value *v;

	if (!decode_read(ctx, "addr", addr, &p, sizeof(p), &v))
		return v;
	v = value_struct(ctx->arena, "addr", addr);
	value_add(v, value_uint(ctx->arena, "off", p.off));
	value_add(v, ioctl_flags_value(ctx, "flags", p.flags,
				       &xlat_ptrace_peeksiginfo_flags));
	value_add(v, value_int(ctx->arena, "nr", p.nr));
	return v;
}

struct value *decode_ptrace_request(struct decode_ctx *ctx,
				    const struct arg_desc *a, uint64_t raw)
{
	const char *addr = req_word(ctx, raw, 0);
	uint64_t at = ctx->sc->raw_args[PT_ADDR];
	struct value *v = value_enum(ctx->arena, a->name, raw,
				     &xlat_ptrace_request, V_HEX);

	if (!v->u.en.sym)
		set_unknown_comment(ctx, v, &xlat_ptrace_request);
	if (!strcmp(addr, "only"))
		decode_end_args(ctx, 1);
	else if (!strcmp(addr, "pid"))
		decode_end_args(ctx, 2);
	else if (!strcmp(addr, "none"))
		decode_replace_arg(ctx, PT_ADDR, NULL);
	else if (!strcmp(addr, "size"))
		decode_replace_arg(ctx, PT_ADDR,
				   value_uint(ctx->arena, "addr", at));
	else if (!strcmp(addr, "nt"))
		decode_replace_arg(ctx, PT_ADDR, ioctl_enum(ctx, "addr",
				   (uint32_t)at, &xlat_nt_type));
	else if (!strcmp(addr, "peekargs"))
		decode_replace_arg(ctx, PT_ADDR, peekargs(ctx, at));
	return v;
}

/* entry={nr=__NR_chdir, args=[...]} or seccomp={..., ret_data=N}: the
 * call by its name in the personality arch names, and the arguments that
 * fit in n bytes. The entry and seccomp members begin alike. */
static struct value *syscall_call(struct decode_ctx *ctx, const char *name,
				  const struct ptrace_syscall_info *si,
				  uint64_t n, bool seccomp)
{
	const struct arch_personality *p = arch_personality_of(si->arch);
	const struct syscall_desc *d = NULL;
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, name, 0), *args = NULL;

	if (p->audit == si->arch)
		d = syscall_lookup(p->table, si->entry.nr);
	value_add(v, d ? value_symbol(ar, "nr", si->entry.nr, V_UINT,
				      arena_printf(ar, "__NR_%s", d->name)) :
		  value_uint(ar, "nr", si->entry.nr));
	for (unsigned i = 0; i < 6 && SI_FITS(n, entry.args[i]); i++) {
		if (!args)
			args = value_array(ar, "args", 0);
		value_add(args, value_hex(ar, NULL, si->entry.args[i]));
	}
	if (args)
		value_add(v, args);
	if (seccomp && SI_FITS(n, seccomp.ret_data))
		value_add(v, value_uint(ar, "ret_data", si->seccomp.ret_data));
	return v;
}

/* exit={rval=-ENOENT, is_error=1}: an error as its name only when
 * is_error fits too */
static struct value *syscall_exit(struct decode_ctx *ctx,
				  const struct ptrace_syscall_info *si,
				  uint64_t n)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, "exit", 0);
	bool has_err = SI_FITS(n, exit.is_error);
	int64_t rval = si->exit.rval;
	const char *err = has_err && si->exit.is_error && rval < 0 &&
			  rval > -4096 ? errno_name((int)-rval) : NULL;

	value_add(v, err ? value_symbol(ar, "rval", (uint64_t)rval, V_INT,
					arena_printf(ar, "-%s", err)) :
		  value_int(ar, "rval", rval));
	if (has_err)
		value_add(v, value_uint(ar, "is_error", si->exit.is_error));
	return v;
}

/* PTRACE_GET_SYSCALL_INFO: the fields that fit in what the kernel
 * wrote (the smaller of the size asked and the size returned) */
static struct value *syscall_info(struct decode_ctx *ctx, const char *name,
				  uint64_t addr)
{
	struct ptrace_syscall_info si;
	uint64_t n = ctx->sc->raw_args[PT_ADDR];
	struct arena *ar = ctx->arena;
	struct value *v;

	if ((uint64_t)ctx->sc->rval < n)
		n = (uint64_t)ctx->sc->rval;
	if (n > sizeof(si))
		n = sizeof(si);
	if (!n)
		return value_ptr(ar, name, addr);
	memset(&si, 0, sizeof(si));
	if (!decode_read(ctx, name, addr, &si, n, &v))
		return v;
	v = value_struct(ar, name, addr);
	value_add(v, ioctl_enum(ctx, "op", si.op,
				&xlat_ptrace_syscall_info_op));
#define FITS(f) SI_FITS(n, f)
	if (!FITS(arch))
		return v;
	value_add(v, ioctl_enum(ctx, "arch", si.arch, &xlat_audit_arch));
	if (!FITS(instruction_pointer))
		return v;
	value_add(v, value_hex(ar, "instruction_pointer",
			       si.instruction_pointer));
	if (!FITS(stack_pointer))
		return v;
	value_add(v, value_hex(ar, "stack_pointer", si.stack_pointer));
	if (si.op == PTRACE_SYSCALL_INFO_ENTRY && FITS(entry.nr))
		value_add(v, syscall_call(ctx, "entry", &si, n, false));
	else if (si.op == PTRACE_SYSCALL_INFO_SECCOMP && FITS(seccomp.nr))
		value_add(v, syscall_call(ctx, "seccomp", &si, n, true));
	else if (si.op == PTRACE_SYSCALL_INFO_EXIT && FITS(exit.rval))
		value_add(v, syscall_exit(ctx, &si, n));
#undef FITS
	return v;
}

/* {filter_off=N[, flags=...]}: the index asked, and at exit the flags */
static struct value *seccomp_meta(struct decode_ctx *ctx, const char *name,
				  uint64_t addr)
{
	struct {
		uint64_t filter_off, flags;
	} m;
	struct value *v;

	if (ctx->sc->raw_args[PT_ADDR] < sizeof(m.filter_off))
		return value_ptr(ctx->arena, name, addr);
	if (ctx->at_exit && ctx->sc->err)
		return decode_entry_value(ctx);
	if (!decode_read(ctx, name, addr, &m, ctx->at_exit ? sizeof(m) :
			 sizeof(m.filter_off), &v))
		return ctx->at_exit ? decode_entry_value(ctx) : v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_uint(ctx->arena, "filter_off", m.filter_off));
	if (ctx->at_exit)
		value_add(v, ioctl_flags_value(ctx, "flags", m.flags,
					       &xlat_seccomp_filter_flags));
	return v;
}

/* PTRACE_PEEKSIGINFO: as many siginfo_t as the call returned */
static struct value *siginfos(struct decode_ctx *ctx, const char *name,
			      uint64_t addr)
{
	struct value *v = value_array(ctx->arena, name, addr);

	for (int64_t i = 0; i < ctx->sc->rval; i++) {
		if (decode_array_full(ctx, (uint64_t)i)) {
			v->u.kids.elided = true;
			break;
		}
		value_add(v, siginfo_value(ctx, NULL, addr + i * 128));
	}
	return v;
}

/* What data shows at entry, for kinds known then */
static struct value *data_in(struct decode_ctx *ctx, const char *kind,
			     const char *name, uint64_t raw)
{
	if (!strcmp(kind, "signal"))
		return signal_value(ctx, name, (int)raw);
	if (!strcmp(kind, "hex"))
		return value_hex(ctx->arena, name, raw);
	if (!strcmp(kind, "options"))
		return ioctl_flags_value(ctx, name, raw, &xlat_ptrace_options);
	if (!strcmp(kind, "sigset_in"))
		return sigset_value(ctx, name, raw,
				    ctx->sc->raw_args[PT_ADDR]);
	if (!strcmp(kind, "siginfo_in"))
		return siginfo_value(ctx, name, raw);
	if (!strcmp(kind, "seccomp_meta"))
		return seccomp_meta(ctx, name, raw);
	return ptrace_regs_value(ctx, kind, name, raw, false);
}

/* What data shows at exit of a call that succeeded */
static struct value *data_out(struct decode_ctx *ctx, const char *kind,
			      const char *name, uint64_t raw)
{
	if (!strcmp(kind, "sigset_out"))
		return sigset_value(ctx, name, raw,
				    ctx->sc->raw_args[PT_ADDR]);
	if (!strcmp(kind, "siginfo_out"))
		return siginfo_value(ctx, name, raw);
	if (!strcmp(kind, "syscall_info"))
		return syscall_info(ctx, name, raw);
	if (!strcmp(kind, "seccomp_meta"))
		return seccomp_meta(ctx, name, raw);
	if (!strcmp(kind, "siginfos"))
		return siginfos(ctx, name, raw);
	if (!strcmp(kind, "eventmsg"))
		return int_ptr_value(ctx, name, raw, 8, false);
	if (!strcmp(kind, "peek"))
		return int_ptr_value(ctx, name, raw, 8, false);
	return ptrace_regs_value(ctx, kind, name, raw, true);
}

struct value *decode_ptrace_data(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	const char *kind = req_word(ctx, decode_param(ctx, a), 1);
	struct value *v;

	if (!ctx->at_exit) {
		v = data_in(ctx, kind, a->name, raw);
		return v ? v : value_ptr(ctx->arena, a->name, raw);
	}
	v = data_out(ctx, kind, a->name, raw);
	return v ? v : decode_entry_value(ctx);
}
