/* The records the eBPF programs (src/bpf/mytrace.bpf.c) write into the ring
 * buffer and the capture plan they read: shared by both halves, so only
 * fixed-width kernel types here. */
#ifndef MYTRACE_BPF_RECORD_H
#define MYTRACE_BPF_RECORD_H

#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

#define MT_MAX_ARGS 6
#define MT_MAX_NR 1024		/* plan and selection cover numbers below */
#define MT_SCRATCH 32768	/* one record is built in this much */
#define MT_SEG_AREA 16384	/* segments start below this offset */
#define MT_SEG_MAX 8192		/* bytes of one segment at most */
#define MT_VEC_MAX 64		/* argv elements at most */
#define MT_PTRS_MAX 1024	/* pointers of an argv or envp at most */

enum mt_kind {
	MT_ENTER = 1,	/* args[] are the arguments */
	MT_EXIT,	/* args[0] is the return value */
	MT_FORK,	/* args[0] child tid, args[1] child tgid */
	MT_EXEC,	/* args[0] the tid that called execve */
	MT_GONE,	/* a thread ended: args[0] exit code, args[1] MT_GONE_* */
	MT_SIGNAL,	/* args[0] signal; one segment: the siginfo */
};

/* MT_GONE args[1] bits */
#define MT_GONE_GROUP 1		/* the last thread of its process */
#define MT_GONE_EXEC 2		/* ended by another thread's execve */

/* MT_ENTER flags */
#define MT_F_READ_FAILED 1	/* a capture failed: retried at exit */

struct mt_hdr {
	__u32 kind;		/* enum mt_kind */
	__u32 tid;
	__u32 tgid;
	__u32 size;		/* of the whole record */
	__u64 ts;		/* bpf_ktime_get_ns */
	__s64 nr;
	__u64 args[MT_MAX_ARGS];
	__u32 flags;
	__u32 nsegs;
};

/* A copy of tracee memory: len bytes at addr follow, padded to 8. */
struct mt_seg {
	__u64 addr;
	__u32 len;
	__s32 err;		/* 0, or the read helper's -errno */
};

enum mt_cap {
	CAP_NONE,	/* nothing to copy (numbers, or not supported yet) */
	CAP_STR,	/* a C string of at most size bytes */
	CAP_BUF,	/* size bytes, fewer if the param says so */
	CAP_VEC,	/* argv: size pointers, each string at most elem */
	CAP_PTRS,	/* envp: only the pointers, size of them */
};

enum mt_phase {
	PH_ENTER = 1,
	PH_EXIT = 2,
};

#define MT_PARAM_NONE (-1)
#define MT_PARAM_RET (-2)

struct mt_arg_plan {
	__u8 kind;	/* enum mt_cap */
	__u8 phase;	/* enum mt_phase bits */
	__s8 param;	/* length from this argument, MT_PARAM_RET or NONE */
	__u8 pad;
	__u16 size;
	__u16 elem;
};

struct mt_plan {
	struct mt_arg_plan arg[MT_MAX_ARGS];
};

/* Where the programs find the kernel's fields they read, in bytes: from
 * the kernel's BTF by name, so that they need no CO-RE relocation (and
 * libbpf does not parse all of that BTF, about half of the startup). */
struct mt_offsets {
	__u32 regs_arg[MT_MAX_ARGS];	/* struct pt_regs: the arguments */
	__u32 task_pid;			/* struct task_struct */
	__u32 task_tgid;
	__u32 task_mm;
	__u32 task_signal;
	__u32 task_exit_code;
	__u32 signal_live;		/* struct signal_struct */
	__u32 signal_group_exec_task;	/* 0: the kernel has none */
	/* when every argument lies in MT_REGS_SPAN bytes of struct pt_regs
	 * from regs_lo (x86_64), one read takes them all; else 0 */
	__u32 regs_span;
	__u32 regs_lo;
};

#define MT_REGS_SPAN 64

#endif
