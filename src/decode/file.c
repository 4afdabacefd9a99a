/* Decoders for files and descriptors: open flags, modes, stat and statx,
 * directory entries, fcntl, pipe descriptor pairs (ioctl: ioctl.c). */
#include <fcntl.h>
#include <inttypes.h>
#include <linux/stat.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <termios.h>

#include "consts.h"
#include "decoders.h"

struct value *decode_open_flags(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	return value_field_flags(ctx->arena, a->name, (uint32_t)raw, O_ACCMODE,
				 &xlat_open_access, &xlat_open_flags);
}

/* statx's sync type is a two-bit field whose zero value has a name;
 * strace names its bits one by one, so that both set shows as both. */
struct value *decode_statx_flags(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	uint32_t flags = (uint32_t)raw;
	struct value *v = value_flags(ctx->arena, a->name,
				      flags & ~AT_STATX_SYNC_TYPE,
				      &xlat_at_flags);
	const struct xlat_entry *e;

	v->raw = flags;
	if (!(flags & AT_STATX_SYNC_TYPE)) {
		value_flags_prepend(ctx->arena, v, "AT_STATX_SYNC_AS_STAT");
		return v;
	}
	/* prepended last to first, so that they print in list order */
	for (unsigned i = xlat_statx_sync.n; i-- > 0;) {
		e = &xlat_statx_sync.e[i];
		if (e->value && (flags & e->value) == e->value)
			value_flags_prepend(ctx->arena, v, e->name);
	}
	return v;
}

struct value *decode_open_mode(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	uint64_t flags = decode_param(ctx, a);	/* open_mode(flags) */

	/* the mode only matters, and is only shown, when a file is created */
	if (!(flags & (O_CREAT | 020000000)))
		return NULL;
	return value_new(ctx->arena, V_OCTAL, a->name, raw & 0177777);
}

struct value *mode_value(struct decode_ctx *ctx, const char *name,
			 uint64_t mode, bool with_type)
{
	struct value *v = value_flags(ctx->arena, name, mode & 07000,
				      &xlat_mode_bits);
	const char *type;

	v->raw = mode;
	v->u.flags.rest = mode & 0777;
	v->u.flags.rest_octal = true;
	if (with_type) {
		type = xlat_name(&xlat_file_type, mode & S_IFMT);
		/* no known type: the whole mode in octal */
		if (!type)
			return value_new(ctx->arena, V_OCTAL, name,
					 mode & 0177777);
		value_flags_prepend(ctx->arena, v, type);
	}
	/* S_IFREG|0644 prints the permissions even when they are 0; the
	 * names array may be full, so the list is copied one longer */
	if (v->u.flags.count && v->u.flags.rest == 0) {
		const char **names = arena_alloc(ctx->arena,
			(v->u.flags.count + 1) * sizeof(char *));

		memcpy(names, v->u.flags.names,
		       v->u.flags.count * sizeof(char *));
		names[v->u.flags.count++] = "000";
		v->u.flags.names = names;
	}
	return v;
}

struct value *decode_mode(struct decode_ctx *ctx, const struct arg_desc *a,
			  uint64_t raw)
{
	/* chmod, mkdir, creat: plain octal, as strace prints them */
	return value_new(ctx->arena, V_OCTAL, a->name, raw & 0177777);
}

struct value *dev_value(struct decode_ctx *ctx, const char *name,
			uint64_t dev)
{
	return value_symbol(ctx->arena, name, dev, V_HEX,
			    arena_printf(ctx->arena, "makedev(%#x, %#x)",
					 major(dev), minor(dev)));
}

static void add_stat_time(struct decode_ctx *ctx, struct value *v,
			  const char *name, const char *nsec_name,
			  int64_t sec, int64_t nsec)
{
	struct value *t = value_int(ctx->arena, name, sec);

	add_date(ctx, t, sec, nsec);
	value_add(v, t);
	value_add(v, value_int(ctx->arena, nsec_name, nsec));
}

struct value *decode_stat_out(struct decode_ctx *ctx,
			      const struct arg_desc *a, uint64_t raw)
{
	struct stat st;
	struct arena *ar = ctx->arena;
	struct value *v;

	if (tracee_read(ctx->mem, raw, &st, sizeof(st)) != 0)
		return value_unavailable(ctx, a->name, raw);
	v = value_struct(ar, a->name, raw);
	if (ctx->opts->verbose) {
		value_add(v, dev_value(ctx, "st_dev", st.st_dev));
		value_add(v, value_uint(ar, "st_ino", st.st_ino));
	}
	value_add(v, mode_value(ctx, "st_mode", st.st_mode, true));
	if (ctx->opts->verbose) {
		value_add(v, value_uint(ar, "st_nlink", st.st_nlink));
		value_add(v, value_uint(ar, "st_uid", st.st_uid));
		value_add(v, value_uint(ar, "st_gid", st.st_gid));
		value_add(v, value_uint(ar, "st_blksize", (uint64_t)st.st_blksize));
		value_add(v, value_uint(ar, "st_blocks", (uint64_t)st.st_blocks));
	}
	if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
		value_add(v, dev_value(ctx, "st_rdev", st.st_rdev));
	else
		value_add(v, value_uint(ar, "st_size", (uint64_t)st.st_size));
	if (!ctx->opts->verbose) {
		v->u.kids.elided = true;
		return v;
	}
	add_stat_time(ctx, v, "st_atime", "st_atime_nsec", st.st_atim.tv_sec,
		      st.st_atim.tv_nsec);
	add_stat_time(ctx, v, "st_mtime", "st_mtime_nsec", st.st_mtim.tv_sec,
		      st.st_mtim.tv_nsec);
	add_stat_time(ctx, v, "st_ctime", "st_ctime_nsec", st.st_ctim.tv_sec,
		      st.st_ctim.tv_nsec);
	return v;
}

static struct value *statx_time(struct decode_ctx *ctx, const char *name,
				const struct statx_timestamp *t)
{
	struct value *v = value_struct(ctx->arena, name, 0);

	value_add(v, value_int(ctx->arena, "tv_sec", t->tv_sec));
	value_add(v, value_uint(ctx->arena, "tv_nsec", t->tv_nsec));
	if (t->tv_sec || t->tv_nsec)
		add_date(ctx, v, t->tv_sec, t->tv_nsec);
	return v;
}

struct value *decode_statx_out(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	struct statx stx;
	struct arena *ar = ctx->arena;
	struct value *v;
	bool verbose = ctx->opts->verbose;

	if (tracee_read(ctx->mem, raw, &stx, sizeof(stx)) != 0)
		return value_unavailable(ctx, a->name, raw);
	v = value_struct(ar, a->name, raw);
	value_add(v, value_flags(ar, "stx_mask", stx.stx_mask,
				 &xlat_statx_mask));
	if (verbose)
		value_add(v, value_uint(ar, "stx_blksize", stx.stx_blksize));
	value_add(v, value_flags(ar, "stx_attributes", stx.stx_attributes,
				 &xlat_statx_attrs));
	if (verbose) {
		value_add(v, value_uint(ar, "stx_nlink", stx.stx_nlink));
		value_add(v, value_uint(ar, "stx_uid", stx.stx_uid));
		value_add(v, value_uint(ar, "stx_gid", stx.stx_gid));
	}
	value_add(v, mode_value(ctx, "stx_mode", stx.stx_mode, true));
	if (verbose)
		value_add(v, value_uint(ar, "stx_ino", stx.stx_ino));
	if (!verbose && (S_ISCHR(stx.stx_mode) || S_ISBLK(stx.stx_mode)))
		value_add(v, dev_value(ctx, "stx_rdev",
				       makedev(stx.stx_rdev_major,
					       stx.stx_rdev_minor)));
	else
		value_add(v, value_uint(ar, "stx_size", stx.stx_size));
	if (!verbose) {
		v->u.kids.elided = true;
		return v;
	}
	value_add(v, value_uint(ar, "stx_blocks", stx.stx_blocks));
	value_add(v, value_flags(ar, "stx_attributes_mask",
				 stx.stx_attributes_mask, &xlat_statx_attrs));
	/* a time shows only when the mask says the kernel filled it */
	if (stx.stx_mask & STATX_ATIME)
		value_add(v, statx_time(ctx, "stx_atime", &stx.stx_atime));
	if (stx.stx_mask & STATX_BTIME)
		value_add(v, statx_time(ctx, "stx_btime", &stx.stx_btime));
	if (stx.stx_mask & STATX_CTIME)
		value_add(v, statx_time(ctx, "stx_ctime", &stx.stx_ctime));
	if (stx.stx_mask & STATX_MTIME)
		value_add(v, statx_time(ctx, "stx_mtime", &stx.stx_mtime));
	value_add(v, value_uint(ar, "stx_rdev_major", stx.stx_rdev_major));
	value_add(v, value_uint(ar, "stx_rdev_minor", stx.stx_rdev_minor));
	value_add(v, value_uint(ar, "stx_dev_major", stx.stx_dev_major));
	value_add(v, value_uint(ar, "stx_dev_minor", stx.stx_dev_minor));
	if (stx.stx_mask & STATX_MNT_ID)
		value_add(v, value_hex(ar, "stx_mnt_id", stx.stx_mnt_id));
	return v;
}

/* The layout of struct linux_dirent64 up to its name. */
struct dirent64_head {
	uint64_t d_ino;
	int64_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;
};

#define DIRENTS_MAX_READ (1u << 20)
/* The bytes of an entry before its name. */
#define DIRENT64_HEAD (offsetof(struct dirent64_head, d_type) + 1)

/* getdents(2)'s struct linux_dirent, with -v: d_ino, d_off, d_reclen,
 * the name from byte 18, the type in the record's last byte. */
#define OLD_DIRENT_NAME 18

static struct value *old_dirents_value(struct decode_ctx *ctx,
				       const char *name, uint64_t raw,
				       uint64_t len)
{
	struct arena *ar = ctx->arena;
	char *buf = arena_alloc(ar, len + 1);
	struct value *v;

	if (len && tracee_read(ctx->mem, raw, buf, len) != 0)
		return value_unavailable(ctx, name, raw);
	v = value_array(ar, name, raw);
	for (uint64_t off = 0; off + OLD_DIRENT_NAME <= len;) {
		struct { uint64_t ino, off; uint16_t reclen; } d;
		struct value *e;

		memcpy(&d, buf + off, OLD_DIRENT_NAME);
		if (d.reclen <= OLD_DIRENT_NAME || off + d.reclen > len)
			break;
		if (!decode_spend(ctx, 64)) {
			v->u.kids.elided = true;
			break;
		}
		e = value_struct(ar, NULL, raw + off);
		value_add(e, value_uint(ar, "d_ino", d.ino));
		value_add(e, value_uint(ar, "d_off", d.off));
		value_add(e, value_uint(ar, "d_reclen", d.reclen));
		value_add(e, value_string(ar, "d_name", 0,
			buf + off + OLD_DIRENT_NAME,
			strnlen(buf + off + OLD_DIRENT_NAME,
				d.reclen - OLD_DIRENT_NAME - 1), false));
		value_add(e, value_enum(ar, "d_type",
					(uint8_t)buf[off + d.reclen - 1],
					&xlat_dirent_type, V_UINT));
		value_add(v, e);
		off += d.reclen;
	}
	return v;
}

struct value *decode_dirents_out(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	uint64_t len = (uint64_t)ctx->sc->rval;
	unsigned count = 0;
	char *buf;
	struct value *v = value_ptr(ctx->arena, a->name, raw);

	if (len > DIRENTS_MAX_READ)
		len = DIRENTS_MAX_READ;
	if (ctx->opts->verbose && a->type == ARG_DIRENTS_OUT)
		return old_dirents_value(ctx, a->name, raw, len);

	if (len > DIRENTS_MAX_READ)
		len = DIRENTS_MAX_READ;
	buf = arena_alloc_bytes(ctx->arena, len + 1);
	if (len && tracee_read(ctx->mem, raw, buf, len) != 0)
		return v;
	buf[len] = 0;
	for (uint64_t off = 0; off + DIRENT64_HEAD <= len;) {
		struct dirent64_head d;

		/* records of a garbage buffer need not be aligned */
		memcpy(&d, buf + off, DIRENT64_HEAD);
		if (d.d_reclen == 0)
			break;
		count++;
		off += d.d_reclen;
	}
	v->comment = arena_printf(ctx->arena, "%u entr%s", count,
				  count == 1 ? "y" : "ies");
	return v;
}

static struct value *flock_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr, bool with_pid)
{
	struct flock fl;
	struct arena *ar = ctx->arena;
	struct value *v;

	if (tracee_read(ctx->mem, addr, &fl, sizeof(fl)) != 0)
		return value_unavailable(ctx, name, addr);
	v = value_struct(ar, name, addr);
	value_add(v, value_enum(ar, "l_type", (uint16_t)fl.l_type,
				&xlat_flock_type, V_INT));
	value_add(v, value_enum(ar, "l_whence", (uint16_t)fl.l_whence,
				&xlat_seek_whence, V_INT));
	value_add(v, value_int(ar, "l_start", fl.l_start));
	value_add(v, value_int(ar, "l_len", fl.l_len));
	if (with_pid)
		value_add(v, value_pid(ar, "l_pid", fl.l_pid, PID_TGID));
	return v;
}

static struct value *owner_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr)
{
	struct f_owner_ex o;
	struct value *v;

	if (tracee_read(ctx->mem, addr, &o, sizeof(o)) != 0)
		return value_unavailable(ctx, name, addr);
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_enum(ctx->arena, "type", (uint32_t)o.type,
				&xlat_f_owner_type, V_INT));
	/* F_OWNER_TID, F_OWNER_PID, F_OWNER_PGRP */
	if (o.type >= F_OWNER_TID && o.type <= F_OWNER_PGRP)
		value_add(v, value_pid(ctx->arena, "pid", o.pid,
				       o.type == F_OWNER_TID ? PID_TID :
				       o.type == F_OWNER_PID ? PID_TGID :
							       PID_PGID));
	else
		value_add(v, value_int(ctx->arena, "pid", o.pid));
	return v;
}

/* fcntl's third argument, by command (PHASE_BOTH: F_GETLK and
 * F_GETOWN_EX fill theirs in). */
struct value *decode_fcntl_arg(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	struct arena *ar = ctx->arena;
	int cmd = (int)decode_param(ctx, a);	/* fcntl_arg(cmd) */

	if (ctx->at_exit) {
		switch (cmd) {
		case F_GETLK:
		case F_OFD_GETLK:
			return flock_value(ctx, a->name, raw, true);
		case F_GETOWN_EX:
			return owner_value(ctx, a->name, raw);
		default:
			return decode_entry_value(ctx);
		}
	}
	switch (cmd) {
	case F_SETFD:
		return value_flags(ar, a->name, raw, &xlat_fd_flags);
	case F_SETFL:
		return decode_open_flags(ctx, a, raw);
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		return flock_value(ctx, a->name, raw, false);
	case F_SETOWN_EX:
		return owner_value(ctx, a->name, raw);
	case F_SETSIG:
		return signal_value(ctx, a->name, (int)raw);
	case F_SETLEASE:
		return value_enum(ar, a->name, (uint32_t)raw,
				  &xlat_flock_type, V_INT);
	case F_NOTIFY:
		return value_flags(ar, a->name, (uint32_t)raw,
				   &xlat_dnotify_flags);
	case F_ADD_SEALS:
		return value_flags(ar, a->name, (uint32_t)raw,
				   &xlat_fcntl_seals);
	case F_SETOWN:	/* a process, or -PGID */
		return decode_pid_or_pgid(ctx, a, raw);
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
	case F_SETPIPE_SZ:
		return value_int(ar, a->name, (int32_t)raw);
	case F_GETFD:
	case F_GETFL:
	case F_GETOWN:
	case F_GETSIG:
	case F_GETLEASE:
	case F_GETPIPE_SZ:
	case F_GET_SEALS:
		/* no third argument: the line ends after the command */
		decode_end_args(ctx, 2);
		return NULL;
	default:
		return value_ptr(ar, a->name, raw);
	}
}

/* "0x8002 (flags O_RDWR|O_LARGEFILE)": the result in hex, named after. */
static struct value *named_result(struct decode_ctx *ctx, const char *name,
				  uint64_t raw, const char *what,
				  struct value *named)
{
	struct value *note = value_struct(ctx->arena, NULL, 0);

	named->name = what;
	value_add(note, named);
	ctx->sc->ret_note = note;
	return value_hex(ctx->arena, name, raw);
}

struct value *decode_fcntl_ret(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	struct arena *ar = ctx->arena;

	switch ((int)decode_param(ctx, a)) {	/* fcntl_ret(cmd) */
	case F_GETFD:
		if (raw == 0)
			break;
		return named_result(ctx, a->name, raw, "flags",
				    value_flags(ar, NULL, raw, &xlat_fd_flags));
	case F_GETFL:
		return named_result(ctx, a->name, raw, "flags",
				    decode_open_flags(ctx, a, raw));
	case F_GET_SEALS:
		if (raw == 0)
			break;
		return named_result(ctx, a->name, raw, "seals",
				    value_flags(ar, NULL, raw,
						&xlat_fcntl_seals));
	case F_GETLEASE:
		ctx->sc->ret_note = value_enum(ar, NULL, raw, &xlat_flock_type,
					       V_INT);
		return value_hex(ar, a->name, raw);
	case F_GETSIG:
		if (raw == 0)
			break;
		ctx->sc->ret_note = signal_value(ctx, NULL, (int)raw);
		break;
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		return decode_fd(ctx, a, raw);
	case F_GETOWN:
		return decode_pid_or_pgid(ctx, a, raw);
	default:
		break;
	}
	return value_int(ar, a->name, (int64_t)raw);
}


struct value *decode_pipefds_out(struct decode_ctx *ctx,
				 const struct arg_desc *a, uint64_t raw)
{
	int32_t fds[2];
	struct value *v;
	struct arg_desc fd = { NULL, ARG_FD, PARAM_NONE, NULL };

	if (tracee_read(ctx->mem, raw, fds, sizeof(fds)) != 0)
		return value_unavailable(ctx, a->name, raw);
	v = value_array(ctx->arena, a->name, raw);
	value_add(v, decode_fd(ctx, &fd, (uint32_t)fds[0]));
	value_add(v, decode_fd(ctx, &fd, (uint32_t)fds[1]));
	return v;
}

/* --- getdents64 entries (with -v), statfs, openat2, mknod */

struct value *decode_dirents64_out(struct decode_ctx *ctx,
				   const struct arg_desc *a, uint64_t raw)
{
	uint64_t len = (uint64_t)ctx->sc->rval;
	struct arena *ar = ctx->arena;
	char *buf;
	struct value *v;

	if (!ctx->opts->verbose)
		return decode_dirents_out(ctx, a, raw);
	if (len > DIRENTS_MAX_READ)
		len = DIRENTS_MAX_READ;
	buf = arena_alloc(ar, len + 1);
	if (len && tracee_read(ctx->mem, raw, buf, len) != 0)
		return value_unavailable(ctx, a->name, raw);
	v = value_array(ar, a->name, raw);
	for (uint64_t off = 0; off + DIRENT64_HEAD <= len;) {
		struct dirent64_head d;
		struct value *e;
		size_t name_max;

		memcpy(&d, buf + off, DIRENT64_HEAD);
		if (d.d_reclen < DIRENT64_HEAD || off + d.d_reclen > len)
			break;
		/* with -v strace lists every entry: only the budget cuts */
		if (!decode_spend(ctx, 64)) {
			v->u.kids.elided = true;
			break;
		}
		e = value_struct(ar, NULL, raw + off);
		value_add(e, value_uint(ar, "d_ino", d.d_ino));
		value_add(e, value_uint(ar, "d_off", (uint64_t)d.d_off));
		value_add(e, value_uint(ar, "d_reclen", d.d_reclen));
		value_add(e, value_enum(ar, "d_type", d.d_type,
					&xlat_dirent_type, V_UINT));
		name_max = d.d_reclen - DIRENT64_HEAD;
		value_add(e, value_string(ar, "d_name", 0,
			buf + off + offsetof(struct dirent64_head, d_type) + 1,
			strnlen(buf + off + offsetof(struct dirent64_head,
						     d_type) + 1, name_max),
			false));
		value_add(v, e);
		off += d.d_reclen;
	}
	return v;
}

struct value *decode_statfs_out(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	struct statfs sf;
	struct arena *ar = ctx->arena;
	struct value *v, *fsid, *val;
	const char *type;
	int fsid_words[2];

	if (tracee_read(ctx->mem, raw, &sf, sizeof(sf)) != 0)
		return value_unavailable(ctx, a->name, raw);
	v = value_struct(ar, a->name, raw);
	type = xlat_name(&xlat_statfs_magic, (uint64_t)sf.f_type);
	value_add(v, type ? value_symbol(ar, "f_type", (uint64_t)sf.f_type,
					 V_HEX, type) :
		  value_hex(ar, "f_type", (uint64_t)sf.f_type));
	value_add(v, value_uint(ar, "f_bsize", (uint64_t)sf.f_bsize));
	value_add(v, value_uint(ar, "f_blocks", sf.f_blocks));
	value_add(v, value_uint(ar, "f_bfree", sf.f_bfree));
	value_add(v, value_uint(ar, "f_bavail", sf.f_bavail));
	value_add(v, value_uint(ar, "f_files", sf.f_files));
	value_add(v, value_uint(ar, "f_ffree", sf.f_ffree));
	memcpy(fsid_words, &sf.f_fsid, sizeof(fsid_words));
	fsid = value_struct(ar, "f_fsid", 0);
	val = value_array(ar, "val", 0);
	value_add(val, value_hex(ar, NULL, (uint32_t)fsid_words[0]));
	value_add(val, value_hex(ar, NULL, (uint32_t)fsid_words[1]));
	value_add(fsid, val);
	value_add(v, fsid);
	value_add(v, value_uint(ar, "f_namelen", (uint64_t)sf.f_namelen));
	value_add(v, value_uint(ar, "f_frsize", (uint64_t)sf.f_frsize));
	value_add(v, value_flags(ar, "f_flags", (uint64_t)sf.f_flags,
				 &xlat_statfs_flags));
	return v;
}

struct value *decode_open_how(struct decode_ctx *ctx, const struct arg_desc *a,
			      uint64_t raw)
{
	uint64_t how[3];
	uint64_t size = decode_param(ctx, a);	/* open_how(size) */
	struct arena *ar = ctx->arena;
	struct value *v, *f;

	if (size < sizeof(how))
		return value_ptr(ar, a->name, raw);
	if (!decode_read(ctx, a->name, raw, how, sizeof(how), &v))
		return v;
	v = value_struct(ar, a->name, raw);
	/* 64 bits here, unlike open's flags */
	f = value_field_flags(ar, "flags", how[0], O_ACCMODE,
			      &xlat_open_access, &xlat_open_flags);
	value_add(v, f);
	if (how[1] || (how[0] & (O_CREAT | 020000000)))
		value_add(v, how[1] ? value_new(ar, V_OCTAL, "mode", how[1]) :
			  value_expr(ar, "mode", 0, "000"));
	f = value_flags(ar, "resolve", how[2], &xlat_resolve_flags);
	if (!f->u.flags.count && f->u.flags.rest)
		set_unknown_comment(ctx, f, &xlat_resolve_flags);
	value_add(v, f);
	add_struct_tail(ctx, v, raw, sizeof(how), size);
	return v;
}

struct value *decode_mknod_mode(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	return mode_value(ctx, a->name, (uint32_t)raw, true);
}

struct value *decode_mknod_dev(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	uint64_t mode = decode_param(ctx, a);	/* mknod_dev(mode) */

	if (!S_ISCHR(mode) && !S_ISBLK(mode))
		return NULL;
	return dev_value(ctx, a->name, (uint32_t)raw);	/* unsigned int */
}


/* fanotify_init's flags: a notification class, then single flags. */
struct value *decode_fan_init_flags(struct decode_ctx *ctx,
				    const struct arg_desc *a, uint64_t raw)
{
	uint32_t class = (uint32_t)raw & 0xc;
	struct value *v = value_flags(ctx->arena, a->name,
				      (uint32_t)raw & ~0xcu,
				      &xlat_fan_init_flags);
	const char *sym = xlat_name(&xlat_fan_class, class);

	if (v->u.flags.count == 0 && v->u.flags.rest)
		set_unknown_comment(ctx, v, &xlat_fan_init_flags);
	v->raw = (uint32_t)raw;
	value_flags_prepend(ctx->arena, v, sym ? sym :
			    arena_printf(ctx->arena, "%#x /* %s */", class,
					 unknown_comment(ctx, &xlat_fan_class)));
	return v;
}

struct value *decode_fan_dirfd(struct decode_ctx *ctx,
			       const struct arg_desc *a, uint64_t raw)
{
	struct value *v = decode_atfd(ctx, a, raw);

	if ((int32_t)raw == -1) {
		v->u.fd.sym = "FAN_NOFD";
		v->u.fd.path = NULL;
	}
	return v;
}

struct value *decode_dev(struct decode_ctx *ctx, const struct arg_desc *a,
			 uint64_t raw)
{
	return dev_value(ctx, a->name, (uint32_t)raw);	/* unsigned int */
}
