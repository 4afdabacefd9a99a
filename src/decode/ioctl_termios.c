/* ioctl requests of terminals (type 'T') that carry a struct termios,
 * termios2 (with the speeds) or the old struct termio: their flags by
 * field, and with -v the line discipline and control characters. */
#include <linux/ioctl.h>
#include <stddef.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>

#include "consts.h"
#include "ioctl_family.h"

#ifndef IBSHIFT
#define IBSHIFT 16	/* CIBAUD is CBAUD shifted this far */
#endif

/* the kernel's structs, whatever the C library calls termios */
struct kernel_termios {
	uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
	uint8_t c_line;
	uint8_t c_cc[19];
};

struct kernel_termios2 {
	struct kernel_termios t;
	uint32_t c_ispeed, c_ospeed;
};

struct kernel_termio {
	uint16_t c_iflag, c_oflag, c_cflag, c_lflag;
	uint8_t c_line;
	uint8_t c_cc[8];
};

#define K_TCGETS2 _IOR('T', 0x2a, struct kernel_termios2)
#define K_TCSETS2 _IOW('T', 0x2b, struct kernel_termios2)
#define K_TCSETSW2 _IOW('T', 0x2c, struct kernel_termios2)
#define K_TCSETSF2 _IOW('T', 0x2d, struct kernel_termios2)

/* one of the three, widened */
struct any_termios {
	uint32_t flags[4];
	uint8_t line;
	const uint8_t *cc;
	unsigned ncc;
	bool speeds;
	uint32_t ispeed, ospeed;
};

/* A flags value whose names are built here; "" when there are none, as
 * strace prints an empty c_iflag. */
static struct value *names_value(struct decode_ctx *ctx, const char *name,
				 uint64_t raw, const char **names,
				 unsigned count, uint64_t rest)
{
	struct value *v = value_new(ctx->arena, V_FLAGS, name, raw);

	if (count == 0 && rest == 0)
		names[count++] = "";
	v->u.flags.names = names;
	v->u.flags.count = count;
	v->u.flags.rest = rest;
	return v;
}

static struct value *termios_flags(struct decode_ctx *ctx, const char *name,
				   uint32_t raw, const struct xlat *x)
{
	struct value *f = value_flags(ctx->arena, name, raw, x);
	const char **names = arena_alloc(ctx->arena,
					 (f->u.flags.count + 1) * sizeof(char *));

	memcpy(names, f->u.flags.names, f->u.flags.count * sizeof(char *));
	return names_value(ctx, name, raw, names, f->u.flags.count,
			   f->u.flags.rest);
}

static struct value *termios_oflag(struct decode_ctx *ctx, uint32_t raw)
{
	static const struct {
		uint32_t mask;
		const struct xlat *x;
	} fields[] = {
		{ NLDLY, &xlat_termios_nldly }, { CRDLY, &xlat_termios_crdly },
		{ TABDLY, &xlat_termios_tabdly }, { BSDLY, &xlat_termios_bsdly },
		{ VTDLY, &xlat_termios_vtdly }, { FFDLY, &xlat_termios_ffdly },
	};
	struct value *f = value_flags(ctx->arena, "c_oflag", raw &
				      ~(uint32_t)(NLDLY | CRDLY | TABDLY |
						  BSDLY | VTDLY | FFDLY),
				      &xlat_termios_oflag);
	const char **names = arena_alloc(ctx->arena, (f->u.flags.count + 7) *
					 sizeof(char *));
	unsigned n = 0;
	uint64_t rest = f->u.flags.rest;

	for (unsigned i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		const char *s = xlat_name(fields[i].x, raw & fields[i].mask);

		if (s)
			names[n++] = s;
		else
			rest |= raw & fields[i].mask;
	}
	memcpy(names + n, f->u.flags.names, f->u.flags.count * sizeof(char *));
	return names_value(ctx, "c_oflag", raw, names, n + f->u.flags.count,
			   rest);
}

static struct value *termios_cflag(struct decode_ctx *ctx, uint32_t raw)
{
	struct value *f = value_flags(ctx->arena, "c_cflag",
				      raw & ~(uint32_t)(CBAUD | CIBAUD | CSIZE),
				      &xlat_termios_cflag);
	const char **names = arena_alloc(ctx->arena, (f->u.flags.count + 3) *
					 sizeof(char *));
	const char *baud = xlat_name(&xlat_termios_baud, raw & CBAUD);
	const char *in = xlat_name(&xlat_termios_baud,
				   (raw & CIBAUD) >> IBSHIFT);
	uint64_t rest = f->u.flags.rest;
	unsigned n = 0;

	if (baud)
		names[n++] = baud;
	else
		rest |= raw & CBAUD;
	/* the input speed, when it is set apart from the output's */
	if (raw & CIBAUD) {
		if (in)
			names[n++] = arena_printf(ctx->arena, "%s<<IBSHIFT",
						  in);
		else
			rest |= raw & CIBAUD;
	}
	names[n++] = xlat_name(&xlat_termios_csize, raw & CSIZE);
	memcpy(names + n, f->u.flags.names, f->u.flags.count * sizeof(char *));
	return names_value(ctx, "c_cflag", raw, names, n + f->u.flags.count,
			   rest);
}

static struct value *any_termios_value(struct decode_ctx *ctx,
				       const char *name, uint64_t addr,
				       const struct any_termios *t)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, name, addr), *cc;

	value_add(v, termios_flags(ctx, "c_iflag", t->flags[0],
				   &xlat_termios_iflag));
	value_add(v, termios_oflag(ctx, t->flags[1]));
	value_add(v, termios_cflag(ctx, t->flags[2]));
	value_add(v, termios_flags(ctx, "c_lflag", t->flags[3],
				   &xlat_termios_lflag));
	if (!ctx->opts->verbose) {
		v->u.kids.elided = true;
		return v;
	}
	value_add(v, ioctl_enum(ctx, "c_line", t->line, &xlat_tty_ldisc));
	cc = value_array(ar, "c_cc", addr);
	for (unsigned i = 0; i < t->ncc; i++) {
		const char *idx = xlat_name(&xlat_termios_cc, i);
		struct value *e = value_hex(ar, NULL, t->cc[i]);

		/* [VINTR]=0x3: the index is printed as a designator */
		e->name = idx ? arena_printf(ar, "[%s]", idx) :
			arena_printf(ar, "[%u]", i);
		value_add(cc, e);
	}
	value_add(v, cc);
	if (t->speeds) {
		value_add(v, value_uint(ar, "c_ispeed", t->ispeed));
		value_add(v, value_uint(ar, "c_ospeed", t->ospeed));
	}
	return v;
}

/* the struct a request carries: its size, or 0 for none of these */
static size_t termios_size(uint32_t req, bool *out)
{
	*out = false;
	switch (req) {
	case TCGETS: case TIOCGLCKTRMIOS:
		*out = true;
		/* fall through */
	case TCSETS: case TCSETSW: case TCSETSF: case TIOCSLCKTRMIOS:
		return sizeof(struct kernel_termios);
	case K_TCGETS2:
		*out = true;
		/* fall through */
	case K_TCSETS2: case K_TCSETSW2: case K_TCSETSF2:
		return sizeof(struct kernel_termios2);
	case TCGETA:
		*out = true;
		/* fall through */
	case TCSETA: case TCSETAW: case TCSETAF:
		return sizeof(struct kernel_termio);
	default:
		return 0;
	}
}

struct value *ioctl_termios(struct decode_ctx *ctx, const char *name,
			    uint32_t req, uint64_t arg)
{
	union {
		struct kernel_termios2 t2;
		struct kernel_termio o;
	} u;
	struct any_termios t = { .speeds = false };
	bool out;
	size_t size = termios_size(req, &out);
	struct value *v;

	if (!size)
		return NULL;
	if (out && !ioctl_out_ready(ctx, name, arg, &v))
		return v;
	if (!out && ctx->at_exit)
		return NULL;
	if (!decode_read(ctx, name, arg, &u, size, &v))
		return v;
	if (size == sizeof(struct kernel_termio)) {
		t.flags[0] = u.o.c_iflag;
		t.flags[1] = u.o.c_oflag;
		t.flags[2] = u.o.c_cflag;
		t.flags[3] = u.o.c_lflag;
		t.line = u.o.c_line;
		t.cc = u.o.c_cc;
		t.ncc = sizeof(u.o.c_cc);
	} else {
		memcpy(t.flags, &u.t2.t, sizeof(t.flags));
		t.line = u.t2.t.c_line;
		t.cc = u.t2.t.c_cc;
		t.ncc = sizeof(u.t2.t.c_cc);
		t.speeds = size == sizeof(struct kernel_termios2);
		t.ispeed = u.t2.c_ispeed;
		t.ospeed = u.t2.c_ospeed;
	}
	return any_termios_value(ctx, name, arg, &t);
}
