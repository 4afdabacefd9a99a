/* io_uring(7)'s calls, for test_decode_selfcheck: each call is followed
 * by the line mytrace must print for it (run with -y). */
#include <linux/io_uring.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
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
	return 0;
}
