/* Netlink attributes (struct nlattr): the list after a message's fixed
 * part, each [{nla_len=N, nla_type=NAME}, data], and the kinds of data
 * attribute sets name (numbers, strings, addresses, flags, nests). */
#include <arpa/inet.h>
#include <endian.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "consts.h"
#include "netlink.h"

static struct value *nla_header(struct decode_ctx *ctx, const struct nlattr *a,
				uint64_t addr, const struct nla_set *set)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, NULL, addr);
	unsigned type = a->nla_type & NLA_TYPE_MASK;
	struct value *t = nl_enum(ctx, "nla_type", type, set->types);

	value_add(v, value_uint(ar, "nla_len", a->nla_len));
	/* the two flag bits come first: NLA_F_NESTED|IFLA_LINKINFO */
	if (a->nla_type & (NLA_F_NESTED | NLA_F_NET_BYTEORDER)) {
		const char *unknown = unknown_comment(ctx, set->types);
		const char *sym = t->u.en.sym ? t->u.en.sym :
			unknown ? arena_printf(ar, "%#x /* %s */", type,
					       unknown) :
			arena_printf(ar, "%#x", type);

		if (a->nla_type & NLA_F_NET_BYTEORDER)
			sym = arena_printf(ar, "NLA_F_NET_BYTEORDER|%s", sym);
		if (a->nla_type & NLA_F_NESTED)
			sym = arena_printf(ar, "NLA_F_NESTED|%s", sym);
		t = value_symbol(ar, "nla_type", a->nla_type, V_HEX, sym);
	}
	value_add(v, t);
	return v;
}

/* One attribute of at most len bytes. */
static struct value *nla_one(struct decode_ctx *ctx, const struct nlattr *a,
			     uint64_t addr, uint64_t len,
			     const struct nla_set *set, int family)
{
	uint64_t size = a->nla_len < len ? a->nla_len : len;
	unsigned type = a->nla_type & NLA_TYPE_MASK;
	struct value *hdr = nla_header(ctx, a, addr, set);
	struct value *v, *data = NULL;
	uint32_t dlen;

	if (size <= NLA_HDRLEN)
		return hdr;
	v = value_array(ctx->arena, NULL, addr);
	value_add(v, hdr);
	dlen = (uint32_t)(size - NLA_HDRLEN);
	if (type < set->n && set->kinds[type].fn)
		data = set->kinds[type].fn(ctx, addr + NLA_HDRLEN, dlen,
					   set->kinds[type].arg, family);
	if (!data)
		data = decode_buffer(ctx, NULL, addr + NLA_HDRLEN, dlen,
				     STR_HEX);
	value_add(v, data);
	return v;
}

struct value *nla_value(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
			const struct nla_set *set, int family)
{
	struct value *list = NULL, *one;
	struct nlattr a;

	for (uint64_t i = 0;; i++) {
		uint64_t size, next = 0;

		if (list && decode_array_full(ctx, i)) {
			list->u.kids.elided = true;
			break;
		}
		if (len < sizeof(a)) {
			one = decode_buffer(ctx, NULL, addr, len, STR_HEX);
		} else if (tracee_read(ctx->mem, addr, &a, sizeof(a)) != 0) {
			if (!list)
				return value_unavailable(ctx, NULL, addr);
			list->u.kids.elided = true;
			list->u.kids.unread_at = addr;
			break;
		} else {
			one = nla_one(ctx, &a, addr, len, set, family);
			size = NLA_ALIGN((uint64_t)a.nla_len);
			if (a.nla_len >= NLA_HDRLEN && len > size)
				next = addr + size;
		}
		if (!list && !next)
			return one;
		if (!list)
			list = value_array(ctx->arena, NULL, addr);
		value_add(list, one);
		if (!next)
			break;
		len -= (uint32_t)(next - addr);
		addr = next;
	}
	return list;
}

/* --- kinds of data */

bool nla_get(struct decode_ctx *ctx, uint64_t addr, uint32_t len, void *buf,
	     size_t size, struct value **v)
{
	*v = NULL;
	if (len < size)
		return false;
	if (tracee_read(ctx->mem, addr, buf, size) != 0) {
		*v = value_unavailable(ctx, NULL, addr);
		return false;
	}
	return true;
}

#define NLA_NUMBER(fn, type, make) \
struct value *fn(struct decode_ctx *ctx, uint64_t addr, uint32_t len, \
		 const void *arg, int family) \
{ \
	struct value *v; \
	type n; \
	if (!nla_get(ctx, addr, len, &n, sizeof(n), &v)) \
		return v; \
	return make(ctx->arena, NULL, n); \
}

NLA_NUMBER(nla_u8, uint8_t, value_uint)
NLA_NUMBER(nla_u16, uint16_t, value_uint)
NLA_NUMBER(nla_u32, uint32_t, value_uint)
NLA_NUMBER(nla_u64, uint64_t, value_uint)
NLA_NUMBER(nla_s32, int32_t, value_int)
NLA_NUMBER(nla_x16, uint16_t, value_hex)
NLA_NUMBER(nla_x32, uint32_t, value_hex)

struct value *nla_be16(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
		       const void *arg, int family)
{
	struct value *v;
	uint16_t n;

	if (!nla_get(ctx, addr, len, &n, sizeof(n), &v))
		return v;
	return value_symbol(ctx->arena, NULL, n, V_UINT,
			    arena_printf(ctx->arena, "htons(%u)", ntohs(n)));
}

struct value *nla_be64(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
		       const void *arg, int family)
{
	struct value *v;
	uint64_t n;

	if (!nla_get(ctx, addr, len, &n, sizeof(n), &v))
		return v;
	return value_symbol(ctx->arena, NULL, n, V_UINT,
			    arena_printf(ctx->arena, "htobe64(%llu)",
					 (unsigned long long)be64toh(n)));
}

struct value *nla_str(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
		      const void *arg, int family)
{
	size_t limit = ctx->opts->string_limit, take = len, n;
	char *buf;

	/* the len bytes up to a NUL; "..." when none ends them */
	if (take > limit)
		take = limit;
	buf = arena_alloc_bytes(ctx->arena, take + 1);
	if (!decode_spend(ctx, take) ||
	    tracee_read(ctx->mem, addr, buf, take) != 0)
		return value_unavailable(ctx, NULL, addr);
	n = strnlen(buf, take);
	buf[n] = 0;
	return value_string(ctx->arena, NULL, addr, buf, n, n == take);
}

struct value *nl_ifindex(struct decode_ctx *ctx, const char *name,
			 uint32_t index)
{
	char ifname[IF_NAMESIZE];

	if (!index || !if_indextoname(index, ifname))
		return value_uint(ctx->arena, name, index);
	return value_symbol(ctx->arena, name, index, V_UINT,
			    arena_printf(ctx->arena, "if_nametoindex(\"%s\")",
					 ifname));
}

struct value *nla_ifindex(struct decode_ctx *ctx, uint64_t addr,
			  uint32_t len, const void *arg, int family)
{
	struct value *v;
	uint32_t n;

	if (!nla_get(ctx, addr, len, &n, sizeof(n), &v))
		return v;
	return nl_ifindex(ctx, NULL, n);
}

struct value *nl_bytes_symbol(struct decode_ctx *ctx, const char *name,
			      const unsigned char *b, size_t len,
			      const char *text)
{
	char *raw = arena_alloc_bytes(ctx->arena, 4 * len + 3);
	size_t used = 0;
	struct value *v;

	raw[used++] = '"';
	for (size_t i = 0; i < len; i++)
		used += (size_t)sprintf(raw + used, "\\x%02x", b[i]);
	raw[used++] = '"';
	raw[used] = 0;
	v = value_symbol(ctx->arena, name, 0, V_HEX, text);
	v->u.en.raw_text = raw;
	return v;
}

struct value *nla_inaddr(struct decode_ctx *ctx, uint64_t addr,
			 uint32_t len, const void *arg, int family)
{
	unsigned char a[16];
	char text[INET6_ADDRSTRLEN];
	bool v6;

	/* a set whose message family is no address family names it */
	if (arg)
		family = *(const int *)arg;
	v6 = family == AF_INET6;

	if ((family != AF_INET && !v6) || len != (v6 ? 16u : 4u) ||
	    tracee_read(ctx->mem, addr, a, len) != 0 ||
	    !inet_ntop(v6 ? AF_INET6 : AF_INET, a, text, sizeof(text)))
		return NULL;
	return nl_bytes_symbol(ctx, NULL, a, len,
			       arena_printf(ctx->arena, v6 ?
					    "inet_pton(AF_INET6, \"%s\")" :
					    "inet_addr(\"%s\")", text));
}

struct value *nl_hwaddr(struct decode_ctx *ctx, const char *name,
			const unsigned char *b, size_t len)
{
	char *text = arena_alloc_bytes(ctx->arena, 3 * len + 1);
	size_t used = 0;

	text[0] = 0;
	for (size_t i = 0; i < len; i++)
		used += (size_t)sprintf(text + used, i ? ":%02x" : "%02x",
					b[i]);
	return nl_bytes_symbol(ctx, name, b, len, text);
}

struct value *nla_hwaddr(struct decode_ctx *ctx, uint64_t addr,
			 uint32_t len, const void *arg, int family)
{
	unsigned char a[32];

	if (!len || len > sizeof(a) || tracee_read(ctx->mem, addr, a, len))
		return NULL;
	return nl_hwaddr(ctx, NULL, a, len);
}

struct value *nl_htons_enum(struct decode_ctx *ctx, const char *name,
			    uint16_t n, const struct xlat *x)
{
	const char *sym = xlat_name(x, n);
	char raw[16];
	struct value *v;

	snprintf(raw, sizeof(raw), n ? "%#x" : "0", n);
	v = value_symbol(ctx->arena, name, n, V_HEX,
			 sym ? arena_printf(ctx->arena, "htons(%s)", sym) :
			 arena_printf(ctx->arena, "htons(%s /* %s */)", raw,
				      unknown_comment(ctx, x)));
	v->u.en.raw_text = arena_printf(ctx->arena, "htons(%s)", raw);
	v->u.en.sym_verbose = sym ?
		arena_printf(ctx->arena, "htons(%s /* %s */)", raw, sym) :
		v->u.en.sym;
	v->u.en.verbose_alone = true;
	return v;
}

#define NLA_FLAGS(fn, type) \
struct value *fn(struct decode_ctx *ctx, uint64_t addr, uint32_t len, \
		 const void *arg, int family) \
{ \
	struct value *v; \
	type n; \
	if (!nla_get(ctx, addr, len, &n, sizeof(n), &v)) \
		return v; \
	v = value_flags(ctx->arena, NULL, n, arg); \
	if (!v->u.flags.count && v->u.flags.rest) \
		set_unknown_comment(ctx, v, arg); \
	return v; \
}

NLA_FLAGS(nla_flags8, uint8_t)
NLA_FLAGS(nla_flags16, uint16_t)
NLA_FLAGS(nla_flags32, uint32_t)

struct value *nla_enum8(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
			const void *arg, int family)
{
	struct value *v;
	uint8_t n;

	if (!nla_get(ctx, addr, len, &n, sizeof(n), &v))
		return v;
	return nl_enum(ctx, NULL, n, arg);
}

struct value *nla_enum16(struct decode_ctx *ctx, uint64_t addr,
			 uint32_t len, const void *arg, int family)
{
	struct value *v;
	uint16_t n;

	if (!nla_get(ctx, addr, len, &n, sizeof(n), &v))
		return v;
	return nl_enum(ctx, NULL, n, arg);
}

struct value *nla_enum32(struct decode_ctx *ctx, uint64_t addr,
			 uint32_t len, const void *arg, int family)
{
	struct value *v;
	uint32_t n;

	if (!nla_get(ctx, addr, len, &n, sizeof(n), &v))
		return v;
	return nl_enum(ctx, NULL, n, arg);
}

struct value *nla_u32_struct(struct decode_ctx *ctx, uint64_t addr,
			     uint32_t len, const void *arg, int family)
{
	const char *const *names = arg;
	uint32_t n[16];
	size_t count = 0;
	struct value *v;

	while (names[count] && count < 16)
		count++;
	if (!nla_get(ctx, addr, len, n, count * sizeof(n[0]), &v))
		return v;
	v = value_struct(ctx->arena, NULL, addr);
	for (size_t i = 0; i < count; i++)
		value_add(v, value_uint(ctx->arena, names[i], n[i]));
	return v;
}

struct value *nla_u8_array(struct decode_ctx *ctx, uint64_t addr,
			   uint32_t len, const void *arg, int family)
{
	unsigned char b[256];
	struct value *v;

	if (len > sizeof(b) || tracee_read(ctx->mem, addr, b, len) != 0)
		return NULL;
	v = value_array(ctx->arena, NULL, addr);
	for (uint32_t i = 0; i < len; i++) {
		if (decode_array_full(ctx, i)) {
			v->u.kids.elided = true;
			break;
		}
		value_add(v, value_uint(ctx->arena, NULL, b[i]));
	}
	return v;
}

struct value *nla_struct(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
			 const void *arg, int family)
{
	const struct nla_struct *s = arg;
	unsigned char buf[256];
	struct value *v = NULL;

	if (s->size > sizeof(buf) ||
	    !nla_get(ctx, addr, len, buf, s->size, &v))
		return v;
	v = value_struct(ctx->arena, NULL, addr);
	nl_add_fields(ctx, v, s->fields, buf);
	return v;
}

struct value *nla_array(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
			const void *arg, int family)
{
	const struct field *f = arg;
	unsigned char b[8];
	struct value *v;

	if (len < f->size)
		return NULL;
	v = value_array(ctx->arena, NULL, addr);
	for (uint32_t i = 0; i < len / f->size; i++) {
		uint64_t at = addr + (uint64_t)i * f->size;

		if (decode_array_full(ctx, i)) {
			v->u.kids.elided = true;
			break;
		}
		if (tracee_read(ctx->mem, at, b, f->size) != 0) {
			if (!i)
				return value_unavailable(ctx, NULL, addr);
			v->u.kids.elided = true;
			v->u.kids.unread_at = at;
			break;
		}
		value_add(v, nl_field_value(ctx, f, b));
	}
	return v;
}

struct value *nla_clock_t(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
			  const void *arg, int family)
{
	static long hz;
	uint64_t n = 0;
	struct value *v;

	/* a number of any length up to 8 bytes, in the host's order */
	if (!len || len > sizeof(n))
		return NULL;
	if (tracee_read(ctx->mem, addr, &n, len) != 0)
		return value_unavailable(ctx, NULL, addr);
	if (__BYTE_ORDER == __BIG_ENDIAN)
		n >>= 8 * (sizeof(n) - len);
	v = value_uint(ctx->arena, NULL, n);
	if (!hz)
		hz = sysconf(_SC_CLK_TCK);
	if (n && hz > 0) {
		int prec = 0;

		for (long t = hz; t > 1; t /= 10)
			prec++;
		v->comment = arena_printf(ctx->arena, "%.*f s", prec,
					  (double)n / (double)hz);
		v->comment_xlat = true;
	}
	return v;
}

struct value *nla_by_family(struct decode_ctx *ctx, uint64_t addr,
			    uint32_t len, const void *arg, int family)
{
	for (const struct nla_family_set *f = arg; f->set; f++)
		if (f->family == family)
			return nla_value(ctx, addr, len, f->set, family);
	return NULL;
}

struct value *nla_struct_array(struct decode_ctx *ctx, uint64_t addr,
				uint32_t len, const void *arg, int family)
{
	const struct nla_struct *s = arg;
	unsigned char b[64];
	struct value *v, *one;

	if (len < s->size || s->size > sizeof(b))
		return NULL;
	v = value_array(ctx->arena, NULL, addr);
	for (uint32_t i = 0; i < len / s->size; i++) {
		uint64_t at = addr + (uint64_t)i * s->size;

		if (decode_array_full(ctx, i)) {
			v->u.kids.elided = true;
			break;
		}
		if (tracee_read(ctx->mem, at, b, s->size) != 0) {
			if (!i)
				return value_unavailable(ctx, NULL, addr);
			v->u.kids.elided = true;
			v->u.kids.unread_at = at;
			break;
		}
		one = value_struct(ctx->arena, NULL, at);
		nl_add_fields(ctx, one, s->fields, b);
		value_add(v, one);
	}
	return v;
}

struct value *nla_indexed(struct decode_ctx *ctx, uint64_t addr,
			   uint32_t len, const void *arg, int family)
{
	const struct nla_indexed *ix = arg;
	const struct field f = { NULL, 0, ix->size, ix->kind, NULL };
	struct value *v = nla_array(ctx, addr, len, &f, family);
	unsigned i = 0;

	if (!v || v->kind != V_ARRAY)
		return v;
	/* [DEVCONF_MTU6]=1280: the index is printed as a designator */
	for (struct value *e = v->u.kids.first; e; e = e->next, i++) {
		struct value *n = value_enum(ctx->arena, NULL, i, ix->x,
					     V_UINT);

		if (!n->u.en.sym)
			set_unknown_comment(ctx, n, ix->x);
		e->index = n;
	}
	return v;
}

struct value *nla_fd(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
		     const void *arg, int family)
{
	static const struct arg_desc fd_arg = { .name = NULL };
	struct value *v;
	int32_t fd;

	if (!nla_get(ctx, addr, len, &fd, sizeof(fd), &v))
		return v;
	return decode_fd(ctx, &fd_arg, (uint32_t)fd);
}

struct value *nla_nested(struct decode_ctx *ctx, uint64_t addr,
			 uint32_t len, const void *arg, int family)
{
	return nla_value(ctx, addr, len, arg, family);
}
