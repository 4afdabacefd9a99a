/* Shared by the JSON formatter's files (json.c, json_records.c): its
 * state and the helpers that write JSON pieces. */
#ifndef MYTRACE_JSON_PUT_H
#define MYTRACE_JSON_PUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "event.h"
#include "format.h"
#include "output.h"

struct json_state {
	struct sink *out;
	const struct format_opts *opts;
};

/* A JSON string of the bytes; false when they are not valid UTF-8 (the
 * string then has replacement characters: write "hex" too). */
bool put_str(struct sink *s, const char *bytes, size_t len);
void put_cstr(struct sink *s, const char *str);
void put_hex_bytes(struct sink *s, const char *bytes, size_t len);
void put_u64(struct sink *s, uint64_t v);
void put_i64(struct sink *s, int64_t v);
/* ,"key": */
void put_key(struct sink *s, const char *key);
void put_bool(struct sink *s, bool b);
int64_t ns_between(const struct timespec *from, const struct timespec *to);
void put_timestamp(struct sink *s, const struct timespec *ts);
void put_stack(struct sink *s, const struct stack_trace *st);
void put_error(struct sink *s, int err);
void put_signal_object(struct sink *s, int sig);

void json_put_summary(struct json_state *j, const struct event *ev);
void json_put_failures(struct json_state *j, const struct event *ev);

#endif
