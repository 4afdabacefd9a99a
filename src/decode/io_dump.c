/* -e read=/write=: the bytes a call on a descriptor moved, kept for the
 * formatter's hex dump. A plain buffer is one string; an iovec array an
 * array of strings (one per buffer); sendmmsg/recvmmsg an array of
 * those (one per message). */
#include <string.h>

#include "decoders.h"

/* The most bytes one dump holds. */
#define IO_DUMP_MAX (16u << 20)
/* The most buffers or messages one dump lists. */
#define IO_DUMP_VEC_MAX 1024u

struct iovec64 {
	uint64_t base, len;
};

/* The offsets of msg_iov and msg_iovlen in a 64-bit struct msghdr, and
 * the size of a struct mmsghdr. */
#define MSG_IOV_OFF 16
#define MMSGHDR_SIZE 64
#define MSG_LEN_OFF 56

static struct value *bytes_value(struct decode_ctx *ctx, uint64_t addr,
				 uint64_t len)
{
	char *buf;

	if (len > IO_DUMP_MAX)
		len = IO_DUMP_MAX;
	buf = arena_alloc(ctx->arena, len + 1);
	if (tracee_read(ctx->mem, addr, buf, len) != 0)
		return NULL;
	return value_string(ctx->arena, "data", addr, buf, len,
			    len == IO_DUMP_MAX);
}

/* count buffers of an iovec array holding size bytes in all. */
static struct value *iov_value(struct decode_ctx *ctx, uint64_t addr,
			       uint64_t count, uint64_t size)
{
	struct value *v = value_array(ctx->arena, "data", addr);

	if (count > IO_DUMP_VEC_MAX)
		count = IO_DUMP_VEC_MAX;
	for (uint64_t i = 0; i < count; i++) {
		struct iovec64 iov;
		struct value *b;
		uint64_t n;

		if (tracee_read(ctx->mem, addr + i * sizeof(iov), &iov,
				sizeof(iov)) != 0)
			return NULL;
		n = iov.len < size ? iov.len : size;
		size -= n;
		b = n ? bytes_value(ctx, iov.base, n) : NULL;
		value_add(v, b ? b : value_string(ctx->arena, "data",
						  iov.base, "", 0, false));
	}
	return v;
}

/* The iovec of the struct msghdr at addr, holding size bytes. */
static struct value *msg_value(struct decode_ctx *ctx, uint64_t addr,
			       uint64_t size)
{
	uint64_t iov[2];

	if (tracee_read(ctx->mem, addr + MSG_IOV_OFF, iov, sizeof(iov)) != 0)
		return NULL;
	return iov_value(ctx, iov[0], iov[1], size);
}

/* n struct mmsghdr at addr, each holding its msg_len bytes. */
static struct value *mmsg_value(struct decode_ctx *ctx, uint64_t addr,
				uint64_t n)
{
	struct value *v = value_array(ctx->arena, "data", addr);

	if (n > IO_DUMP_VEC_MAX)
		n = IO_DUMP_VEC_MAX;
	for (uint64_t i = 0; i < n; i++) {
		uint64_t m = addr + i * MMSGHDR_SIZE;
		uint32_t len;
		struct value *e;

		if (tracee_read(ctx->mem, m + MSG_LEN_OFF, &len,
				sizeof(len)) != 0)
			return NULL;
		e = msg_value(ctx, m, len);
		if (!e)
			return NULL;
		value_add(v, e);
	}
	return v;
}

/* 1: an argument of this type holds data the call writes; 0: data it
 * reads; -1: no data. */
static int direction(unsigned type)
{
	switch (type) {
	case ARG_IBUF:
	case ARG_SOCKBUF:
	case ARG_IOVEC:
	case ARG_MSGHDR:
	case ARG_MMSGHDR:
		return 1;
	case ARG_OBUF:
	case ARG_SOCKBUF_OUT:
	case ARG_IOVEC_OUT:
	case ARG_MSGHDR_OUT:
	case ARG_MMSGHDR_OUT:
		return 0;
	default:
		return -1;
	}
}

/* What argument i of the call moved. */
static struct value *moved(struct decode_ctx *ctx, unsigned i)
{
	const struct arg_desc *a = &ctx->sc->desc->args[i];
	uint64_t addr = ctx->sc->raw_args[i];
	uint64_t ret = (uint64_t)ctx->sc->rval;

	switch (a->type) {
	case ARG_IBUF:
	case ARG_SOCKBUF:
		return bytes_value(ctx, addr, decode_param(ctx, a));
	case ARG_OBUF:
	case ARG_SOCKBUF_OUT:
		return bytes_value(ctx, addr, ret);
	case ARG_IOVEC:
	case ARG_IOVEC_OUT:
		return iov_value(ctx, addr, decode_param(ctx, a), ret);
	case ARG_MSGHDR:
	case ARG_MSGHDR_OUT:
		return msg_value(ctx, addr, ret);
	case ARG_MMSGHDR:
	case ARG_MMSGHDR_OUT:
		return mmsg_value(ctx, addr, ret);
	default:
		return NULL;
	}
}

/* A call on a descriptor (first argument) is dumped whole: all of count
 * for a write of one buffer, as strace does, even when the call failed;
 * else what the call returned. */
void decode_io_dump(struct decode_ctx *ctx)
{
	struct syscall_event *sc = ctx->sc;
	const struct syscall_desc *d = sc->desc;

	if (d->raw || d->nargs == 0 || d->args[0].type != ARG_FD)
		return;
	for (unsigned i = 1; i < d->nargs; i++) {
		int dir = direction(d->args[i].type);

		if (dir < 0)
			continue;
		if (sc->err && d->args[i].type != ARG_IBUF &&
		    d->args[i].type != ARG_SOCKBUF)
			return;
		if (fd_set_has(dir ? &ctx->opts->dump_write :
				     &ctx->opts->dump_read,
			       (int32_t)sc->raw_args[0]))
			sc->io_dump = moved(ctx, i);
		return;
	}
}
