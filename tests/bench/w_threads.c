/* w_threads: T threads each call getppid() N times; multi-threaded tracee cost. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define MAX_THREADS 64

static long count;

static void *worker(void *arg)
{
	long i;

	(void)arg;
	for (i = 0; i < count; i++)
		getppid();
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t tid[MAX_THREADS];
	int i, n, err;

	if (argc != 3) {
		fprintf(stderr, "usage: %s THREADS COUNT\n", argv[0]);
		return 2;
	}
	n = atoi(argv[1]);
	count = atol(argv[2]);
	if (n < 1 || n > MAX_THREADS) {
		fprintf(stderr, "THREADS must be 1..%d\n", MAX_THREADS);
		return 2;
	}
	for (i = 0; i < n; i++) {
		err = pthread_create(&tid[i], NULL, worker, NULL);
		if (err) {
			fprintf(stderr, "pthread_create: error %d\n", err);
			return 1;
		}
	}
	for (i = 0; i < n; i++)
		pthread_join(tid[i], NULL);
	return 0;
}
