/* The fixed part of a netlink message (ifinfomsg, unix_diag_req...):
 * described as a list of fields (struct field) and shown from it, family
 * byte first, as strace shows each family's structs. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "consts.h"
#include "netlink.h"

/* 1<<TCP_LISTEN|1<<TCP_CLOSE: the set bits named by bit number. */
static struct value *bits_value(struct decode_ctx *ctx, const char *name,
				uint64_t n, const struct xlat *x, unsigned add)
{
	char text[1024];
	size_t used = 0;
	const char *sym;

	if (!n)
		return value_uint(ctx->arena, name, 0);
	for (unsigned bit = 0; bit < 32 && used < sizeof(text) - 64; bit++) {
		if (!(n & (1ull << bit)) || !(sym = xlat_name(x, bit + add)))
			continue;
		used += (size_t)snprintf(text + used, sizeof(text) - used,
					 add ? "%s1<<(%s-%u)" : "%s1<<%s",
					 used ? "|" : "", sym, add);
		n &= ~(1ull << bit);
	}
	if (!used)
		return value_symbol(ctx->arena, name, n, V_HEX,
				    arena_printf(ctx->arena, "%#llx /* 1<<%s */",
						 (unsigned long long)n,
						 unknown_comment(ctx, x)));
	if (n)
		snprintf(text + used, sizeof(text) - used, "|%#llx",
			 (unsigned long long)n);
	return value_symbol(ctx->arena, name, n, V_HEX,
			    arena_strndup(ctx->arena, text, strlen(text)));
}

static struct value *cookie_value(struct decode_ctx *ctx, const char *name,
				  const unsigned char *b)
{
	struct value *v = value_array(ctx->arena, name, 0);
	uint32_t c[2];

	memcpy(c, b, sizeof(c));
	value_add(v, value_uint(ctx->arena, NULL, c[0]));
	value_add(v, value_uint(ctx->arena, NULL, c[1]));
	return v;
}

struct value *nl_field_value(struct decode_ctx *ctx, const struct field *f,
			     const unsigned char *b)
{
	uint8_t n8;
	uint16_t n16;
	uint32_t n32;
	uint64_t n = 0;
	int64_t sn = 0;
	struct value *v;

	switch (f->size) {
	case 1: memcpy(&n8, b + f->off, 1); n = n8; sn = (int8_t)n8; break;
	case 2: memcpy(&n16, b + f->off, 2); n = n16; sn = (int16_t)n16; break;
	case 4: memcpy(&n32, b + f->off, 4); n = n32; sn = (int32_t)n32; break;
	case 8: memcpy(&n, b + f->off, 8); sn = (int64_t)n; break;
	}
	switch (f->kind) {
	case F_INT:
		return value_int(ctx->arena, f->name, sn);
	case F_HWADDR:
		return nl_hwaddr(ctx, f->name, b + f->off, f->size);
	case F_BE16_ENUM:
		return nl_htons_enum(ctx, f->name, ntohs((uint16_t)n), f->x);
	case F_BYTES:
	case F_PAD_BYTES:
		v = value_string(ctx->arena, f->name, 0,
				 arena_strndup(ctx->arena,
					       (const char *)b + f->off,
					       f->size),
				 f->size, false);
		v->u.str.style = STR_HEX;
		return v;
	case F_DEV:
		return dev_value(ctx, f->name, n);
	case F_BITS:
		return bits_value(ctx, f->name, n, f->x, 0);
	case F_BITS_1:
		return bits_value(ctx, f->name, n, f->x, 1);
	case F_SOCKID:
		/* fixed parts start with their family byte */
		return nl_sockid_value(ctx, f->name, b + f->off, b[0]);
	case F_COOKIE:
		return cookie_value(ctx, f->name, b + f->off);
	case F_PORT:
		return value_symbol(ctx->arena, f->name, n, V_UINT,
				    arena_printf(ctx->arena, "htons(%u)",
						 ntohs((uint16_t)n)));
	case F_HEX:
	case F_PAD:
		return value_hex(ctx->arena, f->name, n);
	case F_ENUM:
		return nl_enum(ctx, f->name, n, f->x);
	case F_FLAGS:
		v = value_flags(ctx->arena, f->name, n, f->x);
		if (!v->u.flags.count && v->u.flags.rest)
			set_unknown_comment(ctx, v, f->x);
		return v;
	case F_IFINDEX:
		return nl_ifindex(ctx, f->name, (uint32_t)n);
	default:
		return value_uint(ctx->arena, f->name, n);
	}
}

void nl_add_fields(struct decode_ctx *ctx, struct value *v,
		   const struct field *fields, const unsigned char *b)
{
	static const unsigned char zero[32];

	for (const struct field *f = fields; f->name; f++)
		if ((f->kind != F_PAD && f->kind != F_PAD_BYTES) ||
		    memcmp(b + f->off, zero, f->size))
			value_add(v, nl_field_value(ctx, f, b));
}

/* {ifi_family=AF_INET, ...}: the fixed part, "..." when the message is
 * shorter, then the attributes. */
void nl_fixed_part(struct decode_ctx *ctx, struct value *msg,
		   const struct nl_fixed *m, uint8_t family, uint64_t addr,
		   uint32_t len)
{
	unsigned char buf[128];
	struct value *v = value_struct(ctx->arena, NULL, addr);
	uint32_t off = NLMSG_ALIGN(m->size);
	const struct nla_set *attrs = m->attrs;

	value_add(v, nl_enum(ctx, m->family, family, m->families ?
			     m->families : &xlat_address_family));
	value_add(msg, v);
	if (len < m->size) {
		v->u.kids.elided = true;
		return;
	}
	if (tracee_read(ctx->mem, addr, buf, m->size) != 0) {
		value_add(v, value_unavailable(ctx, NULL, addr + 1));
		return;
	}
	nl_add_fields(ctx, v, m->fields, buf);
	if (len <= off)
		return;
	/* attribute sets not listed yet show in hex */
	for (const struct nla_family_set *f = m->family_attrs;
	     !attrs && f && f->set; f++)
		if (f->family == family)
			attrs = f->set;
	value_add(msg, attrs ?
		  nla_value(ctx, addr + off, len - off, attrs, family) :
		  decode_buffer(ctx, NULL, addr + off, len - off, STR_HEX));
}

void nl_family_data(struct decode_ctx *ctx, struct value *msg,
		    uint8_t family, uint64_t addr, uint32_t len)
{
	struct value *v = value_struct(ctx->arena, NULL, addr);

	value_add(v, nl_enum(ctx, "family", family, &xlat_address_family));
	if (len > 1)
		value_add(v, decode_buffer(ctx, "data", addr + 1, len - 1,
					   STR_HEX));
	value_add(msg, v);
}
