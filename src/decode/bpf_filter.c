/* Classic BPF programs (socket and seccomp filters) as strace prints
 * them under -v: each instruction as BPF_STMT(code, k) or BPF_JUMP(code,
 * k, jt, jf), its code as the constants of its class
 * (tables/consts/bpf_*.list), a seccomp filter's return value as its
 * action. */
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdio.h>

#include "consts.h"
#include "decoders.h"

/* Longest program the kernel takes */
#define BPF_MAX_INSNS 4096

static struct value *part(struct decode_ctx *ctx, uint32_t v,
			  const struct xlat *x)
{
	return value_enum(ctx->arena, NULL, v, x, V_HEX);
}

/* The parts of a code, by its class; bits none of them covers follow
 * in hex. */
static struct value *code_value(struct decode_ctx *ctx, uint16_t code)
{
	struct value *v = value_seq(ctx->arena, NULL, "", "|", "");
	uint16_t known = 0x07;

	value_add(v, part(ctx, BPF_CLASS(code), &xlat_bpf_class));
	switch (BPF_CLASS(code)) {
	case BPF_LD:
	case BPF_LDX:
		value_add(v, part(ctx, BPF_SIZE(code), &xlat_bpf_size));
		value_add(v, part(ctx, BPF_MODE(code), &xlat_bpf_mode));
		known |= 0x18 | 0xe0;
		break;
	case BPF_ALU:
	case BPF_JMP:
		value_add(v, part(ctx, BPF_SRC(code), &xlat_bpf_src));
		value_add(v, part(ctx, BPF_OP(code), BPF_CLASS(code) == BPF_ALU ?
				  &xlat_bpf_alu_op : &xlat_bpf_jmp_op));
		known |= 0x08 | 0xf0;
		break;
	case BPF_RET:
		value_add(v, part(ctx, BPF_RVAL(code), &xlat_bpf_rval));
		known |= 0x18;
		break;
	case BPF_MISC:
		value_add(v, part(ctx, BPF_MISCOP(code), &xlat_bpf_miscop));
		known |= 0xf8;
		break;
	}
	if (code & ~known)
		value_add(v, value_hex(ctx->arena, NULL, code & ~known));
	return v;
}

/* A load's offset: past one of the special bases it shows as BASE+N. */
static struct value *k_value(struct decode_ctx *ctx, uint16_t code,
			     uint32_t k)
{
	static const struct {
		uint32_t base;
		const char *name;
	} bases[] = {
		{ (uint32_t)SKF_AD_OFF, "SKF_AD_OFF" },
		{ (uint32_t)SKF_NET_OFF, "SKF_NET_OFF" },
		{ (uint32_t)SKF_LL_OFF, "SKF_LL_OFF" },
	};
	struct arena *ar = ctx->arena;
	uint16_t mode = BPF_MODE(code);
	struct value *v, *off;

	if ((BPF_CLASS(code) != BPF_LD && BPF_CLASS(code) != BPF_LDX) ||
	    (mode != BPF_ABS && mode != BPF_IND))
		return value_hex(ar, NULL, k);
	for (unsigned i = 0; i < sizeof(bases) / sizeof(*bases); i++) {
		if (k < bases[i].base)
			continue;
		v = value_seq(ar, NULL, "", "+", "");
		value_add(v, value_symbol(ar, NULL, bases[i].base, V_HEX,
					  bases[i].name));
		if (i == 0) {
			off = value_enum(ar, NULL, k - bases[i].base,
					 &xlat_skf_ad, V_UINT);
			if (!off->u.en.sym)
				set_unknown_comment(ctx, off, &xlat_skf_ad);
		} else {
			off = value_uint(ar, NULL, k - bases[i].base);
		}
		value_add(v, off);
		return v;
	}
	return value_hex(ar, NULL, k);
}

/* A seccomp filter's return value: its action, and the data below it. */
static struct value *seccomp_ret_value(struct decode_ctx *ctx, uint32_t k)
{
	struct arena *ar = ctx->arena;
	uint32_t act = k & SECCOMP_RET_ACTION_FULL, data = k & SECCOMP_RET_DATA;
	struct value *v = value_enum(ar, NULL, act, &xlat_seccomp_ret_action,
				     V_HEX), *seq;

	if (!v->u.en.sym) {
		v = value_hex(ar, NULL, k);
		set_unknown_comment(ctx, v, &xlat_seccomp_ret_action);
		return v;
	}
	if (!data)
		return v;
	seq = value_seq(ar, NULL, "", "|", "");
	value_add(seq, v);
	value_add(seq, value_hex(ar, NULL, data));
	return seq;
}

static struct value *insn_value(struct decode_ctx *ctx,
				const struct sock_filter *f, bool seccomp)
{
	struct arena *ar = ctx->arena;
	/* an unconditional jump takes k alone */
	bool jump = BPF_CLASS(f->code) == BPF_JMP &&
		    BPF_OP(f->code) != BPF_JA;
	struct value *v = value_seq(ar, NULL, jump ? "BPF_JUMP(" :
				    "BPF_STMT(", ", ", ")");

	value_add(v, code_value(ctx, f->code));
	if (seccomp && BPF_CLASS(f->code) == BPF_RET &&
	    BPF_RVAL(f->code) == BPF_K)
		value_add(v, seccomp_ret_value(ctx, f->k));
	else if (seccomp)
		value_add(v, value_hex(ar, NULL, f->k));
	else
		value_add(v, k_value(ctx, f->code, f->k));
	if (jump) {
		value_add(v, value_hex(ar, NULL, f->jt));
		value_add(v, value_hex(ar, NULL, f->jf));
	}
	return v;
}

static struct value *filter_value(struct decode_ctx *ctx, const char *name,
				  uint64_t addr, uint64_t n, bool seccomp)
{
	struct value *v;

	if (addr == 0)
		return value_ptr(ctx->arena, name, 0);
	v = value_array(ctx->arena, name, addr);
	for (uint64_t i = 0; i < n; i++) {
		struct sock_filter f;

		if (i == BPF_MAX_INSNS || decode_array_full(ctx, i)) {
			v->u.kids.elided = true;
			break;
		}
		if (tracee_read(ctx->mem, addr + i * sizeof(f), &f,
				sizeof(f)) != 0) {
			if (i == 0)
				return value_unavailable(ctx, name, addr);
			v->u.kids.elided = true;
			v->u.kids.unread_at = addr + i * sizeof(f);
			break;
		}
		value_add(v, insn_value(ctx, &f, seccomp));
	}
	return v;
}

struct value *bpf_filter_value(struct decode_ctx *ctx, const char *name,
			       uint64_t addr, uint64_t n)
{
	return filter_value(ctx, name, addr, n, false);
}

static struct value *fprog_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr, bool seccomp)
{
	struct sock_fprog prog;
	struct value *v;

	if (!decode_read(ctx, name, addr, &prog, sizeof(prog), &v))
		return v;
	v = value_struct(ctx->arena, name, addr);
	value_add(v, value_uint(ctx->arena, "len", prog.len));
	/* strace reads the instructions under -v only */
	value_add(v, ctx->opts->verbose ?
		  filter_value(ctx, "filter", (uint64_t)(uintptr_t)
			       prog.filter, prog.len, seccomp) :
		  value_ptr(ctx->arena, "filter",
			    (uint64_t)(uintptr_t)prog.filter));
	return v;
}

struct value *socket_fprog_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr)
{
	return fprog_value(ctx, name, addr, false);
}

struct value *seccomp_fprog_value(struct decode_ctx *ctx, const char *name,
				  uint64_t addr)
{
	return fprog_value(ctx, name, addr, true);
}
