/* Dies of SIGSEGV by writing through a null pointer. */
#include <sys/resource.h>

int main(void)
{
	struct rlimit no_core = { 0, 0 };

	/* keep the test machine free of core files */
	setrlimit(RLIMIT_CORE, &no_core);
	*(volatile int *)0 = 1;
	return 0;
}
