/* Exits with status 3. */
#include <unistd.h>

int main(void)
{
	_exit(3);
}
