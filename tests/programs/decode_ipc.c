/* System V IPC calls, for test_decode_selfcheck: each call is followed by
 * the line mytrace must print for it (on stdout). Raw syscalls, so that
 * no C library adds IPC_64 to the commands. */
#include <stdint.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "selfcheck.h"

#define KEY 0x7e57ab1e	/* no such segment, queue or set */

static void print_perm(const struct ipc_perm *p, int all)
{
	printf("{uid=%u, gid=%u, mode=%#o", p->uid, p->gid, p->mode);
	if (all)
		printf(", key=%u, cuid=%u, cgid=%u", (unsigned)p->__key,
		       p->cuid, p->cgid);
	printf("}");
}

static void shm(void)
{
	struct shmid_ds ds;
	int id;
	long rc;

	rc = syscall(SYS_shmget, KEY, 4096, (21 << 26) | 0600);
	printf("shmget(%#x, 4096, 21<<SHM_HUGE_SHIFT|0600) = %s\n", KEY,
	       sc_ret(rc));
	rc = syscall(SYS_shmget, KEY, 4096, SHM_NORESERVE | 0x400000 | 0640);
	printf("shmget(%#x, 4096, SHM_NORESERVE|0x400000|0640) = %s\n", KEY,
	       sc_ret(rc));
	id = syscall(SYS_shmget, IPC_PRIVATE, 4096, 0600);
	if (id < 0)
		return;
	printf("shmget(IPC_PRIVATE, 4096, 0600) = %d\n", id);
	rc = syscall(SYS_shmctl, id, IPC_STAT, &ds);
	printf("shmctl(%d, IPC_STAT, {shm_perm=", id);
	print_perm(&ds.shm_perm, 1);
	printf(", shm_segsz=%zu, shm_cpid=%d, shm_lpid=%d, shm_nattch=%lu, "
	       "shm_atime=%lu, shm_dtime=%lu, shm_ctime=%lu}) = %s\n",
	       ds.shm_segsz, ds.shm_cpid, ds.shm_lpid, ds.shm_nattch,
	       (unsigned long)ds.shm_atime, (unsigned long)ds.shm_dtime,
	       (unsigned long)ds.shm_ctime, sc_ret(rc));
	rc = syscall(SYS_shmctl, id, IPC_SET, &ds);
	printf("shmctl(%d, IPC_SET, {shm_perm=", id);
	print_perm(&ds.shm_perm, 0);
	printf("}) = %s\n", sc_ret(rc));
	rc = syscall(SYS_shmctl, id, IPC_RMID, NULL);
	printf("shmctl(%d, IPC_RMID, NULL) = %s\n", id, sc_ret(rc));
}

/* semop's array: the second element is past the end of the mapping */
static void sem(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct sembuf *b;
	struct semid_ds ds;
	int id;
	long rc;

	if (p == MAP_FAILED || munmap(p + page, page))
		return;
	b = (struct sembuf *)(p + page) - 1;
	b->sem_num = 0;
	b->sem_op = 1;
	b->sem_flg = SEM_UNDO | 0x20;
	id = syscall(SYS_semget, IPC_PRIVATE, 1, 0600);
	if (id < 0)
		return;
	printf("semget(IPC_PRIVATE, 1, 0600) = %d\n", id);
	rc = syscall(SYS_semop, id, b, 1);
	printf("semop(%d, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO|0x20}], 1) "
	       "= %s\n", id, sc_ret(rc));
	rc = syscall(SYS_semop, id, b, 2);
	printf("semop(%d, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO|0x20}, "
	       "... /* %p */], 2) = %s\n", id, (void *)(b + 1), sc_ret(rc));
	rc = syscall(SYS_semop, id, b, 0);
	printf("semop(%d, [], 0) = %s\n", id, sc_ret(rc));
	rc = syscall(SYS_semctl, id, 0, IPC_STAT, &ds);
	printf("semctl(%d, 0, IPC_STAT, {sem_perm=", id);
	print_perm(&ds.sem_perm, 1);
	printf(", sem_otime=%lu, sem_ctime=%lu, sem_nsems=%lu}) = %s\n",
	       (unsigned long)ds.sem_otime, (unsigned long)ds.sem_ctime,
	       (unsigned long)ds.sem_nsems, sc_ret(rc));
	rc = syscall(SYS_semctl, id, 0, IPC_RMID, 0);
	printf("semctl(%d, 0, IPC_RMID, NULL) = %s\n", id, sc_ret(rc));
	munmap(p, page);
}

static void msg(void)
{
	struct msqid_ds ds;
	int id;
	long rc;

	id = syscall(SYS_msgget, IPC_PRIVATE, 0600);
	if (id < 0)
		return;
	printf("msgget(IPC_PRIVATE, 0600) = %d\n", id);
	rc = syscall(SYS_msgctl, id, IPC_STAT, &ds);
	if (rc)
		return;
	ds.msg_qbytes = 1024;
	rc = syscall(SYS_msgctl, id, IPC_SET, &ds);
	printf("msgctl(%d, IPC_SET, {msg_perm=", id);
	print_perm(&ds.msg_perm, 0);
	printf(", msg_qbytes=1024}) = %s\n", sc_ret(rc));
	/* a failed IPC_STAT wrote nothing: its address shows */
	rc = syscall(SYS_msgctl, -1, IPC_STAT, &ds);
	printf("msgctl(-1, IPC_STAT, %p) = %s\n", (void *)&ds, sc_ret(rc));
	rc = syscall(SYS_msgctl, id, IPC_RMID, NULL);
	printf("msgctl(%d, IPC_RMID, NULL) = %s\n", id, sc_ret(rc));
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	shm();
	sem();
	msg();
	return 0;
}
