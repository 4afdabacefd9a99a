/* Makes calls with odd values for test_decode_odd and prints, for each,
 * the line mytrace must trace for it (run under -e inject=...:retval=0,
 * so that no call changes anything). With the argument "raw", the lines
 * are those of -X raw. Addresses print as the program sees them; the test
 * masks them on both sides. */
#include <errno.h>
#include <linux/capability.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define F8ILL 0xffffffff00000000UL

static int raw;

static void prctl5(unsigned long o, unsigned long a2, unsigned long a3,
		   unsigned long a4, unsigned long a5)
{
	syscall(SYS_prctl, o, a2, a3, a4, a5);
}

/* Prints one expected line: the abbreviated form, or the raw one, and
 * the return that -e inject gives prctl. */
static void expect(const char *abbrev, const char *rawline)
{
	printf("%s = 0 (INJECTED)\n", raw ? rawline : abbrev);
}

/* The same for a call that really ran and returned ret. */
static void expect_ret(const char *abbrev, const char *rawline,
		       const char *ret)
{
	printf("%s = %s\n", raw ? rawline : abbrev, ret);
}

static void prctl_lines(void)
{
	static char name[20] = "0123456789abcdefgh";
	static int word = SIGKILL;
	static uint64_t cookie = 0xdeadc0de12;
	char line[200];

	/* an option no one describes: all four arguments in hex */
	prctl5(0x4d, 1, 2, 3, 4);
	expect("prctl(0x4d /* PR_??? */, 0x1, 0x2, 0x3, 0x4)",
	       "prctl(0x4d, 0x1, 0x2, 0x3, 0x4)");
	/* options that take nothing show nothing */
	prctl5(PR_GET_KEEPCAPS, 1, 2, 3, 4);
	expect("prctl(PR_GET_KEEPCAPS)", "prctl(0x7)");
	prctl5(PR_SVE_GET_VL, 1, 2, 3, 4);
	expect("prctl(PR_SVE_GET_VL)", "prctl(0x33)");
	/* a name: 15 bytes at most, "..." when no NUL comes within them */
	prctl5(PR_SET_NAME, (unsigned long)name, 2, 3, 4);
	expect("prctl(PR_SET_NAME, \"0123456789abcde\"...)",
	       "prctl(0xf, \"0123456789abcde\"...)");
	/* a 64-bit value a set does not name: hex, and which set */
	prctl5(PR_SET_DUMPABLE, 0xdeadc0de00000001UL, 2, 3, 4);
	expect("prctl(PR_SET_DUMPABLE, 0xdeadc0de00000001 /* SUID_DUMP_??? */)",
	       "prctl(0x4, 0xdeadc0de00000001)");
	prctl5(PR_CAPBSET_READ, CAP_KILL, 2, 3, 4);
	expect("prctl(PR_CAPBSET_READ, CAP_KILL)", "prctl(0x17, 0x5)");
	/* flags over 64 bits */
	prctl5(PR_SET_SECUREBITS, 0xbadc0ded00000011UL, 2, 3, 4);
	expect("prctl(PR_SET_SECUREBITS, SECBIT_NOROOT|SECBIT_KEEP_CAPS|"
	       "0xbadc0ded00000000)", "prctl(0x1c, 0xbadc0ded00000011)");
	/* a 32-bit mode: the high half is not looked at */
	prctl5(PR_SET_TSC, F8ILL | PR_TSC_SIGSEGV, 2, 3, 4);
	expect("prctl(PR_SET_TSC, PR_TSC_SIGSEGV)", "prctl(0x1a, 0x2)");
	/* the third argument depends on the second */
	prctl5(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_KILL, 0, 7);
	expect("prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_KILL, 0, 0x7)",
	       "prctl(0x2f, 0x2, 0x5, 0, 0x7)");
	prctl5(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, CAP_KILL, 0, 7);
	expect("prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0x5, 0, 0x7)",
	       "prctl(0x2f, 0x4, 0x5, 0, 0x7)");
	/* ... or ends the arguments */
	prctl5(PR_SET_SECCOMP, 1, 2, 3, 4);
	expect("prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT)", "prctl(0x16, 0x1)");
	/* a vector length under its flags */
	prctl5(PR_SVE_SET_VL, PR_SVE_VL_INHERIT | 0x10000 | 0x40, 2, 3, 4);
	expect("prctl(PR_SVE_SET_VL, PR_SVE_VL_INHERIT|0x10000|0x40)",
	       "prctl(0x32, 0x30040)");
	prctl5(PR_SET_TAGGED_ADDR_CTRL, 0x2d, 0, 0, 0);
	expect("prctl(PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE|"
	       "PR_MTE_TCF_ASYNC|0x5<<PR_MTE_TAG_SHIFT, 0, 0, 0)",
	       "prctl(0x37, 0x2d, 0, 0, 0)");
	/* an int named only when it is -1; a pid type as a comment */
	prctl5(PR_SET_PTRACER, F8ILL | 0xffffffffUL, 2, 3, 4);
	expect("prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY)",
	       "prctl(0x59616d61, -1)");
	/* what the call writes, shown at exit */
	snprintf(line, sizeof(line), "prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET,"
		 " -1, 0x1 /* PIDTYPE_TGID */, [0xdeadc0de12])");
	prctl5(PR_SCHED_CORE, F8ILL, F8ILL | 0xffffffffUL, 1,
	       (unsigned long)&cookie);
	expect(line, "prctl(0x3e, 0, -1, 0x1, [0xdeadc0de12])");
	prctl5(PR_GET_PDEATHSIG, (unsigned long)&word, 2, 3, 4);
	expect("prctl(PR_GET_PDEATHSIG, [SIGKILL])", "prctl(0x2, [9])");
	prctl5(PR_GET_TSC, (unsigned long)&word, 2, 3, 4);
	expect("prctl(PR_GET_TSC, [0x9 /* PR_TSC_??? */])", "prctl(0x19, [0x9])");
}

/* arch_prctl (x86_64 only) reads the same kind of column: its codes
 * show one argument, none, or the one they write. */
static void arch_prctl_lines(void)
{
#ifdef SYS_arch_prctl
	long r = syscall(SYS_arch_prctl, 0x1011 /* ARCH_GET_CPUID */,
			 0xdeadc0deUL);
	char ret[32];

	snprintf(ret, sizeof(ret), "%ld", r);
	expect_ret("arch_prctl(ARCH_GET_CPUID)", "arch_prctl(0x1011)", ret);
	syscall(SYS_arch_prctl, 0x1021 /* ARCH_GET_XCOMP_SUPP */, 0);
	expect_ret("arch_prctl(ARCH_GET_XCOMP_SUPP, NULL)",
		   "arch_prctl(0x1021, NULL)", "-1 EFAULT (Bad address)");
	syscall(SYS_arch_prctl, 0x3333, 0);
	expect_ret("arch_prctl(0x3333 /* ARCH_??? */, 0)",
		   "arch_prctl(0x3333, 0)", "-1 EINVAL (Invalid argument)");
#endif
}

/* Bits a set does not name get a comment naming the set. */
static void unknown_bits_lines(void)
{
	syscall(SYS_faccessat, -1, NULL, 0x8);
	expect_ret("faccessat(-1, NULL, 0x8 /* ?_OK */)",
		   "faccessat(-1, NULL, 0x8)", "-1 EINVAL (Invalid argument)");
}

/* A 32-bit argument out of a set's range prints in hex; an I/O priority
 * as the macro that makes it. */
static void ioprio_lines(void)
{
	static const char *const classes[] = {
		"IOPRIO_CLASS_NONE", "IOPRIO_CLASS_RT", "IOPRIO_CLASS_BE",
		"IOPRIO_CLASS_IDLE",
	};
	char line[200], ret[100];
	long r;

	syscall(SYS_ioprio_get, 0xfa57beefUL, 7);
	expect_ret("ioprio_get(0xfa57beef /* IOPRIO_WHO_??? */, 7)",
		   "ioprio_get(0xfa57beef, 7)", "-1 EINVAL (Invalid argument)");
	syscall(SYS_ioprio_set, 2, 1, 0xfacefeedUL);
	expect_ret("ioprio_set(IOPRIO_WHO_PGRP, 1, IOPRIO_PRIO_VALUE("
		   "0x7d677 /* IOPRIO_CLASS_??? */, 7917))",
		   "ioprio_set(0x2, 1, -87097619)",
		   "-1 EINVAL (Invalid argument)");
	r = syscall(SYS_ioprio_get, 1, 0);
	if (r < 0 || (r >> 13) > 3)
		return;
	snprintf(ret, sizeof(ret), raw ? "%ld" :
		 "%ld (IOPRIO_PRIO_VALUE(%s, %ld))", r, classes[r >> 13],
		 r & 0x1fff);
	snprintf(line, sizeof(line), "ioprio_get(%s, 0)",
		 raw ? "0x1" : "IOPRIO_WHO_PROCESS");
	expect_ret(line, line, ret);
}

/* IPC flags over a mode: the flags as -X says, the mode always octal. */
static void ipc_lines(void)
{
	syscall(SYS_msgget, 0x7ead5eedUL, 0x8000 | 0x400 | 0x800 | 0125);
	expect_ret("msgget(0x7ead5eed, IPC_EXCL|IPC_NOWAIT|0x8000|0125)",
		   "msgget(0x7ead5eed, 0x8c00|0125)",
		   "-1 ENOENT (No such file or directory)");
	syscall(SYS_shmget, 0x7ead5eedUL, 1, 0);
	expect_ret("shmget(0x7ead5eed, 1, 000)", "shmget(0x7ead5eed, 1, 000)",
		   "-1 ENOENT (No such file or directory)");
}

/* A NUMA policy: the mode under its flags; a node mask word by word.
 * Kernels without NUMA have no such calls. */
static void mempolicy_lines(void)
{
	static uint64_t mask[2] = { 0x3, 0 };
	const char *ret;

	if (syscall(SYS_set_mempolicy, 0xe003, NULL, 0) == 0)
		return;
	ret = errno == ENOSYS ? "-1 ENOSYS (Function not implemented)" :
	      "-1 EINVAL (Invalid argument)";
	expect_ret("set_mempolicy(MPOL_INTERLEAVE|MPOL_F_STATIC_NODES|"
		   "MPOL_F_RELATIVE_NODES|MPOL_F_NUMA_BALANCING, NULL, 0)",
		   "set_mempolicy(0xe003, NULL, 0)", ret);
	syscall(SYS_set_mempolicy, 0x7f, mask, 66);
	expect_ret("set_mempolicy(0x7f /* MPOL_??? */, [0x00000000000003, "
		   "0000000000000000], 66)",
		   "set_mempolicy(0x7f, [0x00000000000003, 0000000000000000],"
		   " 66)", ret);
}

int main(int argc, char **argv)
{
	raw = argc > 1 && strcmp(argv[1], "raw") == 0;
	prctl_lines();
	arch_prctl_lines();
	unknown_bits_lines();
	ioprio_lines();
	ipc_lines();
	mempolicy_lines();
	return 0;
}
