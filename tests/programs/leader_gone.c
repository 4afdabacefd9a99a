/* Threads that end while a line is open. With "exec", the leader thread
 * leaves with exit(2) and a second thread then calls execve of /bin/true,
 * taking over the leader's pid; without it, a second thread sleeps in
 * nanosleep(2) while the leader ends the process with exit_group(2). */
#include <pthread.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static void *exec_later(void *arg)
{
	struct timespec pause = { 0, 100000000 };
	char *argv[] = { "/bin/true", NULL };

	(void)arg;
	nanosleep(&pause, NULL);
	execv(argv[0], argv);
	return NULL;
}

static void *sleep_long(void *arg)
{
	struct timespec ten = { 10, 0 };

	(void)arg;
	syscall(SYS_nanosleep, &ten, NULL);
	return NULL;
}

int main(int argc, char **argv)
{
	struct timespec pause = { 0, 100000000 };
	pthread_t t;

	if (argc > 1 && strcmp(argv[1], "exec") == 0) {
		pthread_create(&t, NULL, exec_later, NULL);
		syscall(SYS_exit, 0);
	}
	pthread_create(&t, NULL, sleep_long, NULL);
	nanosleep(&pause, NULL);
	syscall(SYS_exit_group, 7);
	return 1;
}
