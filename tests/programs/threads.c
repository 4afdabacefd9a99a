/* 8 threads, each calling getppid() 10,000 times; the main thread joins
 * them. */
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

static void *spin(void *arg)
{
	(void)arg;
	for (int i = 0; i < 10000; i++)
		syscall(SYS_getppid);
	return NULL;
}

int main(void)
{
	pthread_t t[8];

	for (int i = 0; i < 8; i++)
		pthread_create(&t[i], NULL, spin, NULL);
	for (int i = 0; i < 8; i++)
		pthread_join(t[i], NULL);
	return 0;
}
