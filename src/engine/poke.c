/* Writing into a stopped tracee's memory for -e inject=...:poke_enter= and
 * poke_exit=: process_vm_writev, then PTRACE_POKEDATA word by word for
 * what it could not write (read-only mappings, or a kernel that refuses
 * it), as far as the memory is mapped. */
#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include "ptrace_engine.h"

/* Writes the bytes of [addr, addr + len) that lie in the word at base
 * (aligned), keeping the others. */
static int poke_word(pid_t tid, uint64_t base, uint64_t addr,
		     const unsigned char *buf, size_t len)
{
	long word;

	errno = 0;
	word = ptrace(PTRACE_PEEKDATA, tid, (void *)base, 0);
	if (errno)
		return -1;
	memcpy((char *)&word + (addr - base), buf, len);
	return ptrace(PTRACE_POKEDATA, tid, (void *)base, (void *)word) < 0 ?
	       -1 : 0;
}

static ssize_t poke_by_words(pid_t tid, uint64_t addr,
			     const unsigned char *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		uint64_t at = addr + done;
		uint64_t base = at & ~(uint64_t)(sizeof(long) - 1);
		size_t n = sizeof(long) - (size_t)(at - base);

		if (n > len - done)
			n = len - done;
		if (poke_word(tid, base, at, buf + done, n) < 0)
			return done ? (ssize_t)done : -1;
		done += n;
	}
	return (ssize_t)done;
}

ssize_t tracee_poke(void *engine, pid_t tid, uint64_t addr, const void *buf,
		    size_t len)
{
	struct iovec local = { (void *)buf, len };
	struct iovec remote = { (void *)(uintptr_t)addr, len };
	ssize_t n, more;

	(void)engine;
	n = process_vm_writev(tid, &local, 1, &remote, 1, 0);
	if (n == (ssize_t)len)
		return n;
	if (n < 0)
		n = 0;
	more = poke_by_words(tid, addr + (size_t)n,
			     (const unsigned char *)buf + n, len - (size_t)n);
	if (more < 0)
		return n ? n : -1;
	return n + more;
}
