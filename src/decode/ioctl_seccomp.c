/* ioctl requests on a seccomp user-notification descriptor
 * (linux/seccomp.h, type '!'): the notifications a supervisor receives,
 * its answers and the descriptors it installs in the target. */
#include <linux/seccomp.h>
#include <sys/ioctl.h>
#include <stdio.h>
#include <string.h>

#include "arch.h"
#include "consts.h"
#include "ioctl_family.h"

/* The call a notification is about: __NR_name for an ABI we know */
static struct value *nr_value(struct decode_ctx *ctx, uint32_t nr,
			      uint32_t audit)
{
	for (unsigned i = 0; i < arch_personality_count; i++) {
		const struct syscall_desc *d;

		if (arch_personalities[i].audit != audit)
			continue;
		d = syscall_lookup(arch_personalities[i].table, nr);
		if (d && d->name)
			return value_symbol(ctx->arena, "nr", nr, V_UINT,
					    arena_printf(ctx->arena, "__NR_%s",
							 d->name));
	}
	return value_uint(ctx->arena, "nr", nr);
}

static struct value *notif_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr, const struct seccomp_notif *n)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, name, addr), *d, *args;

	value_add(v, value_hex(ar, "id", n->id));
	value_add(v, value_pid(ar, "pid", (int32_t)n->pid, PID_TGID));
	value_add(v, value_hex(ar, "flags", n->flags));
	d = value_struct(ar, "data", addr);
	value_add(d, nr_value(ctx, (uint32_t)n->data.nr, n->data.arch));
	value_add(d, ioctl_enum(ctx, "arch", n->data.arch, &xlat_audit_arch));
	value_add(d, value_ptr(ar, "instruction_pointer",
			       n->data.instruction_pointer));
	args = value_array(ar, "args", addr);
	for (unsigned i = 0; i < 6; i++)
		value_add(args, value_hex(ar, NULL, n->data.args[i]));
	value_add(d, args);
	value_add(v, d);
	return v;
}

/* NOTIF_RECV: a buffer the program zeroed shows at exit only; one with
 * something in it shows at entry, and what the call wrote after "=>" */
static struct value *recv_value(struct decode_ctx *ctx, const char *name,
				uint64_t addr)
{
	static const struct seccomp_notif zero;
	struct seccomp_notif n;
	struct value *v;

	if (!decode_read(ctx, name, addr, &n, sizeof(n), &v))
		return ctx->at_exit ? NULL : v;
	if (!ctx->at_exit)
		return memcmp(&n, &zero, sizeof(n)) ?
			ioctl_inout_entry(ctx, name, addr,
					  notif_value(ctx, name, addr, &n)) :
			value_ptr(ctx->arena, name, addr);
	return ioctl_inout_exit(ctx, name, notif_value(ctx, name, addr, &n));
}

/* error=-ENOSR: a negated errno, by name where it has one */
static struct value *neg_errno(struct decode_ctx *ctx, const char *name,
			       int32_t err)
{
	const char *e = err < 0 ? errno_name(-err) : NULL;

	if (!e)
		return value_int(ctx->arena, name, err);
	return value_symbol(ctx->arena, name, (uint64_t)(int64_t)err, V_INT,
			    arena_printf(ctx->arena, "-%s", e));
}

static struct value *resp_value(struct decode_ctx *ctx, const char *name,
				uint64_t addr)
{
	struct seccomp_notif_resp r;
	struct value *v;

	if (!decode_read(ctx, name, addr, &r, sizeof(r), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_hex(ctx->arena, "id", r.id));
	value_add(v, value_int(ctx->arena, "val", r.val));
	value_add(v, neg_errno(ctx, "error", r.error));
	value_add(v, ioctl_flags_value(ctx, "flags", r.flags,
				       &xlat_seccomp_resp_flags));
	return v;
}

static struct value *addfd_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr)
{
	struct arg_desc fd = { "srcfd", ARG_FD, PARAM_NONE, NULL };
	struct seccomp_notif_addfd a;
	struct value *v;

	if (!decode_read(ctx, name, addr, &a, sizeof(a), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_hex(ctx->arena, "id", a.id));
	value_add(v, ioctl_flags_value(ctx, "flags", a.flags,
				       &xlat_seccomp_addfd_flags));
	value_add(v, decode_fd(ctx, &fd, a.srcfd));
	value_add(v, value_int(ctx->arena, "newfd", (int32_t)a.newfd));
	value_add(v, ioctl_flags_value(ctx, "newfd_flags", a.newfd_flags,
				       &xlat_open_flags));
	return v;
}

/* [0x...]: the notification id SECCOMP_IOCTL_NOTIF_ID_VALID checks */
static struct value *id_value(struct decode_ctx *ctx, const char *name,
			      uint64_t addr)
{
	uint64_t id;
	struct value *v;

	if (!decode_read(ctx, name, addr, &id, sizeof(id), &v))
		return v;
	v = value_array(ctx->arena, name, addr);
	value_add(v, value_hex(ctx->arena, NULL, id));
	return v;
}

struct value *ioctl_seccomp(struct decode_ctx *ctx, const char *name,
			    uint32_t req, uint64_t arg)
{
	if (req == SECCOMP_IOCTL_NOTIF_RECV)
		return recv_value(ctx, name, arg);
	if (ctx->at_exit)
		return NULL;
	switch (req) {
	case SECCOMP_IOCTL_NOTIF_SEND:
		return resp_value(ctx, name, arg);
	case SECCOMP_IOCTL_NOTIF_ID_VALID:
	case SECCOMP_IOR(2, __u64):
		return id_value(ctx, name, arg);
	case SECCOMP_IOCTL_NOTIF_ADDFD:
		return addfd_value(ctx, name, arg);
	default:
		return NULL;
	}
}
