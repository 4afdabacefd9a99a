/* The attribute sets nested in a link's attributes (ifinfomsg): bridge
 * ports, IPv6 settings, port profiles, the reasons a link is down. */
#include <linux/if_link.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "consts.h"
#include "netlink.h"

#define NLA_SET(name, types, kinds) \
	const struct nla_set name = { types, kinds, \
				      sizeof(kinds) / sizeof(kinds[0]) }

static const struct field port_vsi_fields[] = {
	FIELD(ifla_port_vsi, vsi_mgr_id, F_UINT, NULL),
	FIELD(ifla_port_vsi, vsi_type_id, F_BYTES, NULL),
	FIELD(ifla_port_vsi, vsi_type_version, F_UINT, NULL),
	FIELD(ifla_port_vsi, pad, F_PAD_BYTES, NULL),
	FIELD_END,
};
static const struct nla_struct port_vsi = {
	sizeof(struct ifla_port_vsi), port_vsi_fields
};

static const struct nla_kind port_kinds[] = {
	[IFLA_PORT_VF] = { nla_u32, NULL },
	[IFLA_PORT_VSI_TYPE] = { nla_struct, &port_vsi },
};
NLA_SET(nl_ifla_port_set, &xlat_ifla_port_attrs, port_kinds);

static const struct nla_kind xdp_kinds[] = {
	[IFLA_XDP_FD] = { nla_fd, NULL },
	[IFLA_XDP_ATTACHED] = { nla_enum8, &xlat_xdp_attached },
	[IFLA_XDP_FLAGS] = { nla_flags32, &xlat_xdp_flags },
	[IFLA_XDP_PROG_ID] = { nla_u32, NULL },
	[IFLA_XDP_DRV_PROG_ID] = { nla_u32, NULL },
	[IFLA_XDP_SKB_PROG_ID] = { nla_u32, NULL },
	[IFLA_XDP_HW_PROG_ID] = { nla_u32, NULL },
	[IFLA_XDP_EXPECTED_FD] = { nla_fd, NULL },
};
NLA_SET(nl_ifla_xdp_set, &xlat_ifla_xdp_attrs, xdp_kinds);

static const struct nla_kind proto_down_kinds[] = {
	[IFLA_PROTO_DOWN_REASON_MASK] = { nla_x32, NULL },
	[IFLA_PROTO_DOWN_REASON_VALUE] = { nla_x32, NULL },
};
NLA_SET(nl_ifla_proto_down_set, &xlat_ifla_proto_down_reason_attrs,
	proto_down_kinds);

/* struct ifla_bridge_id: {prio=[128, 0], addr=00:11:22:33:44:55} */
static struct value *bridge_id(struct decode_ctx *ctx, uint64_t addr,
			       uint32_t len, const void *arg, int family)
{
	struct ifla_bridge_id id;
	struct value *v, *prio;
	char text[3 * sizeof(id.addr)];

	if (!nla_get(ctx, addr, len, &id, sizeof(id), &v))
		return v;
	v = value_struct(ctx->arena, NULL, addr);
	prio = value_array(ctx->arena, "prio", addr);
	for (size_t i = 0; i < sizeof(id.prio); i++)
		value_add(prio, value_uint(ctx->arena, NULL, id.prio[i]));
	value_add(v, prio);
	snprintf(text, sizeof(text), "%02x:%02x:%02x:%02x:%02x:%02x",
		 id.addr[0], id.addr[1], id.addr[2], id.addr[3], id.addr[4],
		 id.addr[5]);
	value_add(v, nl_bytes_symbol(ctx, "addr", id.addr, sizeof(id.addr),
				     arena_strndup(ctx->arena, text,
						   strlen(text))));
	return v;
}

static const struct nla_kind brport_kinds[] = {
	[IFLA_BRPORT_STATE] = { nla_u8, NULL },
	[IFLA_BRPORT_PRIORITY] = { nla_u16, NULL },
	[IFLA_BRPORT_COST] = { nla_u32, NULL },
	[IFLA_BRPORT_MODE] = { nla_u8, NULL },
	[IFLA_BRPORT_GUARD] = { nla_u8, NULL },
	[IFLA_BRPORT_PROTECT] = { nla_u8, NULL },
	[IFLA_BRPORT_FAST_LEAVE] = { nla_u8, NULL },
	[IFLA_BRPORT_LEARNING] = { nla_u8, NULL },
	[IFLA_BRPORT_UNICAST_FLOOD] = { nla_u8, NULL },
	[IFLA_BRPORT_PROXYARP] = { nla_u8, NULL },
	[IFLA_BRPORT_LEARNING_SYNC] = { nla_u8, NULL },
	[IFLA_BRPORT_PROXYARP_WIFI] = { nla_u8, NULL },
	[IFLA_BRPORT_ROOT_ID] = { bridge_id, NULL },
	[IFLA_BRPORT_BRIDGE_ID] = { bridge_id, NULL },
	[IFLA_BRPORT_DESIGNATED_PORT] = { nla_u16, NULL },
	[IFLA_BRPORT_DESIGNATED_COST] = { nla_u16, NULL },
	[IFLA_BRPORT_ID] = { nla_u16, NULL },
	[IFLA_BRPORT_NO] = { nla_u16, NULL },
	[IFLA_BRPORT_TOPOLOGY_CHANGE_ACK] = { nla_u8, NULL },
	[IFLA_BRPORT_CONFIG_PENDING] = { nla_u8, NULL },
	[IFLA_BRPORT_MESSAGE_AGE_TIMER] = { nla_clock_t, NULL },
	[IFLA_BRPORT_FORWARD_DELAY_TIMER] = { nla_clock_t, NULL },
	[IFLA_BRPORT_HOLD_TIMER] = { nla_clock_t, NULL },
	[IFLA_BRPORT_MULTICAST_ROUTER] = { nla_u8, NULL },
	[IFLA_BRPORT_MCAST_FLOOD] = { nla_u8, NULL },
	[IFLA_BRPORT_MCAST_TO_UCAST] = { nla_u8, NULL },
	[IFLA_BRPORT_VLAN_TUNNEL] = { nla_u8, NULL },
	[IFLA_BRPORT_BCAST_FLOOD] = { nla_u8, NULL },
	[IFLA_BRPORT_GROUP_FWD_MASK] = { nla_x16, NULL },
	[IFLA_BRPORT_NEIGH_SUPPRESS] = { nla_u8, NULL },
	[IFLA_BRPORT_ISOLATED] = { nla_u8, NULL },
	[IFLA_BRPORT_BACKUP_PORT] = { nla_ifindex, NULL },
	[IFLA_BRPORT_MRP_RING_OPEN] = { nla_u8, NULL },
	[IFLA_BRPORT_MRP_IN_OPEN] = { nla_u8, NULL },
	[IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT] = { nla_u32, NULL },
	[IFLA_BRPORT_MCAST_EHT_HOSTS_CNT] = { nla_u32, NULL },
	[IFLA_BRPORT_LOCKED] = { nla_u8, NULL },
};
static NLA_SET(brport_set, &xlat_ifla_brport_attrs, brport_kinds);

static const struct nla_indexed inet6_conf = { 4, F_INT, &xlat_devconf };
static const struct nla_indexed inet6_stats = { 8, F_UINT, &xlat_ipstats_mib };
static const struct nla_indexed icmp6_stats = { 8, F_UINT, &xlat_icmp6_mib };
static const int af_inet6 = AF_INET6;

static const struct field inet6_cacheinfo_fields[] = {
	FIELD(ifla_cacheinfo, max_reasm_len, F_UINT, NULL),
	FIELD(ifla_cacheinfo, tstamp, F_UINT, NULL),
	FIELD(ifla_cacheinfo, reachable_time, F_UINT, NULL),
	FIELD(ifla_cacheinfo, retrans_time, F_UINT, NULL),
	FIELD_END,
};
static const struct nla_struct inet6_cacheinfo = {
	sizeof(struct ifla_cacheinfo), inet6_cacheinfo_fields
};

static const struct nla_kind inet6_kinds[] = {
	[IFLA_INET6_FLAGS] = { nla_flags32, &xlat_inet6_if_flags },
	[IFLA_INET6_CONF] = { nla_indexed, &inet6_conf },
	[IFLA_INET6_STATS] = { nla_indexed, &inet6_stats },
	[IFLA_INET6_CACHEINFO] = { nla_struct, &inet6_cacheinfo },
	[IFLA_INET6_ICMP6STATS] = { nla_indexed, &icmp6_stats },
	[IFLA_INET6_TOKEN] = { nla_inaddr, &af_inet6 },
	[IFLA_INET6_ADDR_GEN_MODE] = { nla_enum8, &xlat_in6_addr_gen_mode },
	[IFLA_INET6_RA_MTU] = { nla_u32, NULL },
};
NLA_SET(nl_ifla_inet6_set, &xlat_ifla_inet6_attrs, inet6_kinds);

/* IFLA_PROTINFO: what it holds depends on the link's family */
const struct nla_family_set nl_ifla_protinfo_sets[] = {
	{ AF_BRIDGE, &brport_set },
	{ AF_INET6, &nl_ifla_inet6_set },
	{ 0, NULL },
};

/* --- virtual functions (IFLA_VFINFO_LIST) */

#define VF_STRUCT(name, type, ...) \
static const struct field name##_fields[] = { \
	FIELD(type, vf, F_UINT, NULL), __VA_ARGS__, FIELD_END, \
}; \
static const struct nla_struct name = { sizeof(struct type), name##_fields }

VF_STRUCT(vf_mac, ifla_vf_mac, FIELD(ifla_vf_mac, mac, F_HWADDR, NULL));
VF_STRUCT(vf_vlan, ifla_vf_vlan, FIELD(ifla_vf_vlan, vlan, F_UINT, NULL),
	  FIELD(ifla_vf_vlan, qos, F_UINT, NULL));
VF_STRUCT(vf_tx_rate, ifla_vf_tx_rate,
	  FIELD(ifla_vf_tx_rate, rate, F_UINT, NULL));
VF_STRUCT(vf_spoofchk, ifla_vf_spoofchk,
	  FIELD(ifla_vf_spoofchk, setting, F_UINT, NULL));
VF_STRUCT(vf_link_state, ifla_vf_link_state,
	  FIELD(ifla_vf_link_state, link_state, F_ENUM,
		&xlat_ifla_vf_link_state));
VF_STRUCT(vf_rate, ifla_vf_rate,
	  FIELD(ifla_vf_rate, min_tx_rate, F_UINT, NULL),
	  FIELD(ifla_vf_rate, max_tx_rate, F_UINT, NULL));
VF_STRUCT(vf_rss_query_en, ifla_vf_rss_query_en,
	  FIELD(ifla_vf_rss_query_en, setting, F_UINT, NULL));
VF_STRUCT(vf_trust, ifla_vf_trust,
	  FIELD(ifla_vf_trust, setting, F_UINT, NULL));
VF_STRUCT(vf_guid, ifla_vf_guid, FIELD(ifla_vf_guid, guid, F_HEX, NULL));
VF_STRUCT(vf_vlan_info, ifla_vf_vlan_info,
	  FIELD(ifla_vf_vlan_info, vlan, F_UINT, NULL),
	  FIELD(ifla_vf_vlan_info, qos, F_UINT, NULL),
	  FIELD(ifla_vf_vlan_info, vlan_proto, F_BE16_ENUM, &xlat_eth_p));

static const struct field vf_broadcast_fields[] = {
	FIELD(ifla_vf_broadcast, broadcast, F_HWADDR, NULL),
	FIELD_END,
};
static const struct nla_struct vf_broadcast = {
	sizeof(struct ifla_vf_broadcast), vf_broadcast_fields
};

static const struct nla_kind vf_stats_kinds[] = {
	[IFLA_VF_STATS_RX_PACKETS] = { nla_u64, NULL },
	[IFLA_VF_STATS_TX_PACKETS] = { nla_u64, NULL },
	[IFLA_VF_STATS_RX_BYTES] = { nla_u64, NULL },
	[IFLA_VF_STATS_TX_BYTES] = { nla_u64, NULL },
	[IFLA_VF_STATS_BROADCAST] = { nla_u64, NULL },
	[IFLA_VF_STATS_MULTICAST] = { nla_u64, NULL },
	[IFLA_VF_STATS_RX_DROPPED] = { nla_u64, NULL },
	[IFLA_VF_STATS_TX_DROPPED] = { nla_u64, NULL },
};
static NLA_SET(vf_stats_set, &xlat_ifla_vf_stats_attrs, vf_stats_kinds);

static const struct nla_kind vf_vlan_list_kinds[] = {
	[IFLA_VF_VLAN_INFO] = { nla_struct, &vf_vlan_info },
};
static NLA_SET(vf_vlan_list_set, &xlat_ifla_vf_vlan_info_attrs,
	       vf_vlan_list_kinds);

static const struct nla_kind vf_kinds[] = {
	[IFLA_VF_MAC] = { nla_struct, &vf_mac },
	[IFLA_VF_VLAN] = { nla_struct, &vf_vlan },
	[IFLA_VF_TX_RATE] = { nla_struct, &vf_tx_rate },
	[IFLA_VF_SPOOFCHK] = { nla_struct, &vf_spoofchk },
	[IFLA_VF_LINK_STATE] = { nla_struct, &vf_link_state },
	[IFLA_VF_RATE] = { nla_struct, &vf_rate },
	[IFLA_VF_RSS_QUERY_EN] = { nla_struct, &vf_rss_query_en },
	[IFLA_VF_STATS] = { nla_nested, &vf_stats_set },
	[IFLA_VF_TRUST] = { nla_struct, &vf_trust },
	[IFLA_VF_IB_NODE_GUID] = { nla_struct, &vf_guid },
	[IFLA_VF_IB_PORT_GUID] = { nla_struct, &vf_guid },
	[IFLA_VF_VLAN_LIST] = { nla_nested, &vf_vlan_list_set },
	[IFLA_VF_BROADCAST] = { nla_struct, &vf_broadcast },
};
static NLA_SET(vf_set, &xlat_ifla_vf_attrs, vf_kinds);

static const struct nla_kind vfinfo_kinds[] = {
	[IFLA_VF_INFO] = { nla_nested, &vf_set },
};
NLA_SET(nl_ifla_vfinfo_set, &xlat_ifla_vf_info_attrs, vfinfo_kinds);
