/* Makes exact file-family syscalls in a fresh directory (argv[1]) for
 * tests/integration/test_decode_file.c. */
#include <fcntl.h>
#include <linux/falloc.h>
#include <linux/openat2.h>
#include <linux/stat.h>
#include <stdio.h>
#include <linux/fs.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

#include "legacy.h"

int main(int argc, char **argv)
{
	struct stat st;
	struct statx stx;
	struct open_how how = { .flags = O_RDONLY | O_CLOEXEC,
				.resolve = RESOLVE_NO_SYMLINKS };
	struct timespec ts[2] = { { 0, UTIME_NOW }, { 0, UTIME_OMIT } };
	char buf[64];
	int fd, in;

	/* descriptors the test harness leaves open would shift the numbers */
	syscall(SYS_close_range, 3, ~0U, 0);
	if (argc < 2 || chdir(argv[1]) != 0)
		return 1;
	fd = syscall(SYS_openat, AT_FDCWD, "f", O_WRONLY | O_CREAT | O_EXCL,
		     0640);
	syscall(SYS_write, fd, "hello", 5);
	syscall(SYS_fsync, fd);
	syscall(SYS_fdatasync, fd);
	syscall(SYS_ftruncate, fd, 3);
	syscall(SYS_fallocate, fd, FALLOC_FL_KEEP_SIZE, 0, 4096);
	syscall(SYS_fadvise64, fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	syscall(SYS_flock, fd, LOCK_EX | LOCK_NB);
	syscall(SYS_fchmod, fd, 0600);
	syscall(SYS_fchown, fd, -1, -1);
	syscall(SYS_close, fd);
	syscall(SYS_truncate, "f", 2);
	OR_AT(syscall(SYS_mkdir, "d", 0755),
	      syscall(SYS_mkdirat, AT_FDCWD, "d", 0755));
	syscall(SYS_mkdirat, AT_FDCWD, "d/e", 0700);
	OR_AT(syscall(SYS_symlink, "f", "l"),
	      syscall(SYS_symlinkat, "f", AT_FDCWD, "l"));
	OR_AT(syscall(SYS_readlink, "l", buf, sizeof(buf)),
	      syscall(SYS_readlinkat, AT_FDCWD, "l", buf, sizeof(buf)));
	syscall(SYS_readlinkat, AT_FDCWD, "l", buf, sizeof(buf));
	OR_AT(syscall(SYS_link, "f", "h"),
	      syscall(SYS_linkat, AT_FDCWD, "f", AT_FDCWD, "h", 0));
	syscall(SYS_linkat, AT_FDCWD, "h", AT_FDCWD, "h2", 0);
	OR_AT(syscall(SYS_rename, "h", "h3"),
	      syscall(SYS_renameat, AT_FDCWD, "h", AT_FDCWD, "h3"));
	syscall(SYS_renameat, AT_FDCWD, "h3", AT_FDCWD, "h4");
	syscall(SYS_renameat2, AT_FDCWD, "h4", AT_FDCWD, "h2",
		RENAME_NOREPLACE);
	OR_AT(syscall(SYS_unlink, "h4"),
	      syscall(SYS_unlinkat, AT_FDCWD, "h4", 0));
	syscall(SYS_unlinkat, AT_FDCWD, "h2", 0);
	syscall(SYS_unlinkat, AT_FDCWD, "d/e", AT_REMOVEDIR);
	OR_AT(syscall(SYS_rmdir, "d"),
	      syscall(SYS_unlinkat, AT_FDCWD, "d", AT_REMOVEDIR));
	OR_AT(syscall(SYS_chmod, "f", 04755),
	      syscall(SYS_fchmodat, AT_FDCWD, "f", 04755));
	syscall(SYS_fchmodat, AT_FDCWD, "f", 0644);
	OR_AT(syscall(SYS_chown, "f", 0, 0),
	      syscall(SYS_fchownat, AT_FDCWD, "f", 0, 0, 0));
	OR_AT(syscall(SYS_lchown, "l", -1, 0),
	      syscall(SYS_fchownat, AT_FDCWD, "l", -1, 0,
		      AT_SYMLINK_NOFOLLOW));
	syscall(SYS_fchownat, AT_FDCWD, "l", 0, 0, AT_SYMLINK_NOFOLLOW);
	syscall(SYS_utimensat, AT_FDCWD, "f", ts, 0);
	syscall(SYS_utimensat, AT_FDCWD, "f", NULL, 0);
	OR_AT(syscall(SYS_access, "f", R_OK | W_OK),
	      syscall(SYS_faccessat, AT_FDCWD, "f", R_OK | W_OK));
	syscall(SYS_faccessat2, AT_FDCWD, "f", X_OK, AT_EACCESS);
	OR_AT(syscall(SYS_stat, "missing", &st),
	      syscall(SYS_newfstatat, AT_FDCWD, "missing", &st, 0));
	OR_AT(syscall(SYS_lstat, "l", &st),
	      syscall(SYS_newfstatat, AT_FDCWD, "l", &st,
		      AT_SYMLINK_NOFOLLOW));
	syscall(SYS_newfstatat, AT_FDCWD, "f", &st, 0);
	syscall(SYS_statx, AT_FDCWD, "f", AT_SYMLINK_NOFOLLOW, STATX_SIZE,
		&stx);
	/* both sync bits: a field value with no name of its own */
	syscall(SYS_statx, AT_FDCWD, "f",
		AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC, STATX_ALL, &stx);
	fd = syscall(SYS_openat2, AT_FDCWD, "f", &how, sizeof(how));
	syscall(SYS_lseek, fd, 1, SEEK_SET);
	syscall(SYS_pread64, fd, buf, 8, 0);
	syscall(SYS_fstat, fd, &st);
	syscall(SYS_close, fd);
	/* trusted.*, not user.*: the arm64 guest's tmpfs (kernel 6.1) has
	 * user xattrs only from 6.6; we run as root */
	syscall(SYS_setxattr, "f", "trusted.k", "v1", 2, XATTR_CREATE);
	syscall(SYS_getxattr, "f", "trusted.k", buf, sizeof(buf));
	syscall(SYS_lgetxattr, "f", "trusted.none", buf, sizeof(buf));
	syscall(SYS_removexattr, "f", "trusted.k");
	in = syscall(SYS_inotify_init1, IN_NONBLOCK | IN_CLOEXEC);
	syscall(SYS_inotify_add_watch, in, ".", IN_CREATE | IN_DELETE);
	syscall(SYS_inotify_rm_watch, in, 1);
	syscall(SYS_close, in);
	syscall(SYS_sync);
	syscall(SYS_mknodat, AT_FDCWD, "p", S_IFIFO | 0644, 0);
	OR_AT(syscall(SYS_unlink, "p"),
	      syscall(SYS_unlinkat, AT_FDCWD, "p", 0));
	OR_AT(syscall(SYS_unlink, "l"),
	      syscall(SYS_unlinkat, AT_FDCWD, "l", 0));
	OR_AT(syscall(SYS_unlink, "f"),
	      syscall(SYS_unlinkat, AT_FDCWD, "f", 0));
	syscall(SYS_umask, 022);
	return 0;
}
