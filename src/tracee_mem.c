/* Tracee memory reads through /proc/PID/mem or process_vm_readv, falling
 * back to PTRACE_PEEKDATA where the kernel refuses it (for example without
 * CONFIG_CROSS_MEMORY_ATTACH). */
#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <unistd.h>

#include "tracee_mem.h"

static ssize_t read_peekdata(pid_t pid, uint64_t addr, void *buf, size_t len)
{
	size_t done = 0;
	unsigned char *out = buf;

	while (done < len) {
		uint64_t word_addr = (addr + done) & ~(uint64_t)(sizeof(long) - 1);
		size_t skip = (size_t)(addr + done - word_addr);
		size_t take = sizeof(long) - skip;
		long word;

		errno = 0;
		word = ptrace(PTRACE_PEEKDATA, pid, (void *)word_addr, NULL);
		if (errno)
			return done ? (ssize_t)done : -1;
		if (take > len - done)
			take = len - done;
		memcpy(out + done, (unsigned char *)&word + skip, take);
		done += take;
	}
	return (ssize_t)done;
}

static ssize_t read_process(const struct tracee_mem *m, uint64_t addr,
			    void *buf, size_t len)
{
	struct iovec local = { buf, len };
	struct iovec remote = { (void *)(uintptr_t)addr, len };
	ssize_t n;

	if (len == 0)
		return 0;
	/* the file offset is signed: higher addresses are never mapped */
	if (m->fd >= 0 && addr <= INT64_MAX) {
		n = pread(m->fd, buf, len, (off_t)addr);
		if (n > 0)
			return n;
		if (n < 0 && errno == EIO)	/* not mapped */
			return -1;
	}
	n = process_vm_readv(m->pid, &local, 1, &remote, 1, 0);
	if (n >= 0)
		return n;
	if (errno == ENOSYS || errno == EPERM)
		return read_peekdata(m->pid, addr, buf, len);
	return -1;
}

void tracee_mem_init(struct tracee_mem *m, pid_t pid)
{
	m->read = read_process;
	m->pid = pid;
	m->fd = -1;
	m->ctx = NULL;
}

int tracee_read(const struct tracee_mem *m, uint64_t addr, void *buf,
		size_t len)
{
	size_t done = 0;

	if (addr == 0)
		return -1;
	/* a partial read means the range crosses into an unmapped page */
	while (done < len) {
		ssize_t n = m->read(m, addr + done, (char *)buf + done,
				    len - done);

		if (n <= 0)
			return -1;
		done += (size_t)n;
	}
	return 0;
}

#define PAGE 4096

ssize_t tracee_read_upto(const struct tracee_mem *m, uint64_t addr,
			 void *buf, size_t len)
{
	/* one call when the range is readable; on a short read the rest
	 * starts at a page the kernel could not read */
	ssize_t n;

	if (addr == 0 || len == 0)
		return -1;
	n = m->read(m, addr, buf, len);
	if (n > 0)
		return n;
	/* a reader without partial reads: the first page alone */
	if (len > PAGE - addr % PAGE) {
		n = m->read(m, addr, buf, PAGE - addr % PAGE);
		if (n > 0)
			return n;
	}
	return -1;
}

ssize_t tracee_read_str(const struct tracee_mem *m, uint64_t addr, char *buf,
			size_t max)
{
	size_t done = 0;

	if (addr == 0)
		return -1;
	while (done < max + 1) {
		/* stay within one page per read: the next may be unmapped */
		size_t chunk = PAGE - (size_t)((addr + done) % PAGE);
		ssize_t n;

		if (chunk > max + 1 - done)
			chunk = max + 1 - done;
		n = m->read(m, addr + done, buf + done, chunk);
		if (n <= 0)
			return -1;
		char *nul = memchr(buf + done, 0, (size_t)n);

		if (nul)
			return nul - buf;
		done += (size_t)n;
	}
	return (ssize_t)(max + 1);
}
