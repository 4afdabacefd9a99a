/* Internal to src/decode: netlink messages (netlink.c), their attributes
 * (netlink_attr.c) and each protocol family's payloads (netlink_*.c). */
#ifndef MYTRACE_NETLINK_H
#define MYTRACE_NETLINK_H

#include <linux/netlink.h>
#include <stddef.h>

#include "decoders.h"

/* A family's payload decoder: adds to msg (the array [header, ...]) what
 * the len bytes at addr after the header h hold, and returns true; or
 * returns false to leave them to the common rules (NLMSG_DONE's int, a
 * hex string). */
typedef bool (*nl_payload_fn)(struct decode_ctx *ctx, struct value *msg,
			      const struct nlmsghdr *h, uint64_t addr,
			      uint32_t len);

/* What one netlink protocol adds to the common rules. */
struct nl_family {
	const struct xlat *types;	/* nlmsg_type from NLMSG_MIN_TYPE */
	/* the flags of a message type (GET, NEW, DEL); NULL: the plain
	 * NLM_F_ ones */
	const struct xlat *(*flags)(uint16_t type);
	nl_payload_fn payload;
	/* nlmsg_type from NLMSG_MIN_TYPE when it is more than a name
	 * (netfilter's subsystem<<8|message); NULL: from types */
	struct value *(*type)(struct decode_ctx *ctx, uint16_t type);
};

extern const struct nl_family nl_family_route;
extern const struct nl_family nl_family_sock_diag;
extern const struct nl_family nl_family_netfilter;

/* The messages of protocol proto (-1: unknown) in len bytes at addr. */
struct value *netlink_value(struct decode_ctx *ctx, const char *name,
			    uint64_t addr, uint64_t len, int proto);

/* --- fixed parts: the struct after a header, family byte first */

/* One field of a fixed part: where it is, how big, how it shows. */
enum field_kind {
	F_UINT, F_HEX, F_ENUM, F_FLAGS, F_IFINDEX,
	F_PAD,		/* shown in hex only when not 0 */
	F_PAD_BYTES,	/* F_BYTES shown only when not 0 */
	F_BITS,		/* 1<<TCP_LISTEN|...: x names bit numbers */
	F_COOKIE,	/* two u32: [1, 2] */
	F_PORT,		/* a port in network order: htons(80) */
	F_INT,		/* a signed number */
	F_DEV,		/* a device number: makedev(0x1, 0x3) */
	F_BYTES,	/* bytes in hex: "\x61\x62" */
	F_HWADDR,	/* a hardware address: 00:11:22:33:44:55 */
	F_BE16_ENUM,	/* a constant in network order: htons(ETH_P_IP) */
	F_BITS_1,	/* 1<<(INET_DIAG_TOS-1): x names bit numbers + 1 */
	F_SOCKID,	/* a struct inet_diag_sockid of the family byte's family */
};

struct field {
	const char *name;
	unsigned char off, size;
	unsigned char kind;
	const struct xlat *x;
};

#define FIELD(s, f, kind, x) \
	{ #f, offsetof(struct s, f), sizeof(((struct s *)0)->f), kind, x }
#define FIELD_END { NULL, 0, 0, 0, NULL }

/* One field of the struct in b, as f describes it. */
struct value *nl_field_value(struct decode_ctx *ctx, const struct field *f,
			     const unsigned char *b);

/* Adds to struct v the fields (FIELD_END-terminated) of the struct in b;
 * F_PAD ones only when not 0. */
void nl_add_fields(struct decode_ctx *ctx, struct value *v,
		   const struct field *fields, const unsigned char *b);

/* id={idiag_sport=htons(80), ...}: the inet_diag_sockid in b, its
 * addresses of family (netlink_inet_diag.c) */
struct value *nl_sockid_value(struct decode_ctx *ctx, const char *name,
			      const unsigned char *b, uint8_t family);

/* --- attributes (struct nlattr) */

/* The data of one attribute (len bytes at addr) as a value, or NULL to
 * show it as a hex string. arg is the kind's argument. */
typedef struct value *(*nla_fn)(struct decode_ctx *ctx, uint64_t addr,
				 uint32_t len, const void *arg, int family);

struct nla_kind {
	nla_fn fn;
	const void *arg;
};

/* The attributes of one set: their type names and, by type, how their
 * data shows (types past n or without fn: hex). */
struct nla_set {
	const struct xlat *types;
	const struct nla_kind *kinds;
	unsigned n;
};

/* The attributes in len bytes at addr: one [{nla_len=8, nla_type=...},
 * data], or an array of them. */
struct value *nla_value(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
			const struct nla_set *set, int family);

/* A set of attributes nested in one of a family's messages. */
struct nla_family_set {
	int family;
	const struct nla_set *set;
};

/* The attribute sets of route messages (netlink_route_attrs.c). */
extern const struct nla_set nl_ifla_set, nl_ifa_set, nl_rta_set, nl_nda_set,
	nl_fra_set, nl_tca_set, nl_ifal_set, nl_netconfa_set, nl_netnsa_set,
	nl_nha_set, nl_ndta_set, nl_dcb_set, nl_mdba_set, nl_tca_act_set;
/* ... and those nested in a link's (netlink_link_attrs.c) */
extern const struct nla_set nl_ifla_port_set, nl_ifla_proto_down_set,
	nl_ifla_inet6_set, nl_ifla_vfinfo_set, nl_ifla_xdp_set;
extern const struct nla_family_set nl_ifla_protinfo_sets[],
	nl_cache_report_sets[];

/* Reads the size bytes of a fixed-size attribute (a longer one shows its
 * first size bytes, as strace does) and returns true; or returns false
 * with *v NULL when len is shorter (it shows in hex) or the address when
 * the bytes cannot be read. */
bool nla_get(struct decode_ctx *ctx, uint64_t addr, uint32_t len, void *buf,
	     size_t size, struct value **v);

/* A struct of fields: its size and fields (FIELD_END-terminated). */
struct nla_struct {
	unsigned size;
	const struct field *fields;
};

/* Kinds of attribute data; arg as noted. */
struct value *nla_u8(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
		     const void *arg, int family);
struct value *nla_u16(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
		      const void *arg, int family);
struct value *nla_u32(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
		      const void *arg, int family);
struct value *nla_u64(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
		      const void *arg, int family);
struct value *nla_s32(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
		      const void *arg, int family);
struct value *nla_x16(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
		      const void *arg, int family);
struct value *nla_x32(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
		      const void *arg, int family);
/* numbers in network order: htons(80), htobe64(1) */
struct value *nla_be16(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
		       const void *arg, int family);
struct value *nla_be64(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
		       const void *arg, int family);
/* a NUL-terminated string */
struct value *nla_str(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
		      const void *arg, int family);
/* an interface index: if_nametoindex("lo") */
struct value *nla_ifindex(struct decode_ctx *ctx, uint64_t addr,
			  uint32_t len, const void *arg, int family);
/* an IPv4 or IPv6 address of the message's family (arg NULL) or of the
 * family arg points to (an int) */
struct value *nla_inaddr(struct decode_ctx *ctx, uint64_t addr,
			 uint32_t len, const void *arg, int family);
/* a hardware address: 00:11:22:33:44:55 */
struct value *nla_hwaddr(struct decode_ctx *ctx, uint64_t addr,
			 uint32_t len, const void *arg, int family);
/* a u8 / u16 / u32 of flags (arg: the struct xlat) */
struct value *nla_flags8(struct decode_ctx *ctx, uint64_t addr,
			 uint32_t len, const void *arg, int family);
struct value *nla_flags16(struct decode_ctx *ctx, uint64_t addr,
			  uint32_t len, const void *arg, int family);
struct value *nla_flags32(struct decode_ctx *ctx, uint64_t addr,
			  uint32_t len, const void *arg, int family);
/* a u8 / u32 naming a constant (arg: the struct xlat) */
struct value *nla_enum8(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
			const void *arg, int family);
struct value *nla_enum16(struct decode_ctx *ctx, uint64_t addr,
			 uint32_t len, const void *arg, int family);
struct value *nla_enum32(struct decode_ctx *ctx, uint64_t addr,
			 uint32_t len, const void *arg, int family);
/* a struct of u32 fields (arg: their names, NULL-terminated) */
struct value *nla_u32_struct(struct decode_ctx *ctx, uint64_t addr,
			     uint32_t len, const void *arg, int family);
/* bytes as an array of numbers: [171, 254] */
struct value *nla_u8_array(struct decode_ctx *ctx, uint64_t addr,
			   uint32_t len, const void *arg, int family);
/* a struct (arg: the struct nla_struct) */
struct value *nla_struct(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
			 const void *arg, int family);
/* an array of structs (arg: the struct nla_struct of one) */
struct value *nla_struct_array(struct decode_ctx *ctx, uint64_t addr,
			       uint32_t len, const void *arg, int family);
/* an array of equal elements (arg: the struct field of one, at off 0) */
struct value *nla_array(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
			const void *arg, int family);
/* a clock_t of up to 8 bytes: 250 / * 2.50 s * / */
struct value *nla_clock_t(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
			  const void *arg, int family);
/* nested attributes of a set chosen by the message's family (arg: an
 * array of struct nla_family_set ending in a NULL set) */
struct value *nla_by_family(struct decode_ctx *ctx, uint64_t addr,
			    uint32_t len, const void *arg, int family);
/* A value printed as text (ab:cd:ef:01:02:03), whose -X raw form is its
 * len bytes b in hex. */
struct value *nl_bytes_symbol(struct decode_ctx *ctx, const char *name,
			      const unsigned char *b, size_t len,
			      const char *text);
/* an array indexed by constants: [[IPSTATS_MIB_NUM]=4, ...] (arg: the
 * struct nla_indexed) */
struct nla_indexed {
	unsigned char size;
	unsigned char kind;	/* F_UINT, F_INT */
	const struct xlat *x;
};
struct value *nla_indexed(struct decode_ctx *ctx, uint64_t addr,
			  uint32_t len, const void *arg, int family);
/* A hardware address of len bytes b: 00:11:22:33:44:55. */
struct value *nl_hwaddr(struct decode_ctx *ctx, const char *name,
			const unsigned char *b, size_t len);
/* A constant in network order (n in host order): htons(ETH_P_IP). */
struct value *nl_htons_enum(struct decode_ctx *ctx, const char *name,
			    uint16_t n, const struct xlat *x);
/* a descriptor: 3, or 3</dev/null> under -y */
struct value *nla_fd(struct decode_ctx *ctx, uint64_t addr, uint32_t len,
		     const void *arg, int family);
/* nested attributes (arg: the struct nla_set) */
struct value *nla_nested(struct decode_ctx *ctx, uint64_t addr,
			 uint32_t len, const void *arg, int family);

/* A message's fixed part: its size, the fields after the family byte,
 * its attribute set (NULL: what follows shows in hex). */
struct nl_fixed {
	const char *family;	/* the family field's name */
	unsigned size;
	const struct field *fields;
	const struct nla_set *attrs;
	/* the family field's names; NULL: the AF_ ones */
	const struct xlat *families;
	/* the attributes by family (when attrs is NULL; a family not
	 * listed: what follows shows in hex) */
	const struct nla_family_set *family_attrs;
};

/* The IPv4/IPv6 socket diag requests and answers (netlink_inet_diag.c) */
extern const struct nl_fixed nl_inet_diag_req_v2, nl_inet_diag_req,
	nl_inet_diag_msg;

/* Adds {family=AF_INET, fields...} to msg, "..." when len is short of
 * the fixed part, then the attributes after it. */
void nl_fixed_part(struct decode_ctx *ctx, struct value *msg,
		   const struct nl_fixed *m, uint8_t family, uint64_t addr,
		   uint32_t len);
/* {family=AF_INET, data="..."}: a payload no decoder knows. */
void nl_family_data(struct decode_ctx *ctx, struct value *msg,
		    uint8_t family, uint64_t addr, uint32_t len);

/* A field of a constant set, "0xff /+ AF_??? +/" when x does not name
 * it. */
struct value *nl_enum(struct decode_ctx *ctx, const char *name, uint64_t v,
		      const struct xlat *x);
/* An interface index field: if_nametoindex("lo") or the number. */
struct value *nl_ifindex(struct decode_ctx *ctx, const char *name,
			 uint32_t index);

#endif
