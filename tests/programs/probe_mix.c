/* Every kind of stop a tracer meets while it polls one thread: quick calls
 * in a row, a signal delivered between them, calls that block, a child
 * that runs while its parent waits for it, and a thread that runs while
 * the main thread joins it. Each quick call is getppid, so a trace that
 * lost or repeated a stop shows the wrong number of getppid lines. */
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define QUICK_CALLS 40

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	(void)sig;
	got++;
}

static void quick_calls(void)
{
	for (int i = 0; i < QUICK_CALLS; i++)
		syscall(SYS_getppid);
}

static void *thread_main(void *arg)
{
	(void)arg;
	quick_calls();
	return NULL;
}

int main(void)
{
	struct timespec ms = { 0, 2000000 };
	struct sigaction sa;
	pthread_t thread;
	sigset_t chld;
	int status;
	pid_t child;

	/* a SIGCHLD would come before or after waitpid returns */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	quick_calls();
	kill(getpid(), SIGUSR1);
	quick_calls();
	for (int i = 0; i < 3; i++)
		nanosleep(&ms, NULL);
	child = fork();
	if (child == 0) {
		quick_calls();
		_exit(7);
	}
	if (child < 0 || waitpid(child, &status, 0) != child ||
	    !WIFEXITED(status) || WEXITSTATUS(status) != 7)
		return 1;
	if (pthread_create(&thread, NULL, thread_main, NULL) != 0 ||
	    pthread_join(thread, NULL) != 0)
		return 1;
	return got == 1 ? 0 : 1;
}
