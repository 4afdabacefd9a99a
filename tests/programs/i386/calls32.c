/* A 32-bit (i386) program that makes the calls only the i386 table has
 * (mmap2, the 32-bit uid calls, the *_time64 calls) and calls whose
 * structs have the same layout in both personalities (uname, getdents64),
 * and prints, for each, "CALL<TAB>RETURN" as the trace must show it. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

/* i386's numbers (asm/unistd_32.h; the multilib headers lack asm/) */
#define NR_getuid32 199
#define NR_chown32 212
#define NR_clock_gettime64 403
#define NR_getdents64 220

/* the kernel's 64-bit timespec, which the *_time64 calls take */
struct ts64 {
	long long tv_sec;
	long long tv_nsec;
};

int main(void)
{
	struct ts64 ts;
	long r;
	int fd = open("/proc/self/exe", O_RDONLY);
	void *p;

	if (fd < 0)
		return 1;
	p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 4096);
	if (p == MAP_FAILED)
		return 1;
	printf("mmap2(NULL, 4096, PROT_READ, MAP_PRIVATE, %d, 0x1000)\t%p\n",
	       fd, p);
	r = syscall(NR_getuid32);
	printf("getuid32()\t%ld\n", r);
	r = syscall(NR_chown32, "/nonexistent/mytrace-32", 0, 0);
	printf("chown32(\"/nonexistent/mytrace-32\", 0, 0)\t%ld ENOENT "
	       "(No such file or directory)\n", r);
	r = syscall(NR_clock_gettime64, CLOCK_MONOTONIC, &ts);
	printf("clock_gettime64(CLOCK_MONOTONIC, {tv_sec=%lld, "
	       "tv_nsec=%lld})\t%ld\n", ts.tv_sec, ts.tv_nsec, r);
	{
		struct utsname u;

		r = uname(&u);
		printf("uname({sysname=\"%s\", nodename=\"%s\", ...})\t%ld\n",
		       u.sysname, u.nodename, r);
	}
	{
		char buf[64];

		/* a descriptor of a file, not a directory: ENOTDIR */
		r = syscall(NR_getdents64, fd, buf, sizeof(buf));
		printf("getdents64(%d, %p, 64)\t%ld ENOTDIR (Not a directory)\n",
		       fd, (void *)buf, r);
	}
	fflush(stdout);
	return 0;
}
