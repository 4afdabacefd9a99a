/* NETLINK_SOCK_DIAG payloads of IPv4 and IPv6 sockets: requests
 * (inet_diag_req_v2, and inet_diag_req of the older TCPDIAG_GETSOCK and
 * DCCPDIAG_GETSOCK) and answers (inet_diag_msg) with their socket id. */
#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "consts.h"
#include "netlink.h"

/* idiag_src=inet_addr("192.0.2.1"), or for IPv6 the call that fills it:
 * inet_pton(AF_INET6, "::1", &idiag_src) */
static struct value *sockid_addr(struct decode_ctx *ctx, const char *name,
				 const unsigned char *a, uint8_t family)
{
	char text[INET6_ADDRSTRLEN];
	struct value *v;

	if (family == AF_INET6 &&
	    inet_ntop(AF_INET6, a, text, sizeof(text))) {
		v = value_expr(ctx->arena, NULL, 0,
			       arena_printf(ctx->arena,
					    "inet_pton(AF_INET6, \"%s\", &%s)",
					    text, name));
		return v;
	}
	if (family == AF_INET && inet_ntop(AF_INET, a, text, sizeof(text))) {
		v = nl_bytes_symbol(ctx, name, a, 4,
				    arena_printf(ctx->arena,
						 "inet_addr(\"%s\")", text));
		return v;
	}
	return nl_hwaddr(ctx, name, a, 16);
}

struct value *nl_sockid_value(struct decode_ctx *ctx, const char *name,
			      const unsigned char *b, uint8_t family)
{
	static const struct field port_fields[] = {
		FIELD(inet_diag_sockid, idiag_sport, F_PORT, NULL),
		FIELD(inet_diag_sockid, idiag_dport, F_PORT, NULL),
		FIELD_END,
	};
	static const struct field tail_fields[] = {
		FIELD(inet_diag_sockid, idiag_if, F_IFINDEX, NULL),
		FIELD(inet_diag_sockid, idiag_cookie, F_COOKIE, NULL),
		FIELD_END,
	};
	struct value *v = value_struct(ctx->arena, name, 0);

	nl_add_fields(ctx, v, port_fields, b);
	value_add(v, sockid_addr(ctx, "idiag_src", b +
				 offsetof(struct inet_diag_sockid, idiag_src),
				 family));
	value_add(v, sockid_addr(ctx, "idiag_dst", b +
				 offsetof(struct inet_diag_sockid, idiag_dst),
				 family));
	nl_add_fields(ctx, v, tail_fields, b);
	return v;
}

static const struct field req_v2_fields[] = {
	FIELD(inet_diag_req_v2, sdiag_protocol, F_ENUM, &xlat_ip_proto),
	FIELD(inet_diag_req_v2, idiag_ext, F_BITS_1, &xlat_inet_diag_attrs),
	FIELD(inet_diag_req_v2, pad, F_PAD, NULL),
	FIELD(inet_diag_req_v2, idiag_states, F_BITS, &xlat_tcp_states),
	FIELD(inet_diag_req_v2, id, F_SOCKID, NULL),
	FIELD_END,
};

static const struct field req_fields[] = {
	FIELD(inet_diag_req, idiag_src_len, F_UINT, NULL),
	FIELD(inet_diag_req, idiag_dst_len, F_UINT, NULL),
	FIELD(inet_diag_req, idiag_ext, F_BITS_1, &xlat_inet_diag_attrs),
	FIELD(inet_diag_req, id, F_SOCKID, NULL),
	FIELD(inet_diag_req, idiag_states, F_BITS, &xlat_tcp_states),
	FIELD(inet_diag_req, idiag_dbs, F_UINT, NULL),
	FIELD_END,
};

static const struct field msg_fields[] = {
	FIELD(inet_diag_msg, idiag_state, F_ENUM, &xlat_tcp_states),
	FIELD(inet_diag_msg, idiag_timer, F_UINT, NULL),
	FIELD(inet_diag_msg, idiag_retrans, F_UINT, NULL),
	FIELD(inet_diag_msg, id, F_SOCKID, NULL),
	FIELD(inet_diag_msg, idiag_expires, F_UINT, NULL),
	FIELD(inet_diag_msg, idiag_rqueue, F_UINT, NULL),
	FIELD(inet_diag_msg, idiag_wqueue, F_UINT, NULL),
	FIELD(inet_diag_msg, idiag_uid, F_UINT, NULL),
	FIELD(inet_diag_msg, idiag_inode, F_UINT, NULL),
	FIELD_END,
};

static const struct nla_kind req_kinds[] = {
	[INET_DIAG_REQ_PROTOCOL] = { nla_enum32, &xlat_ip_proto },
};
static const struct nla_set req_attrs = {
	&xlat_inet_diag_req_attrs, req_kinds,
	sizeof(req_kinds) / sizeof(req_kinds[0]),
};

static const struct field meminfo_fields[] = {
	FIELD(inet_diag_meminfo, idiag_rmem, F_UINT, NULL),
	FIELD(inet_diag_meminfo, idiag_wmem, F_UINT, NULL),
	FIELD(inet_diag_meminfo, idiag_fmem, F_UINT, NULL),
	FIELD(inet_diag_meminfo, idiag_tmem, F_UINT, NULL),
	FIELD_END,
};
static const struct nla_struct meminfo = {
	sizeof(struct inet_diag_meminfo), meminfo_fields
};

static const struct nla_kind msg_kinds[] = {
	[INET_DIAG_MEMINFO] = { nla_struct, &meminfo },
	[INET_DIAG_CONG] = { nla_str, NULL },
	[INET_DIAG_TOS] = { nla_u8, NULL },
	[INET_DIAG_TCLASS] = { nla_u8, NULL },
	[INET_DIAG_SHUTDOWN] = { nla_u8, NULL },
	[INET_DIAG_PROTOCOL] = { nla_enum8, &xlat_ip_proto },
	[INET_DIAG_SKV6ONLY] = { nla_u8, NULL },
	[INET_DIAG_MARK] = { nla_u32, NULL },
	[INET_DIAG_CLASS_ID] = { nla_u32, NULL },
};
static const struct nla_set msg_attrs = {
	&xlat_inet_diag_attrs, msg_kinds,
	sizeof(msg_kinds) / sizeof(msg_kinds[0]),
};

const struct nl_fixed nl_inet_diag_req_v2 = {
	"sdiag_family", sizeof(struct inet_diag_req_v2), req_v2_fields,
	&req_attrs, NULL, NULL,
};
const struct nl_fixed nl_inet_diag_req = {
	"idiag_family", sizeof(struct inet_diag_req), req_fields,
	&req_attrs, NULL, NULL,
};
const struct nl_fixed nl_inet_diag_msg = {
	"idiag_family", sizeof(struct inet_diag_msg), msg_fields,
	&msg_attrs, NULL, NULL,
};
