/* seccomp-bpf filtering for launched commands.
 *
 * The program is built by hand rather than with libseccomp: it is a dozen
 * lines of classic BPF (an arch check and a list of number ranges), we keep
 * the exact shape of the filter in view, build it in the tracer before the
 * fork so that the child only makes two syscalls, and mytrace gains no
 * runtime library dependency. libseccomp would allocate in the child and
 * adds nothing we need here.
 *
 * The program, for a set of traced numbers:
 *	arch != native (i386, x32 ...)    -> TRACE: the tracer decides
 *	nr >= SYSCALL_SET_MAX             -> TRACE (x32 numbers land here)
 *	nr in [lo, hi] for each range     -> TRACE
 *	otherwise                         -> ALLOW
 * Tracing more than the set is always safe: the tracer still filters by
 * the set, so the trace is the same with or without the program. seccomp
 * and prctl are always traced, so that the tracer sees a tracee install a
 * filter of its own (whose ERRNO or KILL would outrank our TRACE and hide
 * calls) and can fall back to stopping at every syscall. */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "arch.h"
#include "seccomp.h"

bool seccomp_call_watched(const struct syscall_desc *d)
{
	return d && (d->flags & SF_SECCOMP);
}

bool seccomp_watches(uint64_t nr)
{
	return seccomp_call_watched(syscall_lookup(arch_syscalls, nr));
}

/* Whether a filter would spare stops: the set leaves some syscall out. */
bool seccomp_narrows(const struct syscall_set *set)
{
	if (!set->others)
		return true;
	for (unsigned i = 0; i < SYSCALL_SET_MAX / 64; i++)
		if (set->bits[i] != ~0ULL)
			return true;
	return false;
}

static bool traced(const struct syscall_set *set, unsigned nr)
{
	return syscall_set_has(set, nr) || seccomp_watches(nr);
}

int seccomp_build(struct seccomp_prog *p, const struct syscall_set *set)
{
	/* header 5, at most 3 per range, 1 at the end */
	size_t max = 6 + 3 * (SYSCALL_SET_MAX / 2 + 1);
	struct sock_filter *f = calloc(max, sizeof(*f));
	size_t n = 0;

	if (!f)
		return -1;
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			offsetof(struct seccomp_data, arch));
	f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
			arch_audit, 1, 0);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
			SECCOMP_RET_TRACE);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			offsetof(struct seccomp_data, nr));
	f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K,
			SYSCALL_SET_MAX, 0, 1);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
			SECCOMP_RET_TRACE);
	for (unsigned lo = 0; lo < SYSCALL_SET_MAX; lo++) {
		unsigned hi;

		if (!traced(set, lo))
			continue;
		for (hi = lo; hi + 1 < SYSCALL_SET_MAX && traced(set, hi + 1);
		     hi++)
			;
		/* nr < lo: next range; nr > hi: next range; else trace */
		f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K,
				lo, 0, 2);
		f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K,
				hi, 1, 0);
		f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
				SECCOMP_RET_TRACE);
		lo = hi;
	}
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
			SECCOMP_RET_ALLOW);
	p->insns = f;
	p->len = (unsigned short)n;
	return 0;
}

void seccomp_free(struct seccomp_prog *p)
{
	free(p->insns);
	p->insns = NULL;
	p->len = 0;
}

int seccomp_install(const struct seccomp_prog *p)
{
	struct sock_fprog prog = { .len = p->len, .filter = p->insns };

	/* With CAP_SYS_ADMIN this works without no_new_privs, so setuid
	 * programs keep their privileges; without it the kernel says EACCES
	 * and no_new_privs is the price of the filter. */
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) == 0)
		return 0;
	if (errno != EACCES)
		return -1;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -1;
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

bool seccomp_call_installs_filter(const struct syscall_desc *d,
				  const uint64_t *args, int64_t rval)
{
	/* SECCOMP_FILTER_FLAG_NEW_LISTENER returns a descriptor */
	if (rval < 0 || !d || !(d->flags & SF_SECCOMP))
		return false;
	if (d->flags & SF_PRCTL_OPTION)
		return args[0] == PR_SET_SECCOMP;
	return args[0] == SECCOMP_SET_MODE_FILTER ||
	       args[0] == SECCOMP_SET_MODE_STRICT;
}

bool seccomp_installs_filter(uint64_t nr, const uint64_t *args, int64_t rval)
{
	return seccomp_call_installs_filter(syscall_lookup(arch_syscalls, nr),
					    args, rval);
}
