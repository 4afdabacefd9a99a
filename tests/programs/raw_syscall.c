/* Makes a syscall with a number no table knows: it must trace raw. */
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	syscall(1000, 1, 2, 3, 4, 5, 6);
	return 0;
}
