/* bpf(2) commands whose attr mytrace decodes, for test_decode_selfcheck:
 * each call is followed by the line mytrace must print for it (run with
 * -v, which shows the bytes after the known fields). */
#include <linux/bpf.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "selfcheck.h"

int main(void)
{
	unsigned char attr[80];
	uint32_t w[12];
	uint64_t p;
	long rc;

	setvbuf(stdout, NULL, _IONBF, 0);
	/* a map: NUMA_NODE shows numa_node; 36 bytes reach 8 of the name */
	memset(w, 0, sizeof(w));
	w[0] = BPF_MAP_TYPE_ARRAY;
	w[1] = 4;
	w[2] = 8;
	w[3] = 16;
	w[4] = BPF_F_NUMA_NODE | 1u << 20;
	w[5] = (uint32_t)-1;
	w[6] = (uint32_t)-1;
	memcpy(&w[7], "abcdefghij", 10);
	rc = syscall(SYS_bpf, BPF_MAP_CREATE, w, 36);
	printf("bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, "
	       "value_size=8, max_entries=16, map_flags=BPF_F_NUMA_NODE|"
	       "0x100000, inner_map_fd=-1, numa_node=4294967295 /* "
	       "NUMA_NO_NODE */, map_name=\"abcdefg\"...}, 36) = %s\n",
	       sc_ret(rc));
	/* a program: the first fields show even for a short size */
	memset(attr, 0, sizeof(attr));
	w[0] = 0x40;
	w[1] = 7;
	memcpy(attr, w, 8);
	rc = syscall(SYS_bpf, BPF_PROG_LOAD, attr, 4);
	printf("bpf(BPF_PROG_LOAD, {prog_type=0x40 /* BPF_PROG_TYPE_??? */, "
	       "insn_cnt=0, insns=NULL, license=NULL}, 4) = %s\n", sc_ret(rc));
	p = (uintptr_t)"GPL";
	memcpy(attr + 16, &p, 8);
	w[0] = 0x050a0b;	/* kern_version 5.10.11 */
	w[1] = BPF_F_ANY_ALIGNMENT;
	memcpy(attr + 40, w, 8);
	rc = syscall(SYS_bpf, BPF_PROG_LOAD, attr, 72);
	printf("bpf(BPF_PROG_LOAD, {prog_type=0x40 /* BPF_PROG_TYPE_??? */, "
	       "insn_cnt=7, insns=NULL, license=\"GPL\", log_level=0, "
	       "log_size=0, log_buf=NULL, kern_version=KERNEL_VERSION(5, 10, "
	       "11), prog_flags=BPF_F_ANY_ALIGNMENT, prog_name=\"\", "
	       "prog_ifindex=0, expected_attach_type=BPF_CGROUP_INET_INGRESS}"
	       ", 72) = %s\n", sc_ret(rc));
	/* with -v the bytes past the fields known, when not all zero */
	memset(attr, 0, sizeof(attr));
	attr[0] = BPF_MAP_TYPE_HASH;
	attr[73] = 0x5a;
	rc = syscall(SYS_bpf, BPF_MAP_CREATE, attr, 80);
	printf("bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_HASH, key_size=0, "
	       "value_size=0, max_entries=0, map_flags=0, inner_map_fd=0, "
	       "map_name=\"\", map_ifindex=0, btf_fd=0, btf_key_type_id=0, "
	       "btf_value_type_id=0, btf_vmlinux_value_type_id=0, map_extra=0,"
	       " extra_data=\"\\x00\\x5a\\x00\\x00\\x00\\x00\\x00\\x00\" "
	       "/* bytes 72..79 */}, 80) = %s\n", sc_ret(rc));
	/* a map element: the flags only when the size reaches them */
	memset(attr, 0, sizeof(attr));
	w[0] = (uint32_t)-1;
	memcpy(attr, w, 4);
	rc = syscall(SYS_bpf, BPF_MAP_LOOKUP_ELEM, attr, 24);
	printf("bpf(BPF_MAP_LOOKUP_ELEM, {map_fd=-1, key=NULL, value=NULL}, "
	       "24) = %s\n", sc_ret(rc));
	attr[24] = BPF_F_LOCK;
	rc = syscall(SYS_bpf, BPF_MAP_LOOKUP_ELEM, attr, 32);
	printf("bpf(BPF_MAP_LOOKUP_ELEM, {map_fd=-1, key=NULL, value=NULL, "
	       "flags=BPF_F_LOCK}, 32) = %s\n", sc_ret(rc));
	/* a pinned object's path */
	memset(attr, 0, sizeof(attr));
	p = (uintptr_t)"/nonexistent/bpf";
	memcpy(attr, &p, 8);
	w[0] = (uint32_t)-1;
	w[1] = BPF_F_RDONLY | 0x100;
	memcpy(attr + 8, w, 8);
	rc = syscall(SYS_bpf, BPF_OBJ_GET, attr, 16);
	printf("bpf(BPF_OBJ_GET, {pathname=\"/nonexistent/bpf\", bpf_fd=-1, "
	       "file_flags=BPF_F_RDONLY|0x100}, 16) = %s\n", sc_ret(rc));
	/* a union member as a struct of its own */
	memset(attr, 0, sizeof(attr));
	p = (uintptr_t)"sys_enter";
	memcpy(attr, &p, 8);
	w[0] = (uint32_t)-1;
	memcpy(attr + 8, w, 4);
	rc = syscall(SYS_bpf, BPF_RAW_TRACEPOINT_OPEN, attr, 16);
	printf("bpf(BPF_RAW_TRACEPOINT_OPEN, {raw_tracepoint={name=\"sys_enter"
	       "\", prog_fd=-1}}, 16) = %s\n", sc_ret(rc));
	rc = syscall(SYS_bpf, BPF_PROG_LOAD, attr, 0);
	printf("bpf(BPF_PROG_LOAD, %p, 0) = %s\n", (void *)attr, sc_ret(rc));
	return 0;
}
