/* Built stripped and without unwind tables or frame pointers: -k must
 * fall back to addresses and never crash. */
#include <unistd.h>

int main(void)
{
	return write(1, "x\n", 2) == 2 ? 0 : 1;
}
