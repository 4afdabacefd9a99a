/* ptrace's register sets: PTRACE_GETREGS and PTRACE_GETFPREGS (and their
 * SET pairs) and PTRACE_GETREGSET's iovec. */
#include <string.h>

#include "ptrace_regs.h"

struct value *ptrace_regs_value(struct decode_ctx *ctx, const char *kind,
				const char *name, uint64_t addr, bool out)
{
	return NULL;
}
