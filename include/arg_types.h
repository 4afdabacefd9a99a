/* The closed set of argument types that tables/syscalls.list may use, with
 * the decoder for each and when it runs (at syscall entry or exit).
 * X(NAME, decoder, phase); the name is written in lower case in the list.
 * PHASE_BOTH types run at entry and again at exit (in/out arguments). */
#ifndef MYTRACE_ARG_TYPES_H
#define MYTRACE_ARG_TYPES_H

#define ARG_TYPES(X) \
	/* numbers */ \
	X(INT, decode_int, PHASE_ENTER) \
	X(UINT, decode_uint, PHASE_ENTER) \
	X(LONG, decode_long, PHASE_ENTER) \
	X(ULONG, decode_ulong, PHASE_ENTER) \
	X(HEX, decode_hex, PHASE_ENTER) \
	X(UHEX, decode_uhex, PHASE_ENTER) /* 32 bits */ \
	X(OCTAL, decode_octal, PHASE_ENTER) \
	X(PTR, decode_ptr, PHASE_ENTER) \
	X(OUT_PTR, decode_ptr, PHASE_EXIT) \
	X(FLAGS, decode_flags, PHASE_ENTER) \
	X(ENUM, decode_enum, PHASE_ENTER) \
	X(ENUMD, decode_enumd, PHASE_ENTER) /* unknown values in decimal */ \
	X(NONE, decode_none, PHASE_EXIT) \
	/* descriptors and paths */ \
	X(FD, decode_fd, PHASE_ENTER) \
	X(ATFD, decode_atfd, PHASE_ENTER) \
	X(PATH, decode_path, PHASE_ENTER) \
	X(STR, decode_str, PHASE_ENTER) \
	X(IBUF, decode_ibuf, PHASE_ENTER) \
	X(OBUF, decode_obuf, PHASE_EXIT) \
	X(OBUF_HEX, decode_obuf_hex, PHASE_EXIT) \
	/* files */ \
	X(OPEN_FLAGS, decode_open_flags, PHASE_ENTER) \
	X(OPEN_MODE, decode_open_mode, PHASE_ENTER) \
	X(STATX_FLAGS, decode_statx_flags, PHASE_ENTER) \
	X(OUT_PATH, decode_path, PHASE_EXIT) \
	X(MODE, decode_mode, PHASE_ENTER) \
	X(STAT_OUT, decode_stat_out, PHASE_EXIT) \
	X(STATX_OUT, decode_statx_out, PHASE_EXIT) \
	X(DIRENTS_OUT, decode_dirents_out, PHASE_EXIT) \
	X(FCNTL_ARG, decode_fcntl_arg, PHASE_BOTH) \
	X(FCNTL_RET, decode_fcntl_ret, PHASE_EXIT) \
	X(IOCTL_CMD, decode_ioctl_cmd, PHASE_BOTH) \
	X(PIPEFDS_OUT, decode_pipefds_out, PHASE_EXIT) \
	X(FD_RET, decode_fd, PHASE_EXIT) \
	/* memory */ \
	X(MMAP_FLAGS, decode_mmap_flags, PHASE_ENTER) \
	/* processes */ \
	X(ARGV, decode_argv, PHASE_ENTER) \
	X(ENVP, decode_envp, PHASE_ENTER) \
	X(WAIT_STATUS_OUT, decode_wait_status_out, PHASE_EXIT) \
	X(RLIMIT_IN, decode_rlimit, PHASE_ENTER) \
	X(RLIMIT_OUT, decode_rlimit, PHASE_EXIT) \
	X(ARCH_PRCTL_ADDR, decode_arch_prctl_addr, PHASE_BOTH) \
	X(CLONE_ALL, decode_clone_all, PHASE_ENTER) \
	X(KEEP, decode_keep, PHASE_ENTER) \
	X(FUTEX_OP, decode_futex_op, PHASE_ENTER) \
	/* signals */ \
	X(SIGNAL, decode_signal, PHASE_ENTER) \
	X(SIGSET_IN, decode_sigset, PHASE_ENTER) \
	X(SIGSET_OUT, decode_sigset, PHASE_EXIT) \
	X(SIGACTION_IN, decode_sigaction, PHASE_ENTER) \
	X(SIGACTION_OUT, decode_sigaction, PHASE_EXIT) \
	X(SIGRETURN_MASK, decode_sigreturn_mask, PHASE_ENTER) \
	/* added for the full table (see the families in src/decode/) */ \
	X(CAP_DATA, decode_cap_data, PHASE_ENTER) \
	X(CAP_HEADER, decode_cap_header, PHASE_ENTER) \
	X(CPUSET, decode_cpuset, PHASE_ENTER) \
	X(EPOLL_EVENT, decode_epoll_event, PHASE_ENTER) \
	X(FDSET, decode_fdset, PHASE_ENTER) \
	X(GROUPS, decode_groups, PHASE_ENTER) \
	X(IOVEC, decode_iovec, PHASE_ENTER) \
	X(IOVEC_ADDRS, decode_iovec_addrs, PHASE_ENTER) \
	X(IPC_FLAGS, decode_ipc_flags, PHASE_ENTER) \
	X(ITIMERSPEC, decode_itimerspec, PHASE_ENTER) \
	X(ITIMERVAL, decode_itimerval, PHASE_ENTER) \
	X(MKNOD_DEV, decode_mknod_dev, PHASE_ENTER) \
	X(MKNOD_MODE, decode_mknod_mode, PHASE_ENTER) \
	X(MSGHDR, decode_msghdr, PHASE_ENTER) \
	X(MREMAP_ADDR, decode_mremap_addr, PHASE_ENTER) \
	X(MQ_ATTR, decode_mq_attr, PHASE_ENTER) \
	X(FAN_INIT_FLAGS, decode_fan_init_flags, PHASE_ENTER) \
	X(DEV, decode_dev, PHASE_ENTER) \
	X(SIGEVENT, decode_sigevent, PHASE_ENTER) \
	X(SECCOMP_ARGS, decode_seccomp_args, PHASE_ENTER) \
	X(OPEN_HOW, decode_open_how, PHASE_ENTER) \
	X(PERSONALITY, decode_personality, PHASE_ENTER) \
	X(POLLFDS, decode_pollfds, PHASE_ENTER) \
	X(PRCTL_OPTION, decode_prctl_option, PHASE_ENTER) \
	X(PSELECT_SIGMASK, decode_pselect_sigmask, PHASE_ENTER) \
	X(REM_TIMESPEC, decode_rem_timespec, PHASE_ENTER) \
	X(SCHED_PARAM, decode_sched_param, PHASE_ENTER) \
	X(SIGINFO_IN, decode_siginfo_in, PHASE_ENTER) \
	X(SKIP, decode_skip, PHASE_ENTER) \
	X(SOCK_PROTO, decode_sock_proto, PHASE_ENTER) \
	X(SOCK_TYPE, decode_sock_type, PHASE_ENTER) \
	X(SOCKADDR, decode_sockaddr, PHASE_ENTER) \
	X(SOCKOPT_NAME, decode_sockopt_name, PHASE_ENTER) \
	X(SOCKOPT_VAL, decode_sockopt_val, PHASE_ENTER) \
	X(STACK_T, decode_stack_t, PHASE_ENTER) \
	X(TIMESPEC, decode_timespec, PHASE_ENTER) \
	X(TIMESPEC_PAIR, decode_timespec_pair, PHASE_ENTER) \
	X(TIMEVAL, decode_timeval, PHASE_ENTER) \
	X(TIMEVAL_PAIR, decode_timeval_pair, PHASE_ENTER) \
	X(UID, decode_uid, PHASE_ENTER) \
	X(CAP_DATA_OUT, decode_cap_data_out, PHASE_EXIT) \
	X(CPUSET_OUT, decode_cpuset_out, PHASE_EXIT) \
	X(DIRENTS64_OUT, decode_dirents64_out, PHASE_EXIT) \
	X(EPOLL_EVENTS_OUT, decode_epoll_events_out, PHASE_EXIT) \
	X(GROUPS_OUT, decode_groups_out, PHASE_EXIT) \
	X(INT_OUT, decode_int_out, PHASE_EXIT) \
	X(ITIMERSPEC_OUT, decode_itimerspec, PHASE_EXIT) \
	X(ITIMERVAL_OUT, decode_itimerval, PHASE_EXIT) \
	X(MMSGHDR, decode_mmsghdr, PHASE_EXIT) \
	X(MMSGHDR_OUT, decode_mmsghdr_out, PHASE_EXIT) \
	X(MEMBARRIER_RET, decode_membarrier_ret, PHASE_EXIT) \
	X(POLL_RET, decode_poll_ret, PHASE_EXIT) \
	X(PRCTL_RET, decode_prctl_ret, PHASE_EXIT) \
	X(RECVMMSG_RET, decode_recvmmsg_ret, PHASE_EXIT) \
	X(RET_PERSONALITY, decode_ret_personality, PHASE_EXIT) \
	X(RUSAGE_OUT, decode_rusage_out, PHASE_EXIT) \
	X(SCHED_PARAM_OUT, decode_sched_param_out, PHASE_EXIT) \
	X(SCHED_POLICY_RET, decode_sched_policy_ret, PHASE_EXIT) \
	X(SELECT_RET, decode_select_ret, PHASE_EXIT) \
	X(SIGINFO_OUT, decode_siginfo_out, PHASE_EXIT) \
	X(SIGNAL_RET, decode_signal_ret, PHASE_EXIT) \
	X(SOCKADDR_OUT, decode_sockaddr_out, PHASE_EXIT) \
	X(SOCKOPT_VAL_OUT, decode_sockopt_val_out, PHASE_EXIT) \
	X(STACK_T_OUT, decode_stack_t_out, PHASE_EXIT) \
	X(STATFS_OUT, decode_statfs_out, PHASE_EXIT) \
	X(SYSINFO_OUT, decode_sysinfo_out, PHASE_EXIT) \
	X(TIMESPEC_OUT, decode_timespec, PHASE_EXIT) \
	X(TIMEVAL_OUT, decode_timeval, PHASE_EXIT) \
	X(TIMEX_OUT, decode_timex_out, PHASE_EXIT) \
	X(TIMEX_RET, decode_timex_ret, PHASE_EXIT) \
	X(TMS_OUT, decode_tms_out, PHASE_EXIT) \
	X(UID_OUT, decode_uid_out, PHASE_EXIT) \
	X(UTSNAME_OUT, decode_utsname_out, PHASE_EXIT) \
	X(CLONE_ARGS, decode_clone_args, PHASE_BOTH) \
	X(IOCTL_ARG, decode_ioctl_arg, PHASE_BOTH) \
	X(IOVEC_OUT, decode_iovec_out, PHASE_BOTH) \
	X(MSGHDR_OUT, decode_msghdr_out, PHASE_BOTH) \
	X(LOFF_INOUT, decode_loff_inout, PHASE_BOTH) \
	X(PRCTL_ARG2, decode_prctl_arg2, PHASE_BOTH) \
	X(SOCKLEN_INOUT, decode_socklen_inout, PHASE_BOTH) \
	/* returns */ \
	X(RET_HEX, decode_hex, PHASE_EXIT) \
	X(RET_OCTAL, decode_octal, PHASE_EXIT)

#endif
