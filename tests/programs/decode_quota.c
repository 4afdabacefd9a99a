/* quotactl and quotactl_fd commands that fail harmlessly, for
 * test_decode_selfcheck: each call is followed by the line mytrace must
 * print for it (on stdout). */
#include <linux/quota.h>
#include <stdint.h>
#include <sys/quota.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "selfcheck.h"

#ifndef SYS_quotactl_fd
#define SYS_quotactl_fd 443
#endif

int main(void)
{
	uint32_t fmt = 0;
	long rc;

	setvbuf(stdout, NULL, _IONBF, 0);
	rc = syscall(SYS_quotactl, QCMD(Q_SYNC, GRPQUOTA), "/nonexistent",
		     7, NULL);
	printf("quotactl(QCMD(Q_SYNC, GRPQUOTA), \"/nonexistent\") = %s\n",
	       sc_ret(rc));
	rc = syscall(SYS_quotactl, QCMD(Q_QUOTAON, USRQUOTA), "/nonexistent",
		     QFMT_VFS_V1, "/nonexistent/q");
	printf("quotactl(QCMD(Q_QUOTAON, USRQUOTA), \"/nonexistent\", "
	       "QFMT_VFS_V1, \"/nonexistent/q\") = %s\n", sc_ret(rc));
	rc = syscall(SYS_quotactl, QCMD(0x77, 9), NULL, 4000000000U, NULL);
	printf("quotactl(QCMD(0x77 /* Q_??? */, 0x9 /* ???QUOTA */), NULL, "
	       "4000000000, NULL) = %s\n", sc_ret(rc));
	rc = syscall(SYS_quotactl_fd, -1, QCMD(Q_GETFMT, PRJQUOTA), -1, &fmt);
	printf("quotactl_fd(-1, QCMD(Q_GETFMT, PRJQUOTA), %p) = %s\n",
	       (void *)&fmt, sc_ret(rc));
	rc = syscall(SYS_quotactl_fd, -1, QCMD(Q_GETQUOTA, USRQUOTA), -1,
		     NULL);
	printf("quotactl_fd(-1, QCMD(Q_GETQUOTA, USRQUOTA), -1, NULL) = %s\n",
	       sc_ret(rc));
	return 0;
}
