/* NETLINK_NETFILTER messages: the type is a subsystem and its message
 * (NFNL_SUBSYS_CTNETLINK<<8|IPCTNL_MSG_CT_NEW), the payload a nfgenmsg
 * followed by attributes whose types depend on the message. */
#include <arpa/inet.h>
#include <linux/netfilter/nfnetlink.h>
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

/* res_id: a subsystem in network order for messages of a subsystem,
 * a number for the batch ones. */
static struct value *res_id_value(struct decode_ctx *ctx, uint16_t type,
				  uint16_t res_id)
{
	const char *sym = NULL;

	if (!xlat_name(&xlat_nf_batch_msgs, type)) {
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
	.payload = nf_payload,
};
