/* NETLINK_SOCK_DIAG payloads: requests (NLM_F_REQUEST) and answers about
 * UNIX, netlink and packet sockets, chosen by their first byte, the
 * socket family; other families show that byte and the rest in hex. */
#include <linux/inet_diag.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>

#include "consts.h"
#include "netlink.h"

static const struct xlat *diag_flags(uint16_t type)
{
	return &xlat_nlm_flags_get;
}

static const struct field unix_req_fields[] = {
	FIELD(unix_diag_req, sdiag_protocol, F_UINT, NULL),
	FIELD(unix_diag_req, udiag_states, F_BITS, &xlat_tcp_states),
	FIELD(unix_diag_req, udiag_ino, F_UINT, NULL),
	FIELD(unix_diag_req, udiag_show, F_FLAGS, &xlat_udiag_show),
	FIELD(unix_diag_req, udiag_cookie, F_COOKIE, NULL),
	FIELD_END,
};

static const struct field unix_msg_fields[] = {
	FIELD(unix_diag_msg, udiag_type, F_ENUM, &xlat_sock_type_base),
	FIELD(unix_diag_msg, udiag_state, F_ENUM, &xlat_tcp_states),
	FIELD(unix_diag_msg, udiag_ino, F_UINT, NULL),
	FIELD(unix_diag_msg, udiag_cookie, F_COOKIE, NULL),
	FIELD_END,
};

static const struct field netlink_req_fields[] = {
	FIELD(netlink_diag_req, sdiag_protocol, F_ENUM, &xlat_ndiag_protocol),
	FIELD(netlink_diag_req, ndiag_ino, F_UINT, NULL),
	FIELD(netlink_diag_req, ndiag_show, F_FLAGS, &xlat_ndiag_show),
	FIELD(netlink_diag_req, ndiag_cookie, F_COOKIE, NULL),
	FIELD_END,
};

static const struct field netlink_msg_fields[] = {
	FIELD(netlink_diag_msg, ndiag_type, F_ENUM, &xlat_sock_type_base),
	FIELD(netlink_diag_msg, ndiag_protocol, F_ENUM,
	      &xlat_netlink_protocols),
	FIELD(netlink_diag_msg, ndiag_state, F_ENUM, &xlat_netlink_states),
	FIELD(netlink_diag_msg, ndiag_portid, F_UINT, NULL),
	FIELD(netlink_diag_msg, ndiag_dst_portid, F_UINT, NULL),
	FIELD(netlink_diag_msg, ndiag_dst_group, F_UINT, NULL),
	FIELD(netlink_diag_msg, ndiag_ino, F_UINT, NULL),
	FIELD(netlink_diag_msg, ndiag_cookie, F_COOKIE, NULL),
	FIELD_END,
};

static const struct field packet_req_fields[] = {
	FIELD(packet_diag_req, sdiag_protocol, F_HEX, NULL),
	FIELD(packet_diag_req, pdiag_ino, F_UINT, NULL),
	FIELD(packet_diag_req, pdiag_show, F_FLAGS, &xlat_pdiag_show),
	FIELD(packet_diag_req, pdiag_cookie, F_COOKIE, NULL),
	FIELD_END,
};

static const struct field packet_msg_fields[] = {
	FIELD(packet_diag_msg, pdiag_type, F_ENUM, &xlat_sock_type_base),
	FIELD(packet_diag_msg, pdiag_num, F_ENUM, &xlat_eth_p),
	FIELD(packet_diag_msg, pdiag_ino, F_UINT, NULL),
	FIELD(packet_diag_msg, pdiag_cookie, F_COOKIE, NULL),
	FIELD_END,
};

static const char *const unix_rqlen[] = {
	"udiag_rqueue", "udiag_wqueue", NULL
};

static const struct field unix_vfs_fields[] = {
	FIELD(unix_diag_vfs, udiag_vfs_dev, F_DEV, NULL),
	FIELD(unix_diag_vfs, udiag_vfs_ino, F_UINT, NULL),
	FIELD_END,
};
static const struct nla_struct unix_vfs = {
	sizeof(struct unix_diag_vfs), unix_vfs_fields
};
static const struct field u32_elem = { NULL, 0, 4, F_UINT, NULL };
static const struct field x64_elem = { NULL, 0, 8, F_HEX, NULL };

static const struct nla_kind unix_attr_kinds[] = {
	[UNIX_DIAG_VFS] = { nla_struct, &unix_vfs },
	[UNIX_DIAG_ICONS] = { nla_array, &u32_elem },
	[UNIX_DIAG_RQLEN] = { nla_u32_struct, unix_rqlen },
	[UNIX_DIAG_NAME] = { nla_str, NULL },
	[UNIX_DIAG_PEER] = { nla_u32, NULL },
	[UNIX_DIAG_UID] = { nla_u32, NULL },
	[UNIX_DIAG_SHUTDOWN] = { nla_u8, NULL },
};

static const struct nla_set unix_attrs = {
	&xlat_unix_diag_attrs, unix_attr_kinds,
	sizeof(unix_attr_kinds) / sizeof(unix_attr_kinds[0]),
};
static const struct field netlink_ring_fields[] = {
	FIELD(netlink_diag_ring, ndr_block_size, F_UINT, NULL),
	FIELD(netlink_diag_ring, ndr_block_nr, F_UINT, NULL),
	FIELD(netlink_diag_ring, ndr_frame_size, F_UINT, NULL),
	FIELD(netlink_diag_ring, ndr_frame_nr, F_UINT, NULL),
	FIELD_END,
};
static const struct nla_struct netlink_ring = {
	sizeof(struct netlink_diag_ring), netlink_ring_fields
};

static const struct nla_kind netlink_attr_kinds[] = {
	[NETLINK_DIAG_GROUPS] = { nla_array, &x64_elem },
	[NETLINK_DIAG_RX_RING] = { nla_struct, &netlink_ring },
	[NETLINK_DIAG_TX_RING] = { nla_struct, &netlink_ring },
	[NETLINK_DIAG_FLAGS] = { nla_flags32, &xlat_ndiag_flags },
};

static const struct nla_set netlink_attrs = {
	&xlat_netlink_diag_attrs, netlink_attr_kinds,
	sizeof(netlink_attr_kinds) / sizeof(netlink_attr_kinds[0]),
};
static const struct nla_set packet_attrs = {
	&xlat_packet_diag_attrs, NULL, 0,
};

/* By family: the request and the answer. */
static const struct {
	uint8_t family;
	struct nl_fixed req, msg;
} diag_families[] = {
	{ AF_UNIX,
	  { "sdiag_family", sizeof(struct unix_diag_req), unix_req_fields,
	    NULL, NULL, NULL },
	  { "udiag_family", sizeof(struct unix_diag_msg), unix_msg_fields,
	    &unix_attrs, NULL, NULL } },
	{ AF_NETLINK,
	  { "sdiag_family", sizeof(struct netlink_diag_req),
	    netlink_req_fields, NULL, NULL, NULL },
	  { "ndiag_family", sizeof(struct netlink_diag_msg),
	    netlink_msg_fields, &netlink_attrs, NULL, NULL } },
	{ AF_PACKET,
	  { "sdiag_family", sizeof(struct packet_diag_req),
	    packet_req_fields, NULL, NULL, NULL },
	  { "pdiag_family", sizeof(struct packet_diag_msg),
	    packet_msg_fields, &packet_attrs, NULL, NULL } },
};

/* IPv4 and IPv6 sockets, and whatever the older TCPDIAG_GETSOCK and
 * DCCPDIAG_GETSOCK carry */
static bool inet_diag(struct decode_ctx *ctx, struct value *msg,
		      const struct nlmsghdr *h, uint8_t family, uint64_t addr,
		      uint32_t len)
{
	bool req = h->nlmsg_flags & NLM_F_REQUEST;
	const struct nl_fixed *m;

	if (h->nlmsg_type == TCPDIAG_GETSOCK ||
	    h->nlmsg_type == DCCPDIAG_GETSOCK)
		m = req ? &nl_inet_diag_req : &nl_inet_diag_msg;
	else if (family == AF_INET || family == AF_INET6)
		m = req ? &nl_inet_diag_req_v2 : &nl_inet_diag_msg;
	else
		return false;
	nl_fixed_part(ctx, msg, m, family, addr, len);
	return true;
}

static bool diag_payload(struct decode_ctx *ctx, struct value *msg,
			 const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	uint8_t family;

	if (h->nlmsg_type == NLMSG_DONE)
		return false;
	if (tracee_read(ctx->mem, addr, &family, 1) != 0) {
		value_add(msg, value_unavailable(ctx, NULL, addr));
		return true;
	}
	if (len > 1 && inet_diag(ctx, msg, h, family, addr, len))
		return true;
	for (size_t i = 0; len > 1 && i < sizeof(diag_families) /
					    sizeof(diag_families[0]); i++) {
		if (diag_families[i].family != family)
			continue;
		nl_fixed_part(ctx, msg, h->nlmsg_flags & NLM_F_REQUEST ?
			      &diag_families[i].req : &diag_families[i].msg,
			      family, addr, len);
		return true;
	}
	nl_family_data(ctx, msg, family, addr, len);
	return true;
}

const struct nl_family nl_family_sock_diag = {
	.types = &xlat_nl_sock_diag_types,
	.flags = diag_flags,
	.payload = diag_payload,
};
