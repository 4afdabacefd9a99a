/* A second thread calls execve of /bin/true while the main thread waits
 * in pthread_join: the execing thread takes over the leader's pid. */
#include <pthread.h>
#include <unistd.h>

static void *run(void *arg)
{
	char *argv[] = { "/bin/true", NULL };

	(void)arg;
	execv(argv[0], argv);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, run, NULL);
	pthread_join(t, NULL);
	return 1;
}
