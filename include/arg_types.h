/* The closed set of argument types that tables/syscalls.list may use, with
 * the decoder for each and when it runs (at syscall entry or exit).
 * X(NAME, decoder, phase); the name is written in lower case in the list. */
#ifndef MYTRACE_ARG_TYPES_H
#define MYTRACE_ARG_TYPES_H

#define ARG_TYPES(X) \
	/* numbers */ \
	X(INT, decode_int, PHASE_ENTER) \
	X(UINT, decode_uint, PHASE_ENTER) \
	X(LONG, decode_long, PHASE_ENTER) \
	X(ULONG, decode_ulong, PHASE_ENTER) \
	X(HEX, decode_hex, PHASE_ENTER) \
	X(OCTAL, decode_octal, PHASE_ENTER) \
	X(PTR, decode_ptr, PHASE_ENTER) \
	X(OUT_PTR, decode_ptr, PHASE_EXIT) \
	X(FLAGS, decode_flags, PHASE_ENTER) \
	X(ENUM, decode_enum, PHASE_ENTER) \
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
	X(FCNTL_ARG, decode_fcntl_arg, PHASE_ENTER) \
	X(FCNTL_RET, decode_fcntl_ret, PHASE_EXIT) \
	X(IOCTL_CMD, decode_ioctl_cmd, PHASE_ENTER) \
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
	X(ARCH_PRCTL_ADDR, decode_arch_prctl_addr, PHASE_EXIT) \
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
	/* returns */ \
	X(RET_HEX, decode_hex, PHASE_EXIT) \
	X(RET_OCTAL, decode_octal, PHASE_EXIT)

#endif
