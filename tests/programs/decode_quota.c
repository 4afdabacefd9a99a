/* quotactl and quotactl_fd commands that fail harmlessly, for
 * test_decode_selfcheck: each call is followed by the line mytrace must
 * print for it (on stdout). */
#include <linux/dqblk_xfs.h>
#include <linux/quota.h>
#include <stdint.h>
#include <string.h>
#include <sys/quota.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "selfcheck.h"

#ifndef SYS_quotactl_fd
#define SYS_quotactl_fd 443
#endif

/* What the address points to, read at entry for the commands that set */
static void structs(void)
{
	struct if_dqblk b = { 1, 2, 3, 4, 5, 6, 7, 8, QIF_SPACE };
	struct if_dqinfo i = { 7, 8, DQF_ROOT_SQUASH | 0x100,
			       IIF_BGRACE | IIF_FLAGS };
	struct fs_disk_quota x;
	uint32_t on = FS_QUOTA_UDQ_ACCT | FS_QUOTA_PDQ_ENFD, rm = 0x82;
	long rc;

	rc = syscall(SYS_quotactl, QCMD(Q_SETQUOTA, USRQUOTA), "/nonexistent",
		     1000, &b);
	printf("quotactl(QCMD(Q_SETQUOTA, USRQUOTA), \"/nonexistent\", 1000, "
	       "{dqb_bhardlimit=1, dqb_bsoftlimit=2, dqb_curspace=3, "
	       "dqb_ihardlimit=4, dqb_isoftlimit=5, dqb_curinodes=6, ...}) "
	       "= %s\n", sc_ret(rc));
	rc = syscall(SYS_quotactl, QCMD(Q_SETINFO, GRPQUOTA), "/nonexistent",
		     0, &i);
	printf("quotactl(QCMD(Q_SETINFO, GRPQUOTA), \"/nonexistent\", "
	       "{dqi_bgrace=7, dqi_igrace=8, dqi_flags=DQF_ROOT_SQUASH|0x100, "
	       "dqi_valid=IIF_BGRACE|IIF_FLAGS}) = %s\n", sc_ret(rc));
	/* a failed Q_GETINFO wrote nothing: its address shows */
	rc = syscall(SYS_quotactl, QCMD(Q_GETINFO, GRPQUOTA), "/nonexistent",
		     0, &i);
	printf("quotactl(QCMD(Q_GETINFO, GRPQUOTA), \"/nonexistent\", %p) "
	       "= %s\n", (void *)&i, sc_ret(rc));
	rc = syscall(SYS_quotactl, QCMD(Q_XQUOTAON, PRJQUOTA), "/nonexistent",
		     0, &on);
	printf("quotactl(QCMD(Q_XQUOTAON, PRJQUOTA), \"/nonexistent\", "
	       "[FS_QUOTA_UDQ_ACCT|FS_QUOTA_PDQ_ENFD]) = %s\n", sc_ret(rc));
	rc = syscall(SYS_quotactl, QCMD(Q_XQUOTARM, USRQUOTA), NULL, 0, &rm);
	printf("quotactl(QCMD(Q_XQUOTARM, USRQUOTA), NULL, "
	       "[FS_PROJ_QUOTA|0x80]) = %s\n", sc_ret(rc));
	memset(&x, 0, sizeof(x));
	x.d_version = FS_DQUOT_VERSION;
	x.d_flags = FS_GROUP_QUOTA;
	x.d_fieldmask = FS_DQ_BSOFT;
	x.d_id = 42;
	x.d_blk_softlimit = 1 << 20;
	rc = syscall(SYS_quotactl, QCMD(Q_XSETQLIM, GRPQUOTA), "/nonexistent",
		     42, &x);
	printf("quotactl(QCMD(Q_XSETQLIM, GRPQUOTA), \"/nonexistent\", 42, "
	       "{d_version=1, d_flags=FS_GROUP_QUOTA, d_fieldmask=0x4, "
	       "d_id=42, d_blk_hardlimit=0, d_blk_softlimit=1048576, "
	       "d_ino_hardlimit=0, d_ino_softlimit=0, d_bcount=0, d_icount=0, "
	       "...}) = %s\n", sc_ret(rc));
}

int main(void)
{
	uint32_t fmt = 0;
	long rc;

	setvbuf(stdout, NULL, _IONBF, 0);
	structs();
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
