/* ioctl requests of sockets (linux/sockios.h, type 0x89) that carry a
 * struct: SIOCGIFCONF's list of interfaces and their addresses. */
#include <net/if.h>
#include <stddef.h>
#include <sys/ioctl.h>

#include "consts.h"
#include "ioctl_family.h"

/* ifc_len, with how many ifreqs it holds when it is a whole number */
static struct value *ifc_len_value(struct decode_ctx *ctx, int32_t len)
{
	struct value *v = value_int(ctx->arena, "ifc_len", len);

	if (len > 0 && len % (int32_t)sizeof(struct ifreq) == 0)
		v->comment = arena_printf(ctx->arena,
					  "%d * sizeof(struct ifreq)",
					  len / (int32_t)sizeof(struct ifreq));
	return v;
}

/* the interfaces the call wrote: as many as -s lets through */
static struct value *ifreqs_value(struct decode_ctx *ctx, uint64_t buf,
				  int32_t len)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_array(ar, "ifc_buf", buf);
	uint64_t i = 0, n = len > 0 ? (uint64_t)len / sizeof(struct ifreq) : 0;

	for (; i < n; i++) {
		uint64_t at = buf + i * sizeof(struct ifreq);
		char name[IFNAMSIZ];
		struct value *e;

		if (decode_array_full(ctx, i)) {
			v->u.kids.elided = true;
			break;
		}
		if (tracee_read(ctx->mem, at, name, sizeof(name)) != 0) {
			v->u.kids.elided = true;
			v->u.kids.unread_at = at;
			break;
		}
		e = value_struct(ar, NULL, at);
		value_add(e, ioctl_cstring(ctx, "ifr_name", at, name,
					   sizeof(name)));
		value_add(e, sockaddr_value(ctx, "ifr_addr",
					    at + offsetof(struct ifreq,
							  ifr_addr),
					    sizeof(struct sockaddr)));
		value_add(v, e);
	}
	return v;
}

/* SIOCGIFCONF: at entry the length and buffer handed in (what a failed
 * call shows); after a successful call the length it set (in => out
 * when they differ) and the interfaces */
static struct value *ifconf_value(struct decode_ctx *ctx, const char *name,
				  uint64_t addr)
{
	struct value *in = decode_entry_value(ctx), *v, *len;
	struct ifconf ifc;
	int32_t in_len;
	uint64_t buf;

	if (!decode_read(ctx, name, addr, &ifc, sizeof(ifc), &v))
		return ctx->at_exit ? NULL : v;
	buf = (uint64_t)(uintptr_t)ifc.ifc_buf;
	v = value_struct(ctx->arena, name, addr);
	if (!ctx->at_exit) {
		value_add(v, ifc_len_value(ctx, ifc.ifc_len));
		value_add(v, value_ptr(ctx->arena, "ifc_buf", buf));
		return v;
	}
	if (!in || in->kind != V_STRUCT)
		return NULL;
	in_len = (int32_t)in->u.kids.first->raw;
	buf = in->u.kids.first->next->raw;
	len = ifc_len_value(ctx, ifc.ifc_len);
	if (buf && in_len != ifc.ifc_len)
		len = value_inout(ctx->arena, "ifc_len",
				  ifc_len_value(ctx, in_len), len);
	value_add(v, len);
	value_add(v, buf ? ifreqs_value(ctx, buf, ifc.ifc_len) :
		  value_ptr(ctx->arena, "ifc_buf", 0));
	return v;
}

struct value *ioctl_sock(struct decode_ctx *ctx, const char *name,
			 uint32_t req, uint64_t arg)
{
	switch (req) {
	case SIOCGIFCONF:
		return ifconf_value(ctx, name, arg);
	default:
		return NULL;
	}
}
