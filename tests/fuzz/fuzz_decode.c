/* libFuzzer target: random argument registers, return values and tracee
 * memory for every syscall signature, through decode_syscall_enter/exit,
 * rendered by the text formatter. Memory is a fake tracee_mem reader: the
 * input's tail repeated over the low 128 TiB, unreadable above, so nested
 * pointers resolve and bad pointers fail. A read larger than the decoders'
 * bounds aborts: no multi-megabyte reads on garbage counts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "decode.h"
#include "fdinfo.h"
#include "format.h"
#include "output.h"
#include "syscalls.h"

#define READABLE_LIMIT (1ULL << 47)
#define MAX_ONE_READ (2u << 20)
#define MAX_TOTAL_READ (256u << 20)

struct fake {
	const uint8_t *data;
	size_t len;
	size_t total;
};

static ssize_t fake_read(const struct tracee_mem *m, uint64_t addr, void *buf,
			 size_t len)
{
	struct fake *f = m->ctx;
	uint8_t *out = buf;

	if (len > MAX_ONE_READ || f->total + len > MAX_TOTAL_READ)
		abort();
	f->total += len;
	if (addr < 4096 || addr >= READABLE_LIMIT || f->len == 0)
		return -1;
	if (addr + len > READABLE_LIMIT)
		len = READABLE_LIMIT - addr;
	for (size_t i = 0; i < len; i++)
		out[i] = f->data[(addr + i) % f->len];
	return (ssize_t)len;
}

static uint64_t take(const uint8_t **p, size_t *n, size_t bytes)
{
	uint64_t v = 0;

	if (bytes > *n)
		bytes = *n;
	memcpy(&v, *p, bytes);
	*p += bytes;
	*n -= bytes;
	return v;
}

/* -y and -yy without /proc: descriptions made from the input, NULL
 * (closed) now and then, so that every rendering of a described
 * descriptor is fuzzed too */
static const char *fake_describe(const struct fdinfo_source *s,
				 struct arena *a, pid_t pid, int fd,
				 int detail)
{
	const struct fake *f = s->ctx;
	size_t len = f->len ? f->data[(unsigned)fd % f->len] % 48 : 0;
	char *text;

	(void)pid;
	(void)detail;
	if (fd < 0 || len == 0)
		return NULL;
	text = arena_alloc(a, len + 1);
	for (size_t i = 0; i < len; i++)
		text[i] = (char)f->data[(fd + i + 1) % f->len];
	text[len] = 0;
	return text;
}

static const char *fake_cwd(const struct fdinfo_source *s, struct arena *a,
			    pid_t pid)
{
	return fake_describe(s, a, pid, 0, 0);
}

/* Now and then a netlink socket of a protocol taken from the input (-2:
 * unknown), so that the netlink decoders see the fuzzed buffers too. */
static int fake_netlink_proto(const struct fdinfo_source *s, pid_t pid,
			      int fd)
{
	const struct fake *f = s->ctx;
	unsigned char b = f->len ? f->data[(unsigned)fd % f->len] : 0;

	(void)pid;
	return b & 1 ? (int)((b >> 1) % 25) - 2 : -1;
}

static struct sink *devnull;
static void *text_state;
static struct format_opts fopts = { .align_column = 40 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena arena = { 0 };
	struct syscall_event sc;
	struct fake f;
	struct tracee_mem mem = { .read = fake_read, .pid = 1, .ctx = &f };
	struct fdinfo_source fds = { .describe = fake_describe,
				     .cwd = fake_cwd,
				     .netlink_proto = fake_netlink_proto,
				     .ctx = &f };
	struct decode_opts dopts;
	struct decode_ctx ctx = { .arena = &arena, .mem = &mem, .fds = &fds,
				  .opts = &dopts, .sc = &sc };
	struct event ev = { .pid = 1, .tid = 1 };
	uint64_t sel, flags;

	if (!devnull) {
		devnull = sink_open("/dev/null");
		text_state = format_text.begin(devnull, &fopts);
	}
	memset(&sc, 0, sizeof(sc));
	sel = take(&data, &size, 2);
	flags = take(&data, &size, 2);
	/* one in 64 inputs is an unknown syscall number */
	sc.desc = (sel & 0x3f) == 0x3f ? NULL :
		&syscall_descs[sel % syscall_desc_count];
	sc.nr = sel;
	sc.arch = "fuzz";
	for (int i = 0; i < MAX_ARGS; i++) {
		uint64_t v = take(&data, &size, 8);

		/* small values and pointers into memory matter most */
		switch (take(&data, &size, 1) & 3) {
		case 0: v &= 0xff; break;
		case 1: v = 0x10000 + (v & 0xffff); break;
		default: break;
		}
		sc.raw_args[i] = v;
	}
	sc.stack_pointer = 0x20000 + (take(&data, &size, 2) & 0xfff);
	sc.rval = (int64_t)take(&data, &size, 4) - (flags & 8 ? 0 : 4096);
	f.data = data;
	f.len = size;
	f.total = 0;
	memset(&dopts, 0, sizeof(dopts));
	dopts.string_limit = (flags & 1) ? 4096 : 32;
	dopts.verbose = flags & 2;
	/* -e verbose=none and -e raw= now and then */
	dopts.deref = (flags & 0xc0) != 0x40;
	dopts.raw = (flags & 0xc0) == 0x80;
	/* -y and -yy, through the fake source */
	dopts.decode_fds = (flags & 0x100) ? 0 : (int)(flags >> 9) & 0xf;
	fopts.fd_paths = dopts.decode_fds;

	decode_syscall_enter(&ctx);
	ev.kind = EV_SYSCALL_ENTER;
	ev.u.sc = &sc;
	format_text.event(text_state, &ev, flags & 4);
	if (sc.rval < 0 && sc.rval > -4096)
		sc.err = (int)-sc.rval;
	sc.ret_unknown = (flags & 0x30) == 0x30;
	decode_syscall_exit(&ctx);
	ev.kind = EV_SYSCALL_EXIT;
	format_text.event(text_state, &ev, flags & 4);
	if (size >= 128) {
		ev.kind = EV_SIGNAL;
		ev.u.signal.sig = data[0] % 65;
		ev.u.signal.info = decode_siginfo(&arena, data);
		format_text.event(text_state, &ev, false);
	}
	sink_flush(devnull);
	arena_free(&arena);
	return 0;
}
