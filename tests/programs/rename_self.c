/* Renames its thread with prctl(PR_SET_NAME), then writes a line: the
 * comm of the write is the new name. */
#include <sys/prctl.h>
#include <unistd.h>

int main(void)
{
	write(1, "before\n", 7);
	prctl(PR_SET_NAME, "renamed-prog");
	write(1, "after\n", 6);
	return 0;
}
