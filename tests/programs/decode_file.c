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
#if defined(__x86_64__)	/* not on aarch64 */
	syscall(SYS_mkdir, "d", 0755);
#endif
	syscall(SYS_mkdirat, AT_FDCWD, "d/e", 0700);
#if defined(__x86_64__)
	syscall(SYS_symlink, "f", "l");
#endif
#if defined(__x86_64__)
	syscall(SYS_readlink, "l", buf, sizeof(buf));
#endif
	syscall(SYS_readlinkat, AT_FDCWD, "l", buf, sizeof(buf));
#if defined(__x86_64__)
	syscall(SYS_link, "f", "h");
#endif
	syscall(SYS_linkat, AT_FDCWD, "h", AT_FDCWD, "h2", 0);
#if defined(__x86_64__)
	syscall(SYS_rename, "h", "h3");
#endif
	syscall(SYS_renameat, AT_FDCWD, "h3", AT_FDCWD, "h4");
	syscall(SYS_renameat2, AT_FDCWD, "h4", AT_FDCWD, "h2",
		RENAME_NOREPLACE);
#if defined(__x86_64__)
	syscall(SYS_unlink, "h4");
#endif
	syscall(SYS_unlinkat, AT_FDCWD, "h2", 0);
	syscall(SYS_unlinkat, AT_FDCWD, "d/e", AT_REMOVEDIR);
#if defined(__x86_64__)
	syscall(SYS_rmdir, "d");
#endif
#if defined(__x86_64__)
	syscall(SYS_chmod, "f", 04755);
#endif
	syscall(SYS_fchmodat, AT_FDCWD, "f", 0644);
#if defined(__x86_64__)
	syscall(SYS_chown, "f", 0, 0);
#endif
#if defined(__x86_64__)
	syscall(SYS_lchown, "l", -1, 0);
#endif
	syscall(SYS_fchownat, AT_FDCWD, "l", 0, 0, AT_SYMLINK_NOFOLLOW);
	syscall(SYS_utimensat, AT_FDCWD, "f", ts, 0);
	syscall(SYS_utimensat, AT_FDCWD, "f", NULL, 0);
#if defined(__x86_64__)
	syscall(SYS_access, "f", R_OK | W_OK);
#endif
	syscall(SYS_faccessat2, AT_FDCWD, "f", X_OK, AT_EACCESS);
#if defined(__x86_64__)
	syscall(SYS_stat, "missing", &st);
#endif
#if defined(__x86_64__)
	syscall(SYS_lstat, "l", &st);
#endif
	syscall(SYS_newfstatat, AT_FDCWD, "f", &st, 0);
	syscall(SYS_statx, AT_FDCWD, "f", AT_SYMLINK_NOFOLLOW, STATX_SIZE,
		&stx);
	fd = syscall(SYS_openat2, AT_FDCWD, "f", &how, sizeof(how));
	syscall(SYS_lseek, fd, 1, SEEK_SET);
	syscall(SYS_pread64, fd, buf, 8, 0);
	syscall(SYS_fstat, fd, &st);
	syscall(SYS_close, fd);
	syscall(SYS_setxattr, "f", "user.k", "v1", 2, XATTR_CREATE);
	syscall(SYS_getxattr, "f", "user.k", buf, sizeof(buf));
	syscall(SYS_lgetxattr, "f", "user.none", buf, sizeof(buf));
	syscall(SYS_removexattr, "f", "user.k");
	in = syscall(SYS_inotify_init1, IN_NONBLOCK | IN_CLOEXEC);
	syscall(SYS_inotify_add_watch, in, ".", IN_CREATE | IN_DELETE);
	syscall(SYS_inotify_rm_watch, in, 1);
	syscall(SYS_close, in);
	syscall(SYS_sync);
	syscall(SYS_mknodat, AT_FDCWD, "p", S_IFIFO | 0644, 0);
#if defined(__x86_64__)
	syscall(SYS_unlink, "p");
#endif
#if defined(__x86_64__)
	syscall(SYS_unlink, "l");
#endif
#if defined(__x86_64__)
	syscall(SYS_unlink, "f");
#endif
	syscall(SYS_umask, 022);
	return 0;
}
