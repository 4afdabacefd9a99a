/* Control messages of several layouts in sendmsg on a bad descriptor,
 * for test_decode_selfcheck: each call is followed by the line mytrace
 * must print for it (on stdout). */
#include <netinet/in.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "selfcheck.h"

static long send_one(int level, int type, const void *data, size_t len)
{
	static union {
		char buf[CMSG_SPACE(64)];
		struct cmsghdr align;
	} u;
	struct msghdr mh = { .msg_control = u.buf,
			     .msg_controllen = CMSG_SPACE(len) };
	struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);

	memset(u.buf, 0, sizeof(u.buf));
	cm->cmsg_level = level;
	cm->cmsg_type = type;
	cm->cmsg_len = CMSG_LEN(len);
	memcpy(CMSG_DATA(cm), data, len);
	return syscall(SYS_sendmsg, -1, &mh, 0);
}

int main(void)
{
	int32_t fds[2] = { 0, 1 }, ttl = 64;
	unsigned char opts[3] = { 1, 2, 0xff };
	long rc;

	setvbuf(stdout, NULL, _IONBF, 0);
	rc = send_one(SOL_SOCKET, SCM_RIGHTS, fds, sizeof(fds));
	printf("sendmsg(-1, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, "
	       "msg_iovlen=0, msg_control=[{cmsg_len=24, "
	       "cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, "
	       "cmsg_data=[0, 1]}], msg_controllen=24, msg_flags=0}, 0) = "
	       "%s\n", sc_ret(rc));
	rc = send_one(SOL_IP, IP_TTL, &ttl, sizeof(ttl));
	printf("sendmsg(-1, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, "
	       "msg_iovlen=0, msg_control=[{cmsg_len=20, cmsg_level=SOL_IP, "
	       "cmsg_type=IP_TTL, cmsg_data=[64]}], msg_controllen=24, "
	       "msg_flags=0}, 0) = %s\n", sc_ret(rc));
	rc = send_one(SOL_IP, IP_RETOPTS, opts, sizeof(opts));
	printf("sendmsg(-1, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, "
	       "msg_iovlen=0, msg_control=[{cmsg_len=19, cmsg_level=SOL_IP, "
	       "cmsg_type=IP_RETOPTS, cmsg_data=[0x1, 0x2, 0xff]}], "
	       "msg_controllen=24, msg_flags=0}, 0) = %s\n", sc_ret(rc));
	rc = send_one(SOL_SOCKET, SO_TIMESTAMP_OLD, &ttl, sizeof(ttl));
	printf("sendmsg(-1, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, "
	       "msg_iovlen=0, msg_control=[{cmsg_len=20, "
	       "cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMP_OLD, "
	       "cmsg_data=???}], msg_controllen=24, msg_flags=0}, 0) = %s\n",
	       sc_ret(rc));
	rc = send_one(SOL_SOCKET, 0x7777, &ttl, 0);
	printf("sendmsg(-1, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, "
	       "msg_iovlen=0, msg_control=[{cmsg_len=16, "
	       "cmsg_level=SOL_SOCKET, cmsg_type=0x7777 /* SCM_??? */}], "
	       "msg_controllen=16, msg_flags=0}, 0) = %s\n", sc_ret(rc));
	return 0;
}
