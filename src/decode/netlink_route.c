/* NETLINK_ROUTE payloads: the fixed part of links (ifinfomsg), addresses
 * (ifaddrmsg) and routes (rtmsg) with their attributes; other message
 * types show their family byte and the rest in hex. */
#include <linux/dcbnl.h>
#include <linux/fib_rules.h>
#include <linux/if_addr.h>
#include <linux/if_addrlabel.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/netconf.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>

#include "consts.h"
#include "netlink.h"

/* The type classes of rtnetlink.h: NEW, DEL, GET, SET in steps of 4. */
static const struct xlat *route_flags(uint16_t type)
{
	/* RTM_DELACTION takes NLM_F_ROOT as GET requests do */
	if (type == RTM_DELACTION)
		return &xlat_nlm_flags_get;
	switch ((type - RTM_BASE) & 3) {
	case 0: return &xlat_nlm_flags_new;
	case 1: return &xlat_nlm_flags_del;
	case 2: return &xlat_nlm_flags_get;
	default: return NULL;
	}
}

/* --- fixed parts */

static const struct field ifinfomsg_fields[] = {
	FIELD(ifinfomsg, ifi_type, F_ENUM, &xlat_arphrd),
	FIELD(ifinfomsg, ifi_index, F_IFINDEX, NULL),
	FIELD(ifinfomsg, ifi_flags, F_FLAGS, &xlat_iff_flags),
	FIELD(ifinfomsg, ifi_change, F_HEX, NULL),
	FIELD_END,
};

static const struct field ifaddrmsg_fields[] = {
	FIELD(ifaddrmsg, ifa_prefixlen, F_UINT, NULL),
	FIELD(ifaddrmsg, ifa_flags, F_FLAGS, &xlat_ifa_flags),
	FIELD(ifaddrmsg, ifa_scope, F_ENUM, &xlat_rt_scope),
	FIELD(ifaddrmsg, ifa_index, F_IFINDEX, NULL),
	FIELD_END,
};

static const struct field rtmsg_fields[] = {
	FIELD(rtmsg, rtm_dst_len, F_UINT, NULL),
	FIELD(rtmsg, rtm_src_len, F_UINT, NULL),
	FIELD(rtmsg, rtm_tos, F_FLAGS, &xlat_iptos),
	FIELD(rtmsg, rtm_table, F_ENUM, &xlat_rt_table),
	FIELD(rtmsg, rtm_protocol, F_ENUM, &xlat_rtprot),
	FIELD(rtmsg, rtm_scope, F_ENUM, &xlat_rt_scope),
	FIELD(rtmsg, rtm_type, F_ENUM, &xlat_rtn_types),
	FIELD(rtmsg, rtm_flags, F_FLAGS, &xlat_rtm_flags),
	FIELD_END,
};

static const struct field ndmsg_fields[] = {
	FIELD(ndmsg, ndm_ifindex, F_IFINDEX, NULL),
	FIELD(ndmsg, ndm_state, F_FLAGS, &xlat_nud_states),
	FIELD(ndmsg, ndm_flags, F_FLAGS, &xlat_ntf_flags),
	FIELD(ndmsg, ndm_type, F_ENUM, &xlat_rtn_types),
	FIELD_END,
};

static const struct field fib_rule_fields[] = {
	FIELD(fib_rule_hdr, dst_len, F_UINT, NULL),
	FIELD(fib_rule_hdr, src_len, F_UINT, NULL),
	FIELD(fib_rule_hdr, tos, F_FLAGS, &xlat_iptos),
	FIELD(fib_rule_hdr, table, F_ENUM, &xlat_rt_table),
	FIELD(fib_rule_hdr, action, F_ENUM, &xlat_fr_act),
	FIELD(fib_rule_hdr, flags, F_FLAGS, &xlat_fib_rule_flags),
	FIELD_END,
};

static const struct field tcmsg_fields[] = {
	FIELD(tcmsg, tcm_ifindex, F_IFINDEX, NULL),
	FIELD(tcmsg, tcm_handle, F_UINT, NULL),
	FIELD(tcmsg, tcm_parent, F_UINT, NULL),
	FIELD(tcmsg, tcm_info, F_UINT, NULL),
	FIELD_END,
};

static const struct field ifaddrlblmsg_fields[] = {
	FIELD(ifaddrlblmsg, ifal_prefixlen, F_UINT, NULL),
	FIELD(ifaddrlblmsg, ifal_flags, F_UINT, NULL),
	FIELD(ifaddrlblmsg, ifal_index, F_IFINDEX, NULL),
	FIELD(ifaddrlblmsg, ifal_seq, F_UINT, NULL),
	FIELD_END,
};

static const struct field dcbmsg_fields[] = {
	FIELD(dcbmsg, cmd, F_ENUM, &xlat_dcb_cmd),
	FIELD_END,
};

static const struct field br_port_msg_fields[] = {
	FIELD(br_port_msg, ifindex, F_IFINDEX, NULL),
	FIELD_END,
};

static const struct field nhmsg_fields[] = {
	FIELD(nhmsg, nh_scope, F_ENUM, &xlat_rt_scope),
	FIELD(nhmsg, nh_protocol, F_ENUM, &xlat_rtprot),
	FIELD(nhmsg, resvd, F_PAD, NULL),
	FIELD(nhmsg, nh_flags, F_FLAGS, &xlat_rtnh_flags),
	FIELD_END,
};

static const struct field no_fields[] = {
	FIELD_END,
};

static const struct nl_fixed link_msg = {
	"ifi_family", sizeof(struct ifinfomsg), ifinfomsg_fields, &nl_ifla_set,
	NULL, NULL,
};
static const struct nl_fixed addr_msg = {
	"ifa_family", sizeof(struct ifaddrmsg), ifaddrmsg_fields, &nl_ifa_set,
	NULL, NULL,
};
static const struct nl_fixed route_msg = {
	"rtm_family", sizeof(struct rtmsg), rtmsg_fields, &nl_rta_set,
	NULL, NULL,
};

static const struct nl_fixed neigh_msg = {
	"ndm_family", sizeof(struct ndmsg), ndmsg_fields, &nl_nda_set,
	NULL, NULL,
};
static const struct nl_fixed rule_msg = {
	"family", sizeof(struct fib_rule_hdr), fib_rule_fields, &nl_fra_set,
	NULL, NULL,
};
static const struct nl_fixed tc_msg = {
	"tcm_family", sizeof(struct tcmsg), tcmsg_fields, &nl_tca_set,
	NULL, NULL,
};
static const struct nl_fixed action_msg = {
	"tca_family", sizeof(struct tcamsg), no_fields, &nl_tca_act_set,
	NULL, NULL,
};
static const struct nl_fixed neightbl_msg = {
	"ndtm_family", sizeof(struct ndtmsg), no_fields, &nl_ndta_set,
	NULL, NULL,
};
static const struct nl_fixed addrlabel_msg = {
	"ifal_family", sizeof(struct ifaddrlblmsg), ifaddrlblmsg_fields,
	&nl_ifal_set,
	NULL, NULL,
};
static const struct nl_fixed dcb_msg = {
	"dcb_family", sizeof(struct dcbmsg), dcbmsg_fields, &nl_dcb_set,
	NULL, NULL,
};
static const struct nl_fixed netconf_msg = {
	"ncm_family", sizeof(struct netconfmsg), no_fields, &nl_netconfa_set,
	NULL, NULL,
};
static const struct nl_fixed mdb_msg = {
	"family", sizeof(struct br_port_msg), br_port_msg_fields,
	&nl_mdba_set,
	NULL, NULL,
};
static const struct nl_fixed gen_msg = {
	"rtgen_family", sizeof(struct rtgenmsg), no_fields, &nl_netnsa_set,
	NULL, NULL,
};
static const struct nl_fixed cache_report_msg = {
	"rtgen_family", sizeof(struct rtgenmsg), no_fields, NULL,
	&xlat_rtnl_cache_families, nl_cache_report_sets,
};
static const struct nl_fixed nexthop_msg = {
	"nh_family", sizeof(struct nhmsg), nhmsg_fields, &nl_nha_set,
	NULL, NULL,
};

/* By nlmsg_type - RTM_BASE. */
static const struct nl_fixed *const route_msgs[] = {
	[RTM_NEWLINK - RTM_BASE] = &link_msg,
	[RTM_DELLINK - RTM_BASE] = &link_msg,
	[RTM_GETLINK - RTM_BASE] = &link_msg,
	[RTM_SETLINK - RTM_BASE] = &link_msg,
	[RTM_NEWADDR - RTM_BASE] = &addr_msg,
	[RTM_DELADDR - RTM_BASE] = &addr_msg,
	[RTM_GETADDR - RTM_BASE] = &addr_msg,
	[RTM_GETMULTICAST - RTM_BASE] = &addr_msg,
	[RTM_GETANYCAST - RTM_BASE] = &addr_msg,
	[RTM_NEWROUTE - RTM_BASE] = &route_msg,
	[RTM_DELROUTE - RTM_BASE] = &route_msg,
	[RTM_GETROUTE - RTM_BASE] = &route_msg,
	[RTM_NEWNEIGH - RTM_BASE] = &neigh_msg,
	[RTM_DELNEIGH - RTM_BASE] = &neigh_msg,
	[RTM_GETNEIGH - RTM_BASE] = &neigh_msg,
	[RTM_NEWRULE - RTM_BASE] = &rule_msg,
	[RTM_DELRULE - RTM_BASE] = &rule_msg,
	[RTM_GETRULE - RTM_BASE] = &rule_msg,
	[RTM_NEWQDISC - RTM_BASE] = &tc_msg,
	[RTM_DELQDISC - RTM_BASE] = &tc_msg,
	[RTM_GETQDISC - RTM_BASE] = &tc_msg,
	[RTM_NEWTCLASS - RTM_BASE] = &tc_msg,
	[RTM_DELTCLASS - RTM_BASE] = &tc_msg,
	[RTM_GETTCLASS - RTM_BASE] = &tc_msg,
	[RTM_NEWTFILTER - RTM_BASE] = &tc_msg,
	[RTM_DELTFILTER - RTM_BASE] = &tc_msg,
	[RTM_GETTFILTER - RTM_BASE] = &tc_msg,
	[RTM_NEWCHAIN - RTM_BASE] = &tc_msg,
	[RTM_DELCHAIN - RTM_BASE] = &tc_msg,
	[RTM_GETCHAIN - RTM_BASE] = &tc_msg,
	[RTM_NEWACTION - RTM_BASE] = &action_msg,
	[RTM_DELACTION - RTM_BASE] = &action_msg,
	[RTM_GETACTION - RTM_BASE] = &action_msg,
	[RTM_NEWNEIGHTBL - RTM_BASE] = &neightbl_msg,
	[RTM_GETNEIGHTBL - RTM_BASE] = &neightbl_msg,
	[RTM_SETNEIGHTBL - RTM_BASE] = &neightbl_msg,
	[RTM_NEWADDRLABEL - RTM_BASE] = &addrlabel_msg,
	[RTM_DELADDRLABEL - RTM_BASE] = &addrlabel_msg,
	[RTM_GETADDRLABEL - RTM_BASE] = &addrlabel_msg,
	[RTM_GETDCB - RTM_BASE] = &dcb_msg,
	[RTM_SETDCB - RTM_BASE] = &dcb_msg,
	[RTM_NEWNETCONF - RTM_BASE] = &netconf_msg,
	[RTM_DELNETCONF - RTM_BASE] = &netconf_msg,
	[RTM_GETNETCONF - RTM_BASE] = &netconf_msg,
	[RTM_NEWMDB - RTM_BASE] = &mdb_msg,
	[RTM_DELMDB - RTM_BASE] = &mdb_msg,
	[RTM_GETMDB - RTM_BASE] = &mdb_msg,
	[RTM_NEWNSID - RTM_BASE] = &gen_msg,
	[RTM_DELNSID - RTM_BASE] = &gen_msg,
	[RTM_GETNSID - RTM_BASE] = &gen_msg,
	[RTM_NEWCACHEREPORT - RTM_BASE] = &cache_report_msg,
	[RTM_NEWNEXTHOP - RTM_BASE] = &nexthop_msg,
	[RTM_DELNEXTHOP - RTM_BASE] = &nexthop_msg,
	[RTM_GETNEXTHOP - RTM_BASE] = &nexthop_msg,
};

static bool route_payload(struct decode_ctx *ctx, struct value *msg,
			  const struct nlmsghdr *h, uint64_t addr,
			  uint32_t len)
{
	unsigned idx = h->nlmsg_type - RTM_BASE;
	uint8_t family;

	if (h->nlmsg_type == NLMSG_DONE)
		return false;
	if (tracee_read(ctx->mem, addr, &family, 1) != 0) {
		value_add(msg, value_unavailable(ctx, NULL, addr));
		return true;
	}
	if (h->nlmsg_type >= RTM_BASE &&
	    idx < sizeof(route_msgs) / sizeof(route_msgs[0]) &&
	    route_msgs[idx]) {
		nl_fixed_part(ctx, msg, route_msgs[idx], family, addr, len);
		return true;
	}
	nl_family_data(ctx, msg, family, addr, len);
	return true;
}

const struct nl_family nl_family_route = {
	.types = &xlat_nl_route_types,
	.flags = route_flags,
	.payload = route_payload,
};
