/* Decoders for getsockopt and setsockopt: option names per level and the
 * option value by its layout. Which layout an option has is data: the
 * quoted word of its line in tables/consts (so_opt.list, ...). */
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "consts.h"
#include "decoders.h"

static const struct xlat *sockopt_names(uint32_t level)
{
	switch (level) {
	case SOL_SOCKET: return &xlat_so_opt;
	case IPPROTO_TCP: return &xlat_tcp_opt;
	case IPPROTO_IP: return &xlat_ip_opt;
	case IPPROTO_IPV6: return &xlat_ipv6_opt;
	case SOL_NETLINK: return &xlat_netlink_opt;
	case SOL_PACKET: return &xlat_packet_opt;
	case SOL_RAW: return &xlat_raw_opt;
	default: return NULL;
	}
}

/* The option's entry; getsockopt names some options apart. */
static const struct xlat_entry *sockopt_entry(const struct decode_ctx *ctx,
					      bool get)
{
	uint32_t level = (uint32_t)ctx->sc->raw_args[1];
	uint32_t opt = (uint32_t)ctx->sc->raw_args[2];
	const struct xlat *names = sockopt_names(level);
	const struct xlat_entry *e = NULL;

	if (get && level == SOL_SOCKET)
		e = xlat_find(&xlat_so_get_opt, opt);
	if (!e && names)
		e = xlat_find(names, opt);
	return e;
}

static struct value *name_value(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw,
				bool get)
{
	const struct xlat_entry *e = sockopt_entry(ctx, get);
	struct value *v;

	if (e)
		return value_symbol(ctx->arena, a->name, (uint32_t)raw, V_HEX,
				    e->name);
	v = value_hex(ctx->arena, a->name, (uint32_t)raw);
	set_unknown_comment(ctx, v,
			    sockopt_names((uint32_t)ctx->sc->raw_args[1]));
	return v;
}

struct value *decode_sockopt_name(struct decode_ctx *ctx,
				  const struct arg_desc *a, uint64_t raw)
{
	return name_value(ctx, a, raw, false);
}

struct value *decode_getsockopt_name(struct decode_ctx *ctx,
				     const struct arg_desc *a, uint64_t raw)
{
	return name_value(ctx, a, raw, true);
}

/* An int-sized value as the layout shows it: a number, an errno name, a
 * SOCK_TXREHASH_* value. */
static struct value *int_value(struct decode_ctx *ctx, const char *name,
			       const char *layout, int32_t n)
{
	struct value *v;

	if (!strcmp(layout, "errno"))
		return value_enum(ctx->arena, name, (uint32_t)n, &xlat_errno,
				  V_INT);
	if (strcmp(layout, "txrehash"))
		return value_int(ctx->arena, name, n);
	v = value_enum(ctx->arena, name, (uint32_t)n, &xlat_sock_txrehash,
		       V_INT);
	v->raw = (uint64_t)(int64_t)n;
	if (!v->u.en.sym)
		set_unknown_comment(ctx, v, &xlat_sock_txrehash);
	return v;
}

/* [N] from an int option of len bytes; fewer than 4 show as hex bytes. */
static struct value *int_option(struct decode_ctx *ctx, const char *name,
				uint64_t addr, int64_t len, const char *layout,
				bool get)
{
	struct value *arr, *v;
	int32_t n;

	if (len < (int64_t)sizeof(n)) {
		if (get && len > 0)
			return decode_buffer(ctx, name, addr, (uint64_t)len,
					     STR_HEX);
		return value_ptr(ctx->arena, name, addr);
	}
	if (!decode_read(ctx, name, addr, &n, sizeof(n), &v))
		return v;
	arr = value_array(ctx->arena, name, addr);
	value_add(arr, int_value(ctx, NULL, layout, n));
	return arr;
}

/* struct linger; getsockopt shows as much of it as the kernel wrote. */
static struct value *linger_option(struct decode_ctx *ctx, const char *name,
				   uint64_t addr, int64_t len, bool get)
{
	struct linger lg;
	struct value *v;
	const int64_t half = sizeof(lg.l_onoff);

	if (len >= (int64_t)sizeof(lg) || (get && len > 0)) {
		size_t n = len >= (int64_t)sizeof(lg) ? sizeof(lg) :
			   (size_t)len;

		if (!decode_read(ctx, name, addr, &lg, n, &v))
			return v;
		v = value_struct(ctx->arena, name, addr);
		if (len < half) {
			value_add(v, decode_buffer(ctx, "l_onoff", addr,
						   (uint64_t)len, STR_HEX));
			return v;
		}
		value_add(v, value_int(ctx->arena, "l_onoff", lg.l_onoff));
		if (len >= (int64_t)sizeof(lg))
			value_add(v, value_int(ctx->arena, "l_linger",
					       lg.l_linger));
		else if (len > half)
			value_add(v, decode_buffer(ctx, "l_linger",
						   addr + half,
						   (uint64_t)(len - half),
						   STR_HEX));
		return v;
	}
	return value_ptr(ctx->arena, name, addr);
}

static struct value *packet_mreq_option(struct decode_ctx *ctx,
					const char *name, uint64_t addr,
					int64_t len)
{
	struct packet_mreq mr;
	struct value *v, *t;
	char hex[3 * sizeof(mr.mr_address)] = "";
	unsigned alen;

	if (len != (int64_t)sizeof(mr))
		return value_ptr(ctx->arena, name, addr);
	if (!decode_read(ctx, name, addr, &mr, sizeof(mr), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_int(ctx->arena, "mr_ifindex", mr.mr_ifindex));
	t = value_enum(ctx->arena, "mr_type", mr.mr_type,
		       &xlat_packet_mr_type, V_HEX);
	if (!t->u.en.sym)
		set_unknown_comment(ctx, t, &xlat_packet_mr_type);
	value_add(v, t);
	value_add(v, value_uint(ctx->arena, "mr_alen", mr.mr_alen));
	alen = mr.mr_alen < sizeof(mr.mr_address) ? mr.mr_alen :
	       sizeof(mr.mr_address);
	for (unsigned i = 0, pos = 0; i < alen; i++)
		pos += snprintf(hex + pos, sizeof(hex) - pos, "%s%02x",
				i ? ":" : "", mr.mr_address[i]);
	/* -X raw and -X verbose show the bytes themselves */
	t = value_symbol(ctx->arena, "mr_address", 0, V_HEX,
			 arena_printf(ctx->arena, "%s", hex));
	t->u.en.raw_alt = decode_buffer(ctx, NULL, addr +
		offsetof(struct packet_mreq, mr_address), alen, STR_HEX);
	value_add(v, t);
	return v;
}

struct value *ifindex_value(struct decode_ctx *ctx, const char *name,
				   unsigned idx)
{
	char ifn[IF_NAMESIZE];

	if (idx && if_indextoname(idx, ifn))
		return value_symbol(ctx->arena, name, idx, V_UINT,
				    arena_printf(ctx->arena,
						 "if_nametoindex(\"%s\")",
						 ifn));
	return value_uint(ctx->arena, name, idx);
}

static struct value *ip_mreq_option(struct decode_ctx *ctx, const char *name,
				    uint64_t addr, int64_t len, bool v6)
{
	struct ip_mreq m4;
	struct ipv6_mreq m6;
	char ip[INET6_ADDRSTRLEN], ifc[INET_ADDRSTRLEN];
	struct value *v;

	if (len < (int64_t)(v6 ? sizeof(m6) : sizeof(m4)))
		return value_ptr(ctx->arena, name, addr);
	if (!decode_read(ctx, name, addr, v6 ? (void *)&m6 : (void *)&m4,
			 v6 ? sizeof(m6) : sizeof(m4), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	if (v6) {
		inet_ntop(AF_INET6, &m6.ipv6mr_multiaddr, ip, sizeof(ip));
		value_add(v, value_expr(ctx->arena, NULL, 0, arena_printf(
			ctx->arena, "inet_pton(AF_INET6, \"%s\", "
			"&ipv6mr_multiaddr)", ip)));
		value_add(v, ifindex_value(ctx, "ipv6mr_interface",
					   m6.ipv6mr_interface));
		return v;
	}
	inet_ntop(AF_INET, &m4.imr_multiaddr, ip, sizeof(ip));
	inet_ntop(AF_INET, &m4.imr_interface, ifc, sizeof(ifc));
	value_add(v, value_expr(ctx->arena, "imr_multiaddr", 0, arena_printf(
		ctx->arena, "inet_addr(\"%s\")", ip)));
	value_add(v, value_expr(ctx->arena, "imr_interface", 0, arena_printf(
		ctx->arena, "inet_addr(\"%s\")", ifc)));
	return v;
}

/* A value of no known layout: an int when 4 bytes long, else its bytes. */
static struct value *plain_option(struct decode_ctx *ctx, const char *name,
				  uint64_t addr, int64_t len)
{
	if (len == 4)
		return int_ptr_value(ctx, name, addr, 4, true);
	if (len <= 0)
		return value_ptr(ctx->arena, name, addr);
	return decode_buffer(ctx, name, addr, (uint64_t)len, STR_TEXT);
}

/* --- structs of 32-bit fields: which fields, in tables below */

enum field_kind { FK_U32, FK_PID, FK_UID };

struct opt_struct {
	const char *layout;	/* the quoted word of the option's line */
	size_t size;
	struct {
		const char *name;
		enum field_kind kind;
	} f[7];
};

/* setsockopt takes one of a layout's sizes exactly (tpacket_req or
 * tpacket_req3); getsockopt shows the first by what the kernel wrote. */
static const struct opt_struct opt_structs[] = {
	{ "ucred", 12, { { "pid", FK_PID }, { "uid", FK_UID },
			 { "gid", FK_UID } } },
	{ "tpacket_stats", 12, { { "tp_packets", FK_U32 },
				 { "tp_drops", FK_U32 },
				 { "tp_freeze_q_cnt", FK_U32 } } },
	{ "tpacket_req", 16, { { "tp_block_size", FK_U32 },
			       { "tp_block_nr", FK_U32 },
			       { "tp_frame_size", FK_U32 },
			       { "tp_frame_nr", FK_U32 } } },
	{ "tpacket_req", 28, { { "tp_block_size", FK_U32 },
			       { "tp_block_nr", FK_U32 },
			       { "tp_frame_size", FK_U32 },
			       { "tp_frame_nr", FK_U32 },
			       { "tp_retire_blk_tov", FK_U32 },
			       { "tp_sizeof_priv", FK_U32 },
			       { "tp_feature_req_word", FK_U32 } } },
};

static const struct opt_struct *find_struct(const char *layout, int64_t len,
					    bool get)
{
	for (size_t i = 0; i < sizeof(opt_structs) / sizeof(*opt_structs);
	     i++) {
		const struct opt_struct *o = &opt_structs[i];

		if (!strcmp(o->layout, layout) &&
		    (get || len == (int64_t)o->size))
			return o;
	}
	return NULL;
}

static struct value *field_value(struct decode_ctx *ctx, const char *name,
				 enum field_kind kind, uint32_t w)
{
	switch (kind) {
	case FK_PID:
		return value_pid(ctx->arena, name, (int32_t)w, PID_TGID);
	case FK_UID:
		return w == UINT32_MAX ? value_int(ctx->arena, name, -1) :
		       value_uint(ctx->arena, name, w);
	default:
		return value_uint(ctx->arena, name, w);
	}
}

/* The fields len bytes cover; a field cut short shows its bytes. */
static struct value *struct_option(struct decode_ctx *ctx, const char *name,
				   uint64_t addr, int64_t len,
				   const struct opt_struct *o)
{
	uint32_t w[7];
	size_t n = len >= (int64_t)o->size ? o->size : (size_t)len;
	struct value *v;

	if (len <= 0 || !decode_read(ctx, name, addr, w, n, &v))
		return len <= 0 ? value_ptr(ctx->arena, name, addr) : v;
	v = value_struct(ctx->arena, name, addr);
	for (size_t i = 0; i < o->size / 4 && i * 4 < n; i++) {
		if (n < (i + 1) * 4) {
			value_add(v, decode_buffer(ctx, o->f[i].name,
						   addr + i * 4, n - i * 4,
						   STR_HEX));
			break;
		}
		value_add(v, field_value(ctx, o->f[i].name, o->f[i].kind,
					 w[i]));
	}
	return v;
}

/* struct group_req: an interface and a socket address. */
static struct value *group_req_option(struct decode_ctx *ctx,
				      const char *name, uint64_t addr,
				      int64_t len)
{
	struct group_req gr;
	struct value *v;

	if (len < (int64_t)sizeof(gr))
		return value_ptr(ctx->arena, name, addr);
	if (!decode_read(ctx, name, addr, &gr, sizeof(gr), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, ifindex_value(ctx, "gr_interface", gr.gr_interface));
	value_add(v, sockaddr_value(ctx, "gr_group",
				    addr + offsetof(struct group_req, gr_group),
				    sizeof(gr.gr_group)));
	return v;
}

/* ICMP_FILTER: the set of ICMP types it blocks, written as the types
 * left out (~[...]) when most are in. */
static struct value *icmp_filter_option(struct decode_ctx *ctx,
					const char *name, uint64_t addr,
					int64_t len)
{
	uint32_t bits;
	struct value *v;
	bool comp;
	const char **names;
	unsigned n = 0;

	if (len < (int64_t)sizeof(bits))
		return value_ptr(ctx->arena, name, addr);
	if (!decode_read(ctx, name, addr, &bits, sizeof(bits), &v))
		return v;
	comp = __builtin_popcount(bits) > 16;
	if (comp)
		bits = ~bits;
	names = arena_alloc(ctx->arena, 32 * sizeof(*names));
	for (unsigned i = 0; i < 32; i++) {
		const struct xlat_entry *e;

		if (!(bits & (1u << i)))
			continue;
		e = xlat_find(&xlat_icmp_type, i);
		/* -X raw would want no comment: rare enough to ignore */
		names[n++] = e ? e->name : arena_printf(ctx->arena,
			"%#x /* %s */", i, unknown_comment(ctx,
							   &xlat_icmp_type));
	}
	v = value_new(ctx->arena, V_SIGSET, name, addr);
	v->u.sigset.names = names;
	v->u.sigset.count = n;
	v->u.sigset.complement = comp;
	return v;
}

static struct value *sockopt_value(struct decode_ctx *ctx, const char *name,
				   uint64_t addr, int64_t len, bool get)
{
	const struct xlat_entry *e = sockopt_entry(ctx, get);
	const char *layout = e && e->msg ? e->msg : "";
	const struct opt_struct *o;

	if (addr == 0)
		return value_ptr(ctx->arena, name, 0);
	if (!strcmp(layout, "int") || !strcmp(layout, "errno") ||
	    !strcmp(layout, "txrehash"))
		return int_option(ctx, name, addr, len, layout, get);
	if (!strcmp(layout, "linger"))
		return linger_option(ctx, name, addr, len, get);
	if (!strcmp(layout, "packet_mreq") && !get)
		return packet_mreq_option(ctx, name, addr, len);
	if ((!strcmp(layout, "ip_mreq") || !strcmp(layout, "ipv6_mreq")) &&
	    !get)
		return ip_mreq_option(ctx, name, addr, len,
				      layout[2] == 'v');
	if (!strcmp(layout, "group_req") && !get)
		return group_req_option(ctx, name, addr, len);
	if (!strcmp(layout, "icmp_filter") && !get)
		return icmp_filter_option(ctx, name, addr, len);
	if (!strcmp(layout, "filter") && !get) {
		if (len < 16)
			return value_ptr(ctx->arena, name, addr);
		return socket_fprog_value(ctx, name, addr);
	}
	/* SO_GET_FILTER counts instructions, not bytes */
	if (!strcmp(layout, "filter"))
		return ctx->opts->verbose && len > 0 ?
		       bpf_filter_value(ctx, name, addr, (uint64_t)len) :
		       value_ptr(ctx->arena, name, addr);
	o = find_struct(layout, len, get);
	if (o)
		return struct_option(ctx, name, addr, len, o);
	if (layout[0] && !get)
		return value_ptr(ctx->arena, name, addr);
	return plain_option(ctx, name, addr, len);
}

struct value *decode_sockopt_val(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	return sockopt_value(ctx, a->name, raw,
			     (int32_t)decode_param(ctx, a), false);
}

struct value *decode_sockopt_val_out(struct decode_ctx *ctx,
				     const struct arg_desc *a, uint64_t raw)
{
	uint64_t lenp = decode_param(ctx, a);
	const struct value *in = decode_entry_arg(ctx, (unsigned)a->param);
	int32_t len;

	if (!lenp || tracee_read(ctx->mem, lenp, &len, sizeof(len)) != 0)
		return value_ptr(ctx->arena, a->name, raw);
	/* the kernel writes no more than the caller offered */
	if (in && in->kind == V_ARRAY && in->u.kids.first &&
	    (int32_t)in->u.kids.first->raw < len)
		len = (int32_t)in->u.kids.first->raw;
	return sockopt_value(ctx, a->name, raw, len, true);
}
