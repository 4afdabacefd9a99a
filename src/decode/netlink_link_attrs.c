/* The attribute sets nested in a link's attributes (ifinfomsg): bridge
 * ports, IPv6 settings, port profiles, the reasons a link is down. */
#include <linux/if_link.h>
#include <stddef.h>

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

static const struct nla_kind proto_down_kinds[] = {
	[IFLA_PROTO_DOWN_REASON_MASK] = { nla_x32, NULL },
	[IFLA_PROTO_DOWN_REASON_VALUE] = { nla_x32, NULL },
};
NLA_SET(nl_ifla_proto_down_set, &xlat_ifla_proto_down_reason_attrs,
	proto_down_kinds);
