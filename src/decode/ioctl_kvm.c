/* ioctl requests of KVM (linux/kvm.h, type 0xae): the capability asked
 * about, guest memory regions, and on x86 the CPUID entries and the
 * registers a virtual CPU gets and sets. */
#include <linux/ioctl.h>
#include <linux/kvm.h>
#include <stddef.h>
#include <string.h>

#include "consts.h"
#include "ioctl_family.h"

static struct value *memory_region_value(struct decode_ctx *ctx,
					 const char *name, uint64_t addr)
{
	struct kvm_userspace_memory_region r;
	struct arena *ar = ctx->arena;
	struct value *v;

	if (!decode_read(ctx, name, addr, &r, sizeof(r), &v))
		return v;
	v = value_struct(ar, name, addr);
	value_add(v, value_uint(ar, "slot", r.slot));
	value_add(v, ioctl_flags_value(ctx, "flags", r.flags,
				       &xlat_kvm_mem_flags));
	value_add(v, value_hex(ar, "guest_phys_addr", r.guest_phys_addr));
	value_add(v, value_uint(ar, "memory_size", r.memory_size));
	value_add(v, value_hex(ar, "userspace_addr", r.userspace_addr));
	return v;
}

#if defined(__x86_64__)

/* {nent=2, entries=[...]}: every entry with -v, none without */
static struct value *cpuid_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr)
{
	struct arena *ar = ctx->arena;
	struct kvm_cpuid2 head;
	struct value *v, *list;
	uint64_t at = addr + offsetof(struct kvm_cpuid2, entries);

	if (!decode_read(ctx, name, addr, &head, sizeof(head), &v))
		return v;
	v = value_struct(ar, name, addr);
	value_add(v, value_uint(ar, "nent", head.nent));
	list = value_array(ar, "entries", at);
	value_add(v, list);
	if (head.nent && !ctx->opts->verbose) {
		list->u.kids.elided = true;
		return v;
	}
	for (uint32_t i = 0; i < head.nent; i++) {
		struct kvm_cpuid_entry2 e;
		struct value *ev;

		if (!decode_spend(ctx, sizeof(e)) ||
		    tracee_read(ctx->mem, at, &e, sizeof(e)) != 0) {
			list->u.kids.elided = true;
			list->u.kids.unread_at = at;
			break;
		}
		ev = value_struct(ar, NULL, at);
		value_add(ev, value_hex(ar, "function", e.function));
		value_add(ev, value_hex(ar, "index", e.index));
		value_add(ev, ioctl_flags_value(ctx, "flags", e.flags,
						&xlat_kvm_cpuid_flags));
		value_add(ev, value_hex(ar, "eax", e.eax));
		value_add(ev, value_hex(ar, "ebx", e.ebx));
		value_add(ev, value_hex(ar, "ecx", e.ecx));
		value_add(ev, value_hex(ar, "edx", e.edx));
		value_add(list, ev);
		at += sizeof(e);
	}
	return v;
}

static struct value *segment_value(struct decode_ctx *ctx, const char *name,
				   const struct kvm_segment *s)
{
	struct arena *ar = ctx->arena;
	struct value *v = value_struct(ar, name, 0);

	value_add(v, value_hex(ar, "base", s->base));
	value_add(v, value_uint(ar, "limit", s->limit));
	value_add(v, value_uint(ar, "selector", s->selector));
	value_add(v, value_uint(ar, "type", s->type));
	value_add(v, value_uint(ar, "present", s->present));
	value_add(v, value_uint(ar, "dpl", s->dpl));
	value_add(v, value_uint(ar, "db", s->db));
	value_add(v, value_uint(ar, "s", s->s));
	value_add(v, value_uint(ar, "l", s->l));
	value_add(v, value_uint(ar, "g", s->g));
	value_add(v, value_uint(ar, "avl", s->avl));
	return v;
}

static struct value *dtable_value(struct decode_ctx *ctx, const char *name,
				  const struct kvm_dtable *d)
{
	struct value *v = value_struct(ctx->arena, name, 0);

	value_add(v, value_hex(ctx->arena, "base", d->base));
	value_add(v, value_uint(ctx->arena, "limit", d->limit));
	return v;
}

/* the code segment, then with -v every segment, table and register */
static struct value *sregs_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr)
{
	struct arena *ar = ctx->arena;
	struct kvm_sregs s;
	struct value *v, *bitmap;

	if (!decode_read(ctx, name, addr, &s, sizeof(s), &v))
		return v;
	v = value_struct(ar, name, addr);
	value_add(v, segment_value(ctx, "cs", &s.cs));
	if (!ctx->opts->verbose) {
		v->u.kids.elided = true;
		return v;
	}
	value_add(v, segment_value(ctx, "ds", &s.ds));
	value_add(v, segment_value(ctx, "es", &s.es));
	value_add(v, segment_value(ctx, "fs", &s.fs));
	value_add(v, segment_value(ctx, "gs", &s.gs));
	value_add(v, segment_value(ctx, "ss", &s.ss));
	value_add(v, segment_value(ctx, "tr", &s.tr));
	value_add(v, segment_value(ctx, "ldt", &s.ldt));
	value_add(v, dtable_value(ctx, "gdt", &s.gdt));
	value_add(v, dtable_value(ctx, "idt", &s.idt));
	value_add(v, value_uint(ar, "cr0", s.cr0));
	value_add(v, value_uint(ar, "cr2", s.cr2));
	value_add(v, value_uint(ar, "cr3", s.cr3));
	value_add(v, value_uint(ar, "cr4", s.cr4));
	value_add(v, value_uint(ar, "cr8", s.cr8));
	value_add(v, value_uint(ar, "efer", s.efer));
	value_add(v, value_hex(ar, "apic_base", s.apic_base));
	bitmap = value_array(ar, "interrupt_bitmap", 0);
	for (size_t i = 0; i < sizeof(s.interrupt_bitmap) /
			       sizeof(s.interrupt_bitmap[0]); i++)
		value_add(bitmap, value_hex(ar, NULL, s.interrupt_bitmap[i]));
	value_add(v, bitmap);
	return v;
}

/* without -v: rax, the stack and the instruction pointers, the flags */
static struct value *regs_value(struct decode_ctx *ctx, const char *name,
				uint64_t addr)
{
	static const struct {
		const char *name;
		size_t off;
		bool brief;	/* shown without -v */
		bool gap_after;	/* "..." after it without -v */
	} regs[] = {
#define R(n, brief, gap) { #n, offsetof(struct kvm_regs, n), brief, gap }
		R(rax, true, true), R(rbx, false, false),
		R(rcx, false, false), R(rdx, false, false),
		R(rsi, false, false), R(rdi, false, false),
		R(rsp, true, false), R(rbp, true, true), R(r8, false, false),
		R(r9, false, false), R(r10, false, false), R(r11, false, false),
		R(r12, false, false), R(r13, false, false),
		R(r14, false, false), R(r15, false, false),
		R(rip, true, false), R(rflags, true, false),
#undef R
	};
	struct arena *ar = ctx->arena;
	struct kvm_regs r;
	struct value *v;
	bool all = ctx->opts->verbose;

	if (!decode_read(ctx, name, addr, &r, sizeof(r), &v))
		return v;
	v = value_struct(ar, name, addr);
	for (size_t i = 0; i < sizeof(regs) / sizeof(regs[0]); i++) {
		uint64_t x;

		if (!all && !regs[i].brief)
			continue;
		memcpy(&x, (const char *)&r + regs[i].off, sizeof(x));
		value_add(v, value_hex(ar, regs[i].name, x));
		if (!all && regs[i].gap_after)
			value_add(v, value_expr(ar, NULL, 0, "..."));
	}
	return v;
}

/* the x86 requests: NULL for the others */
static struct value *kvm_x86(struct decode_ctx *ctx, const char *name,
			     uint32_t req, uint64_t arg)
{
	struct value *v;

	switch (req) {
	case KVM_GET_SUPPORTED_CPUID:
	case KVM_GET_SREGS:
	case KVM_GET_REGS:
		if (!ioctl_out_ready(ctx, name, arg, &v))
			return v;
		break;
	case KVM_SET_CPUID2:
	case KVM_SET_SREGS:
	case KVM_SET_REGS:
		if (ctx->at_exit)
			return NULL;
		break;
	default:
		return NULL;
	}
	switch (req) {
	case KVM_GET_SUPPORTED_CPUID:
	case KVM_SET_CPUID2:
		return cpuid_value(ctx, name, arg);
	case KVM_GET_SREGS:
	case KVM_SET_SREGS:
		return sregs_value(ctx, name, arg);
	default:
		return regs_value(ctx, name, arg);
	}
}

#else

static struct value *kvm_x86(struct decode_ctx *ctx, const char *name,
			     uint32_t req, uint64_t arg)
{
	return NULL;
}

#endif

struct value *ioctl_kvm(struct decode_ctx *ctx, const char *name,
			uint32_t req, uint64_t arg)
{
	switch (req) {
	case KVM_CHECK_EXTENSION:
		return ctx->at_exit ? NULL :
			ioctl_enum(ctx, name, arg, &xlat_kvm_cap);
	case KVM_SET_USER_MEMORY_REGION:
		return ctx->at_exit ? NULL :
			memory_region_value(ctx, name, arg);
	default:
		return kvm_x86(ctx, name, req, arg);
	}
}
