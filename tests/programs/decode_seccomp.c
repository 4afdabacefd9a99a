/* seccomp(2) operations that install nothing, for test_decode_selfcheck:
 * each call is followed by the line mytrace must print for it. */
#include <linux/seccomp.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "selfcheck.h"

int main(void)
{
	uint32_t act = SECCOMP_RET_LOG;
	struct seccomp_notif_sizes ns;
	long rc;

	setvbuf(stdout, NULL, _IONBF, 0);
	rc = syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &act);
	printf("seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [SECCOMP_RET_LOG]) = "
	       "%s\n", sc_ret(rc));
	act = 0xfffffff0;
	rc = syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &act);
	printf("seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [0xfffffff0 /* "
	       "SECCOMP_RET_??? */]) = %s\n", sc_ret(rc));
	rc = syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &ns);
	if (rc == 0)
		printf("seccomp(SECCOMP_GET_NOTIF_SIZES, 0, {seccomp_notif=%u, "
		       "seccomp_notif_resp=%u, seccomp_data=%u}) = 0\n",
		       ns.seccomp_notif, ns.seccomp_notif_resp,
		       ns.seccomp_data);
	rc = syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 7, &ns);
	printf("seccomp(SECCOMP_GET_NOTIF_SIZES, 0x7, %p) = %s\n",
	       (void *)&ns, sc_ret(rc));
	rc = syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 1, NULL);
	printf("seccomp(SECCOMP_SET_MODE_STRICT, 0x1, NULL) = %s\n",
	       sc_ret(rc));
	rc = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x40000000, NULL);
	printf("seccomp(SECCOMP_SET_MODE_FILTER, 0x40000000 /* "
	       "SECCOMP_FILTER_FLAG_??? */, NULL) = %s\n", sc_ret(rc));
	return 0;
}
