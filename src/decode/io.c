/* Decoders for descriptor I/O: iovec arrays, poll and select sets, epoll
 * events, in/out offsets and counts. */
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/uio.h>

#include "consts.h"
#include "decoders.h"

struct value *decode_skip(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	return NULL;
}

/* An iovec array; data shows at most limit bytes in all (the count the
 * call transferred), each buffer also cut at -s. */
/* proto: the buffers' netlink protocol (or FDINFO_NETLINK_UNKNOWN), -1
 * for text, IOV_ADDRS for their addresses only. */
#define IOV_ADDRS (-3)

static struct value *iovec_any(struct decode_ctx *ctx, const char *name,
				uint64_t addr, uint64_t count, uint64_t limit,
				int proto);

struct value *iovec_value(struct decode_ctx *ctx, const char *name,
			  uint64_t addr, uint64_t count, uint64_t limit)
{
	return iovec_any(ctx, name, addr, count, limit, -1);
}

struct value *iovec_sock_value(struct decode_ctx *ctx, const char *name,
			       uint64_t addr, uint64_t count, uint64_t limit,
			       int proto)
{
	return iovec_any(ctx, name, addr, count, limit,
			 proto == IOV_ADDRS ? -1 : proto);
}

/* The iovec array with the buffers as addresses: before a read fills
 * them, and for process_vm_readv's other process. */
static struct value *iovec_any(struct decode_ctx *ctx, const char *name,
				uint64_t addr, uint64_t count, uint64_t limit,
				int proto)
{
	struct iovec64 {
		uint64_t base;
		uint64_t len;
	} iov;
	struct value *v, *e;

	if (addr == 0)
		return value_ptr(ctx->arena, name, 0);
	if (count == 0)
		return value_array(ctx->arena, name, addr);
	if (tracee_read(ctx->mem, addr, &iov, sizeof(iov)) != 0)
		return value_unavailable(ctx, name, addr);
	v = value_array(ctx->arena, name, addr);
	for (uint64_t i = 0; i < count; i++) {
		uint64_t take;

		if (i && tracee_read(ctx->mem, addr + i * sizeof(iov), &iov,
				     sizeof(iov)) != 0) {
			v->u.kids.elided = true;
			v->u.kids.unread_at = addr + i * sizeof(iov);
			break;
		}
		if (decode_array_full(ctx, i)) {
			v->u.kids.elided = true;
			break;
		}
		take = iov.len < limit ? iov.len : limit;
		/* UINT64_MAX: no limit, however long the buffers say they are */
		if (limit != UINT64_MAX)
			limit -= take;
		e = value_struct(ctx->arena, NULL, addr + i * sizeof(iov));
		value_add(e, proto != IOV_ADDRS ?
			  decode_sockbuf_value(ctx, "iov_base", iov.base, take,
					       proto) :
			  value_ptr(ctx->arena, "iov_base", iov.base));
		value_add(e, value_uint(ctx->arena, "iov_len", iov.len));
		value_add(v, e);
	}
	return v;
}

struct value *decode_iovec(struct decode_ctx *ctx, const struct arg_desc *a,
			   uint64_t raw)
{
	return iovec_value(ctx, a->name, raw, decode_param(ctx, a),
			   UINT64_MAX);
}

/* PHASE_BOTH: addresses at entry (what a failed call shows), the data
 * read at exit. */
struct value *decode_iovec_out(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	if (!ctx->at_exit)
		return iovec_any(ctx, a->name, raw, decode_param(ctx, a), 0,
				 IOV_ADDRS);
	return iovec_value(ctx, a->name, raw, decode_param(ctx, a),
			   (uint64_t)ctx->sc->rval);
}

struct value *decode_iovec_addrs(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	return iovec_any(ctx, a->name, raw, decode_param(ctx, a), 0,
			 IOV_ADDRS);
}

/* --- poll */

#define POLL_MAX_READ 4096

static struct value *pollfd_value(struct decode_ctx *ctx, const struct pollfd *p,
				  bool revents)
{
	struct value *e = value_struct(ctx->arena, NULL, 0);
	struct arg_desc fd = { "fd", ARG_FD, PARAM_NONE, NULL };

	value_add(e, decode_fd(ctx, &fd, (uint32_t)p->fd));
	value_add(e, value_flags(ctx->arena, revents ? "revents" : "events",
				 (uint16_t)(revents ? p->revents : p->events),
				 &xlat_poll_events));
	return e;
}

struct value *decode_pollfds(struct decode_ctx *ctx, const struct arg_desc *a,
			     uint64_t raw)
{
	uint64_t n = decode_param(ctx, a) & 0xffffffff;
	struct value *v;
	struct pollfd p;

	if (raw == 0)
		return value_ptr(ctx->arena, a->name, 0);
	v = value_array(ctx->arena, a->name, raw);
	for (uint64_t i = 0; i < n; i++) {
		if (tracee_read(ctx->mem, raw + i * sizeof(p), &p,
				sizeof(p)) != 0) {
			if (i == 0)
				return value_unavailable(ctx, a->name, raw);
			v->u.kids.elided = true;
			v->u.kids.unread_at = raw + i * sizeof(p);
			break;
		}
		if (decode_array_full(ctx, i)) {
			v->u.kids.elided = true;
			break;
		}
		value_add(v, pollfd_value(ctx, &p, false));
	}
	return v;
}

static struct value *note_part(struct decode_ctx *ctx, struct value *note,
			       struct value *part)
{
	if (!note)
		note = value_struct(ctx->arena, NULL, 0);
	value_add(note, part);
	return note;
}

static struct value *timeout_note(struct decode_ctx *ctx)
{
	return value_expr(ctx->arena, NULL, 0, "Timeout");
}

/* poll's result, with the ready descriptors as a note. */
struct value *decode_poll_ret(struct decode_ctx *ctx, const struct arg_desc *a,
			      uint64_t raw)
{
	struct syscall_event *sc = ctx->sc;
	uint64_t addr = sc->raw_args[0];
	uint64_t n = sc->raw_args[1] & 0xffffffff;
	unsigned shown = 0;
	struct value *ready, *note = NULL;
	struct pollfd p;

	if (raw == 0) {
		sc->ret_note = timeout_note(ctx);
		return value_int(ctx->arena, a->name, 0);
	}
	ready = value_array(ctx->arena, NULL, addr);
	if (n > POLL_MAX_READ)
		n = POLL_MAX_READ;
	for (uint64_t i = 0; i < n; i++) {
		if (tracee_read(ctx->mem, addr + i * sizeof(p), &p,
				sizeof(p)) != 0)
			break;
		if (!p.revents)
			continue;
		if (decode_array_full(ctx, shown++)) {
			ready->u.kids.elided = true;
			break;
		}
		value_add(ready, pollfd_value(ctx, &p, true));
	}
	note = note_part(ctx, note, ready);
	if (sc->desc->args[2].type == ARG_TIMESPEC && sc->raw_args[2])
		note = note_part(ctx, note, timespec_value(ctx, "left",
							   sc->raw_args[2]));
	sc->ret_note = note;
	return value_int(ctx->arena, a->name, (int64_t)raw);
}

/* --- select */

#define FDSET_MAX_FDS 65536

static struct value *fdset_from(struct decode_ctx *ctx, const char *name,
				uint64_t addr, int nfds)
{
	unsigned char bits[FDSET_MAX_FDS / 8];
	struct value *v;
	size_t bytes;
	unsigned shown = 0;

	if (addr == 0)
		return value_ptr(ctx->arena, name, 0);
	/* a negative or absurd count: the sets are shown as addresses */
	if (nfds < 0 || nfds > (8 << 20))
		return value_ptr(ctx->arena, name, addr);
	if (nfds > FDSET_MAX_FDS)
		nfds = FDSET_MAX_FDS;
	bytes = ((size_t)nfds + 63) / 64 * 8;
	if (bytes && tracee_read(ctx->mem, addr, bits, bytes) != 0)
		return value_unavailable(ctx, name, addr);
	/* a set of descriptors prints as strace prints sets: [3 4] */
	v = value_new(ctx->arena, V_SIGSET, name, addr);
	v->u.sigset.names = arena_alloc(ctx->arena, 64 * sizeof(char *));
	for (int i = 0; i < nfds; i++) {
		if (!(bits[i / 8] & (1u << (i % 8))))
			continue;
		if (shown >= 64)
			break;
		v->u.sigset.names[v->u.sigset.count++] =
			arena_printf(ctx->arena, "%d", i);
		shown++;
	}
	return v;
}

struct value *decode_fdset(struct decode_ctx *ctx, const struct arg_desc *a,
			   uint64_t raw)
{
	return fdset_from(ctx, a->name, raw, (int)decode_param(ctx, a));
}

struct value *decode_select_ret(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	static const char *const names[] = { "in", "out", "except" };
	struct syscall_event *sc = ctx->sc;
	struct value *note = NULL;
	int nfds = (int)sc->raw_args[0];

	if (raw == 0) {
		sc->ret_note = timeout_note(ctx);
		return value_int(ctx->arena, a->name, 0);
	}
	for (int i = 0; i < 3; i++) {
		struct value *set;

		if (!sc->raw_args[1 + i])
			continue;
		set = fdset_from(ctx, names[i], sc->raw_args[1 + i], nfds);
		if (set->kind == V_SIGSET && set->u.sigset.count)
			note = note_part(ctx, note, set);
	}
	if (sc->raw_args[4])
		note = note_part(ctx, note,
			sc->desc->args[4].type == ARG_TIMESPEC ?
			timespec_value(ctx, "left", sc->raw_args[4]) :
			timeval_value(ctx, "left", sc->raw_args[4]));
	sc->ret_note = note;
	return value_int(ctx->arena, a->name, (int64_t)raw);
}

/* pselect6's last argument: a pointer to {sigset pointer, size}. */
struct value *decode_pselect_sigmask(struct decode_ctx *ctx,
				     const struct arg_desc *a, uint64_t raw)
{
	uint64_t w[2];
	struct value *v;

	if (!decode_read(ctx, a->name, raw, w, sizeof(w), &v))
		return v;
	v = value_struct(ctx->arena, a->name, raw);
	value_add(v, sigset_value(ctx, "sigmask", w[0], w[1]));
	value_add(v, value_uint(ctx->arena, "sigsetsize", w[1]));
	return v;
}

/* --- epoll */

/* The C library's struct epoll_event has the layout of the arch we are
 * built for: packed (12 bytes) on x86_64, 16 bytes on aarch64. */
#define EPOLL_EVENT_SIZE sizeof(struct epoll_event)

static struct value *epoll_event_value(struct decode_ctx *ctx,
				       const unsigned char *b, uint64_t addr)
{
	uint32_t events;
	uint64_t data;
	struct value *e, *d;

	memcpy(&events, b, 4);
	memcpy(&data, b + EPOLL_EVENT_SIZE - 8, 8);
	e = value_struct(ctx->arena, NULL, addr);
	value_add(e, value_flags(ctx->arena, "events", events,
				 &xlat_epoll_events));
	d = value_struct(ctx->arena, "data", addr);
	value_add(d, value_uint(ctx->arena, "u32", (uint32_t)data));
	value_add(d, value_uint(ctx->arena, "u64", data));
	value_add(e, d);
	return e;
}

struct value *decode_epoll_event(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	unsigned char b[EPOLL_EVENT_SIZE];
	struct value *e;

	if (!decode_read(ctx, a->name, raw, b, sizeof(b), &e))
		return e;
	e = epoll_event_value(ctx, b, raw);
	e->name = a->name;
	return e;
}

struct value *decode_epoll_events_out(struct decode_ctx *ctx,
				      const struct arg_desc *a, uint64_t raw)
{
	uint64_t n = (uint64_t)ctx->sc->rval;
	unsigned char b[EPOLL_EVENT_SIZE];
	struct value *v;

	if (raw == 0)
		return value_ptr(ctx->arena, a->name, 0);
	v = value_array(ctx->arena, a->name, raw);
	for (uint64_t i = 0; i < n; i++) {
		if (tracee_read(ctx->mem, raw + i * EPOLL_EVENT_SIZE, b,
				sizeof(b)) != 0) {
			if (i == 0)
				return value_unavailable(ctx, a->name, raw);
			v->u.kids.elided = true;
			v->u.kids.unread_at = raw + i * EPOLL_EVENT_SIZE;
			break;
		}
		if (decode_array_full(ctx, i)) {
			v->u.kids.elided = true;
			break;
		}
		value_add(v, epoll_event_value(ctx, b,
					       raw + i * EPOLL_EVENT_SIZE));
	}
	return v;
}

/* --- small in/out words */

/* [N] for a pointer to one integer of size bytes. */
struct value *int_ptr_value(struct decode_ctx *ctx, const char *name,
			    uint64_t addr, size_t size, bool is_signed)
{
	int64_t n = 0;
	struct value *v;
	uint32_t w32;

	if (addr == 0)
		return value_ptr(ctx->arena, name, 0);
	if (size == 4) {
		if (tracee_read(ctx->mem, addr, &w32, 4) != 0)
			return value_unavailable(ctx, name, addr);
		n = is_signed ? (int32_t)w32 : (int64_t)w32;
	} else if (tracee_read(ctx->mem, addr, &n, 8) != 0) {
		return value_unavailable(ctx, name, addr);
	}
	v = value_array(ctx->arena, name, addr);
	value_add(v, is_signed ? value_int(ctx->arena, NULL, n) :
		  value_uint(ctx->arena, NULL, (uint64_t)n));
	return v;
}

struct value *decode_int_out(struct decode_ctx *ctx, const struct arg_desc *a,
			     uint64_t raw)
{
	return int_ptr_value(ctx, a->name, raw, 4, true);
}

/* An offset the call reads and advances: [0] => [4096]. */
struct value *decode_loff_inout(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	struct value *before = decode_entry_value(ctx);
	struct value *after = int_ptr_value(ctx, a->name, raw, 8, true);

	if (!before || before->kind != V_ARRAY || after->kind != V_ARRAY)
		return after;
	return value_inout(ctx->arena, a->name, before, after);
}

/* A socklen_t the caller sets and the kernel rewrites: [110 => 16]. */
struct value *decode_socklen_inout(struct decode_ctx *ctx,
				   const struct arg_desc *a, uint64_t raw)
{
	struct value *before = decode_entry_value(ctx);
	struct value *after = int_ptr_value(ctx, a->name, raw, 4, true);
	struct value *in;

	if (!before || before->kind != V_ARRAY || after->kind != V_ARRAY ||
	    before->u.kids.first->raw == after->u.kids.first->raw)
		return after;
	in = value_array(ctx->arena, a->name, raw);
	value_add(in, value_inout(ctx->arena, NULL, before->u.kids.first,
				  after->u.kids.first));
	return in;
}
