/* The kernel half of the eBPF event source: selects the traced processes
 * and syscalls, copies argument memory as the capture plan says and writes
 * records into one ring buffer. It decodes nothing. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "bpf_record.h"

/* Raw tracepoints, and kernel fields read at offsets user space found in
 * the kernel's BTF (struct mt_offsets): no tp_btf program and no CO-RE
 * relocation, so libbpf never parses the kernel's whole BTF. No field of
 * a kernel struct is touched here directly. */

char LICENSE[] SEC("license") = "GPL";

/* set by user space before load */
const volatile bool follow_forks;
const volatile struct mt_offsets koff;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8192);
	/* changed at fork and exit only: not worth allocating up front */
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, __u32);		/* tgid */
	__type(value, __u8);
} traced SEC(".maps");

/* -e trace= (bit nr % 64 of word nr / 64) and the capture plans: set by
 * user space before load, in the object's read-only data, so that they
 * cost no map update and one lookup-free read per call */
const volatile __u64 selected[MT_MAX_NR / 64];
const volatile struct mt_plan plans[MT_MAX_NR];
/* the phases (PH_*) in which plans[nr] copies anything: most calls copy
 * nothing, and skip the walk over their arguments */
const volatile __u8 plan_phases[MT_MAX_NR];

/* a call between its entry and its exit, per thread: in the task itself
 * (no hashing or allocation per call, gone with the thread, and kept
 * through a non-leader execve, which keeps the task) */
struct inflight {
	__s64 nr;
	__u64 args[MT_MAX_ARGS];
	__u64 mm;		/* an exec in between makes the pointers moot */
	__u32 retry;		/* arguments whose copy failed at entry */
	__u32 active;		/* between an entry and its exit */
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct inflight);
} calls SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16 << 20);	/* user space sets --bpf-buffer */
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} lost SEC(".maps");

struct scratch {
	__u8 b[MT_SCRATCH];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scratch);
} scratch SEC(".maps");

static __always_inline void count_lost(void)
{
	__u32 zero = 0;
	__u64 *n = bpf_map_lookup_elem(&lost, &zero);

	if (n)
		*n += 1;
}

/* No wakeup: mytrace polls (src/bpf_run.c says why). */
static __always_inline void submit(void *rec, __u64 size)
{
	if (size > MT_SCRATCH)
		size = MT_SCRATCH;
	if (bpf_ringbuf_output(&events, rec, size, BPF_RB_NO_WAKEUP) < 0)
		count_lost();
}

static __always_inline __u64 kread(const void *base, __u32 off)
{
	__u64 v = 0;

	bpf_probe_read_kernel(&v, sizeof(v), base + off);
	return v;
}

static __always_inline __u32 kread32(const void *base, __u32 off)
{
	__u32 v = 0;

	bpf_probe_read_kernel(&v, sizeof(v), base + off);
	return v;
}

/* The six arguments: one read when user space found them close together
 * (koff.regs_span), else one each. */
static __always_inline void read_args(const void *regs,
				      __u64 args[MT_MAX_ARGS])
{
	__u64 w[MT_REGS_SPAN / 8] = {};
	__u32 at;

	if (!koff.regs_span) {
		for (int i = 0; i < MT_MAX_ARGS; i++)
			args[i] = kread(regs, koff.regs_arg[i]);
		return;
	}
	bpf_probe_read_kernel(w, sizeof(w), regs + koff.regs_lo);
	for (int i = 0; i < MT_MAX_ARGS; i++) {
		at = (koff.regs_arg[i] - koff.regs_lo) / 8;
		args[i] = w[at & (MT_REGS_SPAN / 8 - 1)];
	}
}

static __always_inline __u64 current_mm(void)
{
	return kread((void *)bpf_get_current_task(), koff.task_mm);
}

static __always_inline bool is_traced(__u32 tgid)
{
	return bpf_map_lookup_elem(&traced, &tgid) != NULL;
}

/* The copying is in global functions: the verifier checks each once, on
 * its own, instead of once for every path into it (inlined, the two
 * syscall programs took 36k and 62k processed instructions and about
 * 100 ms of loading). Their pointer arguments may be NULL to it, and
 * they return the new end of the record, with SEG_FAILED set when a
 * read failed. */
#define SEG_FAILED (1ULL << 63)
#define SEG_END(r) ((__u32)(r))

/* Appends a segment with the memory at addr: a string (len counts the
 * bytes kept, the NUL included when it fits) or size bytes. When there
 * is no room the end stays as it was. */
__noinline __u64 put_seg(struct scratch *s, __u64 end, __u64 addr,
			 __u64 size, __u64 str)
{
	struct mt_seg *seg;
	__u64 off = end, len = size, d;
	long r;

	if (!s || off >= MT_SEG_AREA - sizeof(*seg))
		return end;
	if (len > MT_SEG_MAX - 1)
		len = MT_SEG_MAX - 1;
	/* the verifier must see the bounds on the registers it checks */
	asm volatile("%0 &= 0x3ff8" : "+r"(off));
	asm volatile("%0 &= 0x1fff" : "+r"(len));
	seg = (void *)&s->b[off];
	d = off + sizeof(*seg);
	if (str) {
		/* one byte more than kept tells a cut string from one that
		 * ends there: the helper always writes a NUL */
		r = bpf_probe_read_user_str(&s->b[d], len + 1, (void *)addr);
		if (r == len + 1)
			r = len;
		/* older kernels (the arm64 guest's 6.1) say 0 for an empty
		 * string, not 1 for its NUL: fstatat's "" printed as an
		 * address there */
		if (r == 0) {
			s->b[d] = 0;
			r = 1;
		}
	} else {
		r = bpf_probe_read_user(&s->b[d], len, (void *)addr);
		if (r == 0)
			r = len;
	}
	seg->addr = addr;
	seg->err = r < 0 ? r : 0;
	seg->len = r < 0 ? 0 : r;
	((struct mt_hdr *)s->b)->nsegs++;
	return (d + ((seg->len + 7) & ~7U)) | (r < 0 ? SEG_FAILED : 0);
}

/* A pointer array (argv, envp) up to its NULL, which is kept too: one
 * segment, grown a pointer at a time. */
struct ptrs_ctx {
	struct scratch *s;
	__u64 base;
	__u64 data;		/* where the pointers go in the record */
	__u32 count;
	int err;
};

static long ptr_one(__u32 i, void *arg)
{
	struct ptrs_ctx *v = arg;
	__u64 p = 0, at = v->data + (__u64)i * 8;

	if (bpf_probe_read_user(&p, sizeof(p), (void *)(v->base + i * 8))) {
		v->err = 1;
		return 1;
	}
	asm volatile("%0 &= 0x7ff8" : "+r"(at));
	*(__u64 *)&v->s->b[at] = p;
	v->count = i + 1;
	return p == 0;
}

__noinline __u64 put_ptrs(struct scratch *s, __u64 end, __u64 addr,
			  __u64 n)
{
	struct ptrs_ctx v = { .s = s, .base = addr };
	struct mt_seg *seg;
	__u64 off = end;

	if (!s || off >= MT_SEG_AREA - sizeof(*seg))
		return end;
	asm volatile("%0 &= 0x3ff8" : "+r"(off));
	seg = (void *)&s->b[off];
	v.data = off + sizeof(*seg);
	bpf_loop(n < MT_PTRS_MAX ? n : MT_PTRS_MAX, ptr_one, &v, 0);
	seg->addr = addr;
	seg->len = v.count * 8;
	seg->err = v.count ? 0 : -14;	/* EFAULT */
	((struct mt_hdr *)s->b)->nsegs++;
	return (v.data + seg->len) | (v.err ? SEG_FAILED : 0);
}

/* argv's strings, after its pointers */
struct vec_ctx {
	struct scratch *s;
	__u64 base;
	__u64 end;
	__u32 elem;
	int err;
};

static long vec_one(__u32 i, void *data)
{
	struct vec_ctx *v = data;
	__u64 p = 0, r;

	if (bpf_probe_read_user(&p, sizeof(p), (void *)(v->base + i * 8)) ||
	    !p)
		return 1;
	r = put_seg(v->s, v->end, p, v->elem, 1);
	v->end = SEG_END(r);
	if (r & SEG_FAILED)
		v->err = 1;
	return 0;
}

/* Copies x as kind (enum mt_cap, in the low byte of how; an argv's
 * string limit above it) says, n bytes or pointers at most. */
__noinline __u64 capture(struct scratch *s, __u64 off, __u64 how, __u64 x,
			 __u64 n)
{
	struct vec_ctx v = { .s = s, .base = x, .elem = how >> 8 };
	__u64 r;

	switch (how & 0xff) {
	case CAP_STR:
		return put_seg(s, off, x, n, 1);
	case CAP_BUF:
		return put_seg(s, off, x, n, 0);
	case CAP_PTRS:
		return put_ptrs(s, off, x, n);
	case CAP_VEC:
		r = put_ptrs(s, off, x, n);
		v.end = SEG_END(r);
		bpf_loop(n < MT_VEC_MAX ? n : MT_VEC_MAX, vec_one, &v, 0);
		return v.end | (r & SEG_FAILED) | (v.err ? SEG_FAILED : 0);
	}
	return off;
}

/* One walk over the arguments of call nr, as its plan says. */
struct args_ctx {
	struct scratch *s;
	__u64 args[MT_MAX_ARGS];
	__s64 ret;
	__u64 nr;
	__u32 off;
	__u32 phase;		/* PH_ENTER or PH_EXIT */
	__u32 again;		/* at exit: arguments to read once more */
	__u32 failed;		/* arguments whose copy failed */
};

static long arg_one(__u32 idx, void *data)
{
	struct args_ctx *c = data;
	const volatile struct mt_arg_plan *a;
	__u64 nr = c->nr, i = idx, n, r;
	__u8 param;

	/* the checked registers are the ones used */
	barrier_var(i);
	barrier_var(nr);
	if (i >= MT_MAX_ARGS || nr >= MT_MAX_NR)
		return 1;
	a = &plans[nr].arg[i];
	if (a->kind == CAP_NONE || !c->args[i])
		return 0;
	if (!(a->phase & c->phase) && !((c->again >> i) & 1))
		return 0;
	n = a->size;
	if (a->kind == CAP_BUF) {
		param = a->param;
		if (a->param == MT_PARAM_RET)
			n = c->ret < 0 ? 0 : c->ret;
		else if (param < MT_MAX_ARGS)
			n = c->args[param];
		if (n > a->size)
			n = a->size;
		if (!n)
			return 0;
	}
	r = capture(c->s, c->off, a->kind | (__u64)a->elem << 8, c->args[i],
		    n);
	c->off = SEG_END(r);
	if (r & SEG_FAILED)
		c->failed |= 1U << i;
	return 0;
}

static __always_inline struct scratch *record(__u32 kind, __u64 pid_tgid,
					      __s64 nr)
{
	__u32 zero = 0;
	struct scratch *s = bpf_map_lookup_elem(&scratch, &zero);
	struct mt_hdr *h;

	if (!s)
		return NULL;
	h = (void *)s->b;
	h->kind = kind;
	h->tid = (__u32)pid_tgid;
	h->tgid = pid_tgid >> 32;
	h->ts = bpf_ktime_get_ns();
	h->nr = nr;
	h->flags = 0;
	h->nsegs = 0;
	return s;
}

/* unknown numbers trace as raw calls */
static __always_inline bool selected_nr(__s64 nr)
{
	if (nr < 0 || nr >= MT_MAX_NR)
		return true;
	return (selected[(__u64)nr / 64] >> ((__u64)nr % 64)) & 1;
}

SEC("raw_tp/sys_enter")
int BPF_PROG(sys_enter, struct pt_regs *regs, long id)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct inflight call = { .nr = id, .active = 1 }, *slot;
	struct scratch *s;
	struct mt_hdr *h;
	__u32 off = sizeof(*h);

	/* the selection first: a call not traced costs no lookup */
	if (!selected_nr(id) || !is_traced(pid_tgid >> 32))
		return 0;
	read_args(regs, call.args);
	s = record(MT_ENTER, pid_tgid, id);
	if (!s)
		return 0;
	h = (void *)s->b;
	__builtin_memcpy(h->args, call.args, sizeof(call.args));
	if (id >= 0 && id < MT_MAX_NR && (plan_phases[id] & PH_ENTER)) {
		struct args_ctx c = { .s = s, .nr = id, .off = off,
				      .phase = PH_ENTER };

		__builtin_memcpy(c.args, call.args, sizeof(c.args));
		bpf_loop(MT_MAX_ARGS, arg_one, &c, 0);
		off = c.off;
		call.retry = c.failed;
	}
	/* an exec in between makes a retry at exit moot: which mm the
	 * pointers belong to matters only then */
	if (call.retry) {
		h->flags |= MT_F_READ_FAILED;
		call.mm = current_mm();
	}
	h->size = off;
	slot = bpf_task_storage_get(&calls, bpf_get_current_task_btf(), NULL,
				    BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (slot)
		*slot = call;
	submit(s->b, off);
	return 0;
}

SEC("raw_tp/sys_exit")
int BPF_PROG(sys_exit, struct pt_regs *regs, long ret)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct inflight *call = bpf_task_storage_get(&calls,
						     bpf_get_current_task_btf(),
						     NULL, 0);
	struct scratch *s;
	struct mt_hdr *h;
	__u32 off = sizeof(*h);
	__u64 mm;

	if (!call || !call->active)
		return 0;
	s = record(MT_EXIT, pid_tgid, call->nr);
	if (!s)
		goto out;
	h = (void *)s->b;
	h->args[0] = ret;
	mm = call->retry ? current_mm() : 0;
	if (call->nr >= 0 && call->nr < MT_MAX_NR &&
	    ((plan_phases[call->nr] & PH_EXIT) ||
	     (mm == call->mm && call->retry))) {
		/* what entry could not read, the call has paged in by now */
		struct args_ctx c = { .s = s, .nr = call->nr, .off = off,
				      .ret = ret, .phase = PH_EXIT,
				      .again = mm == call->mm ? call->retry : 0 };

		__builtin_memcpy(c.args, call->args, sizeof(c.args));
		bpf_loop(MT_MAX_ARGS, arg_one, &c, 0);
		off = c.off;
	}
	h->size = off;
	submit(s->b, off);
out:
	call->active = 0;
	return 0;
}

static __always_inline void small_record(__u32 kind, __u64 pid_tgid,
					 __u64 a0, __u64 a1)
{
	struct mt_hdr h = {
		.kind = kind,
		.tid = (__u32)pid_tgid,
		.tgid = pid_tgid >> 32,
		.size = sizeof(h),
		.ts = bpf_ktime_get_ns(),
		.nr = -1,
		.args = { a0, a1 },
	};

	/* a process's end wakes mytrace at once, whatever came before
	 * unread (the default wakes it only when the ring was empty) */
	if (bpf_ringbuf_output(&events, &h, sizeof(h),
			       kind == MT_GONE ? BPF_RB_FORCE_WAKEUP : 0) < 0)
		count_lost();
}

SEC("raw_tp/sched_process_fork")
int BPF_PROG(fork, struct task_struct *parent, struct task_struct *child)
{
	__u32 ptgid = kread32(parent, koff.task_tgid);
	__u32 ctgid = kread32(child, koff.task_tgid);
	__u8 one = 1;

	if (!is_traced(ptgid))
		return 0;
	if (ctgid != ptgid) {
		if (!follow_forks)
			return 0;
		/* before the child first runs: none of its calls is missed */
		bpf_map_update_elem(&traced, &ctgid, &one, BPF_ANY);
	}
	small_record(MT_FORK,
		     (__u64)ptgid << 32 | kread32(parent, koff.task_pid),
		     kread32(child, koff.task_pid), ctgid);
	return 0;
}

SEC("raw_tp/sched_process_exec")
int BPF_PROG(exec, struct task_struct *p, pid_t old_pid,
	     struct linux_binprm *bprm)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();

	/* a thread's execve returns in the leader's pid, but in its own
	 * task: its call in progress stays with it */
	if (!is_traced(pid_tgid >> 32))
		return 0;
	small_record(MT_EXEC, pid_tgid, old_pid, 0);
	return 0;
}

/* Only the task argument: 6.1 has no group_dead. */
SEC("raw_tp/sched_process_exit")
int BPF_PROG(gone, struct task_struct *p)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tgid = pid_tgid >> 32;
	void *sig, *exec_by = NULL;
	__u64 how;

	if (!is_traced(tgid))
		return 0;
	sig = (void *)kread(p, koff.task_signal);
	how = kread32(sig, koff.signal_live) == 0 ? MT_GONE_GROUP : 0;
	/* another thread's execve ends this one; the process goes on */
	if (koff.signal_group_exec_task)
		exec_by = (void *)kread(sig, koff.signal_group_exec_task);
	if (exec_by && exec_by != p)
		how |= MT_GONE_EXEC;
	small_record(MT_GONE, pid_tgid, kread32(p, koff.task_exit_code), how);
	if (how & MT_GONE_GROUP)
		bpf_map_delete_elem(&traced, &tgid);
	return 0;
}

struct sig_rec {
	struct mt_hdr h;
	struct mt_seg seg;
	__u8 info[128];		/* a user siginfo_t */
};

SEC("raw_tp/signal_deliver")
int BPF_PROG(signal, int sig, struct kernel_siginfo *info,
	     struct k_sigaction *ka)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct sig_rec *r;

	if (!is_traced(pid_tgid >> 32))
		return 0;
	r = bpf_ringbuf_reserve(&events, sizeof(*r), 0);
	if (!r) {
		count_lost();
		return 0;
	}
	__builtin_memset(r, 0, sizeof(*r));
	r->h.kind = MT_SIGNAL;
	r->h.tid = (__u32)pid_tgid;
	r->h.tgid = pid_tgid >> 32;
	r->h.size = sizeof(*r);
	r->h.ts = bpf_ktime_get_ns();
	r->h.nr = -1;
	r->h.args[0] = sig;
	r->h.nsegs = 1;
	r->seg.len = sizeof(r->info);
	if (info)
		bpf_probe_read_kernel(r->info, sizeof(struct kernel_siginfo),
				      info);
	bpf_ringbuf_submit(r, 0);
	return 0;
}
