/* The typed value tree that decoders build and formatters render: the
 * contract between decoding and output. Values live in an arena; building
 * them never touches a tracee and never prints. */
#ifndef MYTRACE_VALUE_H
#define MYTRACE_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "xlat.h"

enum value_kind {
	V_INT,		/* signed decimal */
	V_UINT,		/* unsigned decimal */
	V_HEX,		/* 0x... */
	V_OCTAL,	/* 0644 */
	V_PTR,		/* NULL or 0x... */
	V_FD,		/* a file descriptor, with its path when known */
	V_STRING,	/* bytes, possibly truncated */
	V_FLAGS,	/* a set of symbols plus leftover bits */
	V_ENUM,		/* one symbol, or the raw number when unknown */
	V_STRUCT,	/* named fields */
	V_ARRAY,	/* elements, unnamed but for designators: [VINTR]=0x3 */
	V_SIGSET,	/* a signal set, possibly complemented */
	V_EXPR,		/* a symbolic expression strace prints (8192*1024) */
	V_UNAVAILABLE,	/* a pointer we could not read: shown as its address */
	V_INOUT,	/* an in/out argument that changed: kids are the value
			 * before and after the call ([110 => 16]) */
	V_PID,		/* a process, thread, group or session id as the
			 * tracee sees it, signed decimal: 42<sh> */
	V_SEQ,		/* parts in a row, between an opening and a closing
			 * text: BPF_STMT(a, b), BPF_LD|BPF_B, SKF_AD_OFF+4 */
};

/* What a V_PID names; the same id can name a thread, a process, a
 * process group and a session. */
enum pid_kind {
	PID_TID,
	PID_TGID,
	PID_PGID,
	PID_SID,
};

enum string_style {
	STR_TEXT,	/* escape only what is not printable */
	STR_HEX,	/* always \xNN (getrandom buffers) */
};

struct value {
	enum value_kind kind;
	const char *name;	/* argument or field name; NULL in arrays */
	uint64_t raw;		/* the value as the kernel saw it */
	const char *comment;	/* printed after the value: 0x... / * 23 vars * / */
	bool comment_xlat;	/* a comment -X raw leaves out: XXX_???, 0.31 s;
				 * on a return note, the whole note */
	bool labelled;		/* an argument strace prints as name=value */
	/* an array element's index, printed before it as [index]= in the
	 * -X style of its constant: [IPSTATS_MIB_NUM]=4; NULL: none */
	const struct value *index;
	struct value *next;	/* next sibling in a struct or array */
	union {
		struct {
			const char *bytes;
			size_t len;
			bool truncated;	/* more bytes exist than len */
			enum string_style style;
			const char *prefix;	/* before the quotes: @ */
		} str;
		struct {
			const char **names;
			unsigned count;
			uint64_t rest;	/* bits no name covers */
			bool rest_octal;	/* S_IFREG|0644 */
			/* low bits that are a file mode, shown in octal
			 * after the flags in every -X style: IPC_CREAT|0600,
			 * 0x200|0600 */
			uint64_t mode_mask;
			/* with a mode: a multi-bit field shown as N<<NAME
			 * between the flags and the mode (shmget's huge
			 * page size); NAME is field_name, or under -X raw
			 * the shift; field_mask 0: none */
			uint64_t field_mask;
			unsigned field_shift;
			const char *field_name;
		} flags;
		struct {
			const char *sym;	/* NULL: print raw */
			enum value_kind fallback;
			/* the symbol as -X verbose writes it, when a
			 * constant inside it shows as a number there:
			 * IOPRIO_PRIO_VALUE(0 / * IOPRIO_CLASS_NONE * /, 4) */
			const char *sym_verbose;
			/* the raw form when it is no number: the bytes
			 * of an address, "\x7f\x00\x00\x01" */
			const char *raw_text;
			/* -X verbose prints sym_verbose alone, not after
			 * the raw form: htons(0x800 / * ETH_P_IP * /) */
			bool verbose_alone;
			/* what -X raw and -X verbose print instead of the
			 * number: "\x00\x03" for htons(ETH_P_ALL) */
			struct value *raw_alt;
			/* an unnamed field's name under -X raw and verbose,
			 * where the symbol names it: inet_pton(AF_INET6,
			 * "::1", &sin6_addr) */
			const char *raw_name;
		} en;
		struct {
			struct value *first;
			struct value *last;	/* for appending */
			unsigned count;
			bool elided;	/* "..." after the children */
			/* elided because the element at this address could
			 * not be read: "... / * 0xADDR * /" */
			uint64_t unread_at;
			/* V_SEQ: around and between the parts */
			const char *open, *sep, *close;
		} kids;
		struct {
			const char **names;	/* without the SIG prefix */
			unsigned count;
			bool complement;	/* ~[...] */
		} sigset;
		struct {
			const char *path;	/* -y: NULL when unknown */
			const char *sym;	/* AT_FDCWD; NULL: a number */
			/* -yy on a device: "char 1:5"; NULL otherwise */
			const char *dev;
		} fd;
		struct {
			const char *text;
			/* how -X raw and -X verbose write it when they
			 * differ (NULL: text): a set of bit numbers,
			 * [0x460018] and [0x3 / * EV_ABS * /] / * [0x18] * / */
			const char *raw, *verbose;
		} expr;
		struct {
			enum pid_kind kind;
			/* filled after decoding (src/pidinfo.c) for
			 * --decode-pids: the id in mytrace's PID namespace
			 * when the tracee's differs (0: not known), and the
			 * command name of a thread or process (NULL) */
			int32_t outer;
			const char *comm;
		} pid;
	} u;
};

struct value *value_new(struct arena *a, enum value_kind kind,
			const char *name, uint64_t raw);
struct value *value_int(struct arena *a, const char *name, int64_t v);
struct value *value_uint(struct arena *a, const char *name, uint64_t v);
struct value *value_hex(struct arena *a, const char *name, uint64_t v);
struct value *value_ptr(struct arena *a, const char *name, uint64_t v);
struct value *value_expr(struct arena *a, const char *name, uint64_t raw,
			 const char *text);
/* V_EXPR written differently under -X raw and -X verbose. */
struct value *value_expr_styled(struct arena *a, const char *name,
				uint64_t raw, const char *text,
				const char *text_raw, const char *text_verbose);
struct value *value_string(struct arena *a, const char *name, uint64_t addr,
			   const char *bytes, size_t len, bool truncated);
/* V_ENUM from a constant set; unknown values fall back to fallback kind. */
struct value *value_enum(struct arena *a, const char *name, uint64_t v,
			 const struct xlat *x, enum value_kind fallback);
/* V_ENUM named by text rather than a constant set (SIG_DFL, 8192*1024,
 * makedev(0x1, 0x3)): -X raw prints raw as fallback kind instead. */
struct value *value_symbol(struct arena *a, const char *name, uint64_t raw,
			   enum value_kind fallback, const char *text);
/* V_FLAGS: every entry of x whose bits are all set in v, in list order;
 * a zero entry names v only when v is 0. */
struct value *value_flags(struct arena *a, const char *name, uint64_t v,
			  const struct xlat *x);
/* Adds one more symbol in front of a flags value (an access mode, a type),
 * or after its names (a field shown as text: 0x1<<PR_MTE_TAG_SHIFT). */
void value_flags_prepend(struct arena *a, struct value *flags,
			 const char *sym);
void value_flags_append(struct arena *a, struct value *flags,
			const char *sym);
/* V_FLAGS for a word holding a multi-bit field (open's access mode, mmap's
 * type) named from field, followed by single flags named from flags. */
struct value *value_field_flags(struct arena *a, const char *name,
			       uint64_t raw, uint64_t field_mask,
			       const struct xlat *field,
			       const struct xlat *flags);
/* V_SEQ: children added with value_add print between open and close,
 * separated by sep. */
struct value *value_seq(struct arena *a, const char *name, const char *open,
			const char *sep, const char *close);
/* V_STRUCT / V_ARRAY containers and their children. */
struct value *value_struct(struct arena *a, const char *name, uint64_t addr);
struct value *value_array(struct arena *a, const char *name, uint64_t addr);
void value_add(struct value *parent, struct value *child);
/* V_PID of kind for the id v. */
struct value *value_pid(struct arena *a, const char *name, int64_t v,
			enum pid_kind kind);
/* V_INOUT of the value at entry and the value at exit. */
struct value *value_inout(struct arena *a, const char *name,
			  struct value *before, struct value *after);

#endif
