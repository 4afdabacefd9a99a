/* Unit tests of the eBPF capture plans (what the kernel copies per
 * argument type) and of reading the copies back as tracee memory. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "bpf_source.h"

static struct mt_plan plans[MT_MAX_NR];

static const struct mt_arg_plan *plan_of(const char *name, unsigned arg)
{
	long nr = syscall_number(&syscall_table_x86_64, name);

	assert_true(nr >= 0 && nr < MT_MAX_NR);
	return &plans[nr].arg[arg];
}

static void test_plans(void **state)
{
	const struct mt_arg_plan *p;

	bpf_plan_build(plans, MT_MAX_NR, &syscall_table_x86_64, 32);
	/* write(fd, buf:ibuf(count), count): -s bytes and the one after
	 * (whether it is readable decides how the buffer shows), at entry */
	p = plan_of("write", 1);
	assert_int_equal(p->kind, CAP_BUF);
	assert_int_equal(p->phase, PH_ENTER);
	assert_int_equal(p->param, 2);
	assert_int_equal(p->size, 33);
	/* read's buffer: as many bytes as it returned, at exit */
	p = plan_of("read", 1);
	assert_int_equal(p->phase, PH_EXIT);
	assert_int_equal(p->param, MT_PARAM_RET);
	/* a path in full, one byte more than PATH_MAX - 1 */
	p = plan_of("openat", 1);
	assert_int_equal(p->kind, CAP_STR);
	assert_int_equal(p->size, PATH_MAX);
	/* numbers copy nothing */
	assert_int_equal(plan_of("openat", 2)->kind, CAP_NONE);
	/* argv: -s + 1 pointers and strings of -s + 1 bytes */
	p = plan_of("execve", 1);
	assert_int_equal(p->kind, CAP_VEC);
	assert_int_equal(p->size, 33);
	assert_int_equal(p->elem, 33);
	assert_int_equal(plan_of("execve", 2)->kind, CAP_PTRS);
	/* an in/out length: at entry and at exit */
	assert_int_equal(plan_of("accept", 2)->phase, PH_ENTER | PH_EXIT);
}

/* A record holding "abc\0" at 0x1000 and 8 bytes at 0x2000. */
static void make_record(unsigned char *buf, size_t size)
{
	struct mt_hdr *h = (void *)buf;
	struct mt_seg seg = { 0x1000, 4, 0 };
	unsigned char *p = buf + sizeof(*h);

	memset(buf, 0, size);
	memcpy(p, &seg, sizeof(seg));
	memcpy(p + sizeof(seg), "abc", 4);
	p += sizeof(seg) + 8;
	seg = (struct mt_seg){ 0x2000, 8, 0 };
	memcpy(p, &seg, sizeof(seg));
	memcpy(p + sizeof(seg), "12345678", 8);
	p += sizeof(seg) + 8;
	seg = (struct mt_seg){ 0x3000, 0, -14 };	/* a failed copy */
	memcpy(p, &seg, sizeof(seg));
	p += sizeof(seg);
	h->nsegs = 3;
	h->size = (uint32_t)(p - buf);
}

static void test_reads(void **state)
{
	unsigned char rec[256];
	struct bpf_capture cap = { { (struct mt_hdr *)rec, NULL } };
	struct tracee_mem m;
	char buf[16];

	make_record(rec, sizeof(rec));
	bpf_capture_mem(&m, &cap, 1);
	assert_int_equal(tracee_read_str(&m, 0x1000, buf, 10), 3);
	assert_string_equal(buf, "abc");
	assert_int_equal(tracee_read(&m, 0x2002, buf, 6), 0);
	assert_memory_equal(buf, "345678", 6);
	/* past a copy's end, or a copy that failed: unreadable */
	assert_int_equal(tracee_read(&m, 0x2004, buf, 8), -1);
	assert_int_equal(tracee_read(&m, 0x3000, buf, 1), -1);
	assert_int_equal(tracee_read(&m, 0x4000, buf, 1), -1);
	/* a string cut by the copy reads as longer than max */
	assert_int_equal(tracee_read_str(&m, 0x2000, buf, 7), 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plans),
		cmocka_unit_test(test_reads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
