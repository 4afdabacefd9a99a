/* Load for the reliability tests, by its first argument:
 *   args A B ...   prints its arguments on one line and exits 7;
 *   children N     starts N children that all live at once (each waits
 *                  until the last is started), each writes "child I\n"
 *                  with one write(2); prints "children N ok", exits 0;
 *   calls N P      P processes (itself and P - 1 children) each make N
 *                  getppid calls; prints "calls N P ok", exits 0.
 * The parent checks each child's exit status: 3 if any failed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int print_args(int argc, char **argv)
{
	for (int i = 2; i < argc; i++)
		printf("%s%s", argv[i], i + 1 < argc ? " " : "\n");
	return 7;
}

/* Forks n children running fn(i); they start when the last is forked. */
static int run_children(long n, int (*fn)(long i, long arg), long arg)
{
	int gate[2];
	char c;
	int status, bad = 0;

	if (pipe(gate) != 0)
		return 3;
	for (long i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid < 0)
			return 3;
		if (pid == 0) {
			close(gate[1]);
			/* EOF when the parent closes its end */
			if (read(gate[0], &c, 1) != 0)
				_exit(4);
			_exit(fn(i, arg));
		}
	}
	close(gate[0]);
	close(gate[1]);
	while (wait(&status) > 0)
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			bad = 1;
	return bad ? 3 : 0;
}

static int write_line(long i, long arg __attribute__((unused)))
{
	char line[32];
	int len = snprintf(line, sizeof(line), "child %ld\n", i);

	return write(1, line, (size_t)len) == len ? 0 : 5;
}

static int make_calls(long i __attribute__((unused)), long n)
{
	for (long k = 0; k < n; k++)
		syscall(SYS_getppid);
	return 0;
}

int main(int argc, char **argv)
{
	long n = argc > 2 ? atol(argv[2]) : 0;
	long p = argc > 3 ? atol(argv[3]) : 1;
	int rc;

	if (argc < 2)
		return 2;
	if (strcmp(argv[1], "args") == 0)
		return print_args(argc, argv);
	if (strcmp(argv[1], "children") == 0) {
		rc = run_children(n, write_line, 0);
		printf("children %ld %s\n", n, rc ? "failed" : "ok");
		return rc;
	}
	if (strcmp(argv[1], "calls") == 0) {
		rc = run_children(p - 1, make_calls, n);
		make_calls(0, n);
		printf("calls %ld %ld %s\n", n, p, rc ? "failed" : "ok");
		return rc;
	}
	return 2;
}
