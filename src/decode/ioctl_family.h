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

struct value *ioctl_fs_x(struct decode_ctx *ctx, const char *name,
			 uint32_t req, uint64_t arg);

struct value *ioctl_hdio(struct decode_ctx *ctx, const char *name,
			 uint32_t req, uint64_t arg);

struct value *ioctl_ptp(struct decode_ctx *ctx, const char *name,
			uint32_t req, uint64_t arg);

struct value *ioctl_seccomp(struct decode_ctx *ctx, const char *name,
			    uint32_t req, uint64_t arg);

struct value *ioctl_gpio(struct decode_ctx *ctx, const char *name,
			 uint32_t req, uint64_t arg);

struct value *ioctl_rtc(struct decode_ctx *ctx, const char *name,
			uint32_t req, uint64_t arg);

struct value *ioctl_ubi(struct decode_ctx *ctx, const char *name,
			uint32_t req, uint64_t arg);

struct value *ioctl_evdev(struct decode_ctx *ctx, const char *name,
			  uint32_t req, uint64_t arg);
/* EVIOCGABS(ABS_X), EVIOCGNAME(256): the name of a request that carries
 * a number; NULL for the others. Without comments, an unnamed number has
 * no "ABS_???" after it (-X verbose writes the name in a comment). */
const char *ioctl_evdev_name(struct decode_ctx *ctx, uint32_t req,
			     bool comments);

struct value *ioctl_kd(struct decode_ctx *ctx, const char *name,
		       uint32_t req, uint64_t arg);

struct value *ioctl_lirc(struct decode_ctx *ctx, const char *name,
			 uint32_t req, uint64_t arg);

struct value *ioctl_uffdio(struct decode_ctx *ctx, const char *name,
			   uint32_t req, uint64_t arg);

struct value *ioctl_loop(struct decode_ctx *ctx, const char *name,
			 uint32_t req, uint64_t arg);

struct value *ioctl_termios(struct decode_ctx *ctx, const char *name,
			    uint32_t req, uint64_t arg);

struct value *ioctl_sock(struct decode_ctx *ctx, const char *name,
			 uint32_t req, uint64_t arg);

struct value *ioctl_kvm(struct decode_ctx *ctx, const char *name,
			uint32_t req, uint64_t arg);

struct value *ioctl_scsi(struct decode_ctx *ctx, const char *name,
			 uint32_t req, uint64_t arg);

struct value *ioctl_block(struct decode_ctx *ctx, const char *name,
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
/* Flags whose set lists bit numbers: 1<<NAME|... (shift is "<<" or
 * " << "), with the set's "???" comment when none is named. */
struct value *ioctl_bit_flags(struct decode_ctx *ctx, const char *name,
			      uint64_t raw, const struct xlat *bits,
			      const char *shift);
/* A char array of size bytes copied from the tracee into buf, as strace
 * prints one: up to its NUL, at most size - 1 bytes (-s does not cut
 * it). */
struct value *ioctl_cstring(struct decode_ctx *ctx, const char *name,
			    uint64_t addr, const char *buf, size_t size);
/* An argument strace shows as "in => out" even when the call fails: at
 * entry, in followed by the address; at a successful exit, what entry
 * showed followed by out (just out when entry showed an address). */
struct value *ioctl_inout_entry(struct decode_ctx *ctx, const char *name,
				uint64_t addr, struct value *in);
struct value *ioctl_inout_exit(struct decode_ctx *ctx, const char *name,
			       struct value *out);

#endif
