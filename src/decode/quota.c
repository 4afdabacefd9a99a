/* quotactl and quotactl_fd: the command as QCMD(command, type), which of
 * the arguments after it show and what the address points to, as the
 * command's line in tables/consts/quota_cmd.list says. Both calls keep
 * the id at index 2 and the address at index 3. */
#include <linux/dqblk_xfs.h>
#include <linux/quota.h>
#include <stdint.h>
#include <string.h>

#include "consts.h"
#include "decoders.h"
#include "ioctl_family.h"

#define QUOTA_ID 2
#define QUOTA_ADDR 3

/* Word i (0 or 1) of the command's column, or "" */
static const char *cmd_word(struct decode_ctx *ctx, uint32_t cmd, int i)
{
	const struct xlat_entry *e = xlat_find(&xlat_quota_cmd, cmd);
	const char *s = e && e->msg ? e->msg : "id", *sp = strchr(s, ' ');

	if (i == 0)
		return sp ? arena_printf(ctx->arena, "%.*s", (int)(sp - s), s) :
			    s;
	return sp ? sp + 1 : "";
}

static const char *part(struct decode_ctx *ctx, const struct xlat *x,
			uint32_t v)
{
	const char *name = xlat_name(x, v);
	const char *unknown = unknown_comment(ctx, x);

	if (name)
		return name;
	if (!unknown)
		return arena_printf(ctx->arena, "%#x", v);
	return arena_printf(ctx->arena, "%#x /* %s */", v, unknown);
}

/* A user, group or project id: unsigned, but for -1. */
static struct value *id_value(struct decode_ctx *ctx)
{
	uint32_t id = (uint32_t)ctx->sc->raw_args[QUOTA_ID];

	if (id == UINT32_MAX)
		return value_int(ctx->arena, "id", -1);
	return value_uint(ctx->arena, "id", id);
}

struct value *decode_quota_cmd(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	uint32_t qcmd = (uint32_t)raw, cmd = qcmd >> 8, type = qcmd & 0xff;
	const char *args = cmd_word(ctx, cmd, 0);

	if (!strcmp(args, "none"))
		decode_end_args(ctx, 2);	/* the command and the file */
	else if (!strcmp(args, "addr"))
		decode_replace_arg(ctx, QUOTA_ID, NULL);
	else if (!strcmp(args, "quotaon"))	/* the id is a format */
		decode_replace_arg(ctx, QUOTA_ID, ioctl_enum(ctx, "id",
			(uint32_t)ctx->sc->raw_args[QUOTA_ID],
			&xlat_quota_fmt));
	else
		decode_replace_arg(ctx, QUOTA_ID, id_value(ctx));
	return value_symbol(ctx->arena, a->name, qcmd, V_UINT,
			    arena_printf(ctx->arena, "QCMD(%s, %s)",
					 part(ctx, &xlat_quota_cmd, cmd),
					 part(ctx, &xlat_quota_type, type)));
}

#define ADD_U(s, f) value_add(v, value_uint(ctx->arena, #f, (s).f))
#define ADD_D(s, f) value_add(v, value_int(ctx->arena, #f, (s).f))

/* The fields strace shows only under -v: "..." otherwise. */
static bool more(struct decode_ctx *ctx, struct value *v)
{
	if (!ctx->opts->verbose)
		v->u.kids.elided = true;
	return ctx->opts->verbose;
}

/* if_dqblk and if_nextdqblk share their first fields; the next one adds
 * dqb_id (before the "..." when abbreviated). */
static struct value *dqblk_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr, bool next)
{
	struct if_nextdqblk d;
	struct value *v;
	size_t len = next ? sizeof(d) : sizeof(struct if_dqblk);

	if (!decode_read(ctx, name, addr, &d, len, &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	ADD_U(d, dqb_bhardlimit);
	ADD_U(d, dqb_bsoftlimit);
	ADD_U(d, dqb_curspace);
	ADD_U(d, dqb_ihardlimit);
	ADD_U(d, dqb_isoftlimit);
	ADD_U(d, dqb_curinodes);
	if (next && !ctx->opts->verbose)
		ADD_U(d, dqb_id);
	if (!more(ctx, v))
		return v;
	ADD_U(d, dqb_btime);
	ADD_U(d, dqb_itime);
	value_add(v, ioctl_flags_value(ctx, "dqb_valid", d.dqb_valid,
				       &xlat_quota_dqblk_valid));
	if (next)
		ADD_U(d, dqb_id);
	return v;
}

static struct value *dqblk(struct decode_ctx *ctx, const char *name,
			   uint64_t addr)
{
	return dqblk_value(ctx, name, addr, false);
}

static struct value *nextdqblk(struct decode_ctx *ctx, const char *name,
			       uint64_t addr)
{
	return dqblk_value(ctx, name, addr, true);
}

static struct value *dqinfo(struct decode_ctx *ctx, const char *name,
			    uint64_t addr)
{
	struct if_dqinfo d;
	struct value *v;

	if (!decode_read(ctx, name, addr, &d, sizeof(d), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	ADD_U(d, dqi_bgrace);
	ADD_U(d, dqi_igrace);
	value_add(v, ioctl_flags_value(ctx, "dqi_flags", d.dqi_flags,
				       &xlat_quota_dqinfo_flags));
	value_add(v, ioctl_flags_value(ctx, "dqi_valid", d.dqi_valid,
				       &xlat_quota_dqinfo_valid));
	return v;
}

/* [word]: a 32-bit word shown by show */
static struct value *word_array(struct decode_ctx *ctx, const char *name,
				uint64_t addr, struct value *(*show)(
					struct decode_ctx *, const char *,
					uint64_t, const struct xlat *),
				const struct xlat *x)
{
	uint32_t w;
	struct value *v;

	if (!decode_read(ctx, name, addr, &w, sizeof(w), &v))
		return v;
	v = value_array(ctx->arena, name, addr);
	value_add(v, show(ctx, NULL, w, x));
	return v;
}

static struct value *fmt(struct decode_ctx *ctx, const char *name,
			 uint64_t addr)
{
	return word_array(ctx, name, addr, ioctl_enum, &xlat_quota_fmt);
}

static struct value *xquota_flags(struct decode_ctx *ctx, const char *name,
				  uint64_t addr)
{
	return word_array(ctx, name, addr, ioctl_flags_value,
			  &xlat_xfs_quota_flags);
}

static struct value *xtype_flags(struct decode_ctx *ctx, const char *name,
				 uint64_t addr)
{
	return word_array(ctx, name, addr, ioctl_flags_value,
			  &xlat_xfs_dqblk_flags);
}

static struct value *path(struct decode_ctx *ctx, const char *name,
			  uint64_t addr)
{
	return decode_cstring(ctx, name, addr, ctx->opts->string_limit);
}

static struct value *xdqblk(struct decode_ctx *ctx, const char *name,
			    uint64_t addr)
{
	struct fs_disk_quota d;
	struct value *v;

	if (!decode_read(ctx, name, addr, &d, sizeof(d), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	ADD_D(d, d_version);
	value_add(v, ioctl_flags_value(ctx, "d_flags", (uint8_t)d.d_flags,
				       &xlat_xfs_dqblk_flags));
	value_add(v, value_hex(ctx->arena, "d_fieldmask", d.d_fieldmask));
	ADD_U(d, d_id);
	ADD_U(d, d_blk_hardlimit);
	ADD_U(d, d_blk_softlimit);
	ADD_U(d, d_ino_hardlimit);
	ADD_U(d, d_ino_softlimit);
	ADD_U(d, d_bcount);
	ADD_U(d, d_icount);
	if (!more(ctx, v))
		return v;
	ADD_D(d, d_itimer);
	ADD_D(d, d_btimer);
	ADD_U(d, d_iwarns);
	ADD_U(d, d_bwarns);
	ADD_U(d, d_rtb_hardlimit);
	ADD_U(d, d_rtb_softlimit);
	ADD_U(d, d_rtbcount);
	ADD_D(d, d_rtbtimer);
	ADD_U(d, d_rtbwarns);
	return v;
}

/* {qfs_ino=.., qfs_nblks=.., qfs_nextents=..} of fs_qfilestat(v) */
#define QFILE(s, f) do { \
	struct value *q = value_struct(ctx->arena, #f, 0); \
	value_add(q, value_uint(ctx->arena, "qfs_ino", (s).f.qfs_ino)); \
	value_add(q, value_uint(ctx->arena, "qfs_nblks", (s).f.qfs_nblks)); \
	value_add(q, value_uint(ctx->arena, "qfs_nextents", \
				(s).f.qfs_nextents)); \
	value_add(v, q); \
} while (0)

/* The limits both quota stat structures end with */
#define XSTAT_TAIL(s) do { \
	ADD_D(s, qs_btimelimit); \
	ADD_D(s, qs_itimelimit); \
	ADD_D(s, qs_rtbtimelimit); \
	ADD_U(s, qs_bwarnlimit); \
	ADD_U(s, qs_iwarnlimit); \
} while (0)

static struct value *xstat(struct decode_ctx *ctx, const char *name,
			   uint64_t addr)
{
	struct fs_quota_stat s;
	struct value *v;

	if (!decode_read(ctx, name, addr, &s, sizeof(s), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	ADD_D(s, qs_version);
	if (!more(ctx, v))
		return v;
	value_add(v, ioctl_flags_value(ctx, "qs_flags", s.qs_flags,
				       &xlat_xfs_quota_flags));
	QFILE(s, qs_uquota);
	QFILE(s, qs_gquota);
	ADD_U(s, qs_incoredqs);
	XSTAT_TAIL(s);
	return v;
}

static struct value *xstatv(struct decode_ctx *ctx, const char *name,
			    uint64_t addr)
{
	struct fs_quota_statv s;
	struct value *v;

	if (!decode_read(ctx, name, addr, &s, sizeof(s), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	ADD_D(s, qs_version);
	if (!more(ctx, v))
		return v;
	value_add(v, ioctl_flags_value(ctx, "qs_flags", s.qs_flags,
				       &xlat_xfs_quota_flags));
	ADD_U(s, qs_incoredqs);
	QFILE(s, qs_uquota);
	QFILE(s, qs_gquota);
	QFILE(s, qs_pquota);
	XSTAT_TAIL(s);
	return v;
}

/* The layouts named in quota_cmd.list's second word */
static const struct {
	const char *name;
	struct value *(*fn)(struct decode_ctx *ctx, const char *name,
			    uint64_t addr);
} layouts[] = {
	{ "path_in", path },
	{ "fmt_out", fmt },
	{ "dqinfo_out", dqinfo },
	{ "dqinfo_in", dqinfo },
	{ "dqblk_out", dqblk },
	{ "dqblk_in", dqblk },
	{ "nextdqblk_out", nextdqblk },
	{ "xquota_flags_in", xquota_flags },
	{ "xtype_flags_in", xtype_flags },
	{ "xdqblk_out", xdqblk },
	{ "xdqblk_in", xdqblk },
	{ "xstat_out", xstat },
	{ "xstatv_out", xstatv },
};

/* Read at entry (_in) or at exit (_out); at the other stop the address
 * keeps what entry showed. */
struct value *decode_quota_addr(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	const char *kind = cmd_word(ctx, (uint32_t)decode_param(ctx, a) >> 8,
				    1);
	size_t n = strlen(kind);
	bool out = n > 4 && !strcmp(kind + n - 4, "_out");

	if (out == ctx->at_exit) {
		for (size_t i = 0; i < sizeof(layouts) / sizeof(*layouts); i++)
			if (!strcmp(layouts[i].name, kind))
				return layouts[i].fn(ctx, a->name, raw);
	}
	if (ctx->at_exit)
		return decode_entry_value(ctx);
	return value_ptr(ctx->arena, a->name, raw);
}
