/* The attribute sets of NETLINK_ROUTE messages: for each set, how the
 * data of each attribute type shows (the others show in hex). */
#include <linux/dcbnl.h>
#include <linux/fib_rules.h>
#include <linux/if_addr.h>
#include <linux/if_addrlabel.h>
#include <linux/if_link.h>
#include <linux/mroute.h>
#include <linux/mroute6.h>
#include <linux/neighbour.h>
#include <linux/net_namespace.h>
#include <linux/netconf.h>
#include <linux/nexthop.h>
#include <linux/gen_stats.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>

#include <string.h>
#include <sys/socket.h>

#include "consts.h"
#include "netlink.h"

/* struct rtnl_link_stats (u32 counters) and rtnl_link_stats64 (u64):
 * the same names; a kernel sends as many as it knows. */
static const char *const link_stats_names[] = {
	"rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors",
	"tx_errors", "rx_dropped", "tx_dropped", "multicast", "collisions",
	"rx_length_errors", "rx_over_errors", "rx_crc_errors",
	"rx_frame_errors", "rx_fifo_errors", "rx_missed_errors",
	"tx_aborted_errors", "tx_carrier_errors", "tx_fifo_errors",
	"tx_heartbeat_errors", "tx_window_errors", "rx_compressed",
	"tx_compressed", "rx_nohandler", "rx_otherhost_dropped",
};

static struct value *link_stats(struct decode_ctx *ctx, uint64_t addr,
				uint32_t len, const void *arg, int family)
{
	const size_t size = arg ? 8 : 4;
	const size_t max = sizeof(link_stats_names) / sizeof(char *) -
			   (arg ? 0 : 1);
	size_t n = len / size;
	uint64_t buf[32];
	struct value *v;

	if (n > max)
		n = max;
	if (len % size || n < 23 ||
	    tracee_read(ctx->mem, addr, buf, n * size) != 0)
		return NULL;
	v = value_struct(ctx->arena, NULL, addr);
	for (size_t i = 0; i < n; i++)
		value_add(v, value_uint(ctx->arena, link_stats_names[i],
					size == 8 ? buf[i] :
					((const uint32_t *)buf)[i]));
	return v;
}

static const struct nla_kind ifla_kinds[] = {
	[IFLA_STATS] = { link_stats, NULL },
	[IFLA_STATS64] = { link_stats, "64" },
	[IFLA_ADDRESS] = { nla_hwaddr, NULL },
	[IFLA_BROADCAST] = { nla_hwaddr, NULL },
	[IFLA_PERM_ADDRESS] = { nla_hwaddr, NULL },
	[IFLA_IFNAME] = { nla_str, NULL },
	[IFLA_MTU] = { nla_u32, NULL },
	[IFLA_LINK] = { nla_ifindex, NULL },
	[IFLA_QDISC] = { nla_str, NULL },
	[IFLA_MASTER] = { nla_ifindex, NULL },
	[IFLA_TXQLEN] = { nla_u32, NULL },
	[IFLA_WEIGHT] = { nla_u32, NULL },
	[IFLA_OPERSTATE] = { nla_u8, NULL },
	[IFLA_LINKMODE] = { nla_u8, NULL },
	[IFLA_NET_NS_PID] = { nla_u32, NULL },
	[IFLA_IFALIAS] = { nla_str, NULL },
	[IFLA_NUM_VF] = { nla_u32, NULL },
	[IFLA_EXT_MASK] = { nla_flags32, &xlat_rtext_filter },
	[IFLA_PROMISCUITY] = { nla_u32, NULL },
	[IFLA_NUM_TX_QUEUES] = { nla_u32, NULL },
	[IFLA_NUM_RX_QUEUES] = { nla_u32, NULL },
	[IFLA_CARRIER] = { nla_u8, NULL },
	[IFLA_CARRIER_CHANGES] = { nla_u32, NULL },
	[IFLA_PHYS_PORT_NAME] = { nla_str, NULL },
	[IFLA_PROTO_DOWN] = { nla_u8, NULL },
	[IFLA_GSO_MAX_SEGS] = { nla_u32, NULL },
	[IFLA_GSO_MAX_SIZE] = { nla_u32, NULL },
	[IFLA_GROUP] = { nla_u32, NULL },
	[IFLA_NET_NS_FD] = { nla_u32, NULL },
	[IFLA_LINK_NETNSID] = { nla_s32, NULL },
	[IFLA_CARRIER_UP_COUNT] = { nla_u32, NULL },
	[IFLA_CARRIER_DOWN_COUNT] = { nla_u32, NULL },
	[IFLA_NEW_IFINDEX] = { nla_ifindex, NULL },
	[IFLA_MIN_MTU] = { nla_u32, NULL },
	[IFLA_MAX_MTU] = { nla_u32, NULL },
	[IFLA_NEW_NETNSID] = { nla_s32, NULL },
	[IFLA_TARGET_NETNSID] = { nla_s32, NULL },
	[IFLA_ALT_IFNAME] = { nla_str, NULL },
	[IFLA_PARENT_DEV_NAME] = { nla_str, NULL },
	[IFLA_PARENT_DEV_BUS_NAME] = { nla_str, NULL },
	[IFLA_GRO_MAX_SIZE] = { nla_u32, NULL },
	[IFLA_TSO_MAX_SIZE] = { nla_u32, NULL },
	[IFLA_TSO_MAX_SEGS] = { nla_u32, NULL },
	[IFLA_ALLMULTI] = { nla_u32, NULL },
	[IFLA_PORT_SELF] = { nla_nested, &nl_ifla_port_set },
	[IFLA_VFINFO_LIST] = { nla_nested, &nl_ifla_vfinfo_set },
	[IFLA_XDP] = { nla_nested, &nl_ifla_xdp_set },
	[IFLA_PROTINFO] = { nla_by_family, nl_ifla_protinfo_sets },
	[IFLA_PROTO_DOWN_REASON] = { nla_nested, &nl_ifla_proto_down_set },
};

const struct nla_set nl_ifla_set = {
	&xlat_ifla_attrs, ifla_kinds, sizeof(ifla_kinds) / sizeof(ifla_kinds[0])
};

static struct value *ifa_cacheinfo(struct decode_ctx *ctx, uint64_t addr,
				   uint32_t len, const void *arg, int family)
{
	struct ifa_cacheinfo ci;
	struct arena *ar = ctx->arena;
	struct value *v;

	if (len != sizeof(ci) || tracee_read(ctx->mem, addr, &ci, len) != 0)
		return NULL;
	v = value_struct(ar, NULL, addr);
	value_add(v, value_uint(ar, "ifa_prefered", ci.ifa_prefered));
	value_add(v, value_uint(ar, "ifa_valid", ci.ifa_valid));
	value_add(v, value_uint(ar, "cstamp", ci.cstamp));
	value_add(v, value_uint(ar, "tstamp", ci.tstamp));
	return v;
}

static const struct nla_kind ifa_kinds[] = {
	[IFA_ADDRESS] = { nla_inaddr, NULL },
	[IFA_LOCAL] = { nla_inaddr, NULL },
	[IFA_LABEL] = { nla_str, NULL },
	[IFA_BROADCAST] = { nla_inaddr, NULL },
	[IFA_ANYCAST] = { nla_inaddr, NULL },
	[IFA_CACHEINFO] = { ifa_cacheinfo, NULL },
	[IFA_MULTICAST] = { nla_inaddr, NULL },
	[IFA_FLAGS] = { nla_flags32, &xlat_ifa_flags },
	[IFA_RT_PRIORITY] = { nla_u32, NULL },
	[IFA_TARGET_NETNSID] = { nla_s32, NULL },
};

const struct nla_set nl_ifa_set = {
	&xlat_ifa_attrs, ifa_kinds, sizeof(ifa_kinds) / sizeof(ifa_kinds[0])
};

static const struct field rta_cacheinfo_fields[] = {
	FIELD(rta_cacheinfo, rta_clntref, F_UINT, NULL),
	FIELD(rta_cacheinfo, rta_lastuse, F_UINT, NULL),
	FIELD(rta_cacheinfo, rta_expires, F_UINT, NULL),
	FIELD(rta_cacheinfo, rta_error, F_UINT, NULL),
	FIELD(rta_cacheinfo, rta_used, F_UINT, NULL),
	FIELD(rta_cacheinfo, rta_id, F_HEX, NULL),
	FIELD(rta_cacheinfo, rta_ts, F_UINT, NULL),
	FIELD(rta_cacheinfo, rta_tsage, F_UINT, NULL),
	FIELD_END,
};
static const struct nla_struct rta_cacheinfo = {
	sizeof(struct rta_cacheinfo), rta_cacheinfo_fields
};

static const struct field rta_mfc_stats_fields[] = {
	FIELD(rta_mfc_stats, mfcs_packets, F_UINT, NULL),
	FIELD(rta_mfc_stats, mfcs_bytes, F_UINT, NULL),
	FIELD(rta_mfc_stats, mfcs_wrong_if, F_UINT, NULL),
	FIELD_END,
};
static const struct nla_struct rta_mfc_stats = {
	sizeof(struct rta_mfc_stats), rta_mfc_stats_fields
};

/* the metrics' names; their data shows in hex */
static const struct nla_set rtax_set = { &xlat_rtax_attrs, NULL, 0 };

/* {rtvia_family=AF_INET, rtvia_addr=inet_addr("192.0.2.1")} */
static struct value *rta_via(struct decode_ctx *ctx, uint64_t addr,
			     uint32_t len, const void *arg, int family)
{
	static const int af_inet6 = AF_INET6;
	struct value *v, *a;
	uint32_t want;
	uint16_t af;

	if (!nla_get(ctx, addr, len, &af, sizeof(af), &v))
		return v;
	v = value_struct(ctx->arena, NULL, addr);
	value_add(v, nl_enum(ctx, "rtvia_family", af, &xlat_address_family));
	if (len <= sizeof(af))
		return v;
	want = af == AF_INET6 ? 16 : af == AF_INET ? 4 : 0;
	a = want && len - sizeof(af) >= want ?
		nla_inaddr(ctx, addr + sizeof(af), want,
			   af == AF_INET6 ? &af_inet6 : NULL, af) : NULL;
	if (a && af == AF_INET6) {
		/* strace writes it as the call that fills it */
		a->u.en.sym = arena_printf(ctx->arena, "%.*s, &rtvia_addr)",
					   (int)strlen(a->u.en.sym) - 1,
					   a->u.en.sym);
	} else {
		if (!a)
			a = decode_buffer(ctx, NULL, addr + sizeof(af),
					  len - sizeof(af), STR_HEX);
		a->name = "rtvia_addr";
	}
	value_add(v, a);
	return v;
}

/* RTA_MULTIPATH: struct rtnexthop, each followed by its attributes:
 * [{rtnh_len=16, ...}, [{nla_len=8, nla_type=RTA_GATEWAY}, ...]] */
static struct value *rta_multipath(struct decode_ctx *ctx, uint64_t addr,
				   uint32_t len, const void *arg, int family)
{
	static const struct field rtnh_fields[] = {
		FIELD(rtnexthop, rtnh_len, F_UINT, NULL),
		FIELD(rtnexthop, rtnh_flags, F_FLAGS, &xlat_rtnh_flags),
		FIELD(rtnexthop, rtnh_hops, F_UINT, NULL),
		FIELD(rtnexthop, rtnh_ifindex, F_IFINDEX, NULL),
		FIELD_END,
	};
	struct value *list = NULL, *one, *hop;
	struct rtnexthop nh;

	while (len >= sizeof(nh)) {
		uint32_t size;

		if (tracee_read(ctx->mem, addr, &nh, sizeof(nh)) != 0) {
			one = value_unavailable(ctx, NULL, addr);
			size = len;
		} else {
			size = nh.rtnh_len < len ? nh.rtnh_len : len;
			one = value_array(ctx->arena, NULL, addr);
			hop = value_struct(ctx->arena, NULL, addr);
			nl_add_fields(ctx, hop, rtnh_fields,
				      (const unsigned char *)&nh);
			value_add(one, hop);
			if (size > sizeof(nh))
				value_add(one, nla_value(ctx,
						addr + sizeof(nh),
						size - (uint32_t)sizeof(nh),
						&nl_rta_set, family));
		}
		size = RTNH_ALIGN(size < sizeof(nh) ? sizeof(nh) : size);
		if (!list && size >= len)
			return one;
		if (!list)
			list = value_array(ctx->arena, NULL, addr);
		value_add(list, one);
		if (size >= len || decode_array_full(ctx, list->u.kids.count))
			break;
		addr += size;
		len -= size;
	}
	return list;
}

static const struct nla_kind rta_kinds[] = {
	[RTA_METRICS] = { nla_nested, &rtax_set },
	[RTA_MULTIPATH] = { rta_multipath, NULL },
	[RTA_CACHEINFO] = { nla_struct, &rta_cacheinfo },
	[RTA_MFC_STATS] = { nla_struct, &rta_mfc_stats },
	[RTA_VIA] = { rta_via, NULL },
	[RTA_DST] = { nla_inaddr, NULL },
	[RTA_SRC] = { nla_inaddr, NULL },
	[RTA_IIF] = { nla_ifindex, NULL },
	[RTA_OIF] = { nla_ifindex, NULL },
	[RTA_GATEWAY] = { nla_inaddr, NULL },
	[RTA_PRIORITY] = { nla_u32, NULL },
	[RTA_PREFSRC] = { nla_inaddr, NULL },
	[RTA_FLOW] = { nla_u32, NULL },
	[RTA_TABLE] = { nla_enum32, &xlat_rt_table },
	[RTA_MARK] = { nla_u32, NULL },
	[RTA_NEWDST] = { nla_inaddr, NULL },
	[RTA_PREF] = { nla_u8, NULL },
	[RTA_ENCAP_TYPE] = { nla_enum16, &xlat_lwtunnel_encap_types },
	[RTA_EXPIRES] = { nla_u64, NULL },
	[RTA_UID] = { nla_u32, NULL },
	[RTA_TTL_PROPAGATE] = { nla_u8, NULL },
	[RTA_IP_PROTO] = { nla_u8, NULL },
	[RTA_NH_ID] = { nla_u32, NULL },
};

const struct nla_set nl_rta_set = {
	&xlat_rta_attrs, rta_kinds, sizeof(rta_kinds) / sizeof(rta_kinds[0])
};

#define NLA_SET(name, types, kinds) \
	const struct nla_set name = { types, kinds, \
				      sizeof(kinds) / sizeof(kinds[0]) }

static const struct field fib_port_range_fields[] = {
	FIELD(fib_rule_port_range, start, F_UINT, NULL),
	FIELD(fib_rule_port_range, end, F_UINT, NULL),
	FIELD_END,
};
static const struct nla_struct fib_port_range = {
	sizeof(struct fib_rule_port_range), fib_port_range_fields
};

static const char *const nda_cacheinfo[] = {
	"ndm_confirmed", "ndm_used", "ndm_updated", "ndm_refcnt", NULL
};
static const char *const fib_rule_uid_range[] = { "start", "end", NULL };

static const struct nla_kind nfea_kinds[] = {
	[NFEA_ACTIVITY_NOTIFY] = { nla_flags8, &xlat_fdb_notify_flags },
};
static NLA_SET(nfea_set, &xlat_nfea_attrs, nfea_kinds);

static const struct nla_kind nda_kinds[] = {
	[NDA_FDB_EXT_ATTRS] = { nla_nested, &nfea_set },
	[NDA_FLAGS_EXT] = { nla_flags32, &xlat_ntf_ext_flags },
	[NDA_NDM_STATE_MASK] = { nla_flags16, &xlat_nud_states },
	[NDA_NDM_FLAGS_MASK] = { nla_flags8, &xlat_ntf_flags },
	[NDA_CACHEINFO] = { nla_u32_struct, nda_cacheinfo },
	[NDA_DST] = { nla_inaddr, NULL },
	[NDA_LLADDR] = { nla_hwaddr, NULL },
	[NDA_PROBES] = { nla_u32, NULL },
	[NDA_VLAN] = { nla_u16, NULL },
	[NDA_PORT] = { nla_be16, NULL },
	[NDA_VNI] = { nla_u32, NULL },
	[NDA_IFINDEX] = { nla_ifindex, NULL },
	[NDA_MASTER] = { nla_ifindex, NULL },
	[NDA_LINK_NETNSID] = { nla_u32, NULL },
	[NDA_SRC_VNI] = { nla_u32, NULL },
	[NDA_NH_ID] = { nla_u32, NULL },
};
NLA_SET(nl_nda_set, &xlat_nda_attrs, nda_kinds);

static const struct nla_kind fra_kinds[] = {
	[FRA_DST] = { nla_inaddr, NULL },
	[FRA_SRC] = { nla_inaddr, NULL },
	[FRA_IIFNAME] = { nla_str, NULL },
	[FRA_GOTO] = { nla_u32, NULL },
	[FRA_PRIORITY] = { nla_u32, NULL },
	[FRA_FWMARK] = { nla_u32, NULL },
	[FRA_FLOW] = { nla_u32, NULL },
	[FRA_TABLE] = { nla_enum32, &xlat_rt_table },
	[FRA_FWMASK] = { nla_u32, NULL },
	[FRA_SUPPRESS_PREFIXLEN] = { nla_u32, NULL },
	[FRA_SUPPRESS_IFGROUP] = { nla_u32, NULL },
	[FRA_OIFNAME] = { nla_str, NULL },
	[FRA_L3MDEV] = { nla_u8, NULL },
	[FRA_PROTOCOL] = { nla_enum8, &xlat_rtprot },
	[FRA_IP_PROTO] = { nla_enum8, &xlat_ip_proto },
	[FRA_TUN_ID] = { nla_be64, NULL },
	[FRA_UID_RANGE] = { nla_u32_struct, fib_rule_uid_range },
	[FRA_SPORT_RANGE] = { nla_struct, &fib_port_range },
	[FRA_DPORT_RANGE] = { nla_struct, &fib_port_range },
};
NLA_SET(nl_fra_set, &xlat_fra_attrs, fra_kinds);

/* struct tc_stats ends in a hole the kernel does not send */
static const struct field tc_stats_fields[] = {
	FIELD(tc_stats, bytes, F_UINT, NULL),
	FIELD(tc_stats, packets, F_UINT, NULL),
	FIELD(tc_stats, drops, F_UINT, NULL),
	FIELD(tc_stats, overlimits, F_UINT, NULL),
	FIELD(tc_stats, bps, F_UINT, NULL),
	FIELD(tc_stats, pps, F_UINT, NULL),
	FIELD(tc_stats, qlen, F_UINT, NULL),
	FIELD(tc_stats, backlog, F_UINT, NULL),
	FIELD_END,
};
static const struct nla_struct tc_stats = {
	offsetof(struct tc_stats, backlog) + sizeof(uint32_t), tc_stats_fields
};

static const struct field tc_estimator_fields[] = {
	FIELD(tc_estimator, interval, F_INT, NULL),
	FIELD(tc_estimator, ewma_log, F_UINT, NULL),
	FIELD_END,
};
static const struct nla_struct tc_estimator = {
	sizeof(struct tc_estimator), tc_estimator_fields
};

static const struct field gnet_basic_fields[] = {
	FIELD(gnet_stats_basic, bytes, F_UINT, NULL),
	FIELD(gnet_stats_basic, packets, F_UINT, NULL),
	FIELD_END,
};
static const struct nla_struct gnet_basic = {
	offsetof(struct gnet_stats_basic, packets) + sizeof(uint32_t),
	gnet_basic_fields
};
static const struct field gnet_rate_fields[] = {
	FIELD(gnet_stats_rate_est, bps, F_UINT, NULL),
	FIELD(gnet_stats_rate_est, pps, F_UINT, NULL),
	FIELD_END,
};
static const struct nla_struct gnet_rate = {
	sizeof(struct gnet_stats_rate_est), gnet_rate_fields
};
static const struct field gnet_rate64_fields[] = {
	FIELD(gnet_stats_rate_est64, bps, F_UINT, NULL),
	FIELD(gnet_stats_rate_est64, pps, F_UINT, NULL),
	FIELD_END,
};
static const struct nla_struct gnet_rate64 = {
	sizeof(struct gnet_stats_rate_est64), gnet_rate64_fields
};
static const struct field gnet_queue_fields[] = {
	FIELD(gnet_stats_queue, qlen, F_UINT, NULL),
	FIELD(gnet_stats_queue, backlog, F_UINT, NULL),
	FIELD(gnet_stats_queue, drops, F_UINT, NULL),
	FIELD(gnet_stats_queue, requeues, F_UINT, NULL),
	FIELD(gnet_stats_queue, overlimits, F_UINT, NULL),
	FIELD_END,
};
static const struct nla_struct gnet_queue = {
	sizeof(struct gnet_stats_queue), gnet_queue_fields
};

static const struct nla_kind tca_stats_kinds[] = {
	[TCA_STATS_BASIC] = { nla_struct, &gnet_basic },
	[TCA_STATS_RATE_EST] = { nla_struct, &gnet_rate },
	[TCA_STATS_QUEUE] = { nla_struct, &gnet_queue },
	[TCA_STATS_RATE_EST64] = { nla_struct, &gnet_rate64 },
	[TCA_STATS_BASIC_HW] = { nla_struct, &gnet_basic },
	[TCA_STATS_PKT64] = { nla_u64, NULL },
};
static NLA_SET(tca_stats_set, &xlat_tca_stats_attrs, tca_stats_kinds);

static const struct field tc_sizespec_fields[] = {
	FIELD(tc_sizespec, cell_log, F_UINT, NULL),
	FIELD(tc_sizespec, size_log, F_UINT, NULL),
	FIELD(tc_sizespec, cell_align, F_INT, NULL),
	FIELD(tc_sizespec, overhead, F_INT, NULL),
	FIELD(tc_sizespec, linklayer, F_UINT, NULL),
	FIELD(tc_sizespec, mpu, F_UINT, NULL),
	FIELD(tc_sizespec, mtu, F_UINT, NULL),
	FIELD(tc_sizespec, tsize, F_UINT, NULL),
	FIELD_END,
};
static const struct nla_struct tc_sizespec = {
	sizeof(struct tc_sizespec), tc_sizespec_fields
};
static const struct field u16_elem = { NULL, 0, 2, F_UINT, NULL };

static const struct nla_kind tca_stab_kinds[] = {
	[TCA_STAB_BASE] = { nla_struct, &tc_sizespec },
	[TCA_STAB_DATA] = { nla_array, &u16_elem },
};
static NLA_SET(tca_stab_set, &xlat_tca_stab_attrs, tca_stab_kinds);

static const struct nla_kind tca_act_kinds[] = {
	[TCA_ACT_KIND] = { nla_str, NULL },
	[TCA_ACT_INDEX] = { nla_u32, NULL },
	[TCA_ACT_STATS] = { nla_nested, &tca_stats_set },
	[TCA_ACT_FLAGS] = { nla_flags32, &xlat_tca_act_flags },
	[TCA_ACT_HW_STATS] = { nla_flags32, &xlat_tca_act_hw_stats },
	[TCA_ACT_USED_HW_STATS] = { nla_flags32, &xlat_tca_act_hw_stats },
	[TCA_ACT_IN_HW_COUNT] = { nla_u32, NULL },
};
NLA_SET(nl_tca_act_set, &xlat_tca_act_attrs, tca_act_kinds);

static const struct nla_kind tca_kinds[] = {
	[TCA_STATS2] = { nla_nested, &tca_stats_set },
	[TCA_STAB] = { nla_nested, &tca_stab_set },
	[TCA_KIND] = { nla_str, NULL },
	[TCA_STATS] = { nla_struct, &tc_stats },
	[TCA_RATE] = { nla_struct, &tc_estimator },
	[TCA_CHAIN] = { nla_u32, NULL },
	[TCA_INGRESS_BLOCK] = { nla_u32, NULL },
	[TCA_EGRESS_BLOCK] = { nla_u32, NULL },
};
NLA_SET(nl_tca_set, &xlat_tca_attrs, tca_kinds);

static const struct nla_kind ifal_kinds[] = {
	[IFAL_ADDRESS] = { nla_inaddr, NULL },
	[IFAL_LABEL] = { nla_u32, NULL },
};
NLA_SET(nl_ifal_set, &xlat_ifal_attrs, ifal_kinds);

static const struct nla_kind netconfa_kinds[] = {
	[NETCONFA_IFINDEX] = { nla_ifindex, NULL },
	[NETCONFA_FORWARDING] = { nla_s32, NULL },
	[NETCONFA_RP_FILTER] = { nla_s32, NULL },
	[NETCONFA_MC_FORWARDING] = { nla_s32, NULL },
	[NETCONFA_PROXY_NEIGH] = { nla_s32, NULL },
	[NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN] = { nla_s32, NULL },
	[NETCONFA_INPUT] = { nla_s32, NULL },
	[NETCONFA_BC_FORWARDING] = { nla_s32, NULL },
};
NLA_SET(nl_netconfa_set, &xlat_netconfa_attrs, netconfa_kinds);

static const struct nla_kind netnsa_kinds[] = {
	[NETNSA_NSID] = { nla_s32, NULL },
	[NETNSA_PID] = { nla_u32, NULL },
	[NETNSA_FD] = { nla_u32, NULL },
	[NETNSA_TARGET_NSID] = { nla_s32, NULL },
	[NETNSA_CURRENT_NSID] = { nla_s32, NULL },
};
NLA_SET(nl_netnsa_set, &xlat_netnsa_attrs, netnsa_kinds);

static const struct field nexthop_grp_fields[] = {
	FIELD(nexthop_grp, id, F_UINT, NULL),
	FIELD(nexthop_grp, weight, F_UINT, NULL),
	/* weight_high in newer headers; strace 6.1 knows it as resvd1 */
	{ "resvd1", offsetof(struct nexthop_grp, weight) + 1, 1, F_PAD, NULL },
	FIELD(nexthop_grp, resvd2, F_PAD, NULL),
	FIELD_END,
};
static const struct nla_struct nexthop_grp = {
	sizeof(struct nexthop_grp), nexthop_grp_fields
};

static const struct nla_kind nha_res_group_kinds[] = {
	[NHA_RES_GROUP_BUCKETS] = { nla_u16, NULL },
	[NHA_RES_GROUP_IDLE_TIMER] = { nla_clock_t, NULL },
	[NHA_RES_GROUP_UNBALANCED_TIMER] = { nla_clock_t, NULL },
	[NHA_RES_GROUP_UNBALANCED_TIME] = { nla_clock_t, NULL },
};
static NLA_SET(nha_res_group_set, &xlat_nha_res_group_attrs,
	       nha_res_group_kinds);

static const struct nla_kind nha_res_bucket_kinds[] = {
	[NHA_RES_BUCKET_INDEX] = { nla_u16, NULL },
	[NHA_RES_BUCKET_IDLE_TIME] = { nla_clock_t, NULL },
	[NHA_RES_BUCKET_NH_ID] = { nla_u32, NULL },
};
static NLA_SET(nha_res_bucket_set, &xlat_nha_res_bucket_attrs,
	       nha_res_bucket_kinds);

static const struct nla_kind nha_kinds[] = {
	[NHA_ID] = { nla_u32, NULL },
	[NHA_GROUP] = { nla_struct_array, &nexthop_grp },
	[NHA_GROUP_TYPE] = { nla_enum16, &xlat_nexthop_grp_type },
	[NHA_RES_GROUP] = { nla_nested, &nha_res_group_set },
	[NHA_RES_BUCKET] = { nla_nested, &nha_res_bucket_set },
	[NHA_BLACKHOLE] = { nla_u32, NULL },
	[NHA_GROUPS] = { nla_u32, NULL },
	[NHA_FDB] = { nla_u32, NULL },
	[NHA_OIF] = { nla_ifindex, NULL },
	[NHA_GATEWAY] = { nla_inaddr, NULL },
	[NHA_ENCAP_TYPE] = { nla_enum16, &xlat_lwtunnel_encap_types },
	[NHA_MASTER] = { nla_ifindex, NULL },
};
NLA_SET(nl_nha_set, &xlat_nha_attrs, nha_kinds);

static const struct field ndt_config_fields[] = {
	FIELD(ndt_config, ndtc_key_len, F_UINT, NULL),
	FIELD(ndt_config, ndtc_entry_size, F_UINT, NULL),
	FIELD(ndt_config, ndtc_entries, F_UINT, NULL),
	FIELD(ndt_config, ndtc_last_flush, F_UINT, NULL),
	FIELD(ndt_config, ndtc_last_rand, F_UINT, NULL),
	FIELD(ndt_config, ndtc_hash_rnd, F_UINT, NULL),
	FIELD(ndt_config, ndtc_hash_mask, F_HEX, NULL),
	FIELD(ndt_config, ndtc_hash_chain_gc, F_UINT, NULL),
	FIELD(ndt_config, ndtc_proxy_qlen, F_UINT, NULL),
	FIELD_END,
};
static const struct nla_struct ndt_config = {
	sizeof(struct ndt_config), ndt_config_fields
};

static const struct field ndt_stats_fields[] = {
	FIELD(ndt_stats, ndts_allocs, F_UINT, NULL),
	FIELD(ndt_stats, ndts_destroys, F_UINT, NULL),
	FIELD(ndt_stats, ndts_hash_grows, F_UINT, NULL),
	FIELD(ndt_stats, ndts_res_failed, F_UINT, NULL),
	FIELD(ndt_stats, ndts_lookups, F_UINT, NULL),
	FIELD(ndt_stats, ndts_hits, F_UINT, NULL),
	FIELD(ndt_stats, ndts_rcv_probes_mcast, F_UINT, NULL),
	FIELD(ndt_stats, ndts_rcv_probes_ucast, F_UINT, NULL),
	FIELD(ndt_stats, ndts_periodic_gc_runs, F_UINT, NULL),
	FIELD(ndt_stats, ndts_forced_gc_runs, F_UINT, NULL),
	FIELD(ndt_stats, ndts_table_fulls, F_UINT, NULL),
	FIELD_END,
};
static const struct nla_struct ndt_stats = {
	sizeof(struct ndt_stats), ndt_stats_fields
};

static const struct nla_kind ndtpa_kinds[] = {
	[NDTPA_IFINDEX] = { nla_ifindex, NULL },
	[NDTPA_REFCNT] = { nla_u32, NULL },
	[NDTPA_REACHABLE_TIME] = { nla_u64, NULL },
	[NDTPA_BASE_REACHABLE_TIME] = { nla_u64, NULL },
	[NDTPA_RETRANS_TIME] = { nla_u64, NULL },
	[NDTPA_GC_STALETIME] = { nla_u64, NULL },
	[NDTPA_DELAY_PROBE_TIME] = { nla_u64, NULL },
	[NDTPA_QUEUE_LEN] = { nla_u32, NULL },
	[NDTPA_APP_PROBES] = { nla_u32, NULL },
	[NDTPA_UCAST_PROBES] = { nla_u32, NULL },
	[NDTPA_MCAST_PROBES] = { nla_u32, NULL },
	[NDTPA_ANYCAST_DELAY] = { nla_u64, NULL },
	[NDTPA_PROXY_DELAY] = { nla_u64, NULL },
	[NDTPA_PROXY_QLEN] = { nla_u32, NULL },
	[NDTPA_LOCKTIME] = { nla_u64, NULL },
	[NDTPA_QUEUE_LENBYTES] = { nla_u32, NULL },
	[NDTPA_MCAST_REPROBES] = { nla_u32, NULL },
};
static NLA_SET(ndtpa_set, &xlat_ndtpa_attrs, ndtpa_kinds);

static const struct nla_kind ndta_kinds[] = {
	[NDTA_CONFIG] = { nla_struct, &ndt_config },
	[NDTA_PARMS] = { nla_nested, &ndtpa_set },
	[NDTA_STATS] = { nla_struct, &ndt_stats },
	[NDTA_NAME] = { nla_str, NULL },
	[NDTA_THRESH1] = { nla_u32, NULL },
	[NDTA_THRESH2] = { nla_u32, NULL },
	[NDTA_THRESH3] = { nla_u32, NULL },
	[NDTA_GC_INTERVAL] = { nla_u64, NULL },
};
NLA_SET(nl_ndta_set, &xlat_ndta_attrs, ndta_kinds);

static const struct nla_kind dcb_kinds[] = {
	[DCB_ATTR_IFNAME] = { nla_str, NULL },
	[DCB_ATTR_STATE] = { nla_u8, NULL },
};
NLA_SET(nl_dcb_set, &xlat_dcb_attrs, dcb_kinds);

const struct nla_set nl_mdba_set = { &xlat_mdba_attrs, NULL, 0 };

static const int af_inet = AF_INET, af_inet6 = AF_INET6;

static const struct nla_kind ipmra_kinds[] = {
	[IPMRA_CREPORT_MSGTYPE] = { nla_enum8, &xlat_igmpmsg_types },
	[IPMRA_CREPORT_VIF_ID] = { nla_u32, NULL },
	[IPMRA_CREPORT_SRC_ADDR] = { nla_inaddr, &af_inet },
	[IPMRA_CREPORT_DST_ADDR] = { nla_inaddr, &af_inet },
	[IPMRA_CREPORT_TABLE] = { nla_u32, NULL },
};
static NLA_SET(ipmra_set, &xlat_ipmra_creport_attrs, ipmra_kinds);

static const struct nla_kind ip6mra_kinds[] = {
	[IP6MRA_CREPORT_MSGTYPE] = { nla_enum8, &xlat_mrt6msg_types },
	[IP6MRA_CREPORT_MIF_ID] = { nla_u32, NULL },
	[IP6MRA_CREPORT_SRC_ADDR] = { nla_inaddr, &af_inet6 },
	[IP6MRA_CREPORT_DST_ADDR] = { nla_inaddr, &af_inet6 },
};
static NLA_SET(ip6mra_set, &xlat_ip6mra_creport_attrs, ip6mra_kinds);

/* the attributes of a multicast routing cache report, by family */
const struct nla_family_set nl_cache_report_sets[] = {
	{ RTNL_FAMILY_IPMR, &ipmra_set },
	{ RTNL_FAMILY_IP6MR, &ip6mra_set },
	{ 0, NULL },
};
