/* Internal to src/decode: the decoder functions named in arg_types.h and
 * helpers they share. A decoder turns one raw argument into a value (or
 * NULL to leave the argument out, as strace does for openat's mode). */
#ifndef MYTRACE_DECODERS_H
#define MYTRACE_DECODERS_H

#include "arg_types.h"
#include "decode.h"

typedef struct value *(*arg_decoder)(struct decode_ctx *ctx,
				     const struct arg_desc *a, uint64_t raw);

#define X(name, fn, phase, props) \
	struct value *fn(struct decode_ctx *ctx, const struct arg_desc *a, \
			 uint64_t raw);
ARG_TYPES(X)
#undef X

/* An argument's decoder may decide how the arguments after it show (a
 * command selects them): decode_replace_arg gives later argument i its
 * value (NULL hides it), which is then not decoded again; decode_end_args
 * ends the argument list after n arguments. Only these two touch another
 * argument's slot or the count. */
void decode_replace_arg(struct decode_ctx *ctx, unsigned i, struct value *v);
void decode_end_args(struct decode_ctx *ctx, unsigned n);
/* At exit, what the argument being decoded showed at entry (PHASE_BOTH). */
static inline struct value *decode_entry_value(const struct decode_ctx *ctx)
{
	return ctx->sc->args[ctx->cur];
}

/* At exit, what earlier argument i showed at entry, read only (accept's
 * address reads the length its caller offered): NULL if none. */
const struct value *decode_entry_arg(const struct decode_ctx *ctx,
				     unsigned i);

/* Every stop may decode this much (bytes read plus 64 per array element):
 * nested arrays of garbage counts stay small. */
#define DECODE_BUDGET (4u << 20)
/* Charges units to the stop's budget; false once it is exhausted. */
bool decode_spend(struct decode_ctx *ctx, uint64_t units);
/* Whether an array already holding i elements must stop ("..."): at -s
 * elements unless -v, as strace does, or when the budget is exhausted. */
bool decode_array_full(struct decode_ctx *ctx, uint64_t i);

/* "AT_???": the comment after a value the set x does not name. */
const char *unknown_comment(struct decode_ctx *ctx, const struct xlat *x);
/* v's comment becomes unknown_comment(x), which -X raw does not print. */
void set_unknown_comment(struct decode_ctx *ctx, struct value *v,
			 const struct xlat *x);

/* A device number as strace writes it: makedev(0x8, 0x1). */
struct value *dev_value(struct decode_ctx *ctx, const char *name,
			uint64_t dev);

/* The size an argument's parameter names: another argument or the
 * return value. */
uint64_t decode_param(const struct decode_ctx *ctx, const struct arg_desc *a);
/* A pointer that could not be read: printed as its address. */
struct value *value_unavailable(struct decode_ctx *ctx, const char *name,
				uint64_t addr);
/* The start of most struct decoders: reads len bytes at addr into buf and
 * returns true; or sets *v to NULL's value or, for memory that cannot be
 * read, the address, and returns false. */
bool decode_read(struct decode_ctx *ctx, const char *name, uint64_t addr,
		 void *buf, size_t len, struct value **v);
/* A buffer of len bytes at addr, cut at -s, in the given style. */
struct value *decode_buffer(struct decode_ctx *ctx, const char *name,
			    uint64_t addr, uint64_t len,
			    enum string_style style);
/* The netlink protocol of the tracee's socket fd (fdinfo_source's
 * netlink_proto), or -1 when fd is no netlink socket or messages are not
 * to be read (-e verbose=). */
int decode_netlink_proto(struct decode_ctx *ctx, int fd);
/* A buffer sent or received on a socket of netlink protocol proto
 * (FDINFO_NETLINK_UNKNOWN: a netlink socket still unbound): its
 * messages, or (proto -1) its text. */
struct value *decode_sockbuf_value(struct decode_ctx *ctx, const char *name,
				   uint64_t addr, uint64_t len, int proto);
/* An array of count elements of size bytes at addr, each shown by elem
 * from its bytes (src/decode/array.c). */
typedef struct value *(*array_elem_fn)(struct decode_ctx *ctx,
				       const void *elem);
struct value *array_value(struct decode_ctx *ctx, const char *name,
			  uint64_t addr, uint64_t count, size_t size,
			  array_elem_fn elem);
/* A count of clock ticks, with its seconds: 13 / * 0.13 s * / */
struct value *clock_ticks_value(struct arena *ar, const char *name,
				uint64_t ticks);
/* The process a pidfd of the tracee refers to, or -1. */
int pidfd_pid(struct decode_ctx *ctx, int fd);
/* A uid or gid: -1 for (uid_t)-1, else unsigned. */
struct value *uid_value(struct decode_ctx *ctx, const char *name, uint32_t id);
/* Descriptor fd of process pid (-y describes it unless pid < 0). */
struct value *fd_value_of(struct decode_ctx *ctx, const char *name, int pid,
			  int fd);
/* A NUL-terminated string at addr, cut at max bytes. */
struct value *decode_cstring(struct decode_ctx *ctx, const char *name,
			     uint64_t addr, size_t max);
/* A mode_t: S_IFREG|S_ISUID|0755 (with_type) or just the bits. */
struct value *mode_value(struct decode_ctx *ctx, const char *name,
			 uint64_t mode, bool with_type);
/* A device number: makedev(0x8, 0x1). */
struct value *dev_value(struct decode_ctx *ctx, const char *name,
			uint64_t dev);
/* A signal number as its name. */
struct value *signal_value(struct decode_ctx *ctx, const char *name, int sig);
/* A kernel sigset of size bytes read from addr. */
struct value *sigset_value(struct decode_ctx *ctx, const char *name,
			   uint64_t addr, uint64_t size);

/* A struct timespec / timeval at addr: {tv_sec=1, tv_nsec=0}. */
struct value *timespec_value(struct decode_ctx *ctx, const char *name,
			     uint64_t addr);
struct value *timeval_value(struct decode_ctx *ctx, const char *name,
			    uint64_t addr);
/* Sets v's comment to the local date of sec.nsec, as strace shows it. */
void add_date(struct decode_ctx *ctx, struct value *v, int64_t sec,
	      int64_t nsec);
/* An iovec array of count entries whose buffers show at most limit bytes
 * in all. */
struct value *iovec_value(struct decode_ctx *ctx, const char *name,
			  uint64_t addr, uint64_t count, uint64_t limit);
/* iovec_value for a socket's messages: netlink protocol proto (as
 * decode_sockbuf_value), or -1 for text. */
struct value *iovec_sock_value(struct decode_ctx *ctx, const char *name,
			       uint64_t addr, uint64_t count, uint64_t limit,
			       int proto);
/* A CPU set of size bytes at addr: [0 1 5], "..." after max CPUs */
struct value *cpuset_value(struct decode_ctx *ctx, const char *name,
			   uint64_t addr, uint64_t size, unsigned max);
/* [N]: the integer of size 4 or 8 bytes at addr. */
struct value *int_ptr_value(struct decode_ctx *ctx, const char *name,
			    uint64_t addr, size_t size, bool is_signed);
/* A socket address of len bytes at addr. */
struct value *sockaddr_value(struct decode_ctx *ctx, const char *name,
			     uint64_t addr, int64_t len);
/* n classic BPF instructions at addr, and a socket's struct sock_fprog
 * (its instructions under -v), as strace shows them (bpf_filter.c). */
struct value *bpf_filter_value(struct decode_ctx *ctx, const char *name,
			       uint64_t addr, uint64_t n);
struct value *socket_fprog_value(struct decode_ctx *ctx, const char *name,
				 uint64_t addr);
/* The same for a seccomp filter (its actions named). */
struct value *seccomp_fprog_value(struct decode_ctx *ctx, const char *name,
				  uint64_t addr);
/* Adds to struct v the bytes of an extensible struct at addr between the
 * known size and the size the caller passed (src/decode/ext_struct.c). */
void add_struct_tail(struct decode_ctx *ctx, struct value *v, uint64_t addr,
		     uint64_t known, uint64_t size);
/* -e read=/write=: sets the call's io_dump to the bytes it moved when
 * its descriptor is in the set (src/decode/io_dump.c). */
void decode_io_dump(struct decode_ctx *ctx);
/* msg_control: the control messages in len bytes at addr (cmsg.c). */
struct value *control_value(struct decode_ctx *ctx, uint64_t addr,
			    uint64_t len);
/* The fields after sa_family of an AF_INET / AF_INET6 address in b (the
 * latter of len bytes), added to v. */
void net_add_inet(struct decode_ctx *ctx, struct value *v,
		  const unsigned char *b);
void net_add_inet6(struct decode_ctx *ctx, struct value *v,
		   const unsigned char *b, size_t len);
/* The fields of an address of a less common family (sockaddr_more.c);
 * false when the family is none of them or n is too short for it. */
bool sockaddr_more(struct decode_ctx *ctx, struct value *v, uint16_t family,
		   const unsigned char *b, size_t n);
/* An interface index: if_nametoindex("lo") when this host names it. */
struct value *ifindex_value(struct decode_ctx *ctx, const char *name,
			    unsigned idx);
/* A siginfo_t read from the tracee at addr. */
struct value *siginfo_value(struct decode_ctx *ctx, const char *name,
			    uint64_t addr);

#endif
