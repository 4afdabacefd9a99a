/* io_uring(7)'s calls, for test_decode_selfcheck: each call is followed
 * by the line mytrace must print for it (run with -y). */
#include <linux/io_uring.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "selfcheck.h"

static const char *const features[] = {
	"SINGLE_MMAP", "NODROP", "SUBMIT_STABLE", "RW_CUR_POS",
	"CUR_PERSONALITY", "FAST_POLL", "POLL_32BITS", "SQPOLL_NONFIXED",
	"EXT_ARG", "NATIVE_WORKERS", "RSRC_TAGS", "CQE_SKIP", "LINKED_FILE",
};

static void print_features(uint32_t f)
{
	const char *sep = "";
	unsigned i;

	for (i = 0; i < sizeof(features) / sizeof(features[0]); i++)
		if (f & 1u << i) {
			printf("%sIORING_FEAT_%s", sep, features[i]);
			sep = "|";
		}
	f &= ~0u << i;
	if (f || !*sep)
		printf("%s%#x", sep, f);
}

static void print_offsets(const char *name, const uint32_t *w,
			  const char *const names[7])
{
	printf(", %s={", name);
	for (unsigned i = 0; i < 7; i++)
		printf("%s%s=%u", i ? ", " : "", names[i], w[i]);
	printf("}");
}

static void setup_ok(void)
{
	static const char *const sq[7] = {
		"head", "tail", "ring_mask", "ring_entries", "flags",
		"dropped", "array"
	};
	static const char *const cq[7] = {
		"head", "tail", "ring_mask", "ring_entries", "overflow",
		"cqes", "flags"
	};
	struct io_uring_params p;
	long rc;

	memset(&p, 0, sizeof(p));
	rc = syscall(SYS_io_uring_setup, 2, &p);
	if (rc < 0)	/* no io_uring here: the failing call shows the rest */
		return;
	printf("io_uring_setup(2, {flags=0, sq_thread_cpu=0, "
	       "sq_thread_idle=0, sq_entries=%u, cq_entries=%u, features=",
	       p.sq_entries, p.cq_entries);
	print_features(p.features);
	print_offsets("sq_off", &p.sq_off.head, sq);
	print_offsets("cq_off", &p.cq_off.head, cq);
	printf("}) = %ld<anon_inode:[io_uring]>\n", rc);
	close((int)rc);
}

static long reg(unsigned op, const void *arg, unsigned nr)
{
	return syscall(SYS_io_uring_register, -1, op, arg, nr);
}

/* io_uring_register on a bad descriptor: the argument as its opcode
 * lays it out, whatever the kernel supports */
static void register_args(void)
{
	struct iovec iov[2] = { { (void *)0x1000, 16 }, { NULL, 0 } };
	int fds[2] = { -1, -2 };
	struct io_uring_files_update upd = { 7, 0, (uintptr_t)fds };
	struct io_uring_restriction res[2];
	uint32_t workers[2] = { 3, 4 };
	struct io_uring_buf_reg buf;
	struct io_uring_rsrc_register rr;
	uint64_t tags[2] = { 0x10, 0 };
	long rc;

	rc = reg(IORING_REGISTER_BUFFERS, iov, 2);
	printf("io_uring_register(-1, IORING_REGISTER_BUFFERS, "
	       "[{iov_base=0x1000, iov_len=16}, {iov_base=NULL, iov_len=0}], "
	       "2) = %s\n", sc_ret(rc));
	rc = reg(IORING_REGISTER_FILES, fds, 2);
	printf("io_uring_register(-1, IORING_REGISTER_FILES, [-1, -2], 2) = "
	       "%s\n", sc_ret(rc));
	rc = reg(IORING_REGISTER_FILES_UPDATE, &upd, 2);
	printf("io_uring_register(-1, IORING_REGISTER_FILES_UPDATE, "
	       "{offset=7, fds=[-1, IORING_REGISTER_FILES_SKIP]}, 2) = %s\n",
	       sc_ret(rc));
	memset(res, 0, sizeof(res));
	res[0].opcode = IORING_RESTRICTION_SQE_OP;
	res[0].sqe_op = IORING_OP_READV;
	res[1].opcode = 9;
	res[1].register_op = 1;
	rc = reg(IORING_REGISTER_RESTRICTIONS, res, 2);
	printf("io_uring_register(-1, IORING_REGISTER_RESTRICTIONS, "
	       "[{opcode=IORING_RESTRICTION_SQE_OP, sqe_op=IORING_OP_READV}, "
	       "{opcode=0x9 /* IORING_RESTRICTION_??? */ /* op: 0x1 */}], 2) = "
	       "%s\n", sc_ret(rc));
	rc = reg(IORING_REGISTER_IOWQ_MAX_WORKERS, workers, 2);
	printf("io_uring_register(-1, IORING_REGISTER_IOWQ_MAX_WORKERS, "
	       "[[IO_WQ_BOUND]=3, [IO_WQ_UNBOUND]=4] => %p, 2) = %s\n",
	       (void *)workers, sc_ret(rc));
	memset(&buf, 0, sizeof(buf));
	buf.ring_entries = 8;
	buf.bgid = 5;
	rc = reg(IORING_REGISTER_PBUF_RING, &buf, 1);
	printf("io_uring_register(-1, IORING_REGISTER_PBUF_RING, "
	       "{ring_addr=NULL, ring_entries=8, bgid=5}, 1) = %s\n",
	       sc_ret(rc));
	memset(&rr, 0, sizeof(rr));
	rr.nr = 2;
	rr.flags = IORING_RSRC_REGISTER_SPARSE;
	rr.tags = (uintptr_t)tags;
	rc = reg(IORING_REGISTER_FILES2, &rr, sizeof(rr));
	printf("io_uring_register(-1, IORING_REGISTER_FILES2, {nr=2, "
	       "flags=IORING_RSRC_REGISTER_SPARSE, data=NULL, tags=[0x10, 0]}, "
	       "%zu) = %s\n", sizeof(rr), sc_ret(rc));
	rc = reg(0x99, NULL, 0);
	printf("io_uring_register(-1, 0x99 /* IORING_REGISTER_??? */, NULL, "
	       "0) = %s\n", sc_ret(rc));
}

int main(void)
{
	struct io_uring_params p;
	uint64_t set = 1u << (SIGHUP - 1) | 1u << (SIGUSR1 - 1);
	long rc;

	setvbuf(stdout, NULL, _IONBF, 0);
	memset(&p, 0, sizeof(p));
	p.flags = IORING_SETUP_CLAMP | IORING_SETUP_ATTACH_WQ | 1u << 30;
	p.sq_thread_cpu = 0x12;
	p.sq_thread_idle = 3000;
	p.wq_fd = -1;
	p.resv[1] = 0xbad;
	rc = syscall(SYS_io_uring_setup, 1, &p);
	printf("io_uring_setup(1, {flags=IORING_SETUP_CLAMP|"
	       "IORING_SETUP_ATTACH_WQ|0x40000000, sq_thread_cpu=0x12, "
	       "sq_thread_idle=3000, wq_fd=-1, resv=[0, 0xbad, 0]}) = %s\n",
	       sc_ret(rc));
	setup_ok();
	rc = syscall(SYS_io_uring_enter, -1, 1, 0, IORING_ENTER_GETEVENTS,
		     &set, sizeof(set));
	printf("io_uring_enter(-1, 1, 0, IORING_ENTER_GETEVENTS, [HUP USR1], "
	       "8) = %s\n", sc_ret(rc));
	register_args();
	return 0;
}
