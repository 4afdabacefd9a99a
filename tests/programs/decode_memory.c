/* Makes exact memory-family syscalls for test_decode_memory. */
#include <linux/membarrier.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	char *p;

	p = (char *)syscall(SYS_mmap, 0, 16384, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	syscall(SYS_mprotect, p, 4096, PROT_NONE);
	syscall(SYS_madvise, p, 4096, MADV_DONTNEED);
	syscall(SYS_madvise, p, 4096, MADV_WILLNEED);
	syscall(SYS_mlock, p + 4096, 4096);
	syscall(SYS_munlock, p + 4096, 4096);
	syscall(SYS_mlock2, p + 4096, 4096, MLOCK_ONFAULT);
	syscall(SYS_mlockall, MCL_CURRENT | MCL_FUTURE);
	syscall(SYS_munlockall);
	syscall(SYS_msync, p + 4096, 4096, MS_SYNC | MS_INVALIDATE);
	p = (char *)syscall(SYS_mremap, p, 16384, 32768, MREMAP_MAYMOVE);
	syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
	syscall(SYS_munmap, p, 32768);
	syscall(SYS_mmap, 0, 4096, PROT_READ, MAP_SHARED | MAP_FIXED, 99, 0);
	syscall(SYS_brk, 0);
	return 0;
}
