/* Decoders for signals: names, sets, struct sigaction, siginfo. */
#include <signal.h>
#include <stddef.h>
#include <string.h>

#include "arch.h"
#include "consts.h"
#include "decoders.h"

struct value *signal_value(struct decode_ctx *ctx, const char *name, int sig)
{
	char buf[16];
	const char *sym = signal_name(sig, buf);
	struct value *v = value_new(ctx->arena, V_ENUM, name,
				    (uint64_t)(int64_t)sig);

	v->u.en.sym = sym ? arena_strndup(ctx->arena, sym, strlen(sym)) : NULL;
	v->u.en.fallback = V_INT;
	return v;
}

struct value *decode_signal(struct decode_ctx *ctx, const struct arg_desc *a,
			    uint64_t raw)
{
	return signal_value(ctx, a->name, (int32_t)raw);
}

/* Kernel sigsets are at most this large on any architecture we support. */
#define SIGSET_MAX_BYTES 16

static struct value *sigset_from_bytes(struct decode_ctx *ctx,
				       const char *name, uint64_t addr,
				       const unsigned char *bytes,
				       unsigned size)
{
	struct value *v = value_new(ctx->arena, V_SIGSET, name, addr);
	unsigned nsig = size * 8, set = 0;
	bool complement;
	char buf[16];

	for (unsigned i = 0; i < nsig; i++)
		if (bytes[i / 8] & (1u << (i % 8)))
			set++;
	/* strace shows a mostly-full set by what it lacks */
	complement = set > nsig / 2;
	v->u.sigset.complement = complement;
	v->u.sigset.names = arena_alloc(ctx->arena, nsig * sizeof(char *));
	for (unsigned i = 0; i < nsig; i++) {
		bool member = bytes[i / 8] & (1u << (i % 8));
		const char *sym;

		if (member == complement)
			continue;
		sym = signal_name((int)i + 1, buf);
		v->u.sigset.names[v->u.sigset.count++] = sym ?
			arena_strndup(ctx->arena, sym + 3, strlen(sym + 3)) :
			arena_printf(ctx->arena, "%u", i + 1);
	}
	return v;
}

/* A sigset of size bytes, which strace decodes only when the size is a
 * power of two from min to the kernel's 8 bytes: other sizes show as the
 * address (the kernel refuses them all but rt_sigpending's smaller ones). */
static struct value *sigset_min_value(struct decode_ctx *ctx,
				      const char *name, uint64_t addr,
				      uint64_t size, uint64_t min)
{
	unsigned char bytes[SIGSET_MAX_BYTES];

	if (addr == 0)
		return value_ptr(ctx->arena, name, 0);
	if (size < min || size > 8 || (size & (size - 1)) ||
	    tracee_read(ctx->mem, addr, bytes, size) != 0)
		return value_unavailable(ctx, name, addr);
	return sigset_from_bytes(ctx, name, addr, bytes, (unsigned)size);
}

struct value *sigset_value(struct decode_ctx *ctx, const char *name,
			   uint64_t addr, uint64_t size)
{
	return sigset_min_value(ctx, name, addr, size, 8);
}

struct value *decode_sigset(struct decode_ctx *ctx, const struct arg_desc *a,
			    uint64_t raw)
{
	return sigset_value(ctx, a->name, raw, decode_param(ctx, a));
}

/* rt_sigpending's set: the kernel writes as few bytes as asked, even 1 */
struct value *decode_sigpending_out(struct decode_ctx *ctx,
				    const struct arg_desc *a, uint64_t raw)
{
	return sigset_min_value(ctx, a->name, raw, decode_param(ctx, a), 1);
}

/* The kernel's struct sigaction on x86_64 and aarch64. */
struct kernel_sigaction {
	uint64_t handler;
	uint64_t flags;
	uint64_t restorer;
	uint64_t mask;
};

#define SA_RESTORER_FLAG 0x04000000

struct value *decode_sigaction(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	struct kernel_sigaction sa;
	struct arena *ar = ctx->arena;
	struct value *v, *h;

	if (!decode_read(ctx, a->name, raw, &sa, sizeof(sa), &v))
		return v;
	v = value_struct(ar, a->name, raw);
	if (sa.handler == (uint64_t)(uintptr_t)SIG_DFL)
		h = value_symbol(ar, "sa_handler", sa.handler, V_HEX,
				 "SIG_DFL");
	else if (sa.handler == (uint64_t)(uintptr_t)SIG_IGN)
		h = value_symbol(ar, "sa_handler", sa.handler, V_HEX,
				 "SIG_IGN");
	else
		h = value_hex(ar, "sa_handler", sa.handler);
	value_add(v, h);
	value_add(v, sigset_from_bytes(ctx, "sa_mask", raw,
				       (const unsigned char *)&sa.mask,
				       sizeof(sa.mask)));
	value_add(v, value_flags(ar, "sa_flags", sa.flags,
				 &xlat_sigaction_flags));
	if (sa.flags & SA_RESTORER_FLAG)
		value_add(v, value_ptr(ar, "sa_restorer", sa.restorer));
	return v;
}

struct value *decode_sigreturn_mask(struct decode_ctx *ctx,
				    const struct arg_desc *a, uint64_t raw)
{
	uint64_t addr = ctx->sc->stack_pointer + arch_sigreturn_mask_offset;
	struct value *v = value_struct(ctx->arena, a->name, addr);

	value_add(v, sigset_value(ctx, "mask", addr, 8));
	return v;
}

static const struct xlat *si_code_set(int sig)
{
	switch (sig) {
	case SIGCHLD: return &xlat_cld_code;
	case SIGSEGV: return &xlat_segv_code;
	case SIGBUS: return &xlat_bus_code;
	case SIGILL: return &xlat_ill_code;
	case SIGFPE: return &xlat_fpe_code;
	case SIGTRAP: return &xlat_trap_code;
	case SIGIO: return &xlat_poll_code;
	case SIGSYS: return &xlat_sys_code;
	default: return NULL;
	}
}

/* si_int and si_ptr: the value sigqueue or a timer carries. */
static void add_sigval(struct arena *ar, struct value *v, const siginfo_t *si)
{
	value_add(v, value_int(ar, "si_int", si->si_value.sival_int));
	value_add(v, value_ptr(ar, "si_ptr",
			       (uint64_t)(uintptr_t)si->si_value.sival_ptr));
}

static void add_band_fd(struct arena *ar, struct value *v,
			const siginfo_t *si)
{
	value_add(v, value_int(ar, "si_band", si->si_band));
	value_add(v, value_int(ar, "si_fd", si->si_fd));
}

/* SIGCHLD: the child, its exit status or signal, and its times */
static void add_chld(struct decode_ctx *ctx, struct value *v,
		     const siginfo_t *si)
{
	struct arena *ar = ctx->arena;
	char buf[16];

	value_add(v, value_pid(ar, "si_pid", si->si_pid, PID_TGID));
	value_add(v, uid_value(ctx, "si_uid", si->si_uid));
	if (si->si_code == CLD_EXITED) {
		value_add(v, value_int(ar, "si_status", si->si_status));
	} else {
		const char *s = signal_name(si->si_status, buf);

		value_add(v, s ? value_symbol(ar, "si_status",
			(uint64_t)si->si_status, V_INT,
			arena_strndup(ar, s, strlen(s))) :
			value_int(ar, "si_status", si->si_status));
	}
	value_add(v, clock_ticks_value(ar, "si_utime", (uint64_t)si->si_utime));
	value_add(v, clock_ticks_value(ar, "si_stime", (uint64_t)si->si_stime));
}

/* si_errno: its name, or the number unsigned */
static struct value *errno_value(struct arena *ar, int err)
{
	const char *name = err > 0 ? errno_name(err) : NULL;

	if (name)
		return value_symbol(ar, "si_errno", (uint32_t)err, V_UINT,
				    name);
	return value_uint(ar, "si_errno", (uint32_t)err);
}

/* The faulting address, and what some codes add: the bounds a bound
 * check failed (SEGV_BNDERR), the protection key (SEGV_PKUERR), the
 * size of a poisoned page (BUS_MCEERR_*) */
static void add_fault(struct arena *ar, struct value *v, const siginfo_t *si)
{
	value_add(v, value_ptr(ar, "si_addr",
			       (uint64_t)(uintptr_t)si->si_addr));
	if (si->si_signo == SIGSEGV && si->si_code == SEGV_BNDERR) {
		value_add(v, value_ptr(ar, "si_lower",
			  (uint64_t)(uintptr_t)si->si_lower));
		value_add(v, value_ptr(ar, "si_upper",
			  (uint64_t)(uintptr_t)si->si_upper));
	} else if (si->si_signo == SIGSEGV && si->si_code == SEGV_PKUERR) {
		value_add(v, value_uint(ar, "si_pkey", si->si_pkey));
	} else if (si->si_signo == SIGBUS && (si->si_code == BUS_MCEERR_AR ||
		   si->si_code == BUS_MCEERR_AO)) {
		value_add(v, value_hex(ar, "si_addr_lsb",
				       (uint16_t)si->si_addr_lsb));
	}
}

/* SIGSYS from seccomp: the call, by name for our own architecture. */
static void add_sigsys(struct arena *ar, struct value *v, const siginfo_t *si)
{
	const struct syscall_desc *d = NULL;
	const char *arch = xlat_name(&xlat_audit_arch, si->si_arch);

	value_add(v, value_ptr(ar, "si_call_addr",
			       (uint64_t)(uintptr_t)si->si_call_addr));
	if (si->si_arch == arch_audit)
		d = syscall_lookup(arch_syscalls, (uint64_t)si->si_syscall);
	value_add(v, d ? value_symbol(ar, "si_syscall",
				      (uint32_t)si->si_syscall, V_UINT,
				      arena_printf(ar, "__NR_%s", d->name)) :
		  value_uint(ar, "si_syscall", (uint32_t)si->si_syscall));
	if (arch) {
		value_add(v, value_symbol(ar, "si_arch", si->si_arch, V_HEX,
					  arch));
	} else {
		struct value *a = value_hex(ar, "si_arch", si->si_arch);

		a->comment = "AUDIT_ARCH_???";
		a->comment_xlat = true;
		value_add(v, a);
	}
}

struct value *decode_siginfo(struct arena *ar, const void *raw_info)
{
	const siginfo_t *si = raw_info;
	struct decode_ctx ctx = { .arena = ar };
	struct value *v = value_struct(ar, NULL, 0);
	const struct xlat *codes = si_code_set(si->si_signo);
	const char *code = NULL;

	value_add(v, signal_value(&ctx, "si_signo", si->si_signo));
	if (si->si_code > 0 && si->si_code != SI_KERNEL && codes)
		code = xlat_name(codes, (uint64_t)si->si_code);
	if (!code)
		code = xlat_name(&xlat_si_code,
				 (uint64_t)(int64_t)si->si_code);
	/* unknown codes and errnos as unsigned numbers, as strace shows */
	if (code)
		/* an int: -X raw shows SI_QUEUE as 0xffffffff */
		value_add(v, value_symbol(ar, "si_code",
					  (uint32_t)si->si_code, V_HEX, code));
	else
		value_add(v, value_hex(ar, "si_code", (uint32_t)si->si_code));
	if (si->si_errno)
		value_add(v, errno_value(ar, si->si_errno));

	if (si->si_code == SI_TIMER) {
		value_add(v, value_hex(ar, "si_timerid",
				       (uint32_t)si->si_timerid));
		value_add(v, value_int(ar, "si_overrun", si->si_overrun));
		add_sigval(ar, v, si);
		return v;
	}
	if (si->si_code == SI_SIGIO) {
		add_band_fd(ar, v, si);
		return v;
	}
	if (si->si_code <= 0) {
		/* sent by a process: kill, tgkill, sigqueue, mq_notify */
		value_add(v, value_pid(ar, "si_pid", si->si_pid, PID_TGID));
		value_add(v, uid_value(&ctx, "si_uid", si->si_uid));
		if (si->si_code == SI_QUEUE || si->si_code == SI_MESGQ)
			add_sigval(ar, v, si);
		return v;
	}
	switch (si->si_signo) {
	case SIGCHLD:
		if (si->si_code != SI_KERNEL)
			add_chld(&ctx, v, si);
		break;
	case SIGSEGV:
	case SIGBUS:
	case SIGILL:
	case SIGFPE:
	case SIGTRAP:
		add_fault(ar, v, si);
		break;
	case SIGIO:
		if (si->si_code == SI_KERNEL)
			break;
		add_band_fd(ar, v, si);
		break;
	case SIGSYS:
		if (si->si_code == SI_KERNEL)
			break;
		add_sigsys(ar, v, si);
		break;
	default:
		break;
	}
	return v;
}

struct value *siginfo_value(struct decode_ctx *ctx, const char *name,
			    uint64_t addr)
{
	siginfo_t si;
	struct value *v;

	if (!decode_read(ctx, name, addr, &si, sizeof(si), &v))
		return v;
	v = decode_siginfo(ctx->arena, &si);
	v->name = name;
	v->raw = addr;
	/* the descriptor of SIGIO's si_fd, with what it is under -y */
	for (struct value *c = v->u.kids.first; c; c = c->next) {
		static const struct arg_desc fd = { "si_fd", ARG_FD,
						    PARAM_NONE, NULL };
		struct value *f, *next = c->next;

		if (!c->name || strcmp(c->name, "si_fd"))
			continue;
		f = decode_fd(ctx, &fd, c->raw);
		*c = *f;
		c->next = next;
	}
	return v;
}

struct value *decode_siginfo_in(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	return siginfo_value(ctx, a->name, raw);
}

struct value *decode_siginfo_out(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	/* waitid with WNOHANG and nothing to report leaves it empty */
	if (ctx->sc->desc->name[0] == 'w' && raw) {
		int32_t signo;

		if (tracee_read(ctx->mem, raw, &signo, sizeof(signo)) == 0 &&
		    signo == 0)
			return value_struct(ctx->arena, a->name, raw);
	}
	return siginfo_value(ctx, a->name, raw);
}

struct value *decode_signal_ret(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	ctx->sc->ret_note = signal_value(ctx, NULL, (int)raw);
	return value_int(ctx->arena, a->name, (int64_t)raw);
}

static struct value *stack_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr)
{
	stack_t ss;
	struct value *v;

	if (!decode_read(ctx, name, addr, &ss, sizeof(ss), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_ptr(ctx->arena, "ss_sp",
			       (uint64_t)(uintptr_t)ss.ss_sp));
	value_add(v, value_flags(ctx->arena, "ss_flags", (uint32_t)ss.ss_flags,
				 &xlat_sigaltstack_flags));
	value_add(v, value_uint(ctx->arena, "ss_size", ss.ss_size));
	return v;
}

struct value *decode_stack_t(struct decode_ctx *ctx, const struct arg_desc *a,
			     uint64_t raw)
{
	return stack_value(ctx, a->name, raw);
}

struct value *decode_stack_t_out(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	return stack_value(ctx, a->name, raw);
}

/* struct sigevent (timer_create, mq_notify). */
#define SIGEVENT_USED (offsetof(struct sigevent, _sigev_un) + \
		       2 * sizeof(void *))

struct value *decode_sigevent(struct decode_ctx *ctx, const struct arg_desc *a,
			      uint64_t raw)
{
	struct sigevent ev;
	struct arena *ar = ctx->arena;
	struct value *v, *val;

	/* the fields the kernel looks at, not the C library's padding */
	if (!decode_read(ctx, a->name, raw, &ev, SIGEVENT_USED, &v))
		return v;
	v = value_struct(ar, a->name, raw);
	val = value_struct(ar, "sigev_value", raw);
	value_add(val, value_int(ar, "sival_int", ev.sigev_value.sival_int));
	value_add(val, value_ptr(ar, "sival_ptr",
				 (uint64_t)(uintptr_t)ev.sigev_value.sival_ptr));
	value_add(v, val);
	/* a number no signal has shows unsigned */
	value_add(v, (unsigned)ev.sigev_signo > 128 ?
		  value_uint(ar, "sigev_signo", (uint32_t)ev.sigev_signo) :
		  signal_value(ctx, "sigev_signo", ev.sigev_signo));
	val = value_enum(ar, "sigev_notify", (uint32_t)ev.sigev_notify,
			 &xlat_sigev_notify, V_HEX);
	if (!val->u.en.sym)
		set_unknown_comment(ctx, val, &xlat_sigev_notify);
	value_add(v, val);
	if (ev.sigev_notify == SIGEV_THREAD) {
		value_add(v, value_ptr(ar, "sigev_notify_function",
			(uint64_t)(uintptr_t)ev.sigev_notify_function));
		value_add(v, value_ptr(ar, "sigev_notify_attributes",
			(uint64_t)(uintptr_t)ev.sigev_notify_attributes));
	} else if (ev.sigev_notify == SIGEV_THREAD_ID) {
		value_add(v, value_int(ar, "sigev_notify_thread_id",
				       ev._sigev_un._tid));
	}
	return v;
}
