/* The closed set of argument types that tables/syscalls.list may use, with
 * the decoder for each, when it runs and what the type is.
 * X(NAME, decoder, phase, props); the name is written in lower case in the
 * list. PHASE_BOTH types run at entry and again at exit (in/out arguments).
 * props is an OR of ARGP_ bits; every type states its direction and
 * whether it may name a file (src/syscalls.c fails the build otherwise).
 * tables/gen-syscalls.awk reads ARGP_COMPAT from this file. */
#ifndef MYTRACE_ARG_TYPES_H
#define MYTRACE_ARG_TYPES_H

enum phase { PHASE_ENTER, PHASE_EXIT, PHASE_BOTH };

/* Direction: shown as the caller passed it, as the call left it, or both
 * (in step with the phase). */
#define ARGP_IN		(1u << 0)
#define ARGP_OUT	(1u << 1)
#define ARGP_INOUT	(ARGP_IN | ARGP_OUT)
/* Exactly one of: may hold a path or a descriptor, even inside a struct
 * or an array (-P looks at it); never does. */
#define ARGP_FILE	(1u << 2)
#define ARGP_NOFILE	(1u << 3)
/* The argument is a path name; a descriptor (both also ARGP_FILE). */
#define ARGP_PATH	(1u << 4)
#define ARGP_FD		(1u << 5)
/* Decodes the same for a 32-bit (compat) tracee: scalars that fit 32 bits,
 * descriptors, strings, byte buffers, flag sets and structs whose layout
 * is the same on every ABI. Under the i386 personality a syscall with any
 * other argument type is printed raw: wrong decoding is worse than none. */
#define ARGP_COMPAT	(1u << 6)
/* The decoder reads the argument (or the return value) named in
 * parentheses in the list, which must name one: open_mode(flags). */
#define ARGP_PARAM	(1u << 7)
/* May hold a process, thread, group or session id (a V_PID), even inside
 * a struct: --decode-pids looks at it (src/pidinfo.c). */
#define ARGP_PID	(1u << 8)
/* An exit-phase (or both-phase) decoder that runs when the call failed
 * too (nanosleep's time left, written when a signal interrupted it): it
 * decides. */
#define ARGP_ON_ERROR	(1u << 9)

#define ARG_TYPES(X) \
	/* numbers */ \
	X(INT, decode_int, PHASE_ENTER, ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(UINT, decode_uint, PHASE_ENTER, ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(LONG, decode_long, PHASE_ENTER, ARGP_IN | ARGP_NOFILE) \
	X(ULONG, decode_ulong, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(HEX, decode_hex, PHASE_ENTER, ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(UHEX, decode_uhex, PHASE_ENTER, ARGP_IN | ARGP_FILE) /* 32 bits */ \
	/* mmap2's offset in 4096-byte units, shown in bytes */ \
	X(PGOFF, decode_pgoff, PHASE_ENTER, ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(OCTAL, decode_octal, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(PTR, decode_ptr, PHASE_ENTER, ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(OUT_PTR, decode_ptr, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_COMPAT) \
	X(FLAGS, decode_flags, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	/* flags in a 64-bit word (a kernel long or a u64): all its bits */ \
	X(FLAGS64, decode_flags64, PHASE_ENTER, ARGP_IN | ARGP_NOFILE) \
	X(ENUM, decode_enum, PHASE_ENTER, ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(ENUMD, decode_enumd, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE) /* unknown values in decimal */ \
	X(NONE, decode_none, PHASE_EXIT, ARGP_OUT | ARGP_NOFILE | ARGP_COMPAT) \
	/* descriptors and paths */ \
	X(FD, decode_fd, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_FD | ARGP_COMPAT) \
	X(ATFD, decode_atfd, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_FD | ARGP_COMPAT) \
	X(PATH, decode_path, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_PATH | ARGP_COMPAT) \
	X(STR, decode_str, PHASE_ENTER, ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(IBUF, decode_ibuf, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT | ARGP_PARAM) \
	X(OBUF, decode_obuf, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_COMPAT | ARGP_PARAM) \
	X(OBUF_HEX, decode_obuf_hex, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_COMPAT | ARGP_PARAM) \
	/* the data of a socket call whose socket is argument 0: netlink \
	 * messages on a netlink socket (their nlmsg_pid a pid), else a \
	 * buffer */ \
	X(SOCKBUF, decode_sockbuf, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT | ARGP_PARAM | ARGP_PID) \
	X(SOCKBUF_OUT, decode_sockbuf, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_COMPAT | ARGP_PARAM | ARGP_PID) \
	/* files */ \
	X(OPEN_FLAGS, decode_open_flags, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(OPEN_MODE, decode_open_mode, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT | ARGP_PARAM) \
	X(STATX_FLAGS, decode_statx_flags, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(OUT_PATH, decode_path, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE | ARGP_PATH | ARGP_COMPAT) \
	X(MODE, decode_mode, PHASE_ENTER, ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(STAT_OUT, decode_stat_out, PHASE_EXIT, ARGP_OUT | ARGP_NOFILE) \
	X(STATX_OUT, decode_statx_out, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_COMPAT) \
	X(DIRENTS_OUT, decode_dirents_out, PHASE_EXIT, ARGP_OUT | ARGP_NOFILE) \
	X(FCNTL_ARG, decode_fcntl_arg, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_FILE | ARGP_PARAM | ARGP_PID) \
	X(FCNTL_RET, decode_fcntl_ret, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE | ARGP_PARAM | ARGP_PID) \
	X(IOCTL_CMD, decode_ioctl_cmd, PHASE_BOTH, ARGP_INOUT | ARGP_FILE) \
	X(IOCTL_RET, decode_ioctl_ret, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(PIPEFDS_OUT, decode_pipefds_out, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE | ARGP_COMPAT) \
	X(FD_RET, decode_fd, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE | ARGP_FD | ARGP_COMPAT) \
	/* memory */ \
	X(MMAP_FLAGS, decode_mmap_flags, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(MEMFD_NAME, decode_memfd_name, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(MEMFD_FLAGS, decode_memfd_flags, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(MPOL_MODE, decode_mpol_mode, PHASE_ENTER, ARGP_IN | ARGP_NOFILE) \
	X(MPOL_MODE_INT, decode_mpol_mode_int, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(MPOL_MODE_OUT, decode_mpol_mode_out, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_COMPAT) \
	X(NODEMASK, decode_nodemask, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_PARAM) \
	X(NODEMASK_OUT, decode_nodemask_out, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_PARAM) \
	/* processes */ \
	X(ARGV, decode_argv, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(ENVP, decode_envp, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(WAIT_STATUS_OUT, decode_wait_status_out, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_COMPAT) \
	X(RLIMIT_IN, decode_rlimit, PHASE_ENTER, ARGP_IN | ARGP_NOFILE) \
	X(RLIMIT_OUT, decode_rlimit, PHASE_EXIT, ARGP_OUT | ARGP_NOFILE) \
	X(CLONE_ALL, decode_clone_all, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(KEEP, decode_keep, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(CLONE_PARENT_TID, decode_clone_parent_tid, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE | ARGP_ON_ERROR) \
	X(FUTEX_OP, decode_futex_op, PHASE_ENTER, ARGP_IN | ARGP_NOFILE) \
	/* ids of threads, processes, groups, sessions (src/decode/pids.c) */ \
	X(TID, decode_tid, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT | ARGP_PID) \
	X(TGID, decode_tgid, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT | ARGP_PID) \
	X(PGID, decode_pgid, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT | ARGP_PID) \
	X(SID, decode_sid, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT | ARGP_PID) \
	X(PID_OR_PGID, decode_pid_or_pgid, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT | ARGP_PID) \
	X(PRIO_WHO, decode_prio_who, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT | ARGP_PID | ARGP_PARAM) \
	X(IOPRIO_WHO, decode_ioprio_who, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT | ARGP_PID | ARGP_PARAM) \
	X(WAITID_ID, decode_waitid_id, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_FD | ARGP_COMPAT | ARGP_PID | \
	  ARGP_PARAM) \
	X(TID_RET, decode_tid, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_COMPAT | ARGP_PID) \
	X(TGID_RET, decode_tgid, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_COMPAT | ARGP_PID) \
	X(PGID_RET, decode_pgid, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_COMPAT | ARGP_PID) \
	X(SID_RET, decode_sid, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_COMPAT | ARGP_PID) \
	/* signals */ \
	X(SIGNAL, decode_signal, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(SIGSET_IN, decode_sigset, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_PARAM) \
	X(SIGSET_OUT, decode_sigset, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_PARAM) \
	X(SIGPENDING_OUT, decode_sigpending_out, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_PARAM) \
	X(SIGACTION_IN, decode_sigaction, PHASE_ENTER, ARGP_IN | ARGP_NOFILE) \
	X(SIGACTION_OUT, decode_sigaction, PHASE_EXIT, ARGP_OUT | ARGP_NOFILE) \
	X(SIGRETURN_MASK, decode_sigreturn_mask, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE) \
	/* added for the full table (see the families in src/decode/) */ \
	X(CAP_DATA, decode_cap_data, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(CAP_HEADER, decode_cap_header, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(CPUSET, decode_cpuset, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_PARAM) \
	X(EPOLL_EVENT, decode_epoll_event, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(FDSET, decode_fdset, PHASE_ENTER, ARGP_IN | ARGP_FILE | ARGP_PARAM) \
	X(GROUPS, decode_groups, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_PARAM) \
	X(IOVEC, decode_iovec, PHASE_ENTER, ARGP_IN | ARGP_FILE | ARGP_PARAM) \
	X(IOVEC_ADDRS, decode_iovec_addrs, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_PARAM) \
	X(IPC_FLAGS, decode_ipc_flags, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	/* System V IPC (src/decode/ipc.c) */ \
	X(SHMGET_FLAGS, decode_shmget_flags, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE) \
	X(IPC_CMD, decode_ipc_cmd, PHASE_ENTER, ARGP_IN | ARGP_NOFILE) \
	X(SHMCTL_BUF, decode_shmctl_buf, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_NOFILE | ARGP_PARAM) \
	X(SEMCTL_ARG, decode_semctl_arg, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_NOFILE | ARGP_PARAM) \
	X(MSGCTL_BUF, decode_msgctl_buf, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_NOFILE | ARGP_PARAM) \
	X(SEMBUFS, decode_sembufs, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_PARAM) \
	X(ITIMERSPEC, decode_itimerspec, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(ITIMERVAL, decode_itimerval, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(MKNOD_DEV, decode_mknod_dev, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_PARAM) \
	X(MKNOD_MODE, decode_mknod_mode, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(MSGHDR, decode_msghdr, PHASE_ENTER, ARGP_IN | ARGP_FILE | ARGP_PID) \
	X(MREMAP_ADDR, decode_mremap_addr, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_PARAM) \
	X(MQ_ATTR, decode_mq_attr, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_PARAM) \
	X(MQ_ATTR_IN, decode_mq_attr_io, PHASE_ENTER, ARGP_IN | ARGP_NOFILE) \
	X(MQ_ATTR_OUT, decode_mq_attr_io, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE) \
	X(FAN_INIT_FLAGS, decode_fan_init_flags, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE) \
	/* fanotify_mark's dirfd: FAN_NOFD (-1), AT_FDCWD or a descriptor */ \
	X(FAN_DIRFD, decode_fan_dirfd, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_FD | ARGP_COMPAT) \
	X(DEV, decode_dev, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(SIGEVENT, decode_sigevent, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(QUOTA_CMD, decode_quota_cmd, PHASE_ENTER, ARGP_IN | ARGP_NOFILE) \
	/* syslog's action and kcmp's type: they pick the later arguments */ \
	X(SYSLOG_TYPE, decode_syslog_type, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	/* arrays of a count another argument gives (move_pages) */ \
	X(ADDR_ARRAY, decode_addr_array, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_PARAM) \
	X(INT_ARRAY, decode_int_array, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_PARAM) \
	X(STATUS_ARRAY_OUT, decode_status_array_out, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_PARAM | ARGP_ON_ERROR) \
	/* mount(2), mount_setattr(2) (src/decode/mount.c) */ \
	X(MOUNT_FLAGS, decode_mount_flags, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(MOUNT_FSTYPE, decode_mount_fstype, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT | ARGP_PARAM) \
	X(MOUNT_DATA, decode_mount_data, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT | ARGP_PARAM) \
	X(MOUNT_ATTR, decode_mount_attr, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_COMPAT | ARGP_PARAM) \
	X(SWAP_FLAGS, decode_swap_flags, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	/* src/decode/xattr.c */ \
	X(XATTR_VALUE, decode_xattr_value, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT | ARGP_PARAM) \
	X(XATTR_OUT, decode_xattr_out, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_COMPAT | ARGP_PARAM) \
	X(UTS_NAME, decode_uts_name, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT | ARGP_PARAM) \
	X(FUTEX_WAITERS, decode_futex_waiters, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_PARAM) \
	X(ADDR_OUT, decode_addr_out, PHASE_EXIT, ARGP_OUT | ARGP_NOFILE) \
	X(ULONG_OUT, decode_ulong_out, PHASE_EXIT, ARGP_OUT | ARGP_NOFILE) \
	X(SYSCTL_ARGS, decode_sysctl_args, PHASE_ENTER, ARGP_IN | ARGP_NOFILE) \
	X(SYSLOG_BUF, decode_syslog_buf, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_COMPAT | ARGP_PARAM) \
	X(KCMP_TYPE, decode_kcmp_type, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(PIDFD_TARGET, decode_pidfd_target, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_FD | ARGP_COMPAT | ARGP_PARAM) \
	X(KEYCTL_CMD, decode_keyctl_cmd, PHASE_ENTER, ARGP_IN | ARGP_NOFILE) \
	X(KEYCTL_ARG, decode_keyctl_arg, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_NOFILE | ARGP_PARAM) \
	X(PTRACE_REQUEST, decode_ptrace_request, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE) \
	X(PTRACE_DATA, decode_ptrace_data, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_NOFILE | ARGP_PARAM) \
	X(QUOTA_ADDR, decode_quota_addr, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_NOFILE | ARGP_PARAM) \
	X(SECCOMP_FLAGS, decode_seccomp_flags, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_PARAM) \
	X(SECCOMP_ARGS, decode_seccomp_args, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_FILE | ARGP_PARAM) \
	X(OPEN_HOW, decode_open_how, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_PARAM) \
	/* landlock(7): a ruleset's and a rule's attributes, create's result */ \
	X(LANDLOCK_RULESET_ATTR, decode_landlock_ruleset_attr, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT | ARGP_PARAM) \
	X(LANDLOCK_RULE_ATTR, decode_landlock_rule_attr, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_COMPAT | ARGP_PARAM) \
	X(LANDLOCK_RET, decode_landlock_ret, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE | ARGP_FD | ARGP_COMPAT | ARGP_PARAM) \
	X(PERSONALITY, decode_personality, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(MSGBUF, decode_msgbuf, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_PARAM) \
	X(MSGBUF_OUT, decode_msgbuf_out, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_PARAM) \
	X(IOPRIO, decode_ioprio, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(POLLFDS, decode_pollfds, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_PARAM) \
	X(PRCTL_OPTION, decode_prctl_option, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(PSELECT_SIGMASK, decode_pselect_sigmask, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE) \
	/* time(2): the seconds it stores and returns, with their date */ \
	X(TIME_OUT, decode_time_out, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(TIME_RET, decode_time_ret, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	/* reboot's argument: a string for LINUX_REBOOT_CMD_RESTART2 only */ \
	X(REBOOT_ARG, decode_reboot_arg, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_PARAM) \
	X(REM_TIMESPEC, decode_rem_timespec, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE | ARGP_ON_ERROR) \
	/* clock_nanosleep's: never written for an absolute time */ \
	X(CLOCK_REM_TIMESPEC, decode_clock_rem_timespec, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE | ARGP_ON_ERROR | ARGP_PARAM) \
	X(SCHED_PARAM, decode_sched_param, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(SIGINFO_IN, decode_siginfo_in, PHASE_ENTER, ARGP_IN | ARGP_FILE | ARGP_PID) \
	X(SKIP, decode_skip, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(SOCK_PROTO, decode_sock_proto, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(SOCK_TYPE, decode_sock_type, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(SOCKADDR, decode_sockaddr, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_PARAM | ARGP_PID) \
	X(SOCKOPT_NAME, decode_sockopt_name, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(GETSOCKOPT_NAME, decode_getsockopt_name, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE) \
	X(SOCKOPT_VAL, decode_sockopt_val, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_PARAM) \
	X(STACK_T, decode_stack_t, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(TIMESPEC, decode_timespec, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(TIMESPEC_PAIR, decode_timespec_pair, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE) \
	X(TIMEVAL, decode_timeval, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(TIMEVAL_PAIR, decode_timeval_pair, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(UTIMBUF, decode_utimbuf, PHASE_ENTER, ARGP_IN | ARGP_NOFILE) \
	X(TIMEZONE, decode_timezone, PHASE_ENTER, \
	  ARGP_IN | ARGP_NOFILE | ARGP_COMPAT) \
	X(TIMEZONE_OUT, decode_timezone, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_COMPAT) \
	X(UID, decode_uid, PHASE_ENTER, ARGP_IN | ARGP_FILE) \
	X(CAP_DATA_OUT, decode_cap_data_out, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(CPUSET_OUT, decode_cpuset_out, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE | ARGP_PARAM) \
	X(DIRENTS64_OUT, decode_dirents64_out, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE | ARGP_COMPAT) \
	X(EPOLL_EVENTS_OUT, decode_epoll_events_out, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE) \
	X(GROUPS_OUT, decode_groups_out, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(INT_OUT, decode_int_out, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(ITIMERSPEC_OUT, decode_itimerspec, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(ITIMERVAL_OUT, decode_itimerval, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(MMSGHDR, decode_mmsghdr, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_FILE | ARGP_PARAM) \
	X(MMSGHDR_OUT, decode_mmsghdr_out, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_FILE | ARGP_PARAM | ARGP_ON_ERROR) \
	X(MEMBARRIER_RET, decode_membarrier_ret, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE) \
	X(POLL_RET, decode_poll_ret, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(PRCTL_RET, decode_prctl_ret, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(IOPRIO_RET, decode_ioprio_ret, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_COMPAT) \
	X(RECVMMSG_RET, decode_recvmmsg_ret, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(RET_PERSONALITY, decode_ret_personality, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE) \
	X(RUSAGE_OUT, decode_rusage_out, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(WAIT4_RUSAGE_OUT, decode_wait4_rusage_out, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE) \
	X(SCHED_PARAM_OUT, decode_sched_param_out, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE) \
	X(SCHED_POLICY_RET, decode_sched_policy_ret, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE) \
	X(SELECT_RET, decode_select_ret, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(SIGINFO_OUT, decode_siginfo_out, PHASE_EXIT, ARGP_OUT | ARGP_FILE | ARGP_PID) \
	X(SIGNAL_RET, decode_signal_ret, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(SOCKADDR_OUT, decode_sockaddr_out, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE | ARGP_PARAM | ARGP_PID) \
	X(SOCKOPT_VAL_OUT, decode_sockopt_val_out, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE | ARGP_PARAM | ARGP_PID) \
	X(STACK_T_OUT, decode_stack_t_out, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(STATFS_OUT, decode_statfs_out, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(SYSINFO_OUT, decode_sysinfo_out, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(TIMESPEC_OUT, decode_timespec, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(TIMEVAL_OUT, decode_timeval, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(TIMEX_OUT, decode_timex_out, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(TIMEX_RET, decode_timex_ret, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(TMS_OUT, decode_tms_out, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(UID_OUT, decode_uid_out, PHASE_EXIT, ARGP_OUT | ARGP_FILE) \
	X(UTSNAME_OUT, decode_utsname_out, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE | ARGP_COMPAT) \
	X(CLONE_ARGS, decode_clone_args, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_FILE | ARGP_PARAM) \
	X(IO_URING_PARAMS, decode_io_uring_params, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_FILE | ARGP_COMPAT) \
	X(IO_URING_REG_ARG, decode_io_uring_reg_arg, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_FILE | ARGP_COMPAT | ARGP_ON_ERROR) \
	X(BPF_ATTR, decode_bpf_attr, PHASE_ENTER, \
	  ARGP_IN | ARGP_FILE | ARGP_PARAM) \
	X(BPF_RET, decode_bpf_ret, PHASE_EXIT, \
	  ARGP_OUT | ARGP_FILE | ARGP_FD | ARGP_PARAM) \
	X(IOCTL_ARG, decode_ioctl_arg, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_FILE | ARGP_PARAM | ARGP_PID) \
	X(IOVEC_OUT, decode_iovec_out, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_FILE | ARGP_PARAM) \
	X(MSGHDR_OUT, decode_msghdr_out, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_FILE | ARGP_PID) \
	X(LOFF_INOUT, decode_loff_inout, PHASE_BOTH, ARGP_INOUT | ARGP_FILE) \
	/* sendfile's offset: unsigned, shown once when the call kept it */ \
	X(OFF_INOUT_U, decode_off_inout_u, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_NOFILE) \
	X(PRCTL_ARG, decode_prctl_arg, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_FILE | ARGP_PID) \
	X(SOCKLEN_INOUT, decode_socklen_inout, PHASE_BOTH, \
	  ARGP_INOUT | ARGP_FILE) \
	/* returns */ \
	X(RET_HEX, decode_hex, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_COMPAT) \
	X(RET_OCTAL, decode_octal, PHASE_EXIT, \
	  ARGP_OUT | ARGP_NOFILE | ARGP_COMPAT)

#endif
