/* Reading tracee memory: the only way decoders see a tracee. A reader is a
 * function pointer so that tests and the fuzzer can supply fake memory. */
#ifndef MYTRACE_TRACEE_MEM_H
#define MYTRACE_TRACEE_MEM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct tracee_mem {
	/* Reads up to len bytes at addr; returns the count read (which may be
	 * short at an unmapped page) or -1. */
	ssize_t (*read)(const struct tracee_mem *m, uint64_t addr, void *buf,
			size_t len);
	pid_t pid;
	int fd;		/* /proc/PID/mem open for reading, or -1 */
	void *ctx;
};

/* A reader for a real process: pread on fd when the caller sets one, else
 * process_vm_readv, PTRACE_PEEKDATA fallback. */
void tracee_mem_init(struct tracee_mem *m, pid_t pid);

/* Reads exactly len bytes; 0 on success, -1 if any byte is unreadable. */
int tracee_read(const struct tracee_mem *m, uint64_t addr, void *buf,
		size_t len);
/* Reads what it can of len bytes at addr, at most to the end of the
 * first unreadable page; for vectors whose length is not known. Returns
 * the count read (0 < n <= len) or -1 if the first byte is unreadable. */
ssize_t tracee_read_upto(const struct tracee_mem *m, uint64_t addr,
			 void *buf, size_t len);
/* Reads a NUL-terminated string of at most max bytes (without the NUL)
 * into buf (max + 1 bytes). Returns its length, max + 1 if no NUL was found
 * within max bytes, or -1 if the first byte is unreadable. Reads in
 * page-bounded chunks. */
ssize_t tracee_read_str(const struct tracee_mem *m, uint64_t addr, char *buf,
			size_t max);

#endif
