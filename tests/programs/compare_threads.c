/* A small multithreaded program: four threads that write, sleep and take
 * a lock, for comparing traces with strace (tests/compare/compare-all). */
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int counter;

static void *worker(void *arg)
{
	struct timespec ts = { 0, 1000000 };

	nanosleep(&ts, NULL);
	pthread_mutex_lock(&lock);
	counter++;
	pthread_mutex_unlock(&lock);
	write(1, "w\n", 2);
	return arg;
}

int main(void)
{
	pthread_t t[4];

	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	printf("%d\n", counter);
	return 0;
}
