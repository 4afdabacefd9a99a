/* Unit tests of the kernel field offsets read from BTF (src/bpf_btf.c), on
 * small BTF blobs built here: members found by name, in anonymous unions
 * too, an empty declaration skipped, a missing field named. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <linux/btf.h>

#include <cmocka.h>

#include "arch.h"
#include "bpf_btf.h"

struct blob {
	unsigned char types[4096];
	size_t tlen;
	char strs[1024];
	size_t slen;
	uint32_t next_id;
	unsigned char out[8192];
};

static uint32_t str(struct blob *b, const char *s)
{
	uint32_t at = (uint32_t)b->slen;

	if (!*s)
		return 0;
	strcpy(b->strs + b->slen, s);
	b->slen += strlen(s) + 1;
	return at;
}

static void put(struct blob *b, const void *p, size_t n)
{
	memcpy(b->types + b->tlen, p, n);
	b->tlen += n;
}

static uint32_t type(struct blob *b, const char *name, unsigned kind,
		     unsigned vlen, uint32_t size)
{
	struct btf_type t = { .name_off = str(b, name),
			      .info = kind << 24 | vlen,
			      .size = size };

	put(b, &t, sizeof(t));
	return ++b->next_id;
}

static void member(struct blob *b, const char *name, uint32_t type_id,
		   uint32_t byte_off)
{
	struct btf_member m = { str(b, name), type_id, byte_off * 8 };

	put(b, &m, sizeof(m));
}

static void blob_init(struct blob *b)
{
	memset(b, 0, sizeof(*b));
	b->slen = 1;		/* offset 0: the empty name */
}

/* The member name of argument register i ("regs" of "regs+8"). */
static void reg_base(unsigned i, char *base)
{
	size_t len = strcspn(arch_bpf_arg_regs[i], "+");

	memcpy(base, arch_bpf_arg_regs[i], len);
	base[len] = '\0';
}

/* The first argument register with the same member as i. */
static unsigned reg_first(unsigned i)
{
	char a[32], b[32];

	reg_base(i, a);
	for (unsigned k = 0; k < i; k++) {
		reg_base(k, b);
		if (strcmp(a, b) == 0)
			return k;
	}
	return i;
}

/* pt_regs: each register member at 8 * (its first argument) in an
 * anonymous union at 16 */
static void add_regs(struct blob *b, uint32_t u64)
{
	unsigned n = 0;
	uint32_t inner;
	char base[32];

	for (unsigned i = 0; i < MT_MAX_ARGS; i++)
		n += reg_first(i) == i;
	inner = type(b, "", BTF_KIND_UNION, n, 8);
	for (unsigned i = 0; i < MT_MAX_ARGS; i++)
		if (reg_first(i) == i) {
			reg_base(i, base);
			member(b, base, u64, 8 * i);
		}
	type(b, "pt_regs", BTF_KIND_STRUCT, 2, 512);
	member(b, "pad", u64, 0);
	member(b, "", inner, 16);
}

/* The offset add_regs gave argument i. */
static uint32_t regs_want(unsigned i)
{
	const char *plus = strchr(arch_bpf_arg_regs[i], '+');

	return 16 + 8 * reg_first(i) + (plus ? (uint32_t)atoi(plus + 1) : 0);
}

static void add_tasks(struct blob *b, uint32_t u64, bool exec_task,
		      bool live)
{
	type(b, "task_struct", BTF_KIND_STRUCT, 0, 0);	/* declared only */
	type(b, "task_struct", BTF_KIND_STRUCT, 5, 4096);
	member(b, "mm", u64, 0x100);
	member(b, "exit_code", u64, 0x108);
	member(b, "pid", u64, 0x110);
	member(b, "tgid", u64, 0x114);
	member(b, "signal", u64, 0x200);
	type(b, "signal_struct", BTF_KIND_STRUCT, live + exec_task, 1024);
	if (live)
		member(b, "live", u64, 0x10);
	if (exec_task)
		member(b, "group_exec_task", u64, 0x48);
}

static size_t finish(struct blob *b)
{
	struct btf_header h = { .magic = BTF_MAGIC, .version = BTF_VERSION,
				.hdr_len = sizeof(h), .type_off = 0,
				.type_len = (uint32_t)b->tlen,
				.str_off = (uint32_t)b->tlen,
				.str_len = (uint32_t)b->slen };

	memcpy(b->out, &h, sizeof(h));
	memcpy(b->out + sizeof(h), b->types, b->tlen);
	memcpy(b->out + sizeof(h) + b->tlen, b->strs, b->slen);
	return sizeof(h) + b->tlen + b->slen;
}

/* One read of MT_REGS_SPAN bytes from regs_lo takes every argument when
 * they lie that close together (the 512-byte pt_regs has room). */
static void assert_regs_span(const struct mt_offsets *o)
{
	uint32_t lo = regs_want(0), hi = 0;

	for (unsigned i = 0; i < MT_MAX_ARGS; i++) {
		if (regs_want(i) < lo)
			lo = regs_want(i);
		if (regs_want(i) + 8 > hi)
			hi = regs_want(i) + 8;
	}
	if (hi - lo > MT_REGS_SPAN) {
		assert_int_equal(o->regs_span, 0);
		return;
	}
	assert_int_equal(o->regs_span, MT_REGS_SPAN);
	assert_int_equal(o->regs_lo, lo);
}

static void test_offsets(void **state)
{
	struct blob b;
	struct mt_offsets o;
	const char *missing = "x";
	uint32_t u64;
	size_t len;

	(void)state;
	blob_init(&b);
	u64 = type(&b, "long long unsigned int", BTF_KIND_INT, 0, 8);
	put(&b, &(uint32_t){ 64 }, 4);
	add_regs(&b, u64);
	add_tasks(&b, u64, true, true);
	len = finish(&b);
	assert_int_equal(bpf_btf_offsets(b.out, len, &o, &missing), 0);
	assert_null(missing);
	for (unsigned i = 0; i < MT_MAX_ARGS; i++)
		assert_int_equal(o.regs_arg[i], regs_want(i));
	assert_regs_span(&o);
	assert_int_equal(o.task_mm, 0x100);
	assert_int_equal(o.task_exit_code, 0x108);
	assert_int_equal(o.task_pid, 0x110);
	assert_int_equal(o.task_tgid, 0x114);
	assert_int_equal(o.task_signal, 0x200);
	assert_int_equal(o.signal_live, 0x10);
	assert_int_equal(o.signal_group_exec_task, 0x48);
}

static void test_optional_and_missing(void **state)
{
	struct blob b;
	struct mt_offsets o;
	const char *missing;
	uint32_t u64;
	size_t len;

	(void)state;
	/* a kernel before group_exec_task: 0, and no error */
	blob_init(&b);
	u64 = type(&b, "long long unsigned int", BTF_KIND_INT, 0, 8);
	put(&b, &(uint32_t){ 64 }, 4);
	add_regs(&b, u64);
	add_tasks(&b, u64, false, true);
	len = finish(&b);
	assert_int_equal(bpf_btf_offsets(b.out, len, &o, &missing), 0);
	assert_int_equal(o.signal_group_exec_task, 0);
	assert_int_equal(o.signal_live, 0x10);

	/* a required field the kernel lacks is named */
	blob_init(&b);
	u64 = type(&b, "long long unsigned int", BTF_KIND_INT, 0, 8);
	put(&b, &(uint32_t){ 64 }, 4);
	add_regs(&b, u64);
	add_tasks(&b, u64, true, false);
	len = finish(&b);
	assert_int_equal(bpf_btf_offsets(b.out, len, &o, &missing), -1);
	assert_string_equal(missing, "live");

	/* no pt_regs at all */
	blob_init(&b);
	u64 = type(&b, "long long unsigned int", BTF_KIND_INT, 0, 8);
	put(&b, &(uint32_t){ 64 }, 4);
	add_tasks(&b, u64, true, true);
	len = finish(&b);
	assert_int_equal(bpf_btf_offsets(b.out, len, &o, &missing), -1);
	assert_string_equal(missing, arch_bpf_arg_regs[0]);
}

static void test_bad_blob(void **state)
{
	struct blob b;
	struct mt_offsets o;
	const char *missing;
	size_t len;

	(void)state;
	blob_init(&b);
	type(&b, "x", 31, 0, 0);	/* a kind nobody knows */
	len = finish(&b);
	assert_int_equal(bpf_btf_offsets(b.out, len, &o, &missing), -1);
	assert_non_null(missing);
	/* cut short: the lengths in the header overrun */
	assert_int_equal(bpf_btf_offsets(b.out, 30, &o, &missing), -1);
	memset(b.out, 0, 4);
	assert_int_equal(bpf_btf_offsets(b.out, len, &o, &missing), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_optional_and_missing),
		cmocka_unit_test(test_bad_blob),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
