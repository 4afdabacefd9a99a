/* Decoding of the files family: runs tests/programs/decode_file under
 * mytrace and asserts the exact lines strace 6.1 prints for the same calls
 * (addresses masked, alignment normalized). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "arch_expect.h"
#include "harness.h"

static const char *const expected[] = {
	"close_range(3, 4294967295, 0) = 0",
	"openat(AT_FDCWD, \"f\", O_WRONLY|O_CREAT|O_EXCL, 0640) = 3",
	"write(3, \"hello\", 5) = 5",
	"fsync(3) = 0",
	"fdatasync(3) = 0",
	"ftruncate(3, 3) = 0",
	"fallocate(3, FALLOC_FL_KEEP_SIZE, 0, 4096) = 0",
	"fadvise64(3, 0, 0, POSIX_FADV_SEQUENTIAL) = 0",
	"flock(3, LOCK_EX|LOCK_NB) = 0",
	"fchmod(3, 0600) = 0",
	"fchown(3, -1, -1) = 0",
	"close(3) = 0",
	"truncate(\"f\", 2) = 0",
	EXPECT_LEGACY("mkdir(\"d\", 0755) = 0",
		      "mkdirat(AT_FDCWD, \"d\", 0755) = 0"),
	"mkdirat(AT_FDCWD, \"d/e\", 0700) = 0",
	EXPECT_LEGACY("symlink(\"f\", \"l\") = 0",
		      "symlinkat(\"f\", AT_FDCWD, \"l\") = 0"),
	EXPECT_LEGACY("readlink(\"l\", \"f\", 64) = 1",
		      "readlinkat(AT_FDCWD, \"l\", \"f\", 64) = 1"),
	"readlinkat(AT_FDCWD, \"l\", \"f\", 64) = 1",
	EXPECT_LEGACY("link(\"f\", \"h\") = 0",
		      "linkat(AT_FDCWD, \"f\", AT_FDCWD, \"h\", 0) = 0"),
	"linkat(AT_FDCWD, \"h\", AT_FDCWD, \"h2\", 0) = 0",
	EXPECT_LEGACY("rename(\"h\", \"h3\") = 0",
		      "renameat(AT_FDCWD, \"h\", AT_FDCWD, \"h3\") = 0"),
	"renameat(AT_FDCWD, \"h3\", AT_FDCWD, \"h4\") = 0",
	"renameat2(AT_FDCWD, \"h4\", AT_FDCWD, \"h2\", RENAME_NOREPLACE) = -1 EEXIST (File exists)",
	EXPECT_LEGACY("unlink(\"h4\") = 0",
		      "unlinkat(AT_FDCWD, \"h4\", 0) = 0"),
	"unlinkat(AT_FDCWD, \"h2\", 0) = 0",
	"unlinkat(AT_FDCWD, \"d/e\", AT_REMOVEDIR) = 0",
	EXPECT_LEGACY("rmdir(\"d\") = 0",
		      "unlinkat(AT_FDCWD, \"d\", AT_REMOVEDIR) = 0"),
	EXPECT_LEGACY("chmod(\"f\", 04755) = 0",
		      "fchmodat(AT_FDCWD, \"f\", 04755) = 0"),
	"fchmodat(AT_FDCWD, \"f\", 0644) = 0",
	EXPECT_LEGACY("chown(\"f\", 0, 0) = 0",
		      "fchownat(AT_FDCWD, \"f\", 0, 0, 0) = 0"),
	EXPECT_LEGACY("lchown(\"l\", -1, 0) = 0",
		      "fchownat(AT_FDCWD, \"l\", -1, 0, AT_SYMLINK_NOFOLLOW) = 0"),
	"fchownat(AT_FDCWD, \"l\", 0, 0, AT_SYMLINK_NOFOLLOW) = 0",
	"utimensat(AT_FDCWD, \"f\", [UTIME_NOW, UTIME_OMIT], 0) = 0",
	"utimensat(AT_FDCWD, \"f\", NULL, 0) = 0",
	EXPECT_LEGACY("access(\"f\", R_OK|W_OK) = 0",
		      "faccessat(AT_FDCWD, \"f\", R_OK|W_OK) = 0"),
	"faccessat2(AT_FDCWD, \"f\", X_OK, AT_EACCESS) = -1 EACCES (Permission denied)",
	EXPECT_LEGACY("stat(\"missing\", 0xADDR) = -1 ENOENT (No such file or directory)",
		      "newfstatat(AT_FDCWD, \"missing\", 0xADDR, 0) = -1 ENOENT (No such file or directory)"),
	EXPECT_LEGACY("lstat(\"l\", {st_mode=S_IFLNK|0777, st_size=1, ...}) = 0",
		      "newfstatat(AT_FDCWD, \"l\", {st_mode=S_IFLNK|0777, st_size=1, ...}, AT_SYMLINK_NOFOLLOW) = 0"),
	"newfstatat(AT_FDCWD, \"f\", {st_mode=S_IFREG|0644, st_size=2, ...}, 0) = 0",
	"statx(AT_FDCWD, \"f\", AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC, STATX_ALL, 0xADDR) = -1 EINVAL (Invalid argument)",
	"openat2(AT_FDCWD, \"f\", {flags=O_RDONLY|O_CLOEXEC, resolve=RESOLVE_NO_SYMLINKS}, 24) = 3",
	"lseek(3, 1, SEEK_SET) = 1",
	"pread64(3, \"he\", 8, 0) = 2",
	"fstat(3, {st_mode=S_IFREG|0644, st_size=2, ...}) = 0",
	"close(3) = 0",
	"setxattr(\"f\", \"trusted.k\", \"v1\", 2, XATTR_CREATE) = 0",
	"getxattr(\"f\", \"trusted.k\", \"v1\", 64) = 2",
	"lgetxattr(\"f\", \"trusted.none\", 0xADDR, 64) = -1 ENODATA (No data available)",
	"removexattr(\"f\", \"trusted.k\") = 0",
	"inotify_init1(IN_NONBLOCK|IN_CLOEXEC) = 3",
	"inotify_add_watch(3, \".\", IN_CREATE|IN_DELETE) = 1",
	"inotify_rm_watch(3, 1) = 0",
	"close(3) = 0",
	"sync() = 0",
	"mknodat(AT_FDCWD, \"p\", S_IFIFO|0644) = 0",
	EXPECT_LEGACY("unlink(\"p\") = 0",
		      "unlinkat(AT_FDCWD, \"p\", 0) = 0"),
	EXPECT_LEGACY("unlink(\"l\") = 0",
		      "unlinkat(AT_FDCWD, \"l\", 0) = 0"),
	EXPECT_LEGACY("unlink(\"f\") = 0",
		      "unlinkat(AT_FDCWD, \"f\", 0) = 0"),
	"umask(022) = 022",
	NULL,
};

static void test_decode_file(void **state)
{
	struct run_result r;
	char dir[] = "/tmp/mytrace-decode-XXXXXX";
	const char *args[] = { test_program("decode_file"), dir, NULL };
	char *norm;

	assert_non_null(mkdtemp(dir));
	run_traced(&r, args);
	rmdir(dir);
	assert_int_equal(r.exit_code, 0);
	norm = normalize_trace(r.trace);
	assert_all_lines(norm, expected);
	free(norm);
	run_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
