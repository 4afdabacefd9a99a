/* What the eBPF programs copy for each argument (the capture plan, from
 * the argument types of tables/syscalls.list) and how the decoders read
 * those copies back through a tracee_mem. Pure code: no libbpf here. */
#include <limits.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <linux/stat.h>

#include "bpf_source.h"

/* Sizes that depend on -s */
#define SZ_STR 0xffff		/* a string of -s bytes, and one more */
#define SZ_BUF 0xfffe		/* -s bytes of a buffer, and one more */

/* Where a copy's length comes from, besides its cap */
enum bound {
	FIXED,		/* the size alone: a struct */
	BY_PARAM,	/* the argument or return value the table names */
	BY_RET,		/* the return value */
};

struct type_plan {
	unsigned char kind;	/* enum mt_cap */
	unsigned char bound;	/* enum bound */
	unsigned short size;	/* bytes, SZ_STR or SZ_BUF */
};

/* Argument types the decoders read memory for; the others are numbers
 * (nothing to copy) or not captured yet (iovecs, msghdrs, poll and epoll
 * arrays, groups, the rt_sigreturn frame: their pointers print as
 * addresses, as an unreadable pointer does under ptrace). When the kernel
 * copies is the type's phase in include/arg_types.h. */
static const struct type_plan type_plans[ARG_TYPE_COUNT] = {
	[ARG_PATH] = { CAP_STR, FIXED, PATH_MAX },
	[ARG_OUT_PATH] = { CAP_STR, FIXED, PATH_MAX },
	[ARG_STR] = { CAP_STR, FIXED, SZ_STR },
	[ARG_IBUF] = { CAP_BUF, BY_PARAM, SZ_BUF },
	[ARG_OBUF] = { CAP_BUF, BY_PARAM, SZ_BUF },
	[ARG_OBUF_HEX] = { CAP_BUF, BY_PARAM, SZ_BUF },
	[ARG_SOCKBUF] = { CAP_BUF, BY_PARAM, SZ_BUF },
	[ARG_SOCKBUF_OUT] = { CAP_BUF, BY_PARAM, SZ_BUF },
	[ARG_XATTR_VALUE] = { CAP_BUF, BY_PARAM, SZ_BUF },
	[ARG_XATTR_OUT] = { CAP_BUF, BY_RET, SZ_BUF },
	[ARG_UTS_NAME] = { CAP_BUF, BY_PARAM, SZ_BUF },
	[ARG_SYSLOG_BUF] = { CAP_BUF, BY_RET, SZ_BUF },
	[ARG_MOUNT_FSTYPE] = { CAP_STR, FIXED, SZ_STR },
	[ARG_MOUNT_DATA] = { CAP_STR, FIXED, SZ_STR },
	/* memfd_create reads 250 bytes of a name at most */
	[ARG_MEMFD_NAME] = { CAP_STR, FIXED, 251 },
	[ARG_UTIMBUF] = { CAP_BUF, FIXED, 16 },
	[ARG_TIMEZONE] = { CAP_BUF, FIXED, 8 },
	[ARG_TIMEZONE_OUT] = { CAP_BUF, FIXED, 8 },
	[ARG_ADDR_OUT] = { CAP_BUF, FIXED, 8 },
	[ARG_ULONG_OUT] = { CAP_BUF, FIXED, 8 },
	[ARG_ARGV] = { CAP_VEC, FIXED, SZ_STR },
	/* strace prints a count: the pointers up to the NULL, 1024 at most */
	[ARG_ENVP] = { CAP_PTRS, FIXED, MT_PTRS_MAX },
	[ARG_STAT_OUT] = { CAP_BUF, FIXED, sizeof(struct stat) },
	[ARG_STATX_OUT] = { CAP_BUF, FIXED, sizeof(struct statx) },
	[ARG_STATFS_OUT] = { CAP_BUF, FIXED, sizeof(struct statfs) },
	[ARG_SOCKADDR] = { CAP_BUF, BY_PARAM, 128 },
	[ARG_SOCKADDR_OUT] = { CAP_BUF, FIXED, 128 },
	[ARG_SOCKLEN_INOUT] = { CAP_BUF, FIXED, 4 },
	[ARG_SOCKOPT_VAL] = { CAP_BUF, BY_PARAM, 64 },
	[ARG_SOCKOPT_VAL_OUT] = { CAP_BUF, FIXED, 16 },
	[ARG_PIPEFDS_OUT] = { CAP_BUF, FIXED, 8 },
	[ARG_WAIT_STATUS_OUT] = { CAP_BUF, FIXED, 4 },
	[ARG_INT_OUT] = { CAP_BUF, FIXED, 4 },
	[ARG_UID_OUT] = { CAP_BUF, FIXED, 4 },
	[ARG_LOFF_INOUT] = { CAP_BUF, FIXED, 8 },
	[ARG_OFF_INOUT_U] = { CAP_BUF, FIXED, 8 },
	[ARG_TIMESPEC] = { CAP_BUF, FIXED, 16 },
	[ARG_TIMESPEC_OUT] = { CAP_BUF, FIXED, 16 },
	[ARG_REM_TIMESPEC] = { CAP_BUF, FIXED, 16 },
	[ARG_CLOCK_REM_TIMESPEC] = { CAP_BUF, FIXED, 16 },
	[ARG_TIME_OUT] = { CAP_BUF, FIXED, 8 },
	[ARG_REBOOT_ARG] = { CAP_BUF, FIXED, 255 },
	[ARG_TIMESPEC_PAIR] = { CAP_BUF, FIXED, 32 },
	[ARG_TIMEVAL] = { CAP_BUF, FIXED, 16 },
	[ARG_TIMEVAL_OUT] = { CAP_BUF, FIXED, 16 },
	[ARG_TIMEVAL_PAIR] = { CAP_BUF, FIXED, 32 },
	[ARG_ITIMERVAL] = { CAP_BUF, FIXED, 32 },
	[ARG_ITIMERVAL_OUT] = { CAP_BUF, FIXED, 32 },
	[ARG_ITIMERSPEC] = { CAP_BUF, FIXED, 32 },
	[ARG_ITIMERSPEC_OUT] = { CAP_BUF, FIXED, 32 },
	[ARG_RLIMIT_IN] = { CAP_BUF, FIXED, 16 },
	[ARG_RLIMIT_OUT] = { CAP_BUF, FIXED, 16 },
	[ARG_RUSAGE_OUT] = { CAP_BUF, FIXED, sizeof(struct rusage) },
	[ARG_TMS_OUT] = { CAP_BUF, FIXED, 32 },
	[ARG_SIGSET_IN] = { CAP_BUF, FIXED, 8 },
	[ARG_SIGPENDING_OUT] = { CAP_BUF, FIXED, 8 },
	[ARG_SIGSET_OUT] = { CAP_BUF, FIXED, 8 },
	/* the kernel's struct sigaction: handler, flags, restorer, mask */
	[ARG_SIGACTION_IN] = { CAP_BUF, FIXED, 32 },
	[ARG_SIGACTION_OUT] = { CAP_BUF, FIXED, 32 },
	[ARG_SIGINFO_IN] = { CAP_BUF, FIXED, 128 },
	[ARG_SIGINFO_OUT] = { CAP_BUF, FIXED, 128 },
	[ARG_STACK_T] = { CAP_BUF, FIXED, 24 },
	[ARG_STACK_T_OUT] = { CAP_BUF, FIXED, 24 },
	[ARG_SCHED_PARAM] = { CAP_BUF, FIXED, 4 },
	[ARG_SCHED_PARAM_OUT] = { CAP_BUF, FIXED, 4 },
	[ARG_CAP_HEADER] = { CAP_BUF, FIXED, 8 },
	[ARG_CAP_DATA] = { CAP_BUF, FIXED, 24 },
	[ARG_CAP_DATA_OUT] = { CAP_BUF, FIXED, 24 },
	[ARG_CPUSET] = { CAP_BUF, BY_PARAM, 128 },
	[ARG_CPUSET_OUT] = { CAP_BUF, BY_RET, 128 },
	[ARG_OPEN_HOW] = { CAP_BUF, BY_PARAM, 24 },
	[ARG_CLONE_ARGS] = { CAP_BUF, BY_PARAM, 88 },
	[ARG_MQ_ATTR] = { CAP_BUF, FIXED, 64 },
	[ARG_MQ_ATTR_IN] = { CAP_BUF, FIXED, 64 },
	[ARG_MQ_ATTR_OUT] = { CAP_BUF, FIXED, 64 },
	[ARG_SIGEVENT] = { CAP_BUF, FIXED, 64 },
	/* 12 bytes (packed) on x86_64, 16 on arm64 */
	[ARG_EPOLL_EVENT] = { CAP_BUF, FIXED, sizeof(struct epoll_event) },
	[ARG_TIMEX_OUT] = { CAP_BUF, FIXED, 208 },
	/* prctl and arch_prctl: what a getter writes (PR_GET_NAME: 16) */
	[ARG_PRCTL_ARG] = { CAP_BUF, FIXED, 16 },
	[ARG_UTSNAME_OUT] = { CAP_BUF, FIXED, sizeof(struct utsname) },
	[ARG_SYSINFO_OUT] = { CAP_BUF, FIXED, sizeof(struct sysinfo) },
	[ARG_DIRENTS_OUT] = { CAP_BUF, BY_RET, MT_SEG_MAX - 1 },
	[ARG_DIRENTS64_OUT] = { CAP_BUF, BY_RET, MT_SEG_MAX - 1 },
};

/* The phase column of include/arg_types.h, as the kernel's phase bits */
#define PHASE_ENTER PH_ENTER
#define PHASE_EXIT PH_EXIT
#define PHASE_BOTH (PH_ENTER | PH_EXIT)
static const unsigned char type_phases[ARG_TYPE_COUNT] = {
#define X(name, fn, phase, props) [ARG_##name] = phase,
	ARG_TYPES(X)
#undef X
};

static void plan_arg(struct mt_arg_plan *p, const struct arg_desc *a,
		     unsigned limit)
{
	const struct type_plan *t = &type_plans[a->type];
	unsigned size = t->size;

	memset(p, 0, sizeof(*p));
	p->param = MT_PARAM_NONE;
	if (t->kind == CAP_NONE)
		return;
	/* a string's NUL, and the byte past a buffer cut at -s that the
	 * decoder reads to know it was cut: one more than -s */
	if (size == SZ_STR || size == SZ_BUF)
		size = limit + 1;
	if (size > MT_SEG_MAX - 1)
		size = MT_SEG_MAX - 1;
	p->kind = t->kind;
	p->size = (unsigned short)size;
	p->phase = type_phases[a->type];
	/* a length in another argument or the return value bounds a copy;
	 * a struct's size is its own */
	if (t->bound == BY_RET || (t->bound == BY_PARAM &&
				   a->param == PARAM_RET))
		p->param = MT_PARAM_RET;
	else if (t->bound == BY_PARAM && a->param >= 0)
		p->param = a->param;
	if (t->kind == CAP_VEC) {
		p->size = (unsigned short)(limit + 1 < MT_VEC_MAX ?
					   limit + 1 : MT_VEC_MAX);
		p->elem = (unsigned short)size;
	}
}

void bpf_plan_build(struct mt_plan *plans, unsigned count,
		    const struct syscall_table *t, unsigned string_limit)
{
	memset(plans, 0, count * sizeof(*plans));
	for (unsigned nr = 0; nr < count; nr++) {
		const struct syscall_desc *d = syscall_lookup(t, nr);

		if (!d || d->raw)
			continue;
		for (unsigned i = 0; i < d->nargs && i < MT_MAX_ARGS; i++)
			plan_arg(&plans[nr].arg[i], &d->args[i], string_limit);
	}
}

/* The bytes of a record's segment holding addr: how many from addr on,
 * or 0 when no segment of rec holds it. */
static size_t seg_find(const struct mt_hdr *h, uint64_t addr,
		       const unsigned char **at)
{
	const unsigned char *p = (const unsigned char *)(h + 1);
	const unsigned char *end = (const unsigned char *)h + h->size;

	for (uint32_t i = 0; i < h->nsegs; i++) {
		struct mt_seg seg;

		if (p + sizeof(seg) > end)
			break;
		memcpy(&seg, p, sizeof(seg));
		p += sizeof(seg);
		if (p + seg.len > end)
			break;
		if (seg.len && addr >= seg.addr &&
		    addr - seg.addr < seg.len) {
			*at = p + (addr - seg.addr);
			return seg.len - (size_t)(addr - seg.addr);
		}
		p += (seg.len + 7) & ~7u;
	}
	return 0;
}

static ssize_t read_capture(const struct tracee_mem *m, uint64_t addr,
			    void *buf, size_t len)
{
	const struct bpf_capture *c = m->ctx;

	if (len == 0)
		return 0;
	for (unsigned r = 0; r < 2; r++) {
		const unsigned char *at;
		size_t n;

		if (!c->rec[r])
			continue;
		n = seg_find(c->rec[r], addr, &at);
		if (!n)
			continue;
		if (n > len)
			n = len;
		memcpy(buf, at, n);
		return (ssize_t)n;
	}
	return -1;
}

void bpf_capture_mem(struct tracee_mem *m, const struct bpf_capture *c,
		     pid_t pid)
{
	m->read = read_capture;
	m->pid = pid;
	m->fd = -1;
	m->ctx = (void *)c;
}
