/* Internal to the ioctl decoders: the families that decode the third
 * argument of the requests of one _IOC type byte (src/decode/ioctl_*.c),
 * and the helpers they share. */
#ifndef MYTRACE_IOCTL_FAMILY_H
#define MYTRACE_IOCTL_FAMILY_H

#include <stdbool.h>
#include <stdint.h>

#include "decoders.h"

/* A family's decoder of argument arg of request req: its value, or NULL
 * for a request the family does not decode (printed as a number, as
 * strace prints it). Called at entry and at the exit of a successful
 * call; a NULL at exit keeps what entry showed. */
typedef struct value *(*ioctl_family_fn)(struct decode_ctx *ctx,
					 const char *name, uint32_t req,
					 uint64_t arg);

struct value *ioctl_counter(struct decode_ctx *ctx, const char *name,
			    uint32_t req, uint64_t arg);

/* An enum with strace's "PREFIX_???" comment when x does not name v. */
struct value *ioctl_enum(struct decode_ctx *ctx, const char *name,
			 uint64_t v, const struct xlat *x);
/* Flags with the "PREFIX_???" comment when x names none of them. */
struct value *ioctl_flags_value(struct decode_ctx *ctx, const char *name,
				uint64_t raw, const struct xlat *x);
/* For a request whose argument the call fills: its address at entry, and
 * true at a successful exit, where the caller decodes it. */
bool ioctl_out_ready(struct decode_ctx *ctx, const char *name, uint64_t arg,
		     struct value **v);

#endif
