/* NETLINK_NETFILTER messages: the type is a subsystem and its message
 * (NFNL_SUBSYS_CTNETLINK<<8|IPCTNL_MSG_CT_NEW), the payload a nfgenmsg
 * followed by attributes whose types depend on the message. */
#include <arpa/inet.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nf_tables_compat.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_acct.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/netfilter/nfnetlink_cthelper.h>
#include <linux/netfilter/nfnetlink_cttimeout.h>
#include <string.h>

#include "consts.h"
#include "netlink.h"

/* By subsystem: the names of its messages. */
static const struct xlat *subsys_msgs(unsigned subsys)
{
	static const struct {
		unsigned subsys;
		const struct xlat *msgs;
	} table[] = {
		{ NFNL_SUBSYS_CTNETLINK, &xlat_nf_ctnetlink_msgs },
		{ NFNL_SUBSYS_CTNETLINK_EXP, &xlat_nf_ctnetlink_exp_msgs },
		{ NFNL_SUBSYS_QUEUE, &xlat_nf_queue_msgs },
		{ NFNL_SUBSYS_ULOG, &xlat_nf_ulog_msgs },
		{ NFNL_SUBSYS_OSF, &xlat_nf_osf_msgs },
		{ NFNL_SUBSYS_IPSET, &xlat_nf_ipset_msgs },
		{ NFNL_SUBSYS_ACCT, &xlat_nf_acct_msgs },
		{ NFNL_SUBSYS_CTNETLINK_TIMEOUT, &xlat_nf_cttimeout_msgs },
		{ NFNL_SUBSYS_CTHELPER, &xlat_nf_cthelper_msgs },
		{ NFNL_SUBSYS_NFTABLES, &xlat_nf_nftables_msgs },
		{ NFNL_SUBSYS_NFT_COMPAT, &xlat_nf_compat_msgs },
	};

	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (table[i].subsys == subsys)
			return table[i].msgs;
	return NULL;
}

/* "NAME" or "0xff /+ PREFIX??? +/" for v in x (NULL: in hex). */
static const char *part_text(struct decode_ctx *ctx, unsigned v,
			     const struct xlat *x)
{
	const char *sym = x ? xlat_name(x, v) : NULL;
	const char *unknown = x ? unknown_comment(ctx, x) : NULL;

	if (sym)
		return sym;
	if (unknown)
		return arena_printf(ctx->arena, "%#x /* %s */", v, unknown);
	return arena_printf(ctx->arena, "%#x", v);
}

static struct value *nf_type(struct decode_ctx *ctx, uint16_t type)
{
	const char *batch = xlat_name(&xlat_nf_batch_msgs, type);
	unsigned subsys = type >> 8;

	if (batch)
		return value_symbol(ctx->arena, "nlmsg_type", type, V_HEX,
				    batch);
	return value_symbol(ctx->arena, "nlmsg_type", type, V_HEX,
			    arena_printf(ctx->arena, "%s<<8|%s",
					 part_text(ctx, subsys,
						   &xlat_nl_netfilter_subsys),
					 part_text(ctx, type & 0xff,
						   subsys_msgs(subsys))));
}

/* res_id: nf_tables puts its subsystem there (in network order, or
 * mistakenly in host order); the others a number in network order. */
static struct value *res_id_value(struct decode_ctx *ctx, uint16_t type,
				  uint16_t res_id)
{
	const char *sym = NULL;

	if (type >> 8 == NFNL_SUBSYS_NFTABLES) {
		sym = xlat_name(&xlat_nl_netfilter_subsys, ntohs(res_id));
		if (!sym && (sym = xlat_name(&xlat_nl_netfilter_subsys,
					     res_id)))
			return value_symbol(ctx->arena, "res_id", res_id,
					    V_UINT, sym);
	}
	return value_symbol(ctx->arena, "res_id", res_id, V_UINT,
			    sym ? arena_printf(ctx->arena, "htons(%s)", sym) :
			    arena_printf(ctx->arena, "htons(%u)",
					 ntohs(res_id)));
}

/* Requests by the flags they take (the others take plain ones). */
#define NEW(s, m) { NFNL_SUBSYS_##s, m, &xlat_nlm_flags_new }
#define GET(s, m) { NFNL_SUBSYS_##s, m, &xlat_nlm_flags_get }
#define DEL(s, m) { NFNL_SUBSYS_##s, m, &xlat_nlm_flags_del }
static const struct {
	unsigned char subsys, msg;
	const struct xlat *flags;
} nf_flags[] = {
	NEW(CTNETLINK, IPCTNL_MSG_CT_NEW),
	GET(CTNETLINK, IPCTNL_MSG_CT_GET),
	GET(CTNETLINK, IPCTNL_MSG_CT_GET_CTRZERO),
	GET(CTNETLINK, IPCTNL_MSG_CT_GET_STATS_CPU),
	GET(CTNETLINK, IPCTNL_MSG_CT_GET_STATS),
	GET(CTNETLINK, IPCTNL_MSG_CT_GET_DYING),
	GET(CTNETLINK, IPCTNL_MSG_CT_GET_UNCONFIRMED),
	DEL(CTNETLINK, IPCTNL_MSG_CT_DELETE),
	NEW(CTNETLINK_EXP, IPCTNL_MSG_EXP_NEW),
	GET(CTNETLINK_EXP, IPCTNL_MSG_EXP_GET),
	GET(CTNETLINK_EXP, IPCTNL_MSG_EXP_GET_STATS_CPU),
	DEL(CTNETLINK_EXP, IPCTNL_MSG_EXP_DELETE),
	NEW(ACCT, NFNL_MSG_ACCT_NEW),
	GET(ACCT, NFNL_MSG_ACCT_GET),
	GET(ACCT, NFNL_MSG_ACCT_GET_CTRZERO),
	DEL(ACCT, NFNL_MSG_ACCT_DEL),
	NEW(CTNETLINK_TIMEOUT, IPCTNL_MSG_TIMEOUT_NEW),
	GET(CTNETLINK_TIMEOUT, IPCTNL_MSG_TIMEOUT_GET),
	DEL(CTNETLINK_TIMEOUT, IPCTNL_MSG_TIMEOUT_DELETE),
	NEW(CTHELPER, NFNL_MSG_CTHELPER_NEW),
	GET(CTHELPER, NFNL_MSG_CTHELPER_GET),
	DEL(CTHELPER, NFNL_MSG_CTHELPER_DEL),
	GET(NFT_COMPAT, NFNL_MSG_COMPAT_GET),
	NEW(NFTABLES, NFT_MSG_NEWTABLE),
	GET(NFTABLES, NFT_MSG_GETTABLE),
	DEL(NFTABLES, NFT_MSG_DELTABLE),
	NEW(NFTABLES, NFT_MSG_NEWCHAIN),
	GET(NFTABLES, NFT_MSG_GETCHAIN),
	DEL(NFTABLES, NFT_MSG_DELCHAIN),
	NEW(NFTABLES, NFT_MSG_NEWRULE),
	GET(NFTABLES, NFT_MSG_GETRULE),
	DEL(NFTABLES, NFT_MSG_DELRULE),
	NEW(NFTABLES, NFT_MSG_NEWSET),
	GET(NFTABLES, NFT_MSG_GETSET),
	DEL(NFTABLES, NFT_MSG_DELSET),
	NEW(NFTABLES, NFT_MSG_NEWSETELEM),
	GET(NFTABLES, NFT_MSG_GETSETELEM),
	DEL(NFTABLES, NFT_MSG_DELSETELEM),
	NEW(NFTABLES, NFT_MSG_NEWGEN),
	GET(NFTABLES, NFT_MSG_GETGEN),
	NEW(NFTABLES, NFT_MSG_NEWOBJ),
	GET(NFTABLES, NFT_MSG_GETOBJ),
	DEL(NFTABLES, NFT_MSG_DELOBJ),
	GET(NFTABLES, NFT_MSG_GETOBJ_RESET),
	NEW(NFTABLES, NFT_MSG_NEWFLOWTABLE),
	GET(NFTABLES, NFT_MSG_GETFLOWTABLE),
	DEL(NFTABLES, NFT_MSG_DELFLOWTABLE),
};
#undef NEW
#undef GET
#undef DEL

static const struct xlat *nf_flags_of(uint16_t type)
{
	for (size_t i = 0; i < sizeof(nf_flags) / sizeof(nf_flags[0]); i++)
		if (nf_flags[i].subsys == type >> 8 &&
		    nf_flags[i].msg == (type & 0xff))
			return nf_flags[i].flags;
	return NULL;
}

/* Attributes whose set is not listed: numbered types, data in hex. */
static const struct nla_set nf_attrs = { NULL, NULL, 0 };

static bool nf_payload(struct decode_ctx *ctx, struct value *msg,
		       const struct nlmsghdr *h, uint64_t addr, uint32_t len)
{
	struct nfgenmsg g;
	struct value *v;
	uint32_t off = NLMSG_ALIGN(sizeof(g));

	if (h->nlmsg_type == NLMSG_DONE || len < sizeof(g))
		return false;
	if (tracee_read(ctx->mem, addr, &g, sizeof(g)) != 0) {
		value_add(msg, value_unavailable(ctx, NULL, addr));
		return true;
	}
	v = value_struct(ctx->arena, NULL, addr);
	value_add(v, nl_enum(ctx, "nfgen_family", g.nfgen_family,
			     &xlat_address_family));
	value_add(v, nl_enum(ctx, "version", g.version,
			     &xlat_nfnetlink_version));
	value_add(v, res_id_value(ctx, h->nlmsg_type, g.res_id));
	value_add(msg, v);
	if (len <= off)
		return true;
	/* a batch carries no attributes of its own */
	value_add(msg, xlat_name(&xlat_nf_batch_msgs, h->nlmsg_type) ?
		  decode_buffer(ctx, NULL, addr + off, len - off, STR_HEX) :
		  nla_value(ctx, addr + off, len - off, &nf_attrs,
			    g.nfgen_family));
	return true;
}

const struct nl_family nl_family_netfilter = {
	.type = nf_type,
	.flags = nf_flags_of,
	.payload = nf_payload,
};
