/* A 32-bit (i386) program for the personality tests, built with -m32: it
 * writes its pid, opens a missing file and asks its pid again through
 * int 0x80, whose numbers are i386's (20: getpid). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	char line[64];
	long pid;

	snprintf(line, sizeof(line), "hello32 pid=%d\n", (int)getpid());
	write(1, line, strlen(line));
	open("/nonexistent/mytrace-32", O_RDONLY);
	__asm__ volatile("int $0x80" : "=a"(pid) : "a"(20L) : "memory");
	return pid == getpid() ? 3 : 1;
}
