/* System V IPC: shmget's flags with the huge page size, the *ctl
 * commands (IPC_64 and the command) and the structures their last
 * argument points to, as the command's line in tables/consts/shm_cmd,
 * sem_cmd and msg_cmd.list names them; semop's array of struct sembuf. */
#include <stdint.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#include "consts.h"
#include "decoders.h"

#define IPC_64_FLAG 0x100
#define HUGE_SHIFT 26		/* SHM_HUGE_SHIFT, as linux/shm.h has it */
#define HUGE_MASK (0x3fu << HUGE_SHIFT)

struct value *decode_shmget_flags(struct decode_ctx *ctx,
				  const struct arg_desc *a, uint64_t raw)
{
	uint32_t flags = (uint32_t)raw;
	struct value *v = value_flags(ctx->arena, a->name,
				      flags & ~0777u & ~HUGE_MASK,
				      &xlat_shm_get_flags);

	v->raw = flags;
	v->u.flags.mode_mask = 0777;
	v->u.flags.field_mask = HUGE_MASK;
	v->u.flags.field_shift = HUGE_SHIFT;
	v->u.flags.field_name = "SHM_HUGE_SHIFT";
	return v;
}

/* IPC_STAT, or IPC_64|IPC_STAT where the C library asks for the 64-bit
 * structures (the only ones a 64-bit kernel has) */
struct value *decode_ipc_cmd(struct decode_ctx *ctx, const struct arg_desc *a,
			     uint64_t raw)
{
	uint32_t cmd = (uint32_t)raw;
	struct value *v = decode_enum(ctx, a, cmd & ~IPC_64_FLAG);
	struct value *f;

	v->raw = cmd;
	if (!(cmd & IPC_64_FLAG) || !v->u.en.sym)
		return v;
	f = value_flags(ctx->arena, a->name, IPC_64_FLAG, &xlat_ipc_version);
	f->raw = cmd;
	value_flags_append(ctx->arena, f, v->u.en.sym);
	return f;
}

/* {uid=0, gid=0, mode=0600[, key=0, cuid=0, cgid=0]}: all of it as the
 * kernel reports it, what IPC_SET sets otherwise */
static struct value *perm_value(struct decode_ctx *ctx, const char *name,
				const struct ipc_perm *p, bool out)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, name, 0);

	value_add(v, value_uint(ar, "uid", p->uid));
	value_add(v, value_uint(ar, "gid", p->gid));
	value_add(v, value_new(ar, V_OCTAL, "mode", p->mode));
	if (!out)
		return v;
	value_add(v, value_uint(ar, "key", (uint32_t)p->__key));
	value_add(v, value_uint(ar, "cuid", p->cuid));
	value_add(v, value_uint(ar, "cgid", p->cgid));
	return v;
}

#define ADD_U(s, f) value_add(v, value_uint(ctx->arena, #f, (s).f))
#define ADD_D(s, f) value_add(v, value_int(ctx->arena, #f, (s).f))

/* A structure of the type T at addr into s; returns v or NULL */
#define READ(T, s) \
	T s; \
	struct value *v; \
	if (!decode_read(ctx, name, addr, &s, sizeof(s), &v)) \
		return v; \
	v = value_struct(ctx->arena, name, addr)

static struct value *shmid_ds(struct decode_ctx *ctx, const char *name,
			      uint64_t addr, bool out)
{
	READ(struct shmid_ds, d);
	value_add(v, perm_value(ctx, "shm_perm", &d.shm_perm, out));
	if (!out)
		return v;
	ADD_U(d, shm_segsz);
	ADD_D(d, shm_cpid);
	ADD_D(d, shm_lpid);
	ADD_U(d, shm_nattch);
	ADD_U(d, shm_atime);
	ADD_U(d, shm_dtime);
	ADD_U(d, shm_ctime);
	return v;
}

static struct value *shminfo(struct decode_ctx *ctx, const char *name,
			     uint64_t addr, bool out)
{
	READ(struct shminfo, d);
	ADD_U(d, shmmax);
	ADD_U(d, shmmin);
	ADD_U(d, shmmni);
	ADD_U(d, shmseg);
	ADD_U(d, shmall);
	return v;
}

static struct value *shm_info(struct decode_ctx *ctx, const char *name,
			      uint64_t addr, bool out)
{
	READ(struct shm_info, d);
	ADD_D(d, used_ids);
	ADD_U(d, shm_tot);
	ADD_U(d, shm_rss);
	ADD_U(d, shm_swp);
	ADD_U(d, swap_attempts);
	ADD_U(d, swap_successes);
	return v;
}

static struct value *semid_ds(struct decode_ctx *ctx, const char *name,
			      uint64_t addr, bool out)
{
	READ(struct semid_ds, d);
	value_add(v, perm_value(ctx, "sem_perm", &d.sem_perm, out));
	if (!out)
		return v;
	ADD_U(d, sem_otime);
	ADD_U(d, sem_ctime);
	ADD_U(d, sem_nsems);
	return v;
}

static struct value *seminfo(struct decode_ctx *ctx, const char *name,
			     uint64_t addr, bool out)
{
	READ(struct seminfo, d);
	ADD_D(d, semmap);
	ADD_D(d, semmni);
	ADD_D(d, semmns);
	ADD_D(d, semmnu);
	ADD_D(d, semmsl);
	ADD_D(d, semopm);
	ADD_D(d, semume);
	ADD_D(d, semusz);
	ADD_D(d, semvmx);
	ADD_D(d, semaem);
	return v;
}

static struct value *msqid_ds(struct decode_ctx *ctx, const char *name,
			      uint64_t addr, bool out)
{
	READ(struct msqid_ds, d);
	value_add(v, perm_value(ctx, "msg_perm", &d.msg_perm, out));
	if (out) {
		ADD_U(d, msg_stime);
		ADD_U(d, msg_rtime);
		ADD_U(d, msg_ctime);
		ADD_U(d, msg_qnum);
	}
	ADD_U(d, msg_qbytes);
	if (out) {
		ADD_D(d, msg_lspid);
		ADD_D(d, msg_lrpid);
	}
	return v;
}

static struct value *msginfo(struct decode_ctx *ctx, const char *name,
			     uint64_t addr, bool out)
{
	READ(struct msginfo, d);
	ADD_D(d, msgpool);
	ADD_D(d, msgmap);
	ADD_D(d, msgmax);
	ADD_D(d, msgmnb);
	ADD_D(d, msgmni);
	ADD_D(d, msgssz);
	ADD_D(d, msgtql);
	ADD_U(d, msgseg);
	return v;
}

typedef struct value *(*layout_fn)(struct decode_ctx *ctx, const char *name,
				   uint64_t addr, bool out);

/* One family's layouts, by the word of its command list */
struct ipc_layouts {
	const struct xlat *cmds;
	layout_fn ds, info, shm_info;
};

static struct value *ctl_buf(struct decode_ctx *ctx, const struct arg_desc *a,
			     uint64_t raw, const struct ipc_layouts *l)
{
	uint32_t cmd = (uint32_t)decode_param(ctx, a) & ~IPC_64_FLAG;
	const struct xlat_entry *e = xlat_find(l->cmds, cmd);
	const char *word = e && e->msg ? e->msg : "";
	size_t n = strlen(word);
	bool out = n > 4 && !strcmp(word + n - 4, "_out");
	layout_fn fn = NULL;

	if (!strncmp(word, "ds_", 3))
		fn = l->ds;
	else if (!strncmp(word, "info_", 5))
		fn = l->info;
	else if (!strncmp(word, "shm_info_", 9))
		fn = l->shm_info;
	if (fn && out == ctx->at_exit)
		return fn(ctx, a->name, raw, out);
	if (ctx->at_exit)
		return decode_entry_value(ctx);
	return value_ptr(ctx->arena, a->name, raw);
}

struct value *decode_shmctl_buf(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	static const struct ipc_layouts l = {
		&xlat_shm_cmd, shmid_ds, shminfo, shm_info
	};

	return ctl_buf(ctx, a, raw, &l);
}

struct value *decode_semctl_arg(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	static const struct ipc_layouts l = {
		&xlat_sem_cmd, semid_ds, seminfo, NULL
	};

	return ctl_buf(ctx, a, raw, &l);
}

struct value *decode_msgctl_buf(struct decode_ctx *ctx,
				const struct arg_desc *a, uint64_t raw)
{
	static const struct ipc_layouts l = {
		&xlat_msg_cmd, msqid_ds, msginfo, NULL
	};

	return ctl_buf(ctx, a, raw, &l);
}

/* [{sem_num=0, sem_op=-1, sem_flg=SEM_UNDO}, ...]: nsops elements */
struct value *decode_sembufs(struct decode_ctx *ctx, const struct arg_desc *a,
			     uint64_t raw)
{
	uint64_t count = decode_param(ctx, a) & UINT32_MAX;
	struct sembuf b;
	struct value *v;

	if (raw && !count)
		return value_array(ctx->arena, a->name, raw);
	if (!raw || tracee_read(ctx->mem, raw, &b, sizeof(b)))
		return value_ptr(ctx->arena, a->name, raw);
	v = value_array(ctx->arena, a->name, raw);
	for (uint64_t i = 0; i < count; i++) {
		uint64_t at = raw + i * sizeof(b);
		struct value *e;

		if (i && tracee_read(ctx->mem, at, &b, sizeof(b))) {
			v->u.kids.elided = true;
			v->u.kids.unread_at = at;
			break;
		}
		if (decode_array_full(ctx, i)) {
			v->u.kids.elided = true;
			break;
		}
		e = value_struct(ctx->arena, NULL, at);
		value_add(e, value_uint(ctx->arena, "sem_num", b.sem_num));
		value_add(e, value_int(ctx->arena, "sem_op", b.sem_op));
		value_add(e, value_flags(ctx->arena, "sem_flg",
					 (uint16_t)b.sem_flg,
					 &xlat_semop_flags));
		value_add(v, e);
	}
	return v;
}
