/* Writes strings that exercise quoting and truncation at -s. */
#include <unistd.h>

int main(void)
{
	static const char bin[] = "\x01\x02\x7f\xff\t\n\"\\0a";
	static const char long_text[] =
		"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";

	write(1, bin, sizeof(bin) - 1);
	write(1, long_text, sizeof(long_text) - 1);
	return 0;
}
