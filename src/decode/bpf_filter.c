/* Classic BPF programs (struct sock_fprog): a socket filter's or a
 * seccomp filter's instructions, as BPF_STMT(...) and BPF_JUMP(...)
 * under -v; the address of the instructions otherwise. */
#include <inttypes.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include "consts.h"
#include "decoders.h"

/* "|NAME" for the field of code under mask, or "|0x.." unnamed */
static const char *field_text(struct arena *ar, const char *s,
			      const struct xlat *x, unsigned v)
{
	const char *n = xlat_name(x, v);

	return n ? arena_printf(ar, "%s|%s", s, n) :
		   arena_printf(ar, "%s|%#x", s, v);
}

static const char *code_text(struct arena *ar, unsigned code)
{
	unsigned cls = BPF_CLASS(code), rest = 0;
	const char *s = xlat_name(&xlat_bpf_class, cls);

	switch (cls) {
	case BPF_LD:
	case BPF_LDX:
		s = field_text(ar, s, &xlat_bpf_size, BPF_SIZE(code));
		s = field_text(ar, s, &xlat_bpf_mode, BPF_MODE(code));
		break;
	case BPF_ALU:
	case BPF_JMP:
		s = field_text(ar, s, &xlat_bpf_src, BPF_SRC(code));
		s = field_text(ar, s, cls == BPF_ALU ? &xlat_bpf_alu_op :
			       &xlat_bpf_jmp_op, BPF_OP(code));
		break;
	case BPF_RET:
		s = field_text(ar, s, &xlat_bpf_rval, BPF_RVAL(code));
		rest = code & ~0x1fu;
		break;
	case BPF_MISC:
		s = field_text(ar, s, &xlat_bpf_miscop, BPF_MISCOP(code));
		break;
	default:	/* BPF_ST, BPF_STX */
		rest = code & ~0x7u;
		break;
	}
	return rest ? arena_printf(ar, "%s|%#x", s, rest) : s;
}

static const char *hex_text(struct arena *ar, uint32_t v)
{
	return v ? arena_printf(ar, "%#x", v) : "0";
}

/* A seccomp filter's return value: its action and the data below. */
static const char *seccomp_ret_text(struct decode_ctx *ctx, uint32_t k)
{
	struct arena *ar = ctx->arena;
	uint32_t act = k & SECCOMP_RET_ACTION_FULL, data = k & SECCOMP_RET_DATA;
	const char *n = xlat_name(&xlat_seccomp_ret_action, act);
	const char *unk;

	if (n)
		return data ? arena_printf(ar, "%s|%#x", n, data) : n;
	unk = unknown_comment(ctx, &xlat_seccomp_ret_action);
	return unk ? arena_printf(ar, "%s /* %s */", hex_text(ar, k), unk) :
		     hex_text(ar, k);
}

static struct value *insn_value(struct decode_ctx *ctx,
				const struct sock_filter *f, bool seccomp)
{
	struct arena *ar = ctx->arena;
	const char *code = code_text(ar, f->code), *k;

	if (seccomp && BPF_CLASS(f->code) == BPF_RET &&
	    BPF_RVAL(f->code) == BPF_K)
		k = seccomp_ret_text(ctx, f->k);
	else
		k = hex_text(ar, f->k);
	if (BPF_CLASS(f->code) == BPF_JMP && BPF_OP(f->code) != BPF_JA)
		return value_expr(ar, NULL, f->code, arena_printf(ar,
				  "BPF_JUMP(%s, %s, %s, %s)", code, k,
				  hex_text(ar, f->jt), hex_text(ar, f->jf)));
	return value_expr(ar, NULL, f->code,
			  arena_printf(ar, "BPF_STMT(%s, %s)", code, k));
}

/* len instructions at addr, at most BPF_MAXINSNS; "..." and the address
 * of the first that cannot be read */
static struct value *insns_value(struct decode_ctx *ctx, uint64_t addr,
				 unsigned len, bool seccomp)
{
	struct value *v = value_array(ctx->arena, "filter", addr);
	struct sock_filter f;

	for (unsigned i = 0; i < len; i++) {
		if (i == BPF_MAXINSNS || !decode_spend(ctx, sizeof(f))) {
			v->u.kids.elided = true;
			break;
		}
		if (tracee_read(ctx->mem, addr + i * sizeof(f), &f,
				sizeof(f)) != 0) {
			if (i == 0)
				return value_ptr(ctx->arena, "filter", addr);
			v->u.kids.elided = true;
			v->u.kids.unread_at = addr + i * sizeof(f);
			break;
		}
		value_add(v, insn_value(ctx, &f, seccomp));
	}
	return v;
}

static struct value *fprog_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr, bool seccomp)
{
	struct {
		uint16_t len;
		uint64_t filter;
	} prog;
	struct value *v;

	if (!decode_read(ctx, name, addr, &prog, sizeof(prog), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_uint(ctx->arena, "len", prog.len));
	if (ctx->opts->verbose && seccomp && prog.filter)
		value_add(v, insns_value(ctx, prog.filter, prog.len, true));
	else
		value_add(v, value_ptr(ctx->arena, "filter", prog.filter));
	return v;
}

struct value *sock_fprog_value(struct decode_ctx *ctx, const char *name,
			       uint64_t addr)
{
	return fprog_value(ctx, name, addr, false);
}

struct value *seccomp_fprog_value(struct decode_ctx *ctx, const char *name,
				  uint64_t addr)
{
	return fprog_value(ctx, name, addr, true);
}
