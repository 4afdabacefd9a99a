/* Seccomp filters that the kernel refuses, for test_decode_selfcheck
 * (run with -v, which shows a filter's instructions): each call is
 * followed by the line mytrace must print for it. */
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "selfcheck.h"

int main(void)
{
	struct sock_filter jump_out[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0),
		BPF_JUMP(BPF_JMP | BPF_K | BPF_JEQ, 0x27, 5, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 0x10),
		BPF_STMT(BPF_RET | BPF_K, 0x60000),
	};
	struct sock_fprog prog = { 4, jump_out };
	long page = sysconf(_SC_PAGESIZE), rc;
	char *two;

	setvbuf(stdout, NULL, _IONBF, 0);
	rc = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
	printf("seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=4, filter=["
	       "BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0), "
	       "BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x27, 0x5, 0), "
	       "BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ERRNO|0x10), "
	       "BPF_STMT(BPF_RET|BPF_K, 0x60000 /* SECCOMP_RET_??? */)]}) = "
	       "%s\n", sc_ret(rc));
	rc = prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0);
	printf("prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=4, filter=["
	       "BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0), "
	       "BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x27, 0x5, 0), "
	       "BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ERRNO|0x10), "
	       "BPF_STMT(BPF_RET|BPF_K, 0x60000 /* SECCOMP_RET_??? */)]}) = "
	       "%s\n", sc_ret(rc));
	/* the second instruction on a page that is not mapped */
	two = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (two == MAP_FAILED || munmap(two + page, page))
		return 1;
	prog.filter = (struct sock_filter *)(two + page) - 1;
	prog.filter[0] = (struct sock_filter)BPF_STMT(BPF_MISC | BPF_TAX, 0);
	prog.len = 2;
	rc = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
	printf("seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=2, filter=["
	       "BPF_STMT(BPF_MISC|BPF_TAX, 0), ... /* %p */]}) = %s\n",
	       (void *)(two + page), sc_ret(rc));
	prog.len = 0;
	rc = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
	printf("seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=0, filter=[]}) = "
	       "%s\n", sc_ret(rc));
	return 0;
}
