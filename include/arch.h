/* The architecture layer: registers, syscall numbers and struct layouts of
 * the architecture mytrace was built for. One implementation per arch in
 * src/arch/<arch>/, chosen at build time. */
#ifndef MYTRACE_ARCH_H
#define MYTRACE_ARCH_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "syscalls.h"

struct syscall_regs {
	uint64_t nr;
	uint64_t args[MAX_ARGS];
	uint64_t sp;
	int64_t rval;
};

extern const char arch_name[];
extern const struct syscall_table *const arch_syscalls;
/* AUDIT_ARCH_* value that PTRACE_GET_SYSCALL_INFO reports natively. */
extern const uint32_t arch_audit;

/* A syscall ABI the kernel runs tracees in: the native one first, then
 * compat ones (i386 programs on x86_64). PTRACE_GET_SYSCALL_INFO's arch
 * field says which one made a call. */
struct arch_personality {
	const char *name;			/* "i386" */
	uint32_t audit;				/* AUDIT_ARCH_* */
	const struct syscall_table *table;
	const char *mode;	/* "[ Process PID=N runs in MODE mode. ]" */
};

extern const struct arch_personality arch_personalities[];
extern const unsigned arch_personality_count;

/* The personality PTRACE_GET_SYSCALL_INFO's arch field names; the native
 * one for a value we do not know. */
const struct arch_personality *arch_personality_of(uint32_t audit);
/* The native number of a personality's call nr, for what is keyed by
 * native numbers (-e trace= sets, -e inject=, -c): the same name's number,
 * or SYSCALL_NR_NONE when the native table has no such name. */
#define SYSCALL_NR_NONE ((uint64_t)-1)
uint64_t arch_native_nr(const struct arch_personality *p, uint64_t nr);

/* Where clone(2) takes its last two arguments: the order differs. */
extern const unsigned arch_clone_child_tid_arg;
extern const unsigned arch_clone_tls_arg;

/* The member of the kernel's struct pt_regs that holds each syscall
 * argument at sys_enter, "name" or "name+bytes" (the eBPF source finds
 * their offsets in the kernel's BTF). */
extern const char *const arch_bpf_arg_regs[6];

/* Where rt_sigreturn finds the signal mask it restores, relative to the
 * stack pointer at its entry. */
extern const unsigned arch_sigreturn_mask_offset;

/* The layouts of the register sets ptrace reads and writes (general
 * registers: PTRACE_GETREGS, NT_PRSTATUS; floating point: GETFPREGS,
 * NT_FPREGSET): each field's name, offset and size in bytes, and for an
 * array its element count (0: a scalar). An arch without a set has
 * count 0 and its registers show as an address. */
struct arch_reg_field {
	const char *name;
	uint16_t offset;
	uint8_t size;
	uint8_t count;
};
struct arch_reg_set {
	const struct arch_reg_field *fields;
	unsigned count;
	unsigned size;		/* of the whole structure */
};
extern const struct arch_reg_set arch_gregs, arch_fpregs;

/* Fallback when PTRACE_GET_SYSCALL_INFO is missing: reads the registers.
 * Returns 0 or -1 with errno set. */
int arch_get_syscall_regs(pid_t tid, struct syscall_regs *r);

/* -e inject=: at a syscall-entry stop, makes the kernel run call nr
 * instead (-1: none, the call is skipped); at the exit stop, sets the
 * value the call returns (-errno for an error). Each returns 0, or -1
 * with errno set. */
int arch_set_syscall(pid_t tid, long nr);
int arch_set_return(pid_t tid, int64_t value);

#endif
