/* Syscall tampering for -e inject= and -e fault=: which calls to change
 * (a syscall set and a when= range, counted per syscall and per thread as
 * strace does) and how. Parsing and deciding only: the core applies the
 * decision through the architecture layer. */
#ifndef MYTRACE_INJECT_H
#define MYTRACE_INJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "filter.h"

/* poke_enter= / poke_exit=: bytes written where an argument points */
#define INJECT_POKE_MAX 1024
#define INJECT_POKE_ARGS 7	/* @arg1 .. @arg7, as strace counts */

struct inject_poke {
	unsigned arg;		/* from 1 */
	size_t len;
	unsigned char *data;
};

struct inject_pokes {
	struct inject_poke *v;
	unsigned n;
};

struct inject_rule {
	struct syscall_set set;
	bool fault;		/* error= or retval= given: skip the call */
	int err;		/* error=: errno, else 0 */
	int64_t retval;		/* retval= */
	long run_instead;	/* syscall=: run this native number, else -1 */
	int signo;		/* signal=, 0 if none */
	uint64_t delay_enter_us, delay_exit_us;
	struct inject_pokes poke_enter, poke_exit;
	unsigned first, last, step;	/* when=; last 0: no end; step 0: once */
};

struct inject_action {
	const struct inject_rule *rule;	/* NULL: leave the call alone */
};

struct inject_state;

/* Parses the part after "inject=" (or "fault=" when fault is true) and
 * adds a rule. Returns 0, or -1 with the reason in err; -2 when the
 * syscall set is what is wrong (err is then the whole message). */
int inject_parse(struct inject_state **st, const struct syscall_table *t,
		 const char *spec, bool fault, char *err, size_t errlen);

/* Counts this invocation of nr by thread tid and says what to do with it. */
struct inject_action inject_decide(struct inject_state *st, pid_t tid,
				   uint64_t nr);
/* Drops a thread's counters. */
void inject_forget(struct inject_state *st, pid_t tid);
void inject_free(struct inject_state *st);

#endif
