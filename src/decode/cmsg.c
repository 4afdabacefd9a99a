/* The control messages of a struct msghdr (msg_control): each header and
 * its data by the layout its level and type name in tables/consts
 * (scm_type.list, ip_cmsg_type.list). */
#include <arpa/inet.h>
#include <linux/errqueue.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "consts.h"
#include "decoders.h"

/* The most control data the kernel takes (net.core.optmem_max), which is
 * as much as strace reads; when /proc does not tell, its usual value. */
static size_t cmsg_max_bytes(void)
{
	static size_t max;
	FILE *f;
	long n = 0;

	if (max)
		return max;
	f = fopen("/proc/sys/net/core/optmem_max", "re");
	if (f) {
		if (fscanf(f, "%ld", &n) != 1)
			n = 0;
		fclose(f);
	}
	max = n > 0 && n <= (1 << 20) ? (size_t)n : 20480;
	return max;
}

static const struct xlat *cmsg_types(int level)
{
	switch (level) {
	case SOL_SOCKET: return &xlat_scm_type;
	case SOL_IP: return &xlat_ip_cmsg_type;
	default: return NULL;
	}
}

/* [a, b, ...]: n items of size bytes each (4: signed or unsigned ints,
 * fds; 1: bytes in hex). */
static struct value *items(struct decode_ctx *ctx, const unsigned char *d,
			   size_t n, size_t size, const char *layout)
{
	struct value *v = value_array(ctx->arena, "cmsg_data", 0);
	struct arg_desc fd = { NULL, ARG_FD, PARAM_NONE, NULL };

	if (!n)
		return NULL;	/* not even one item: strace shows no data */
	for (size_t i = 0; i < n; i++) {
		int32_t w = 0;

		if (decode_array_full(ctx, i)) {
			v->u.kids.elided = true;
			break;
		}
		memcpy(&w, d + i * size, size);
		if (size == 1)
			value_add(v, value_hex(ctx->arena, NULL, d[i]));
		else if (!strcmp(layout, "fds"))
			value_add(v, decode_fd(ctx, &fd, (uint32_t)w));
		else
			value_add(v, value_uint(ctx->arena, NULL, (uint32_t)w));
	}
	return v;
}

/* {tv_sec, tv_usec} (nsec 0) or {tv_sec, tv_nsec} (1, or 2 for an
 * element of an array). */
static struct value *time_value(struct decode_ctx *ctx,
				const unsigned char *d, int nsec)
{
	int64_t t[2];
	struct value *v = value_struct(ctx->arena, nsec == 2 ? NULL :
				       "cmsg_data", 0);

	memcpy(t, d, sizeof(t));
	value_add(v, value_int(ctx->arena, "tv_sec", t[0]));
	value_add(v, value_int(ctx->arena, nsec ? "tv_nsec" : "tv_usec", t[1]));
	return v;
}

static struct value *inet_expr(struct decode_ctx *ctx, const char *name,
			       const struct in_addr *a)
{
	char ip[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, a, ip, sizeof(ip));
	return value_expr(ctx->arena, name, 0,
			  arena_printf(ctx->arena, "inet_addr(\"%s\")", ip));
}

static struct value *pktinfo_value(struct decode_ctx *ctx,
				   const unsigned char *d)
{
	struct in_pktinfo pi;
	struct value *v = value_struct(ctx->arena, "cmsg_data", 0);

	memcpy(&pi, d, sizeof(pi));
	value_add(v, ifindex_value(ctx, "ipi_ifindex", (unsigned)pi.ipi_ifindex));
	value_add(v, inet_expr(ctx, "ipi_spec_dst", &pi.ipi_spec_dst));
	value_add(v, inet_expr(ctx, "ipi_addr", &pi.ipi_addr));
	return v;
}

static struct value *recverr_value(struct decode_ctx *ctx,
				   const unsigned char *d, size_t len,
				   uint64_t addr)
{
	struct sock_extended_err e;
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, "cmsg_data", 0);

	memcpy(&e, d, sizeof(e));
	value_add(v, value_uint(ar, "ee_errno", e.ee_errno));
	value_add(v, value_uint(ar, "ee_origin", e.ee_origin));
	value_add(v, value_uint(ar, "ee_type", e.ee_type));
	value_add(v, value_uint(ar, "ee_code", e.ee_code));
	value_add(v, value_uint(ar, "ee_info", e.ee_info));
	value_add(v, value_uint(ar, "ee_data", e.ee_data));
	if (len > sizeof(e))
		value_add(v, sockaddr_value(ctx, "offender", addr + sizeof(e),
					    (int64_t)(len - sizeof(e))));
	return v;
}

/* cmsg_data of len bytes (at addr in the tracee, copied at d), or NULL
 * when strace shows none. */
static struct value *cmsg_data(struct decode_ctx *ctx, int level, int type,
			       const unsigned char *d, size_t len,
			       uint64_t addr)
{
	const struct xlat_entry *e = cmsg_types(level) ?
		xlat_find(cmsg_types(level), (uint32_t)type) : NULL;
	const char *layout = e && e->msg ? e->msg : "";

	if (!len)
		return NULL;
	if (!strcmp(layout, "fds") || !strcmp(layout, "uint"))
		return items(ctx, d, len / 4, 4, layout);
	if (!strcmp(layout, "byte"))
		return items(ctx, d, 1, 1, layout);
	if (!strcmp(layout, "bytes"))
		return items(ctx, d, len, 1, layout);
	if (!strcmp(layout, "ucred") && len >= sizeof(struct ucred)) {
		struct ucred cr;
		struct value *v = value_struct(ctx->arena, "cmsg_data", 0);

		memcpy(&cr, d, sizeof(cr));
		value_add(v, value_int(ctx->arena, "pid", cr.pid));
		value_add(v, value_uint(ctx->arena, "uid", cr.uid));
		value_add(v, value_uint(ctx->arena, "gid", cr.gid));
		return v;
	}
	if ((!strcmp(layout, "timeval") || !strcmp(layout, "timespec")) &&
	    len >= 16)
		return time_value(ctx, d, layout[4] == 's' ? 1 : 0);
	if (!strcmp(layout, "timestamping") && len >= 48) {
		struct value *v = value_array(ctx->arena, "cmsg_data", 0);

		for (int i = 0; i < 3; i++)
			value_add(v, time_value(ctx, d + 16 * i, 2));
		return v;
	}
	if (!strcmp(layout, "pktinfo") && len >= sizeof(struct in_pktinfo))
		return pktinfo_value(ctx, d);
	if (!strcmp(layout, "recverr") &&
	    len >= sizeof(struct sock_extended_err))
		return recverr_value(ctx, d, len, addr);
	if (!strcmp(layout, "sockaddr"))
		return sockaddr_value(ctx, "cmsg_data", addr, (int64_t)len);
	if (*layout)	/* too short for its layout */
		return value_expr(ctx->arena, "cmsg_data", 0, "???");
	return value_string(ctx->arena, "cmsg_data", addr,
			    arena_strndup(ctx->arena, (const char *)d, len),
			    len > ctx->opts->string_limit ?
			    ctx->opts->string_limit : len,
			    len > ctx->opts->string_limit);
}

static struct value *type_value(struct decode_ctx *ctx, int level, int type)
{
	const struct xlat *x = cmsg_types(level);
	struct value *v;

	if (!x)
		return value_hex(ctx->arena, "cmsg_type", (uint32_t)type);
	v = value_enum(ctx->arena, "cmsg_type", (uint32_t)type, x, V_HEX);
	if (!v->u.en.sym)
		set_unknown_comment(ctx, v, x);
	return v;
}

struct value *control_value(struct decode_ctx *ctx, uint64_t addr,
			    uint64_t len)
{
	unsigned char *buf;
	struct value *v;
	size_t n = len > cmsg_max_bytes() ? cmsg_max_bytes() : (size_t)len;
	size_t off = 0;

	/* the stop's budget pays for what is read (recvmmsg reads one
	 * control buffer per message): past it, the address */
	if (n < sizeof(struct cmsghdr) || !decode_spend(ctx, n))
		return value_ptr(ctx->arena, "msg_control", addr);
	buf = arena_alloc(ctx->arena, n + 1);
	if (tracee_read(ctx->mem, addr, buf, n) != 0)
		return value_unavailable(ctx, "msg_control", addr);
	v = value_array(ctx->arena, "msg_control", addr);
	while (off + sizeof(struct cmsghdr) <= n) {
		struct cmsghdr h;
		struct value *c, *data;
		size_t dlen;

		memcpy(&h, buf + off, sizeof(h));
		c = value_struct(ctx->arena, NULL, addr + off);
		value_add(c, value_uint(ctx->arena, "cmsg_len", h.cmsg_len));
		value_add(c, value_enum(ctx->arena, "cmsg_level",
					(uint32_t)h.cmsg_level,
					&xlat_sockopt_level, V_INT));
		value_add(c, type_value(ctx, h.cmsg_level, h.cmsg_type));
		if (h.cmsg_len < sizeof(h)) {
			/* a header too short for itself ends the list */
			value_add(v, c);
			off += sizeof(h);
			break;
		}
		/* compared without adding: a garbage length must not wrap;
		 * a message longer than the buffer shows what it holds */
		dlen = h.cmsg_len > n - off ? n - off - sizeof(h) :
		       h.cmsg_len - sizeof(h);
		data = cmsg_data(ctx, h.cmsg_level, h.cmsg_type,
				 buf + off + sizeof(h), dlen,
				 addr + off + sizeof(h));
		if (data)
			value_add(c, data);
		value_add(v, c);
		if (h.cmsg_len > n - off) {
			/* "...": more than we read */
			v->u.kids.elided = len > n;
			off = n;
			break;
		}
		off += (h.cmsg_len + sizeof(long) - 1) & ~(sizeof(long) - 1);
	}
	/* bytes too few for one more header: strace marks where */
	if (!v->u.kids.elided && off < n) {
		v->u.kids.elided = true;
		v->u.kids.unread_at = addr + off;
	}
	return v;
}
