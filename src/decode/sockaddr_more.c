/* Socket addresses of the less common families (RxRPC, IEEE 802.15.4,
 * AF_ALG, NFC, vsock, Qualcomm IPC router, XDP, MCTP, AX.25, IPX, X.25):
 * sockaddr_value in net.c hands their bytes here. */
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "consts.h"
#include "decoders.h"

#ifndef AF_MCTP
#define AF_MCTP 45
#endif

static uint16_t get16(const unsigned char *b, size_t off)
{
	uint16_t v;

	memcpy(&v, b + off, sizeof(v));
	return v;
}

static uint32_t get32(const unsigned char *b, size_t off)
{
	uint32_t v;

	memcpy(&v, b + off, sizeof(v));
	return v;
}

/* A number in hex with the name x gives it as a comment (strace names
 * these fields only in comments); unknown values get the set's "???"
 * comment when unknown_too. */
static struct value *hex_named(struct decode_ctx *ctx, const char *name,
			       uint64_t v, const struct xlat *x,
			       bool unknown_too)
{
	struct value *h = value_hex(ctx->arena, name, v);
	const struct xlat_entry *e = xlat_find(x, v);

	if (e) {
		h->comment = e->name;
		h->comment_xlat = true;
	} else if (unknown_too) {
		set_unknown_comment(ctx, h, x);
	}
	return h;
}

/* Flags in hex with their names in a comment: 0x1001 / * A|0x1 * /. */
static struct value *hex_flags(struct decode_ctx *ctx, const char *name,
			       uint64_t v, const struct xlat *x)
{
	struct value *h = value_hex(ctx->arena, name, v);
	const char *text = NULL;
	uint64_t rest = v;

	if (!v)
		return h;
	for (unsigned i = 0; i < x->n; i++) {
		if (!x->e[i].value || (v & x->e[i].value) != x->e[i].value)
			continue;
		text = text ? arena_printf(ctx->arena, "%s|%s", text,
					   x->e[i].name) : x->e[i].name;
		rest &= ~x->e[i].value;
	}
	if (!text) {
		set_unknown_comment(ctx, h, x);
		return h;
	}
	if (rest)
		text = arena_printf(ctx->arena, "%s|%#" PRIx64, text, rest);
	h->comment = text;
	h->comment_xlat = true;
	return h;
}

static struct value *bytes(struct decode_ctx *ctx, const char *name,
			   const unsigned char *p, size_t n)
{
	return value_string(ctx->arena, name, 0,
			    arena_strndup(ctx->arena, (const char *)p, n), n,
			    false);
}

/* A char[size] of which avail bytes were passed: up to its NUL, or cut
 * one short of what was passed with "..." when no NUL ends it. */
static struct value *fixed_string(struct decode_ctx *ctx, const char *name,
				  const unsigned char *p, size_t size,
				  size_t avail)
{
	size_t n = avail < size ? avail : size;
	const unsigned char *nul = memchr(p, 0, n);

	if (nul)
		return bytes(ctx, name, p, (size_t)(nul - p));
	return value_string(ctx->arena, name, 0,
			    arena_strndup(ctx->arena, (const char *)p,
					  n ? n - 1 : 0), n ? n - 1 : 0, true);
}

#define RXRPC_LEN 36
#define RXRPC_TRANSPORT 8
#define RXRPC_TRANSPORT_MAX 28

/* transport: an AF_INET or AF_INET6 address in full when transport_len
 * covers it, else the family and the bytes transport_len covers. */
static struct value *rxrpc_transport(struct decode_ctx *ctx,
				     const unsigned char *t, size_t tlen)
{
	struct value *v = value_struct(ctx->arena, "transport", 0), *in, *f;
	uint16_t fam = get16(t, 0);
	const char *fname = fam == AF_INET ? "sin" :
			    fam == AF_INET6 ? "sin6" : NULL;

	in = fname ? value_struct(ctx->arena, fname, 0) : v;
	f = value_enum(ctx->arena, fam == AF_INET ? "sin_family" :
		       fam == AF_INET6 ? "sin6_family" : "family", fam,
		       &xlat_address_family, V_HEX);
	if (!f->u.en.sym)
		set_unknown_comment(ctx, f, &xlat_address_family);
	value_add(in, f);
	if (fam == AF_INET && tlen >= 16)
		net_add_inet(ctx, in, t);
	else if (fam == AF_INET6 && tlen >= 24)
		net_add_inet6(ctx, in, t, 24);
	else if (tlen > 2)
		value_add(in, bytes(ctx, NULL, t + 2, tlen - 2));
	if (in != v)
		value_add(v, in);
	return v;
}

static bool add_rxrpc(struct decode_ctx *ctx, struct value *v,
		      const unsigned char *b, size_t n)
{
	uint16_t tlen = get16(b, 6);
	struct value *t;

	if (n < RXRPC_LEN)
		return false;
	value_add(v, hex_named(ctx, "srx_service", get16(b, 2),
			       &xlat_rxrpc_service, true));
	t = value_enum(ctx->arena, "transport_type", get16(b, 4),
		       &xlat_sock_type_base, V_HEX);
	if (!t->u.en.sym)
		set_unknown_comment(ctx, t, &xlat_sock_type_base);
	value_add(v, t);
	value_add(v, value_uint(ctx->arena, "transport_len", tlen));
	value_add(v, rxrpc_transport(ctx, b + RXRPC_TRANSPORT,
			tlen < RXRPC_TRANSPORT_MAX ? tlen :
			RXRPC_TRANSPORT_MAX));
	return true;
}

/* hwaddr: 8a:8b:... (-X raw: the bytes as a string; -X verbose: both) */
static struct value *hwaddr_value(struct decode_ctx *ctx,
				  const unsigned char *p, char *hw, char *raw)
{
	int o = 0, r = 0;

	r += snprintf(raw, 4 * 8 + 3, "\"");
	for (int i = 0; i < 8; i++) {
		o += snprintf(hw + o, 3 * 8 - o, "%s%02x", i ? ":" : "", p[i]);
		r += snprintf(raw + r, 4 * 8 + 3 - r, "\\x%02x", p[i]);
	}
	snprintf(raw + r, 4 * 8 + 3 - r, "\"");
	return value_expr_styled(ctx->arena, "hwaddr", 0,
		arena_strndup(ctx->arena, hw, strlen(hw)),
		arena_strndup(ctx->arena, raw, strlen(raw)),
		arena_printf(ctx->arena, "%s /* %s */", raw, hw));
}

static bool add_ieee802154(struct decode_ctx *ctx, struct value *v,
			   const unsigned char *b, size_t n)
{
	struct value *a;
	uint32_t type;
	char hw[3 * 8], raw[4 * 8 + 3];

	if (n < 20)
		return false;
	type = get32(b, 4);
	a = value_struct(ctx->arena, "addr", 0);
	value_add(a, hex_named(ctx, "addr_type", type,
			       &xlat_ieee802154_addr_type, true));
	value_add(a, hex_named(ctx, "pan_id", get16(b, 8),
			       &xlat_ieee802154_pan_id, false));
	if (type == 2) {	/* IEEE802154_ADDR_SHORT */
		value_add(a, hex_named(ctx, "short_addr", get16(b, 10),
				       &xlat_ieee802154_short_addr, false));
	} else if (type) {
		value_add(a, hwaddr_value(ctx, b + 10, hw, raw));
	}
	value_add(v, a);
	return true;
}

#define ALG_NAME_OFF 24
#define ALG_LEN 88

static bool add_alg(struct decode_ctx *ctx, struct value *v,
		    const unsigned char *b, size_t n)
{
	if (n <= ALG_NAME_OFF)
		return false;
	value_add(v, fixed_string(ctx, "salg_type", b + 2, 14, 14));
	value_add(v, hex_flags(ctx, "salg_feat", get32(b, 16),
			       &xlat_crypto_alg_flags));
	value_add(v, hex_flags(ctx, "salg_mask", get32(b, 20),
			       &xlat_crypto_alg_flags));
	value_add(v, fixed_string(ctx, "salg_name", b + ALG_NAME_OFF, 64,
				  n - ALG_NAME_OFF));
	return true;
}

#define NFC_LEN 16
#define NFC_LLCP_LEN 96
#define NFC_SN_MAX 63

static bool add_nfc(struct decode_ctx *ctx, struct value *v,
		    const unsigned char *b, size_t n)
{
	struct value *p;
	uint64_t sn_len;

	if (n < NFC_LEN)
		return false;
	value_add(v, ifindex_value(ctx, "dev_idx", get32(b, 4)));
	value_add(v, value_hex(ctx->arena, "target_idx", get32(b, 8)));
	p = value_enum(ctx->arena, "nfc_protocol", get32(b, 12),
		       &xlat_nfc_proto, V_HEX);
	if (!p->u.en.sym)
		set_unknown_comment(ctx, p, &xlat_nfc_proto);
	value_add(v, p);
	if (n < NFC_LLCP_LEN) {
		v->u.kids.elided = n > NFC_LEN;
		return true;
	}
	memcpy(&sn_len, b + 88, sizeof(sn_len));
	value_add(v, hex_named(ctx, "dsap", b[16], &xlat_llcp_sap, false));
	value_add(v, hex_named(ctx, "ssap", b[17], &xlat_llcp_sap, false));
	value_add(v, bytes(ctx, "service_name", b + 18,
			   sn_len < NFC_SN_MAX ? (size_t)sn_len : NFC_SN_MAX));
	value_add(v, value_uint(ctx->arena, "service_name_len", sn_len));
	return true;
}

static bool add_vsock(struct decode_ctx *ctx, struct value *v,
		      const unsigned char *b, size_t n)
{
	struct value *f, *z;
	uint8_t flags;

	if (n < 16)
		return false;
	if (get16(b, 2))
		value_add(v, value_hex(ctx->arena, "svm_reserved1",
				       get16(b, 2)));
	value_add(v, value_enum(ctx->arena, "svm_cid", get32(b, 8),
				&xlat_vmaddr_cid, V_HEX));
	value_add(v, value_enum(ctx->arena, "svm_port", get32(b, 4),
				&xlat_vmaddr_port, V_HEX));
	flags = b[12];
	f = value_flags(ctx->arena, "svm_flags", flags, &xlat_vmaddr_flags);
	if (flags && !(flags & 1))
		set_unknown_comment(ctx, f, &xlat_vmaddr_flags);
	value_add(v, f);
	if (b[13] || b[14] || b[15]) {
		z = bytes(ctx, "svm_zero", b + 13, 3);
		z->u.str.style = STR_HEX;
		value_add(v, z);
	}
	return true;
}

static bool add_qipcrtr(struct decode_ctx *ctx, struct value *v,
			const unsigned char *b, size_t n)
{
	if (n < 12)
		return false;
	value_add(v, value_enum(ctx->arena, "sq_node", get32(b, 4),
				&xlat_qrtr_node, V_HEX));
	value_add(v, value_enum(ctx->arena, "sq_port", get32(b, 8),
				&xlat_qrtr_port, V_HEX));
	return true;
}

#define XDP_SHARED_UMEM_FLAG 1

static bool add_xdp(struct decode_ctx *ctx, struct value *v,
		    const unsigned char *b, size_t n)
{
	uint16_t flags = get16(b, 2);
	uint32_t fd = get32(b, 12);
	struct value *f;

	if (n < 16)
		return false;
	f = value_flags(ctx->arena, "sxdp_flags", flags,
			&xlat_sockaddr_xdp_flags);
	if (flags && !(flags & 0xf))
		set_unknown_comment(ctx, f, &xlat_sockaddr_xdp_flags);
	value_add(v, f);
	value_add(v, ifindex_value(ctx, "sxdp_ifindex", get32(b, 4)));
	value_add(v, value_uint(ctx->arena, "sxdp_queue_id", get32(b, 8)));
	if (flags & XDP_SHARED_UMEM_FLAG)
		value_add(v, fd_value_of(ctx, "sxdp_shared_umem_fd",
					 ctx->mem->pid, (int32_t)fd));
	else if (fd)
		value_add(v, value_hex(ctx->arena, "sxdp_shared_umem_fd", fd));
	return true;
}

static bool add_mctp(struct decode_ctx *ctx, struct value *v,
		     const unsigned char *b, size_t n)
{
	struct value *a;

	if (n < 12)
		return false;
	if (get16(b, 2))
		value_add(v, value_hex(ctx->arena, "__smctp_pad0",
				       get16(b, 2)));
	value_add(v, value_enum(ctx->arena, "smctp_network", get32(b, 4),
				&xlat_mctp_net, V_HEX));
	a = value_struct(ctx->arena, "smctp_addr", 0);
	value_add(a, value_enum(ctx->arena, "s_addr", b[8], &xlat_mctp_addr,
				V_HEX));
	value_add(v, a);
	value_add(v, value_hex(ctx->arena, "smctp_type", b[9]));
	value_add(v, value_hex(ctx->arena, "smctp_tag", b[10]));
	if (b[11])
		value_add(v, value_hex(ctx->arena, "__smctp_pad1", b[11]));
	return true;
}

#define AX25_CALL 7
#define AX25_LEN 16
#define AX25_MAX_DIGIS 8
#define AX25_FULL_LEN (AX25_LEN + AX25_MAX_DIGIS * AX25_CALL)

/* A call sign: 6 characters shifted left by one, padded with spaces, and
 * an SSID byte. Well-formed ones print as VALID-13; the null address as
 * "*"; others as their bytes, with the text read from them in a comment
 * when it is printable. */
static struct value *ax25_call(struct decode_ctx *ctx, const char *name,
			       const unsigned char *p)
{
	char text[8];
	bool valid = !(p[6] & ~0x1e), printable = true;
	unsigned ssid = (p[6] >> 1) & 0xf;
	int len = 6;
	struct value *v, *bytes_v;

	for (int i = 0; i < 6; i++) {
		text[i] = (char)(p[i] >> 1);
		if (p[i] & 1)
			valid = false;
		if (text[i] < 0x20 || text[i] > 0x7e)
			printable = false;
	}
	while (len && text[len - 1] == ' ')
		len--;
	text[len] = 0;
	if (!len && !p[6])
		return value_expr(ctx->arena, name, 0, "*");
	for (int i = 0; i < len; i++)
		if (!((text[i] >= 'A' && text[i] <= 'Z') ||
		      (text[i] >= '0' && text[i] <= '9')))
			valid = false;
	if (valid && len)
		return value_expr(ctx->arena, name, 0, arena_printf(ctx->arena,
				  "%s-%u", text, ssid));
	v = value_struct(ctx->arena, name, 0);
	bytes_v = bytes(ctx, "ax25_call", p, AX25_CALL);
	bytes_v->u.str.style = STR_HEX;
	value_add(v, bytes_v);
	if (printable && !strstr(text, "*/"))
		v->comment = arena_printf(ctx->arena, "%s-%u", text, ssid);
	return v;
}

static bool add_ax25(struct decode_ctx *ctx, struct value *v,
		     const unsigned char *b, size_t n)
{
	int32_t ndigis;
	struct value *fsa, *digis;
	size_t avail, shown;

	if (n < AX25_LEN)
		return false;
	memcpy(&ndigis, b + 12, sizeof(ndigis));
	if (n == AX25_LEN && !ndigis) {
		value_add(v, ax25_call(ctx, "sax25_call", b + 2));
		value_add(v, value_int(ctx->arena, "sax25_ndigis", ndigis));
		return true;
	}
	fsa = value_struct(ctx->arena, "fsa_ax25", 0);
	value_add(fsa, ax25_call(ctx, "sax25_call", b + 2));
	value_add(fsa, value_int(ctx->arena, "sax25_ndigis", ndigis));
	value_add(v, fsa);
	digis = value_array(ctx->arena, "fsa_digipeater", 0);
	avail = (n - AX25_LEN) / AX25_CALL;
	shown = ndigis < 0 ? 0 : ndigis > AX25_MAX_DIGIS ? AX25_MAX_DIGIS :
		(size_t)ndigis;
	if (shown > avail) {
		digis->u.kids.elided = true;
		shown = avail;
	}
	for (size_t i = 0; i < shown; i++)
		value_add(digis, ax25_call(ctx, NULL,
					   b + AX25_LEN + i * AX25_CALL));
	value_add(v, digis);
	v->u.kids.elided = n > AX25_FULL_LEN ||
			   (n - AX25_LEN) % AX25_CALL != 0;
	return true;
}

static bool add_ipx(struct decode_ctx *ctx, struct value *v,
		    const unsigned char *b, size_t n)
{
	struct value *node;

	if (n < 16)
		return false;
	value_add(v, value_expr(ctx->arena, "sipx_port", 0,
		arena_printf(ctx->arena, "htons(%u)", ntohs(get16(b, 2)))));
	value_add(v, value_expr(ctx->arena, "sipx_network", 0,
		arena_printf(ctx->arena, "htonl(%#x)", ntohl(get32(b, 4)))));
	node = value_array(ctx->arena, "sipx_node", 0);
	for (int i = 0; i < 6; i++)
		value_add(node, value_hex(ctx->arena, NULL, b[8 + i]));
	value_add(v, node);
	value_add(v, value_hex(ctx->arena, "sipx_type", b[14]));
	if (b[15])
		value_add(v, value_hex(ctx->arena, "sipx_zero", b[15]));
	return true;
}

#define X25_LEN 18

static bool add_x25(struct decode_ctx *ctx, struct value *v,
		    const unsigned char *b, size_t n)
{
	struct value *a;

	if (n < X25_LEN)
		return false;
	a = value_struct(ctx->arena, "sx25_addr", 0);
	value_add(a, fixed_string(ctx, "x25_addr", b + 2, 16, 16));
	value_add(v, a);
	return true;
}

bool sockaddr_more(struct decode_ctx *ctx, struct value *v, uint16_t family,
		   const unsigned char *b, size_t n)
{
	switch (family) {
	case AF_AX25:
		return add_ax25(ctx, v, b, n);
	case AF_IPX:
		return add_ipx(ctx, v, b, n);
	case AF_X25:
		return add_x25(ctx, v, b, n);
	case AF_RXRPC:
		return add_rxrpc(ctx, v, b, n);
	case AF_IEEE802154:
		return add_ieee802154(ctx, v, b, n);
	case AF_ALG:
		return add_alg(ctx, v, b, n);
	case AF_NFC:
		return add_nfc(ctx, v, b, n);
	case AF_VSOCK:
		return add_vsock(ctx, v, b, n);
	case AF_QIPCRTR:
		return add_qipcrtr(ctx, v, b, n);
	case AF_XDP:
		return add_xdp(ctx, v, b, n);
	case AF_MCTP:
		return add_mctp(ctx, v, b, n);
	default:
		return false;
	}
}
