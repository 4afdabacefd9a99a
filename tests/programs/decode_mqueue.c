/* POSIX message queues: mq_open's attributes, mq_getsetattr's old and
 * new ones, the priority mq_timedreceive writes, names that cannot be
 * read; for test_decode_selfcheck: each call is followed by the line
 * mytrace must print for it (on stdout). */
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "selfcheck.h"

int main(void)
{
	struct mq_attr at = { .mq_maxmsg = 2, .mq_msgsize = 16 }, old;
	char name[32], buf[16];
	unsigned prio = 0;
	char *page;
	long fd, rc;

	setvbuf(stdout, NULL, _IONBF, 0);
	snprintf(name, sizeof(name), "mytrace-mq-%d", getpid());
	fd = syscall(SYS_mq_open, name, O_RDWR | O_CREAT | O_NONBLOCK, 0600,
		     &at);
	printf("mq_open(\"%s\", O_RDWR|O_CREAT|O_NONBLOCK, 0600, {mq_flags=0, "
	       "mq_maxmsg=2, mq_msgsize=16, mq_curmsgs=0}) = %s\n", name,
	       sc_ret(fd));
	if (fd < 0)
		return 0;
	rc = syscall(SYS_mq_timedsend, fd, "hi", 2, 7, NULL);
	printf("mq_timedsend(%ld, \"hi\", 2, 7, NULL) = %s\n", fd,
	       sc_ret(rc));
	rc = syscall(SYS_mq_getsetattr, fd, NULL, &old);
	printf("mq_getsetattr(%ld, NULL, {mq_flags=O_NONBLOCK, mq_maxmsg=2, "
	       "mq_msgsize=16, mq_curmsgs=1}) = %s\n", fd, sc_ret(rc));
	rc = syscall(SYS_mq_timedreceive, fd, buf, sizeof(buf), &prio, NULL);
	printf("mq_timedreceive(%ld, \"hi\", 16, [7], NULL) = %s\n", fd,
	       sc_ret(rc));
	at.mq_flags = 0;
	rc = syscall(SYS_mq_getsetattr, fd, &at, NULL);
	printf("mq_getsetattr(%ld, {mq_flags=0, mq_maxmsg=2, mq_msgsize=16, "
	       "mq_curmsgs=0}, NULL) = %s\n", fd, sc_ret(rc));
	close(fd);
	rc = syscall(SYS_mq_unlink, name);
	printf("mq_unlink(\"%s\") = %s\n", name, sc_ret(rc));
	/* a name running into unmapped memory: its address */
	page = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED)
		return 0;
	munmap(page + 4096, 4096);
	for (int i = 0; i < 4096; i++)
		page[i] = 'q';
	rc = syscall(SYS_mq_unlink, page + 4096 - 8);
	printf("mq_unlink(%p) = %s\n", (void *)(page + 4096 - 8),
	       sc_ret(rc));
	return 0;
}
