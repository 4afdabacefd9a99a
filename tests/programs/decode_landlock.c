/* landlock(7)'s calls, for test_decode_selfcheck: each call is followed
 * by the line mytrace must print for it (run with -y). */
#include <fcntl.h>
#include <linux/landlock.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "selfcheck.h"

/* "3</dev/null>": what -y shows for a descriptor this program opened */
static const char *fd_text(int fd, const char *path)
{
	static char buf[64];

	snprintf(buf, sizeof(buf), "%d<%s>", fd, path);
	return buf;
}

int main(void)
{
	struct landlock_ruleset_attr ra = {
		.handled_access_fs = LANDLOCK_ACCESS_FS_EXECUTE |
				     LANDLOCK_ACCESS_FS_READ_DIR | 1ULL << 40,
	};
	struct landlock_path_beneath_attr pb = {
		.allowed_access = LANDLOCK_ACCESS_FS_REFER,
	};
	uint64_t big[2] = { 1ULL << 62, 0 };
	int nul = open("/dev/null", O_RDONLY);
	long rc;

	setvbuf(stdout, NULL, _IONBF, 0);
	rc = syscall(SYS_landlock_create_ruleset, NULL, 0,
		     LANDLOCK_CREATE_RULESET_VERSION);
	printf("landlock_create_ruleset(NULL, 0, "
	       "LANDLOCK_CREATE_RULESET_VERSION) = %s\n", sc_ret(rc));
	rc = syscall(SYS_landlock_create_ruleset, &ra, 4, 0);
	printf("landlock_create_ruleset(%p, 4, 0) = %s\n", (void *)&ra,
	       sc_ret(rc));
	rc = syscall(SYS_landlock_create_ruleset, &ra, sizeof(ra), 6);
	printf("landlock_create_ruleset({handled_access_fs="
	       "LANDLOCK_ACCESS_FS_EXECUTE|LANDLOCK_ACCESS_FS_READ_DIR|"
	       "0x10000000000}, 8, 0x6 /* LANDLOCK_CREATE_RULESET_??? */) = "
	       "%s\n", sc_ret(rc));
	rc = syscall(SYS_landlock_create_ruleset, big, sizeof(big), 0);
	printf("landlock_create_ruleset({handled_access_fs=0x4000000000000000"
	       " /* LANDLOCK_ACCESS_FS_??? */, ...}, 16, 0) = %s\n",
	       sc_ret(rc));
	pb.parent_fd = nul;
	rc = syscall(SYS_landlock_add_rule, nul, LANDLOCK_RULE_PATH_BENEATH,
		     &pb, 0);
	printf("landlock_add_rule(%s, LANDLOCK_RULE_PATH_BENEATH, "
	       "{allowed_access=LANDLOCK_ACCESS_FS_REFER, parent_fd=%s}, 0) = "
	       "%s\n", fd_text(nul, "/dev/null"), fd_text(nul, "/dev/null"),
	       sc_ret(rc));
	rc = syscall(SYS_landlock_add_rule, -1, 2, &pb, 0);
	printf("landlock_add_rule(-1, 0x2 /* LANDLOCK_RULE_??? */, %p, 0) = "
	       "%s\n", (void *)&pb, sc_ret(rc));
	return 0;
}
