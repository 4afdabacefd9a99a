/* Decoders for process and system information: ids and groups, rusage,
 * utsname, sysinfo, scheduling, capabilities, prctl, personality, clone3's
 * struct clone_args, System V IPC flags. */
#include <inttypes.h>
#include <linux/capability.h>
#include <linux/ioprio.h>
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

struct value *uid_value(struct decode_ctx *ctx, const char *name, uint32_t id)
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
	value_add(v, value_uint(ctx->arena, "tv_usec",
				(uint64_t)tv->tv_usec));
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
		value_add(v, value_uint(ctx->arena, names[i],
					(uint64_t)rest[i]));
	return v;
}

/* wait4 fills the usage only when it reaped or saw a child (ret > 0) */
struct value *decode_wait4_rusage_out(struct decode_ctx *ctx,
				      const struct arg_desc *a, uint64_t raw)
{
	if (ctx->sc->rval <= 0)
		return value_ptr(ctx->arena, a->name, raw);
	return decode_rusage_out(ctx, a, raw);
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

/* IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4): the class above the shift, the
 * data below it; -X verbose shows the class as a number named in a
 * comment. */
static struct value *prio_value(struct decode_ctx *ctx, const char *name,
				  uint64_t raw)
{
	uint32_t prio = (uint32_t)raw;
	uint32_t class = prio >> IOPRIO_CLASS_SHIFT;
	const char *sym = xlat_name(&xlat_ioprio_class, class);
	const char *cls, *cls_verbose;
	struct value *v;

	if (sym) {
		cls = sym;
		cls_verbose = arena_printf(ctx->arena, class ? "%#x /* %s */" :
					   "%u /* %s */", class, sym);
	} else {
		cls = arena_printf(ctx->arena, "%#x /* IOPRIO_CLASS_??? */",
				   class);
		cls_verbose = cls;
	}
	v = value_new(ctx->arena, V_ENUM, name, (uint64_t)(int64_t)(int32_t)prio);
	v->u.en.fallback = V_INT;
	v->u.en.sym = arena_printf(ctx->arena, "IOPRIO_PRIO_VALUE(%s, %u)", cls,
				   (unsigned)(prio & IOPRIO_PRIO_MASK));
	v->u.en.sym_verbose = arena_printf(ctx->arena,
					   "IOPRIO_PRIO_VALUE(%s, %u)",
					   cls_verbose,
					   (unsigned)(prio & IOPRIO_PRIO_MASK));
	return v;
}

struct value *decode_ioprio(struct decode_ctx *ctx, const struct arg_desc *a,
			    uint64_t raw)
{
	return prio_value(ctx, a->name, raw);
}

/* ioprio_get: the priority it returns, named (not under -X raw). */
struct value *decode_ioprio_ret(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	ctx->sc->ret_note = prio_value(ctx, NULL, raw);
	ctx->sc->ret_note->comment_xlat = true;
	return value_int(ctx->arena, a->name, (int64_t)raw);
}

#define CPUSET_MAX_BYTES 1024

struct value *cpuset_value(struct decode_ctx *ctx, const char *name,
			   uint64_t addr, uint64_t size, unsigned max)
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
	v->u.sigset.names = arena_alloc(ctx->arena,
					(max < size * 8 ? max + 1 : size * 8 + 1) *
					sizeof(char *));
	for (uint64_t i = 0; i < size * 8; i++) {
		if (!(b[i / 8] & (1u << (i % 8))))
			continue;
		if (shown++ >= max) {
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
	return cpuset_value(ctx, a->name, raw, decode_param(ctx, a), 64);
}

struct value *decode_cpuset_out(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	return cpuset_value(ctx, a->name, raw, (uint64_t)ctx->sc->rval, 64);
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

/* --- personality */

static struct value *personality_value(struct decode_ctx *ctx,
				       const char *name, uint64_t raw)
{
	uint32_t p = (uint32_t)raw;
	const char *type = xlat_name(&xlat_personality_type, p & 0xff);
	struct value *v;

	if (p == UINT32_MAX)
		return value_hex(ctx->arena, name, p);
	/* an unknown type is named as unknown, and the flags still are */
	v = value_flags(ctx->arena, name, p & ~0xffu, &xlat_personality_flags);
	v->raw = p;
	value_flags_prepend(ctx->arena, v, type ? type :
			    arena_printf(ctx->arena, "%#x /* PER_??? */",
					 p & 0xff));
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

/* IPC_CREAT|IPC_EXCL|0600: flags of the set the list names (shmget's
 * differ), then the mode. */
struct value *decode_ipc_flags(struct decode_ctx *ctx, const struct arg_desc *a,
			       uint64_t raw)
{
	uint32_t flags = (uint32_t)raw;
	struct value *v = value_flags(ctx->arena, a->name, flags & ~0777u,
				      a->xlat ? a->xlat : &xlat_ipc_get_flags);

	v->raw = flags;
	v->u.flags.mode_mask = 0777;
	return v;
}

/* {mtype=1, mtext="..."}: a message of size bytes after its type. */
static struct value *msgbuf_value(struct decode_ctx *ctx, const char *name,
				  uint64_t addr, uint64_t size)
{
	int64_t mtype;
	struct value *v;

	if (!decode_read(ctx, name, addr, &mtype, sizeof(mtype), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_int(ctx->arena, "mtype", mtype));
	value_add(v, decode_buffer(ctx, "mtext", addr + sizeof(mtype), size,
				   STR_TEXT));
	return v;
}

struct value *decode_msgbuf(struct decode_ctx *ctx, const struct arg_desc *a,
			    uint64_t raw)
{
	return msgbuf_value(ctx, a->name, raw, decode_param(ctx, a));
}

struct value *decode_msgbuf_out(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	return msgbuf_value(ctx, a->name, raw, decode_param(ctx, a));
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

/* _sysctl(2)'s struct __sysctl_args (x86_64 only; the kernel has not
 * implemented the call since 5.5): its pointers and lengths. */
struct value *decode_sysctl_args(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	struct {
		uint64_t name;
		int32_t nlen, pad;
		uint64_t oldval, oldlenp, newval, newlen;
	} s;
	struct value *v;

	if (!decode_read(ctx, a->name, raw, &s, sizeof(s), &v))
		return v;
	v = value_struct(ctx->arena, a->name, raw);
	value_add(v, value_ptr(ctx->arena, "name", s.name));
	value_add(v, value_int(ctx->arena, "nlen", s.nlen));
	value_add(v, value_ptr(ctx->arena, "oldval", s.oldval));
	value_add(v, value_ptr(ctx->arena, "oldlenp", s.oldlenp));
	value_add(v, value_ptr(ctx->arena, "newval", s.newval));
	value_add(v, value_uint(ctx->arena, "newlen", s.newlen));
	return v;
}
