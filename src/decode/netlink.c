/* Netlink messages as strace shows them: the nlmsghdr of each message
 * in a buffer sent or received on a netlink socket, the common control
 * messages (NLMSG_ERROR, NLMSG_DONE) and, through struct nl_family, each
 * protocol's message types, flags and payloads. */
#include <linux/selinux_netlink.h>
#include <linux/xfrm.h>
#include <string.h>

#include "consts.h"
#include "fdinfo.h"
#include "netlink.h"

/* By protocol (NETLINK_ROUTE...): what the family adds. */
static const struct nl_family nl_family_plain;
static const struct nl_family nl_family_generic = {
	.types = &xlat_genl_families,
};
static const struct nl_family nl_family_audit = {
	.types = &xlat_nl_audit_types,
};

/* XFRM requests by the flags they take (the others take plain ones). */
static const struct {
	uint16_t type;
	const struct xlat *flags;
} xfrm_flags[] = {
	{ XFRM_MSG_NEWSA, &xlat_nlm_flags_new },
	{ XFRM_MSG_NEWPOLICY, &xlat_nlm_flags_new },
	{ XFRM_MSG_NEWAE, &xlat_nlm_flags_new },
	{ XFRM_MSG_NEWSADINFO, &xlat_nlm_flags_new },
	{ XFRM_MSG_NEWSPDINFO, &xlat_nlm_flags_new },
	{ XFRM_MSG_UPDSA, &xlat_nlm_flags_new },
	{ XFRM_MSG_UPDPOLICY, &xlat_nlm_flags_new },
	{ XFRM_MSG_DELSA, &xlat_nlm_flags_del },
	{ XFRM_MSG_DELPOLICY, &xlat_nlm_flags_del },
	{ XFRM_MSG_GETSA, &xlat_nlm_flags_get },
	{ XFRM_MSG_GETPOLICY, &xlat_nlm_flags_get },
	{ XFRM_MSG_GETAE, &xlat_nlm_flags_get },
	{ XFRM_MSG_GETSADINFO, &xlat_nlm_flags_get },
	{ XFRM_MSG_GETSPDINFO, &xlat_nlm_flags_get },
};

static const struct xlat *xfrm_flags_of(uint16_t type)
{
	for (size_t i = 0; i < sizeof(xfrm_flags) / sizeof(xfrm_flags[0]); i++)
		if (xfrm_flags[i].type == type)
			return xfrm_flags[i].flags;
	return NULL;
}

static const struct nl_family nl_family_xfrm = {
	.types = &xlat_nl_xfrm_types,
	.flags = xfrm_flags_of,
};

/* SELinux's two messages carry one 32-bit number each. */
static bool selinux_payload(struct decode_ctx *ctx, struct value *msg,
			    const struct nlmsghdr *h, uint64_t addr,
			    uint32_t len)
{
	struct value *v;
	uint32_t n;

	if ((h->nlmsg_type != SELNL_MSG_SETENFORCE &&
	     h->nlmsg_type != SELNL_MSG_POLICYLOAD) || len < sizeof(n))
		return false;
	if (tracee_read(ctx->mem, addr, &n, sizeof(n)) != 0) {
		value_add(msg, value_unavailable(ctx, NULL, addr));
		return true;
	}
	v = value_struct(ctx->arena, NULL, addr);
	value_add(v, h->nlmsg_type == SELNL_MSG_SETENFORCE ?
		  value_int(ctx->arena, "val", (int32_t)n) :
		  value_uint(ctx->arena, "seqno", n));
	value_add(msg, v);
	return true;
}

static const struct nl_family nl_family_selinux = {
	.types = &xlat_nl_selinux_types,
	.payload = selinux_payload,
};

static const struct nl_family *family_of(int proto)
{
	switch (proto) {
	case NETLINK_ROUTE: return &nl_family_route;
	case NETLINK_SOCK_DIAG: return &nl_family_sock_diag;
	case NETLINK_AUDIT: return &nl_family_audit;
	case NETLINK_XFRM: return &nl_family_xfrm;
	case NETLINK_SELINUX: return &nl_family_selinux;
	case NETLINK_NETFILTER: return &nl_family_netfilter;
	case NETLINK_GENERIC: return &nl_family_generic;
	default: return &nl_family_plain;
	}
}

struct value *nl_enum(struct decode_ctx *ctx, const char *name, uint64_t v,
		      const struct xlat *x)
{
	struct value *e = value_enum(ctx->arena, name, v, x, V_HEX);

	if (!e->u.en.sym)
		set_unknown_comment(ctx, e, x);
	return e;
}

static struct value *type_value(struct decode_ctx *ctx,
				const struct nl_family *f, uint16_t type)
{
	if (type >= NLMSG_MIN_TYPE && f->type)
		return f->type(ctx, type);
	if (type >= NLMSG_MIN_TYPE && f->types)
		return nl_enum(ctx, "nlmsg_type", type, f->types);
	return nl_enum(ctx, "nlmsg_type", type, &xlat_nlmsg_types);
}

static const struct xlat *flags_set(const struct nl_family *f, uint16_t type)
{
	const struct xlat *x = NULL;

	if (type == NLMSG_ERROR)
		return &xlat_nlm_flags_ack;
	if (type >= NLMSG_MIN_TYPE && f->flags)
		x = f->flags(type);
	return x ? x : &xlat_nlm_flags;
}

static struct value *header_value(struct decode_ctx *ctx,
				  const struct nl_family *f,
				  const struct nlmsghdr *h, uint64_t addr)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, NULL, addr);
	const struct xlat *fx = flags_set(f, h->nlmsg_type);
	struct value *flags = value_flags(ar, "nlmsg_flags", h->nlmsg_flags,
					  fx);

	if (!flags->u.flags.count && flags->u.flags.rest)
		set_unknown_comment(ctx, flags, fx);
	value_add(v, value_uint(ar, "nlmsg_len", h->nlmsg_len));
	value_add(v, type_value(ctx, f, h->nlmsg_type));
	value_add(v, flags);
	value_add(v, value_uint(ar, "nlmsg_seq", h->nlmsg_seq));
	/* a port id, which strace prints as a pid (with its number in
	 * strace's PID namespace under --pidns-translation) */
	value_add(v, value_pid(ar, "nlmsg_pid", (int32_t)h->nlmsg_pid,
			       PID_TGID));
	return v;
}

static struct value *message_value(struct decode_ctx *ctx,
				   const struct nl_family *f,
				   const struct nlmsghdr *h, uint64_t addr,
				   uint64_t len);

static const struct nla_kind nlmsgerr_kinds[] = {
	[NLMSGERR_ATTR_MSG] = { nla_str, NULL },
	[NLMSGERR_ATTR_OFFS] = { nla_u32, NULL },
	[NLMSGERR_ATTR_COOKIE] = { nla_u8_array, NULL },
	[NLMSGERR_ATTR_MISS_TYPE] = { nla_u32, NULL },
	[NLMSGERR_ATTR_MISS_NEST] = { nla_u32, NULL },
};

static const struct nla_set nlmsgerr_attrs = {
	&xlat_nlmsgerr_attrs, nlmsgerr_kinds,
	sizeof(nlmsgerr_kinds) / sizeof(nlmsgerr_kinds[0]),
};

/* {error=-EACCES, msg=...}: the request the error answers follows. */
static void error_payload(struct decode_ctx *ctx, struct value *msg,
			  const struct nl_family *f, const struct nlmsghdr *h,
			  uint64_t addr, uint32_t len)
{
	struct nlmsgerr e;
	struct value *v, *m, *list;
	const char *name;
	uint64_t take;

	if (len < sizeof(e)) {
		value_add(msg, decode_buffer(ctx, NULL, addr, len, STR_HEX));
		return;
	}
	if (tracee_read(ctx->mem, addr, &e, sizeof(e)) != 0) {
		value_add(msg, value_unavailable(ctx, NULL, addr));
		return;
	}
	v = value_struct(ctx->arena, NULL, addr);
	name = e.error < 0 ? errno_name(-e.error) : NULL;
	value_add(v, name ? value_symbol(ctx->arena, "error",
					 (uint64_t)(int64_t)e.error, V_INT,
					 arena_printf(ctx->arena, "-%s", name)) :
		  value_int(ctx->arena, "error", e.error));
	addr += sizeof(e.error);
	len -= sizeof(e.error);
	/* a capped error carries the request's header only */
	take = h->nlmsg_flags & NLM_F_CAPPED ? sizeof(e.msg) :
	       NLMSG_ALIGN((uint64_t)e.msg.nlmsg_len);
	/* a request shorter than its header still takes the header */
	if (take < sizeof(e.msg))
		take = sizeof(e.msg);
	if (take > len)
		take = len;
	m = message_value(ctx, f, &e.msg, addr, take);
	m->name = "msg";
	value_add(v, m);
	if (len <= take) {
		value_add(msg, v);
		return;
	}
	/* extended acknowledgement attributes follow the request */
	list = value_array(ctx->arena, NULL, addr);
	value_add(list, v);
	value_add(list, nla_value(ctx, addr + take, (uint32_t)(len - take),
				  &nlmsgerr_attrs, -1));
	v = list;
	value_add(msg, v);
}

/* The bytes after a header: the family's payload, NLMSG_DONE's int, or
 * a hex string. */
static void add_payload(struct decode_ctx *ctx, struct value *msg,
			const struct nl_family *f, const struct nlmsghdr *h,
			uint64_t addr, uint32_t len)
{
	int32_t n;

	if (h->nlmsg_type == NLMSG_ERROR) {
		error_payload(ctx, msg, f, h, addr, len);
		return;
	}
	if ((h->nlmsg_type >= NLMSG_MIN_TYPE ||
	     h->nlmsg_type == NLMSG_DONE) &&
	    f->payload && f->payload(ctx, msg, h, addr, len))
		return;
	if (h->nlmsg_type == NLMSG_DONE && len == sizeof(n)) {
		if (tracee_read(ctx->mem, addr, &n, sizeof(n)) != 0)
			value_add(msg, value_unavailable(ctx, NULL, addr));
		else
			value_add(msg, value_int(ctx->arena, NULL, n));
		return;
	}
	value_add(msg, decode_buffer(ctx, NULL, addr, len, STR_HEX));
}

/* One message of len bytes at most: its header alone, or [header,
 * payload...] when the message holds more. */
static struct value *message_value(struct decode_ctx *ctx,
				   const struct nl_family *f,
				   const struct nlmsghdr *h, uint64_t addr,
				   uint64_t len)
{
	uint64_t size = h->nlmsg_len < len ? h->nlmsg_len : len;
	struct value *hdr = header_value(ctx, f, h, addr);
	struct value *msg;

	if (size <= NLMSG_HDRLEN)
		return hdr;
	msg = value_array(ctx->arena, NULL, addr);
	value_add(msg, hdr);
	add_payload(ctx, msg, f, h, addr + NLMSG_HDRLEN,
		    (uint32_t)(size - NLMSG_HDRLEN));
	return msg;
}

/* Where the message after the one at addr starts, or 0 for none. */
static uint64_t next_message(const struct nlmsghdr *h, uint64_t addr,
			     uint64_t len, uint64_t *next_len)
{
	uint64_t size = NLMSG_ALIGN((uint64_t)h->nlmsg_len);

	if (h->nlmsg_len < NLMSG_HDRLEN || len <= size ||
	    addr + size < addr)
		return 0;
	*next_len = len - size;
	return addr + size;
}

struct value *netlink_value(struct decode_ctx *ctx, const char *name,
			    uint64_t addr, uint64_t len, int proto)
{
	const struct nl_family *f = family_of(proto);
	struct value *list = NULL, *one;
	struct nlmsghdr h;

	for (uint64_t i = 0;; i++) {
		uint64_t next, next_len = 0;

		if (list && decode_array_full(ctx, i)) {
			list->u.kids.elided = true;
			break;
		}
		if (len < sizeof(h)) {
			one = decode_buffer(ctx, NULL, addr, len, STR_HEX);
		} else if (tracee_read(ctx->mem, addr, &h, sizeof(h)) != 0) {
			if (!list)
				return addr ? value_unavailable(ctx, name, addr) :
				       value_ptr(ctx->arena, name, 0);
			list->u.kids.elided = true;
			list->u.kids.unread_at = addr;
			break;
		} else {
			one = message_value(ctx, f, &h, addr, len);
		}
		next = len < sizeof(h) ? 0 :
		       next_message(&h, addr, len, &next_len);
		if (!list && !next) {
			one->name = name;
			return one;
		}
		if (!list)
			list = value_array(ctx->arena, name, addr);
		value_add(list, one);
		if (!next)
			break;
		addr = next;
		len = next_len;
	}
	return list;
}

/* --- buffers of socket calls */

int decode_netlink_proto(struct decode_ctx *ctx, int fd)
{
	const struct fdinfo_source *s = ctx->fds ? ctx->fds : &fdinfo_proc;

	/* strace reads messages only where it reads structures */
	if (!ctx->opts->deref || !s->netlink_proto || !ctx->mem->pid)
		return -1;
	return s->netlink_proto(s, ctx->mem->pid, fd);
}

struct value *decode_sockbuf_value(struct decode_ctx *ctx, const char *name,
				   uint64_t addr, uint64_t len, int proto)
{
	if (proto == -1)
		return decode_buffer(ctx, name, addr, len, STR_TEXT);
	return netlink_value(ctx, name, addr, len, proto);
}

/* sendto's and recvfrom's buffer: the socket is the first argument, the
 * buffer's size the one after the buffer. With MSG_TRUNC recvfrom returns
 * a datagram's whole length, of which the buffer holds no more than its
 * size. */
struct value *decode_sockbuf(struct decode_ctx *ctx, const struct arg_desc *a,
			     uint64_t raw)
{
	int proto = decode_netlink_proto(ctx, (int)ctx->sc->raw_args[0]);
	uint64_t len = decode_param(ctx, a);
	uint64_t size = ctx->sc->raw_args[ctx->cur + 1];

	if (ctx->at_exit && len > size)
		len = size;
	return decode_sockbuf_value(ctx, a->name, raw, len, proto);
}
