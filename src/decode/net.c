/* Decoders for sockets: types and protocols, socket addresses, message
 * headers with their control messages (socket options: sockopt.c). */
#include <arpa/inet.h>
#include <inttypes.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "consts.h"
#include "decoders.h"
#include "fdinfo.h"

struct value *decode_sock_type(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	struct value *v = value_field_flags(ctx->arena, a->name, (uint32_t)raw,
					    0xf, &xlat_sock_type_base,
					    &xlat_sock_flags);

	if (v->u.flags.rest) {
		v->comment = "SOCK_???";
		v->comment_xlat = true;
	}
	return v;
}

struct value *decode_sock_proto(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	switch (ctx->sc->raw_args[0]) {
	case AF_INET:
	case AF_INET6:
		return value_enum(ctx->arena, a->name, (uint32_t)raw,
				  &xlat_ip_proto, V_INT);
	case AF_NETLINK:
		return value_enum(ctx->arena, a->name, (uint32_t)raw,
				  &xlat_netlink_protocols, V_INT);
	case AF_UNIX:
	case AF_PACKET:
		return value_int(ctx->arena, a->name, (int32_t)raw);
	default:
		return value_uint(ctx->arena, a->name, raw);
	}
}

#define SOCKADDR_MAX 128
/* struct sockaddr_in6 before it had sin6_scope_id */
#define SIN6_MIN_LEN 24

static struct value *expr(struct decode_ctx *ctx, const char *name,
			  const char *text)
{
	return value_expr(ctx->arena, name, 0, text);
}

static struct value *path_string(struct decode_ctx *ctx, const char *name,
				 const char *p, size_t max)
{
	size_t n = strnlen(p, max);

	return value_string(ctx->arena, name, 0, arena_strndup(ctx->arena, p, n),
			    n, false);
}

static void add_unix(struct decode_ctx *ctx, struct value *v,
		     const unsigned char *b, size_t len)
{
	const char *path = (const char *)b + 2;
	size_t n = len > 2 ? len - 2 : 0;
	struct value *s;

	/* the kernel reads no more than sun_path holds */
	if (n > sizeof(((struct sockaddr_un *)0)->sun_path))
		n = sizeof(((struct sockaddr_un *)0)->sun_path);
	if (n == 0)
		return;
	if (path[0] == 0) {
		/* an abstract name: the bytes after the NUL, all of them */
		s = value_string(ctx->arena, "sun_path", 0,
				 arena_strndup(ctx->arena, path + 1, n - 1),
				 n - 1, false);
		s->u.str.prefix = "@";
		value_add(v, s);
		return;
	}
	value_add(v, path_string(ctx, "sun_path", path, n));
}

/* A field of network-order bytes: symbolic text (htons(80)), its bytes
 * under -X raw and verbose ("\x00\x50"). */
static struct value *net_bytes(struct decode_ctx *ctx, const char *name,
			       const void *p, size_t n, const char *text)
{
	struct value *v = value_symbol(ctx->arena, name, 0, V_HEX, text);

	v->u.en.raw_alt = value_string(ctx->arena, NULL, 0,
				       arena_strndup(ctx->arena, p, n), n,
				       false);
	v->u.en.raw_alt->u.str.style = STR_HEX;
	return v;
}

void net_add_inet(struct decode_ctx *ctx, struct value *v,
		  const unsigned char *b)
{
	struct sockaddr_in sin;
	char ip[INET_ADDRSTRLEN];

	memcpy(&sin, b, sizeof(sin));
	inet_ntop(AF_INET, &sin.sin_addr, ip, sizeof(ip));
	value_add(v, net_bytes(ctx, "sin_port", &sin.sin_port, 2,
		arena_printf(ctx->arena, "htons(%u)", ntohs(sin.sin_port))));
	value_add(v, net_bytes(ctx, "sin_addr", &sin.sin_addr, 4,
		arena_printf(ctx->arena, "inet_addr(\"%s\")", ip)));
}

/* sin6_scope_id names an interface for link-local addresses only */
static bool scope_is_link(const struct in6_addr *a)
{
	return IN6_IS_ADDR_LINKLOCAL(a) || IN6_IS_ADDR_MC_LINKLOCAL(a);
}

/* Without the scope id when len stops before it (the older, 24-byte
 * form of struct sockaddr_in6). */
void net_add_inet6(struct decode_ctx *ctx, struct value *v,
		   const unsigned char *b, size_t len)
{
	struct sockaddr_in6 sin6;
	char ip[INET6_ADDRSTRLEN];
	struct value *a;

	memset(&sin6, 0, sizeof(sin6));
	memcpy(&sin6, b, len < sizeof(sin6) ? len : sizeof(sin6));
	inet_ntop(AF_INET6, &sin6.sin6_addr, ip, sizeof(ip));
	value_add(v, net_bytes(ctx, "sin6_port", &sin6.sin6_port, 2,
		arena_printf(ctx->arena, "htons(%u)", ntohs(sin6.sin6_port))));
	value_add(v, net_bytes(ctx, "sin6_flowinfo", &sin6.sin6_flowinfo, 4,
		arena_printf(ctx->arena, "htonl(%u)",
			     ntohl(sin6.sin6_flowinfo))));
	a = net_bytes(ctx, NULL, &sin6.sin6_addr, 16, arena_printf(ctx->arena,
		"inet_pton(AF_INET6, \"%s\", &sin6_addr)", ip));
	a->u.en.raw_name = "sin6_addr";
	a->u.en.sym_verbose = arena_printf(ctx->arena,
		"inet_pton(AF_INET6, \"%s\")", ip);
	value_add(v, a);
	if (len < sizeof(sin6))
		return;
	value_add(v, scope_is_link(&sin6.sin6_addr) ?
		  ifindex_value(ctx, "sin6_scope_id", sin6.sin6_scope_id) :
		  value_uint(ctx->arena, "sin6_scope_id", sin6.sin6_scope_id));
}

static void add_netlink(struct decode_ctx *ctx, struct value *v,
			const unsigned char *b)
{
	struct sockaddr_nl nl;

	memcpy(&nl, b, sizeof(nl));
	if (nl.nl_pad)
		value_add(v, value_hex(ctx->arena, "nl_pad", nl.nl_pad));
	/* a port id is most often the pid of its process (--decode-pids) */
	value_add(v, nl.nl_pid <= INT32_MAX ?
		  value_pid(ctx->arena, "nl_pid", nl.nl_pid, PID_TGID) :
		  value_uint(ctx->arena, "nl_pid", nl.nl_pid));
	/* zero-padded to 8 digits, 0x only when not zero (%#08x) */
	value_add(v, expr(ctx, "nl_groups", arena_printf(ctx->arena, "%#08x",
							 nl.nl_groups)));
}

static void add_packet(struct decode_ctx *ctx, struct value *v,
		       const unsigned char *b)
{
	struct sockaddr_ll ll;
	struct value *addr, *t;
	const struct xlat_entry *e;

	memcpy(&ll, b, sizeof(ll));
	e = xlat_find(&xlat_eth_p, ntohs(ll.sll_protocol));
	value_add(v, net_bytes(ctx, "sll_protocol", &ll.sll_protocol, 2, e ?
		arena_printf(ctx->arena, "htons(%s)", e->name) :
		arena_printf(ctx->arena, "htons(%#x)", ntohs(ll.sll_protocol))));
	value_add(v, ifindex_value(ctx, "sll_ifindex",
				   (unsigned)ll.sll_ifindex));
	t = value_enum(ctx->arena, "sll_hatype", ll.sll_hatype, &xlat_arphrd,
		       V_HEX);
	if (!t->u.en.sym)
		set_unknown_comment(ctx, t, &xlat_arphrd);
	value_add(v, t);
	value_add(v, value_enum(ctx->arena, "sll_pkttype", ll.sll_pkttype,
				&xlat_packet_type, V_UINT));
	value_add(v, value_uint(ctx->arena, "sll_halen", ll.sll_halen));
	if (!ll.sll_halen)
		return;
	addr = value_array(ctx->arena, "sll_addr", 0);
	for (unsigned i = 0; i < ll.sll_halen && i < sizeof(ll.sll_addr); i++)
		value_add(addr, value_hex(ctx->arena, NULL, ll.sll_addr[i]));
	addr->u.kids.elided = ll.sll_halen > sizeof(ll.sll_addr);
	value_add(v, addr);
}

/* The bytes after the family, for a family we do not know or an address
 * too short for its family's struct. */
static void add_sa_data(struct decode_ctx *ctx, struct value *v,
			const unsigned char *b, size_t n)
{
	if (n > 2)
		value_add(v, value_string(ctx->arena, "sa_data", 0,
			arena_strndup(ctx->arena, (const char *)b + 2, n - 2),
			n - 2, false));
}

/* A socket address of len bytes at addr. */
struct value *sockaddr_value(struct decode_ctx *ctx, const char *name,
			     uint64_t addr, int64_t len)
{
	unsigned char b[SOCKADDR_MAX + 1];
	struct value *v, *fam;
	uint16_t family;
	size_t n;

	if (addr == 0)
		return value_ptr(ctx->arena, name, 0);
	if (len < (int64_t)sizeof(family))
		return value_ptr(ctx->arena, name, addr);
	n = len > SOCKADDR_MAX ? SOCKADDR_MAX : (size_t)len;
	memset(b, 0, sizeof(b));
	if (tracee_read(ctx->mem, addr, b, n) != 0)
		return value_unavailable(ctx, name, addr);
	memcpy(&family, b, sizeof(family));
	v = value_struct(ctx->arena, name, addr);
	fam = value_enum(ctx->arena, "sa_family", family,
			 &xlat_address_family, V_HEX);
	if (!fam->u.en.sym)
		set_unknown_comment(ctx, fam, &xlat_address_family);
	value_add(v, fam);
	if (family == AF_UNIX)
		add_unix(ctx, v, b, n);
	else if (family == AF_INET && n >= sizeof(struct sockaddr_in))
		net_add_inet(ctx, v, b);
	else if (family == AF_INET6 && n >= SIN6_MIN_LEN)
		net_add_inet6(ctx, v, b, n);
	else if (family == AF_NETLINK && n >= sizeof(struct sockaddr_nl))
		add_netlink(ctx, v, b);
	else if (family == AF_PACKET && n >= sizeof(struct sockaddr_ll))
		add_packet(ctx, v, b);
	else if (!sockaddr_more(ctx, v, family, b, n))
		add_sa_data(ctx, v, b, n);
	return v;
}

struct value *decode_sockaddr(struct decode_ctx *ctx, const struct arg_desc *a,
			      uint64_t raw)
{
	return sockaddr_value(ctx, a->name, raw,
			      (int64_t)(uint32_t)decode_param(ctx, a));
}

/* The length the caller offered in the in/out length argument i (at
 * entry), or UINT32_MAX when unknown. */
static uint32_t offered_len(const struct decode_ctx *ctx, int i)
{
	const struct value *in = i >= 0 ? decode_entry_arg(ctx, (unsigned)i) :
				 NULL;

	if (!in || in->kind != V_ARRAY || !in->u.kids.first)
		return UINT32_MAX;
	return (uint32_t)in->u.kids.first->raw;
}

/* Written by the kernel: its length is in the socklen the next argument
 * points to, as the call left it, but the kernel wrote no more than the
 * caller offered. */
struct value *decode_sockaddr_out(struct decode_ctx *ctx,
				  const struct arg_desc *a, uint64_t raw)
{
	uint64_t lenp = decode_param(ctx, a);
	uint32_t len, offered;

	if (raw == 0)
		return value_ptr(ctx->arena, a->name, 0);
	if (!lenp || tracee_read(ctx->mem, lenp, &len, sizeof(len)) != 0)
		return value_ptr(ctx->arena, a->name, raw);
	offered = offered_len(ctx, a->param);
	return sockaddr_value(ctx, a->name, raw, len < offered ? len : offered);
}

/* --- messages */

struct msghdr64 {
	uint64_t name;
	uint32_t namelen;
	uint32_t pad0;
	uint64_t iov;
	uint64_t iovlen;
	uint64_t control;
	uint64_t controllen;
	int32_t flags;
	uint32_t pad1;
};

/* The netlink protocol a message's data is decoded with: strace decodes
 * it as netlink messages when msg_name is a netlink address, of the
 * socket's protocol when the socket tells it (the first argument of
 * every msghdr call), else with the control types only; -1: as text. */
static int msghdr_netlink_proto(struct decode_ctx *ctx,
				const struct msghdr64 *m)
{
	sa_family_t family;
	int proto;

	if (!m->name || m->namelen < sizeof(family) || !ctx->opts->deref ||
	    tracee_read(ctx->mem, m->name, &family, sizeof(family)) != 0 ||
	    family != AF_NETLINK)
		return -1;
	proto = decode_netlink_proto(ctx, (int)ctx->sc->raw_args[0]);
	return proto == -1 ? FDINFO_NETLINK_UNKNOWN : proto;
}

/* msg_namelen; offered: the length the caller offered, UINT32_MAX when
 * the kernel does not rewrite it: 110 => 16. */
static struct value *namelen_value(struct decode_ctx *ctx, uint32_t len,
				   uint32_t offered)
{
	struct arena *ar = ctx->arena;

	if (offered == UINT32_MAX || offered == len)
		return value_uint(ar, "msg_namelen", len);
	return value_inout(ar, "msg_namelen", value_uint(ar, NULL, offered),
			   value_uint(ar, NULL, len));
}

/* A struct msghdr; data shows at most limit bytes; offered as in
 * namelen_value (the kernel wrote no more of the name than that). */
static struct value *msghdr_value(struct decode_ctx *ctx, const char *name,
				  uint64_t addr, uint64_t limit,
				  uint32_t offered)
{
	struct msghdr64 m;
	struct arena *ar = ctx->arena;
	struct value *v;

	if (!decode_read(ctx, name, addr, &m, sizeof(m), &v))
		return v;
	v = value_struct(ar, name, addr);
	value_add(v, sockaddr_value(ctx, "msg_name", m.name,
				    m.namelen < offered ? m.namelen : offered));
	value_add(v, namelen_value(ctx, m.namelen, offered));
	value_add(v, iovec_sock_value(ctx, "msg_iov", m.iov, m.iovlen, limit,
				      msghdr_netlink_proto(ctx, &m)));
	value_add(v, value_uint(ar, "msg_iovlen", m.iovlen));
	if (m.controllen && m.control)
		value_add(v, control_value(ctx, m.control, m.controllen));
	value_add(v, value_uint(ar, "msg_controllen", m.controllen));
	value_add(v, value_flags(ar, "msg_flags", (uint32_t)m.flags,
				 &xlat_msg_flags));
	return v;
}

struct value *decode_msghdr(struct decode_ctx *ctx, const struct arg_desc *a,
			    uint64_t raw)
{
	return msghdr_value(ctx, a->name, raw, UINT64_MAX, UINT32_MAX);
}

/* PHASE_BOTH: at entry only the name length the caller offers (what a
 * failed call shows), at exit the message received. */
struct value *decode_msghdr_out(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	struct msghdr64 m;
	struct value *v = decode_entry_value(ctx);

	if (ctx->at_exit)
		return msghdr_value(ctx, a->name, raw,
				    (uint64_t)ctx->sc->rval,
				    v && v->kind == V_STRUCT && v->u.kids.first ?
				    (uint32_t)v->u.kids.first->raw :
				    UINT32_MAX);
	if (!decode_read(ctx, a->name, raw, &m, sizeof(m), &v))
		return v;
	v = value_struct(ctx->arena, a->name, raw);
	value_add(v, value_uint(ctx->arena, "msg_namelen", m.namelen));
	return v;
}

/* sendmmsg and recvmmsg: struct mmsghdr is a msghdr and the length the
 * call sent or received; no more than UIO_MAXIOV of them count. */
#define MMSG_SIZE (sizeof(struct msghdr64) + 8)
#define MMSG_MAX 1024

/* n headers at addr, the first done of them with their msg_len; out:
 * received, with names no longer than the entry's offers. */
static struct value *mmsghdr_value(struct decode_ctx *ctx, const char *name,
				   uint64_t addr, uint64_t n, uint64_t done,
				   const struct value *offers)
{
	struct value *v = value_array(ctx->arena, name, addr);
	const struct value *offer = offers ? offers->u.kids.first : NULL;

	if (addr == 0)
		return value_ptr(ctx->arena, name, 0);
	for (uint64_t i = 0; i < n; i++, offer = offer ? offer->next : NULL) {
		unsigned char b[MMSG_SIZE];
		uint32_t len;
		uint64_t at = addr + i * MMSG_SIZE;
		struct value *e;

		if (i == MMSG_MAX || decode_array_full(ctx, i)) {
			v->u.kids.elided = true;
			break;
		}
		if (tracee_read(ctx->mem, at, b, sizeof(b)) != 0) {
			if (i == 0)
				return value_unavailable(ctx, name, addr);
			v->u.kids.elided = true;
			v->u.kids.unread_at = at;
			break;
		}
		memcpy(&len, b + sizeof(struct msghdr64), sizeof(len));
		e = value_struct(ctx->arena, NULL, at);
		value_add(e, msghdr_value(ctx, "msg_hdr", at,
					  offers && i < done ? len :
					  UINT64_MAX,
					  offer ? (uint32_t)offer->raw :
					  UINT32_MAX));
		if (i < done)
			value_add(e, value_uint(ctx->arena, "msg_len", len));
		value_add(v, e);
	}
	return v;
}

/* sendmmsg's: at entry the headers offered (what a failed call shows),
 * at exit with the lengths sent. */
struct value *decode_mmsghdr(struct decode_ctx *ctx, const struct arg_desc *a,
			     uint64_t raw)
{
	uint64_t vlen = (uint32_t)decode_param(ctx, a);	/* mmsghdr(vlen) */

	return mmsghdr_value(ctx, a->name, raw, vlen,
			     ctx->at_exit ? (uint64_t)ctx->sc->rval : 0, NULL);
}

/* The name lengths each header offers, kept from entry to exit. */
static struct value *name_offers(struct decode_ctx *ctx, const char *name,
				 uint64_t addr, uint64_t n)
{
	struct value *v = value_array(ctx->arena, name, addr);
	struct msghdr64 m;

	for (uint64_t i = 0; i < n && i < MMSG_MAX; i++) {
		if (tracee_read(ctx->mem, addr + i * MMSG_SIZE, &m,
				sizeof(m)) != 0)
			break;
		value_add(v, value_uint(ctx->arena, NULL, m.namelen));
	}
	return v;
}

/* recvmmsg's: at entry the name lengths offered (never shown), at exit
 * the headers received, or the address when the call failed. */
struct value *decode_mmsghdr_out(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	uint64_t vlen = (uint32_t)decode_param(ctx, a);	/* mmsghdr_out(vlen) */
	uint64_t done = (uint64_t)ctx->sc->rval;
	struct value *offers = decode_entry_value(ctx);

	if (!ctx->at_exit)
		return raw ? name_offers(ctx, a->name, raw, vlen) :
		       value_ptr(ctx->arena, a->name, 0);
	if (ctx->sc->err || ctx->sc->ret_unknown)
		return value_ptr(ctx->arena, a->name, raw);
	if (!offers || offers->kind != V_ARRAY)
		offers = value_array(ctx->arena, a->name, raw);
	return mmsghdr_value(ctx, a->name, raw, done, done, offers);
}

/* recvmmsg's count, and what is left of its timeout. */
struct value *decode_recvmmsg_ret(struct decode_ctx *ctx,
				  const struct arg_desc *a, uint64_t raw)
{
	uint64_t ts = ctx->sc->raw_args[4];

	/* -e verbose=none: no structures read, the time left neither */
	if (ts && ctx->opts->deref) {
		struct value *note = value_struct(ctx->arena, NULL, 0);

		value_add(note, timespec_value(ctx, "left", ts));
		ctx->sc->ret_note = note;
	}
	return value_int(ctx->arena, a->name, (int64_t)raw);
}
