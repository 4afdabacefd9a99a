/* Counts SIGUSR1s: 500 sent to itself, 500 more from a child, one at a
 * time (each acknowledged by a pipe byte), and prints the count. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t count;
static int ack[2];

static void on_usr1(int sig)
{
	(void)sig;
	count++;
	if (write(ack[1], "x", 1) < 0)
		_exit(3);
}

int main(void)
{
	struct sigaction sa;
	pid_t parent = getpid(), child;
	char c;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &sa, NULL);
	if (pipe(ack) < 0)
		return 2;
	for (int i = 0; i < 500; i++) {
		kill(parent, SIGUSR1);
		if (read(ack[0], &c, 1) != 1)
			return 2;
	}
	int go[2];

	if (pipe(go) < 0)
		return 2;
	child = fork();
	if (child == 0) {
		for (int i = 0; i < 500; i++) {
			kill(parent, SIGUSR1);
			if (read(go[0], &c, 1) != 1)
				_exit(2);
		}
		_exit(0);
	}
	for (int i = 0; i < 500; i++) {
		if (read(ack[0], &c, 1) != 1)
			return 2;
		if (write(go[1], "y", 1) != 1)
			return 2;
	}
	waitpid(child, NULL, 0);
	printf("usr1 %d\n", (int)count);
	return 0;
}
