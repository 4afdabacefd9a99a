/* A process tree of 200: the root forks 10 children, child i forks 19
 * grandchildren (the last one 18). Every process calls getppid() 3 times
 * and getuid() level+1 times, waits for its children and exits with its
 * level (0, 1 or 2). */
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void work(int level)
{
	for (int i = 0; i < 3; i++)
		syscall(SYS_getppid);
	for (int i = 0; i <= level; i++)
		syscall(SYS_getuid);
}

static void reap(void)
{
	while (wait(NULL) > 0)
		;
}

int main(void)
{
	for (int c = 0; c < 10; c++) {
		if (fork() == 0) {
			int n = c == 9 ? 18 : 19;

			for (int g = 0; g < n; g++) {
				if (fork() == 0) {
					work(2);
					_exit(2);
				}
			}
			work(1);
			reap();
			_exit(1);
		}
	}
	work(0);
	reap();
	return 0;
}
