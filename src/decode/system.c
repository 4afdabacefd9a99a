/* Decoders for process and system information: ids and groups, rusage,
 * utsname, sysinfo, scheduling, capabilities, prctl, personality, clone3's
 * struct clone_args, System V IPC flags. */
#include <inttypes.h>
#include <linux/capability.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

#include "consts.h"
#include "decoders.h"

static struct value *uid_value(struct decode_ctx *ctx, const char *name,
			       uint32_t id)
{
	if (id == UINT32_MAX)
		return value_int(ctx->arena, name, -1);
	return value_uint(ctx->arena, name, id);
}

struct value *decode_uid(struct decode_ctx *ctx, const struct arg_desc *a,
			 uint64_t raw)
{
	return uid_value(ctx, a->name, (uint32_t)raw);
}

struct value *decode_uid_out(struct decode_ctx *ctx, const struct arg_desc *a,
			     uint64_t raw)
{
	uint32_t id;
	struct value *v;

	if (!decode_read(ctx, a->name, raw, &id, sizeof(id), &v))
		return v;
	v = value_array(ctx->arena, a->name, raw);
	value_add(v, uid_value(ctx, NULL, id));
	return v;
}

static struct value *groups_value(struct decode_ctx *ctx, const char *name,
				  uint64_t addr, int64_t n)
{
	struct value *v;
	uint32_t id;

	if (addr == 0)
		return value_ptr(ctx->arena, name, 0);
	if (n < 0 || n > 65536)	/* more than NGROUPS_MAX: bad input */
		return value_ptr(ctx->arena, name, addr);
	v = value_array(ctx->arena, name, addr);
	for (int64_t i = 0; i < n; i++) {
		if (tracee_read(ctx->mem, addr + (uint64_t)i * 4, &id, 4)) {
			if (i == 0)
				return value_unavailable(ctx, name, addr);
			v->u.kids.elided = true;
			v->u.kids.unread_at = addr + (uint64_t)i * 4;
			break;
		}
		if (decode_array_full(ctx, i)) {
			v->u.kids.elided = true;
			break;
		}
		value_add(v, uid_value(ctx, NULL, id));
	}
	return v;
}

struct value *decode_groups(struct decode_ctx *ctx, const struct arg_desc *a,
			    uint64_t raw)
{
	return groups_value(ctx, a->name, raw, (int32_t)decode_param(ctx, a));
}

struct value *decode_groups_out(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	/* a size of 0 asks for the count: nothing written unless it is 0 */
	if ((int32_t)ctx->sc->raw_args[0] == 0 && ctx->sc->rval != 0)
		return value_ptr(ctx->arena, a->name, raw);
	return groups_value(ctx, a->name, raw, ctx->sc->rval);
}

static struct value *tv_value(struct decode_ctx *ctx, const char *name,
			      const struct timeval *tv)
{
	struct value *v = value_struct(ctx->arena, name, 0);

	value_add(v, value_int(ctx->arena, "tv_sec", tv->tv_sec));
	value_add(v, value_int(ctx->arena, "tv_usec", tv->tv_usec));
	return v;
}

struct value *decode_rusage_out(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	static const char *const names[] = {
		"ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt",
		"ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock",
		"ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw",
		"ru_nivcsw",
	};
	struct rusage ru;
	struct value *v;
	const long *rest = &ru.ru_maxrss;

	if (!decode_read(ctx, a->name, raw, &ru, sizeof(ru), &v))
		return v;
	v = value_struct(ctx->arena, a->name, raw);
	value_add(v, tv_value(ctx, "ru_utime", &ru.ru_utime));
	value_add(v, tv_value(ctx, "ru_stime", &ru.ru_stime));
	if (!ctx->opts->verbose) {
		v->u.kids.elided = true;
		return v;
	}
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		value_add(v, value_int(ctx->arena, names[i], rest[i]));
	return v;
}

static struct value *field_string(struct decode_ctx *ctx, const char *name,
				  const char *s, size_t max)
{
	size_t n = strnlen(s, max);
	size_t take = n > ctx->opts->string_limit ? ctx->opts->string_limit : n;

	return value_string(ctx->arena, name, 0,
			    arena_strndup(ctx->arena, s, take), take, n > take);
}

struct value *decode_utsname_out(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	struct utsname u;
	struct value *v;

	if (tracee_read(ctx->mem, raw, &u, sizeof(u)) != 0)
		return value_unavailable(ctx, a->name, raw);
	v = value_struct(ctx->arena, a->name, raw);
	value_add(v, field_string(ctx, "sysname", u.sysname, sizeof(u.sysname)));
	value_add(v, field_string(ctx, "nodename", u.nodename,
				  sizeof(u.nodename)));
	if (!ctx->opts->verbose) {
		v->u.kids.elided = true;
		return v;
	}
	value_add(v, field_string(ctx, "release", u.release, sizeof(u.release)));
	value_add(v, field_string(ctx, "version", u.version, sizeof(u.version)));
	value_add(v, field_string(ctx, "machine", u.machine, sizeof(u.machine)));
	value_add(v, field_string(ctx, "domainname", u.domainname,
				  sizeof(u.domainname)));
	return v;
}

struct value *decode_sysinfo_out(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	struct sysinfo si;
	struct arena *ar = ctx->arena;
	struct value *v, *loads;

	if (tracee_read(ctx->mem, raw, &si, sizeof(si)) != 0)
		return value_unavailable(ctx, a->name, raw);
	v = value_struct(ar, a->name, raw);
	value_add(v, value_int(ar, "uptime", si.uptime));
	loads = value_array(ar, "loads", 0);
	for (int i = 0; i < 3; i++)
		value_add(loads, value_uint(ar, NULL, si.loads[i]));
	value_add(v, loads);
	value_add(v, value_uint(ar, "totalram", si.totalram));
	value_add(v, value_uint(ar, "freeram", si.freeram));
	value_add(v, value_uint(ar, "sharedram", si.sharedram));
	value_add(v, value_uint(ar, "bufferram", si.bufferram));
	value_add(v, value_uint(ar, "totalswap", si.totalswap));
	value_add(v, value_uint(ar, "freeswap", si.freeswap));
	value_add(v, value_uint(ar, "procs", si.procs));
	value_add(v, value_uint(ar, "totalhigh", si.totalhigh));
	value_add(v, value_uint(ar, "freehigh", si.freehigh));
	value_add(v, value_uint(ar, "mem_unit", si.mem_unit));
	return v;
}

/* --- scheduling */

struct value *decode_sched_param(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	return int_ptr_value(ctx, a->name, raw, 4, true);
}

struct value *decode_sched_param_out(struct decode_ctx *ctx,
				     const struct arg_desc *a, uint64_t raw)
{
	return int_ptr_value(ctx, a->name, raw, 4, true);
}

struct value *decode_sched_policy_ret(struct decode_ctx *ctx,
				      const struct arg_desc *a, uint64_t raw)
{
	const char *name = xlat_name(&xlat_sched_policy, raw);

	if (name)
		/* strace names these even with -X raw */
		ctx->sc->ret_note = value_expr(ctx->arena, NULL, raw, name);
	return value_int(ctx->arena, a->name, (int64_t)raw);
}

/* "IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)": the class above bit 13, as
 * strace shifts it (unmasked), and the data below. */
static const char *ioprio_text(struct decode_ctx *ctx, uint32_t v)
{
	const char *cls = xlat_name(&xlat_ioprio_class, v >> 13);

	if (cls)
		return arena_printf(ctx->arena, "IOPRIO_PRIO_VALUE(%s, %u)",
				    cls, v & 0x1fff);
	return arena_printf(ctx->arena,
			    "IOPRIO_PRIO_VALUE(%#x /* IOPRIO_CLASS_??? */, %u)",
			    v >> 13, v & 0x1fff);
}

struct value *decode_ioprio_value(struct decode_ctx *ctx,
				  const struct arg_desc *a, uint64_t raw)
{
	return value_symbol(ctx->arena, a->name,
			    (uint64_t)(int64_t)(int32_t)raw, V_INT,
			    ioprio_text(ctx, (uint32_t)raw));
}

/* ioprio_get's priority, named after it */
struct value *decode_ioprio_ret(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	ctx->sc->ret_note = value_expr(ctx->arena, NULL, raw,
				       ioprio_text(ctx, (uint32_t)raw));
	return value_int(ctx->arena, a->name, (int64_t)raw);
}

#define CPUSET_MAX_BYTES 1024

static struct value *cpuset_value(struct decode_ctx *ctx, const char *name,
				  uint64_t addr, uint64_t size)
{
	unsigned char b[CPUSET_MAX_BYTES];
	struct value *v;
	unsigned shown = 0;

	if (addr == 0)
		return value_ptr(ctx->arena, name, 0);
	if (size > CPUSET_MAX_BYTES)
		size = CPUSET_MAX_BYTES;
	if (tracee_read(ctx->mem, addr, b, size) != 0)
		return value_unavailable(ctx, name, addr);
	/* a set of CPU numbers prints as strace prints sets: [0 1] */
	v = value_new(ctx->arena, V_SIGSET, name, addr);
	v->u.sigset.names = arena_alloc(ctx->arena, 65 * sizeof(char *));
	for (uint64_t i = 0; i < size * 8; i++) {
		if (!(b[i / 8] & (1u << (i % 8))))
			continue;
		if (shown++ >= 64) {
			v->u.sigset.names[v->u.sigset.count++] = "...";
			break;
		}
		v->u.sigset.names[v->u.sigset.count++] =
			arena_printf(ctx->arena, "%" PRIu64, i);
	}
	return v;
}

struct value *decode_cpuset(struct decode_ctx *ctx, const struct arg_desc *a,
			    uint64_t raw)
{
	return cpuset_value(ctx, a->name, raw, decode_param(ctx, a));
}

struct value *decode_cpuset_out(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	return cpuset_value(ctx, a->name, raw, (uint64_t)ctx->sc->rval);
}

/* --- capabilities */

struct value *decode_cap_header(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	struct __user_cap_header_struct h;
	struct value *v, *ver;

	if (!decode_read(ctx, a->name, raw, &h, sizeof(h), &v))
		return v;
	v = value_struct(ctx->arena, a->name, raw);
	ver = value_enum(ctx->arena, "version", h.version, &xlat_cap_version,
			 V_HEX);
	if (!ver->u.en.sym)
		set_unknown_comment(ctx, ver, &xlat_cap_version);
	value_add(v, ver);
	value_add(v, value_int(ctx->arena, "pid", h.pid));
	return v;
}

static struct value *capset_value(struct decode_ctx *ctx, const char *name,
				  uint64_t set)
{
	struct value *v = value_new(ctx->arena, V_FLAGS, name, set);

	v->u.flags.names = arena_alloc(ctx->arena, 65 * sizeof(char *));
	for (unsigned i = 0; i < 64; i++) {
		const char *cap;

		if (!(set & (1ULL << i)))
			continue;
		cap = xlat_name(&xlat_capability, i);
		if (!cap) {
			v->u.flags.rest |= 1ULL << i;
			continue;
		}
		v->u.flags.names[v->u.flags.count++] =
			arena_printf(ctx->arena, "1<<%s", cap);
	}
	return v;
}

static struct value *cap_data_value(struct decode_ctx *ctx,
				    const struct arg_desc *a, uint64_t raw)
{
	struct __user_cap_data_struct d[2];
	struct value *v;

	if (!decode_read(ctx, a->name, raw, d, sizeof(d), &v))
		return v;
	v = value_struct(ctx->arena, a->name, raw);
	value_add(v, capset_value(ctx, "effective", d[0].effective |
				  (uint64_t)d[1].effective << 32));
	value_add(v, capset_value(ctx, "permitted", d[0].permitted |
				  (uint64_t)d[1].permitted << 32));
	value_add(v, capset_value(ctx, "inheritable", d[0].inheritable |
				  (uint64_t)d[1].inheritable << 32));
	return v;
}

struct value *decode_cap_data(struct decode_ctx *ctx, const struct arg_desc *a,
			      uint64_t raw)
{
	return cap_data_value(ctx, a, raw);
}

struct value *decode_cap_data_out(struct decode_ctx *ctx,
				  const struct arg_desc *a, uint64_t raw)
{
	return cap_data_value(ctx, a, raw);
}

/* --- prctl and personality */

/* The option names the call; the rest of the arguments depend on it and
 * strace shows only those the option uses. */
struct value *decode_prctl_option(struct decode_ctx *ctx,
				  const struct arg_desc *a, uint64_t raw)
{
	struct syscall_event *sc = ctx->sc;
	struct arena *ar = ctx->arena;
	uint64_t *arg = sc->raw_args;
	struct value *v;

	switch ((int)raw) {
	case PR_GET_DUMPABLE:
	case PR_GET_KEEPCAPS:
	case PR_GET_NO_NEW_PRIVS:
	case PR_GET_SECCOMP:
	case PR_GET_TIMERSLACK:
	case PR_GET_THP_DISABLE:
	case PR_GET_SECUREBITS:
	case PR_GET_IO_FLUSHER:
	case PR_TASK_PERF_EVENTS_DISABLE:
	case PR_TASK_PERF_EVENTS_ENABLE:
		decode_end_args(ctx, 1);
		break;
	case PR_SET_NAME:
		decode_replace_arg(ctx, 1,
				   decode_cstring(ctx, "arg2", arg[1], 16));
		decode_end_args(ctx, 2);
		break;
	case PR_GET_NAME:
	case PR_GET_PDEATHSIG:
	case PR_GET_CHILD_SUBREAPER:
	case PR_GET_TID_ADDRESS:
		/* written at exit: see decode_prctl_arg2 */
		decode_replace_arg(ctx, 1, value_ptr(ar, "arg2", arg[1]));
		decode_end_args(ctx, 2);
		break;
	case PR_SET_PDEATHSIG:
		decode_replace_arg(ctx, 1,
				   signal_value(ctx, "arg2", (int)arg[1]));
		decode_end_args(ctx, 2);
		break;
	case PR_SET_DUMPABLE:
	case PR_SET_KEEPCAPS:
	case PR_SET_CHILD_SUBREAPER:
	case PR_SET_TIMERSLACK:
	case PR_CAPBSET_READ:
	case PR_CAPBSET_DROP:
		decode_replace_arg(ctx, 1, value_uint(ar, "arg2", arg[1]));
		decode_end_args(ctx, 2);
		break;
	case PR_SET_SECCOMP:
		decode_replace_arg(ctx, 1,
				   value_enum(ar, "arg2", (uint32_t)arg[1],
					      &xlat_seccomp_mode, V_HEX));
		if (arg[1] == 2)	/* SECCOMP_MODE_FILTER */
			decode_replace_arg(ctx, 2,
				sock_fprog_value(ctx, "arg3", arg[2]));
		decode_end_args(ctx, arg[1] == 2 ? 3 : 2);
		break;
	case PR_SET_NO_NEW_PRIVS:
	case PR_SET_THP_DISABLE:
		for (int i = 1; i < 5; i++)
			decode_replace_arg(ctx, i,
					   value_uint(ar, "arg", arg[i]));
		break;
	default:
		for (int i = 1; i < 5; i++)
			decode_replace_arg(ctx, i,
					   value_hex(ar, "arg", arg[i]));
		break;
	}
	v = value_enum(ar, a->name, (uint32_t)raw, &xlat_prctl_option, V_HEX);
	if (!v->u.en.sym)
		set_unknown_comment(ctx, v, &xlat_prctl_option);
	return v;
}

/* Set up by decode_prctl_option at entry; prctl's getters write their
 * result where arg2 points, shown at exit. */
struct value *decode_prctl_arg2(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	/* at entry decode_prctl_option gives it its value */
	if (!ctx->at_exit)
		return decode_entry_value(ctx);
	switch ((int)ctx->sc->raw_args[0]) {
	case PR_GET_NAME:
		return decode_cstring(ctx, a->name, raw, 16);
	case PR_GET_PDEATHSIG: {
		int32_t sig;
		struct value *v;

		if (tracee_read(ctx->mem, raw, &sig, sizeof(sig)) != 0)
			return value_unavailable(ctx, a->name, raw);
		v = value_array(ctx->arena, a->name, raw);
		value_add(v, signal_value(ctx, NULL, sig));
		return v;
	}
	case PR_GET_CHILD_SUBREAPER:
		return int_ptr_value(ctx, a->name, raw, 4, true);
	case PR_GET_TID_ADDRESS:
		return int_ptr_value(ctx, a->name, raw, 8, false);
	default:
		return decode_entry_value(ctx);
	}
}

static struct value *personality_value(struct decode_ctx *ctx,
				       const char *name, uint64_t raw)
{
	uint32_t p = (uint32_t)raw;
	const char *type = xlat_name(&xlat_personality_type, p & 0xff);
	struct value *v;

	if (p == UINT32_MAX)
		return value_hex(ctx->arena, name, p);
	if (!type) {
		v = value_hex(ctx->arena, name, p);
		v->comment = "PER_???";
		v->comment_xlat = true;
		return v;
	}
	v = value_flags(ctx->arena, name, p & ~0xffu, &xlat_personality_flags);
	v->raw = p;
	value_flags_prepend(ctx->arena, v, type);
	return v;
}

struct value *decode_personality(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	return personality_value(ctx, a->name, raw);
}

struct value *decode_ret_personality(struct decode_ctx *ctx,
				     const struct arg_desc *a, uint64_t raw)
{
	ctx->sc->ret_note = personality_value(ctx, NULL, raw);
	return value_hex(ctx->arena, a->name, raw);
}

/* IPC_CREAT|IPC_EXCL|0600: flags, unnamed high bits in hex, the mode in
 * octal. */
struct value *decode_ipc_flags(struct decode_ctx *ctx, const struct arg_desc *a,
			       uint64_t raw)
{
	uint32_t flags = (uint32_t)raw;
	struct value *v = value_flags(ctx->arena, a->name, flags & ~0777u,
				      &xlat_ipc_get_flags);
	const char **names = arena_alloc(ctx->arena,
					 (v->u.flags.count + 1) * sizeof(char *));

	memcpy(names, v->u.flags.names, v->u.flags.count * sizeof(char *));
	v->u.flags.names = names;
	if (v->u.flags.rest)
		names[v->u.flags.count++] = arena_printf(ctx->arena, "%#" PRIx64,
							 v->u.flags.rest);
	v->raw = flags;
	v->u.flags.rest = flags & 0777;
	v->u.flags.rest_octal = true;
	if (v->u.flags.count && v->u.flags.rest == 0) {
		v->u.flags.names = arena_alloc(ctx->arena,
			(v->u.flags.count + 1) * sizeof(char *));
		memcpy(v->u.flags.names, names,
		       v->u.flags.count * sizeof(char *));
		v->u.flags.names[v->u.flags.count++] = "000";
	}
	return v;
}

/* struct sock_fprog: a BPF program's length and address. */
struct value *sock_fprog_value(struct decode_ctx *ctx, const char *name,
			       uint64_t addr)
{
	struct {
		uint16_t len;
		uint64_t filter;
	} prog;
	struct value *v;

	if (!decode_read(ctx, name, addr, &prog, sizeof(prog), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_uint(ctx->arena, "len", prog.len));
	value_add(v, value_ptr(ctx->arena, "filter", prog.filter));
	return v;
}

/* What some prctl options return, named as strace names it. */
struct value *decode_prctl_ret(struct decode_ctx *ctx, const struct arg_desc *a,
			       uint64_t raw)
{
	const char *name = NULL;

	if ((int)ctx->sc->raw_args[0] == PR_GET_DUMPABLE)
		name = xlat_name(&xlat_dumpable, raw);
	if (name)
		/* strace names these even with -X raw */
		ctx->sc->ret_note = value_expr(ctx->arena, NULL, raw, name);
	return value_int(ctx->arena, a->name, (int64_t)raw);
}

/* reboot's fourth argument: the command string of
 * LINUX_REBOOT_CMD_RESTART2, and nothing for the other commands. The
 * kernel copies a fixed 256 bytes; strace reads 255 of them, all or
 * none, and marks a string with no NUL among them as cut. */
struct value *decode_reboot_arg(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	enum { WANT = 255 };
	char *buf;
	size_t len, limit = ctx->opts->string_limit;

	/* reboot_arg(cmd) */
	if ((uint32_t)decode_param(ctx, a) != LINUX_REBOOT_CMD_RESTART2)
		return NULL;
	if (raw == 0)
		return value_ptr(ctx->arena, a->name, 0);
	buf = arena_alloc_bytes(ctx->arena, WANT);
	if (!decode_spend(ctx, WANT) ||
	    tracee_read(ctx->mem, raw, buf, WANT) != 0)
		return value_unavailable(ctx, a->name, raw);
	len = strnlen(buf, WANT);
	return value_string(ctx->arena, a->name, raw, buf,
			    len < limit ? len : limit,
			    len == WANT || len > limit);
}
