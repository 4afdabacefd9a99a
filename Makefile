# mytrace: a ptrace-based system-call tracer.
# make            build ./mytrace
# make check      build and run every test (unit and integration)
# make asan       sanitizer build in build/asan; `make asan check` tests it
# make check-aarch64  the tests in an emulated arm64 machine (tests/aarch64/)
# make cross-aarch64  only the aarch64 cross build, in build/aarch64
# make install    PREFIX=/usr/local DESTDIR=
# make deps       install the build and test dependencies (Debian)
# make tables     refresh tables/<arch>.nr and tables/ioctls.<arch> from
#                 the kernel headers (IOCTL_CC=aarch64-linux-gnu-gcc
#                 IOCTL_ARCH=aarch64 for another arch's ioctl numbers)
# make bench      benchmark against strace (QUICK=1, UNPINNED=1; not in check)
# make stress     full load tests (580,000-line traces, 900 -ff processes)
# make fuzz       build the decoder fuzzer (clang, libFuzzer) in build/fuzz
# make fuzz-run   run it for FUZZ_SECONDS (default 30): CI's bounded run

ARCH ?= $(shell uname -m)
BUILD ?= build
CC ?= cc
PKG_CONFIG ?= pkg-config
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.1.0)

WARN := -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter
CFLAGS ?= -O2 -g
ALL_CFLAGS := -std=gnu11 -D_GNU_SOURCE $(WARN) $(CFLAGS) -MMD -MP \
	-Iinclude -I$(BUILD)/gen -Isrc/arch/$(ARCH) \
	-DMYTRACE_VERSION='"$(VERSION)"' $(UNWIND_CFLAGS)
LDLIBS ?=
# -k: libunwind-ptrace, and libiberty's demangler (as strace uses it)
UNWIND_CFLAGS := $(shell $(PKG_CONFIG) --cflags libunwind-ptrace 2>/dev/null)
UNWIND_LIBS := $(shell $(PKG_CONFIG) --libs libunwind-ptrace 2>/dev/null || \
	echo -lunwind-ptrace -lunwind-generic -lunwind)
LDLIBS += $(UNWIND_LIBS) -liberty
# -kk: elfutils' libdw reads the DWARF line tables; a build without it
# (HAVE_LIBDW=0, or no libdw.pc for the target) refuses -kk at run time
ifndef HAVE_LIBDW
HAVE_LIBDW := $(shell $(PKG_CONFIG) --exists libdw && echo 1 || echo 0)
endif
ifeq ($(HAVE_LIBDW),1)
ALL_CFLAGS += -DHAVE_LIBDW $(shell $(PKG_CONFIG) --cflags libdw)
DW_LIBS := $(shell $(PKG_CONFIG) --libs libdw)
DW_STATIC_LIBS := $(shell $(PKG_CONFIG) --libs --static libdw)
LDLIBS += $(DW_LIBS)
endif
# --backend=bpf: src/bpf/*.bpf.c compiled with clang -target bpf against a
# vmlinux.h dumped from this kernel's BTF, embedded through a bpftool
# skeleton, loaded with libbpf. Built only when all of that is here (the
# target's libbpf: libbpf-dev:arm64 for the aarch64 cross build); without
# it src/bpf_source.c says at run time that it is not built in. The object
# is the same for every architecture: it reads kernel fields at offsets
# found at run time (src/bpf_btf.c), so the build host's vmlinux.h only
# declares types, and a cross build may use it.
BPF_CLANG ?= clang
BPFTOOL ?= $(shell command -v bpftool 2>/dev/null || echo /usr/sbin/bpftool)
BTF ?= /sys/kernel/btf/vmlinux
ifndef HAVE_BPF
HAVE_BPF := $(shell [ -r $(BTF) ] && \
	[ -x $(BPFTOOL) ] && command -v $(BPF_CLANG) >/dev/null && \
	$(PKG_CONFIG) --exists libbpf && echo 1 || echo 0)
endif
ifeq ($(HAVE_BPF),1)
BPF_ARCH := $(if $(filter aarch64,$(ARCH)),arm64,x86)
BPF_LIBS := $(shell $(PKG_CONFIG) --libs libbpf) -lelf -lz
ALL_CFLAGS += -DHAVE_BPF
LDLIBS += $(BPF_LIBS)
endif
# The mytrace binary links libunwind and liblzma statically when their
# archives are installed: four fewer shared libraries to load take 0.4 ms
# off every start (1.8 -> 1.4 ms for `mytrace -V`, as much as /bin/true),
# which short traced commands feel; libbpf, libelf and zlib too (another
# 0.13 ms: 1.04 -> 0.91 ms task-clock for `mytrace -V`). Debian's archives are not built as
# PIE, so that binary is not one. STATIC_UNWIND=0 links them shared.
STATIC_UNWIND ?= $(if $(filter /%,$(shell $(CC) -print-file-name=libunwind-ptrace.a)),1,0)
ifeq ($(STATIC_UNWIND)$(SANITIZE)$(FUZZ),1)
MYTRACE_LDFLAGS := -no-pie
MYTRACE_LDLIBS := -Wl,-Bstatic \
	$(shell $(PKG_CONFIG) --libs --static libunwind-ptrace 2>/dev/null || \
		echo -lunwind-ptrace -lunwind-generic -llzma -lunwind -llzma) \
	-liberty $(DW_STATIC_LIBS) $(BPF_LIBS) -Wl,-Bdynamic
else
MYTRACE_LDLIBS = $(LDLIBS)
endif
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

ifeq ($(SANITIZE),1)
ALL_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif

# libFuzzer instrumentation for the decoder fuzzer (make fuzz)
ifeq ($(FUZZ),1)
ALL_CFLAGS += -fsanitize=fuzzer-no-link,address,undefined \
	-fno-omit-frame-pointer -fno-sanitize-recover=undefined
endif

GEN := $(BUILD)/gen
TABLE_LISTS := $(wildcard tables/consts/*.list)

# Everything but main.c goes into a library the unit tests link against.
LIB_SRCS := $(filter-out src/main.c,$(wildcard src/*.c src/decode/*.c \
	src/engine/*.c src/consume/*.c \
	src/format/*.c)) $(wildcard src/arch/$(ARCH)/*.c)
LIB_OBJS := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRCS)) \
	$(BUILD)/obj/gen/syscall_tables.o $(BUILD)/obj/gen/consts.o \
	$(BUILD)/obj/gen/ioctls.o
LIB := $(BUILD)/libmytrace.a

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_TESTS := $(patsubst tests/unit/%.c,$(BUILD)/tests/unit/%,$(UNIT_SRCS))
INTEG_SRCS := $(wildcard tests/integration/test_*.c)
# tests of what only this arch has (x86_64: the i386 personality)
INTEG_ARCH_SRCS := $(wildcard tests/integration/arch/$(ARCH)/test_*.c)
INTEG_TESTS := $(patsubst tests/integration/%.c,$(BUILD)/tests/integration/%,$(INTEG_SRCS)) \
	$(patsubst tests/integration/arch/$(ARCH)/%.c,$(BUILD)/tests/integration/%,$(INTEG_ARCH_SRCS))
PROG_SRCS := $(wildcard tests/programs/*.c)
PROGS := $(patsubst tests/programs/%.c,$(BUILD)/tests/programs/%,$(PROG_SRCS))
# 32-bit programs (gcc -m32, gcc-multilib) for the i386 personality
ifeq ($(ARCH),x86_64)
PROGS += $(patsubst tests/programs/i386/%.c,$(BUILD)/tests/programs/i386/%,\
	$(wildcard tests/programs/i386/*.c))
endif

.PHONY: all tests check unit-check integration-check asan install deps \
	tables clean bench stress fuzz fuzz-run
.DEFAULT_GOAL := all

all: $(BUILD)/mytrace
ifeq ($(BUILD),build)
all: mytrace
mytrace: $(BUILD)/mytrace
	cp $< $@
endif

$(BUILD)/mytrace: $(BUILD)/obj/src/main.o $(LIB)
	$(CC) $(LDFLAGS) $(MYTRACE_LDFLAGS) -o $@ $^ $(MYTRACE_LDLIBS)

$(LIB): $(LIB_OBJS)
	rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/obj/%.o: %.c | $(GEN)/consts.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj/gen/%.o: $(GEN)/%.c | $(GEN)/consts.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Wno-missing-field-initializers -c -o $@ $<

# i386: the 32-bit personality of x86_64 (ARGP_COMPAT in arg_types.h)
NR_TABLES := tables/x86_64.nr tables/i386.nr tables/aarch64.nr
$(GEN)/syscall_tables.c: tables/gen-syscalls.awk include/arg_types.h \
		tables/syscalls.list $(NR_TABLES)
	@mkdir -p $(GEN)
	awk -v compat=i386 -f tables/gen-syscalls.awk include/arg_types.h \
		tables/syscalls.list $(NR_TABLES) > $@.tmp && mv $@.tmp $@

$(GEN)/consts.c: tables/gen-consts.awk $(TABLE_LISTS)
	@mkdir -p $(GEN)
	awk -f tables/gen-consts.awk $(TABLE_LISTS) > $@.tmp && mv $@.tmp $@

# ioctl request names (tables/ioctls.<arch>, from make tables); an arch
# without a list prints every request as _IOC(...)
IOCTL_LIST := $(wildcard tables/ioctls.$(ARCH))
$(GEN)/ioctls.c: tables/gen-ioctls.awk $(IOCTL_LIST)
	@mkdir -p $(GEN)
	awk -v stage=1 -f tables/gen-ioctls.awk $(or $(IOCTL_LIST),/dev/null) | \
		LC_ALL=C sort -k1,1n -k2,2 | \
		awk -v stage=2 -f tables/gen-ioctls.awk > $@.tmp && mv $@.tmp $@

$(GEN)/consts.h: tables/gen-consts.awk $(TABLE_LISTS)
	@mkdir -p $(GEN)
	awk -v header=1 -f tables/gen-consts.awk $(TABLE_LISTS) > $@.tmp && \
		mv $@.tmp $@

# --- the eBPF programs (HAVE_BPF)
$(GEN)/vmlinux.h:
	@mkdir -p $(GEN)
	$(BPFTOOL) btf dump file $(BTF) format c > $@.tmp && mv $@.tmp $@

# -g: CO-RE needs it; llvm-strip -g then keeps only the BTF
$(GEN)/mytrace.bpf.o: src/bpf/mytrace.bpf.c include/bpf_record.h \
		$(GEN)/vmlinux.h
	$(BPF_CLANG) -g -O2 -Wall -Werror -target bpf \
		-D__TARGET_ARCH_$(BPF_ARCH) -I$(GEN) -Iinclude -c -o $@ $<
	-llvm-strip -g $@

$(GEN)/mytrace.skel.h: $(GEN)/mytrace.bpf.o
	$(BPFTOOL) gen skeleton $< name mytrace_bpf > $@.tmp && mv $@.tmp $@

ifeq ($(HAVE_BPF),1)
$(BUILD)/obj/src/bpf_source.o: $(GEN)/mytrace.skel.h
endif

# --- tests
tests: $(BUILD)/mytrace $(UNIT_TESTS) $(INTEG_TESTS) $(PROGS)

# fixtures: test-only parts (a consumer) any unit test may link
UNIT_FIXTURES := $(wildcard tests/unit/fixtures/*.c)
$(BUILD)/tests/unit/%: tests/unit/%.c $(UNIT_FIXTURES) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Itests/unit/fixtures $(LDFLAGS) \
		-o $@ $< $(UNIT_FIXTURES) $(LIB) $(CMOCKA_LIBS) $(LDLIBS)

# tests/integration/arch/$(ARCH)/arch_expect.h: what differs per arch
INTEG_DEPS := tests/integration/harness.c tests/integration/harness.h \
	tests/integration/arch/$(ARCH)/arch_expect.h
INTEG_BUILD = $(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Itests/integration \
	-Itests/integration/arch/$(ARCH) $(LDFLAGS) \
	-o $@ $< tests/integration/harness.c $(CMOCKA_LIBS)
$(BUILD)/tests/integration/%: tests/integration/%.c $(INTEG_DEPS)
	@mkdir -p $(dir $@)
	$(INTEG_BUILD)
$(BUILD)/tests/integration/%: tests/integration/arch/$(ARCH)/%.c $(INTEG_DEPS)
	@mkdir -p $(dir $@)
	$(INTEG_BUILD)

# Test programs are built without sanitizers: they make exact syscalls.
PROG_CFLAGS := -O1 -g
# -k tests: a call chain that must survive, and a binary with no unwind info
$(BUILD)/tests/programs/callchain: PROG_CFLAGS := -O0 -g \
	-fno-omit-frame-pointer -fno-inline
$(BUILD)/tests/programs/srcline: PROG_CFLAGS := -O0 -g \
	-fno-omit-frame-pointer -fno-inline
$(BUILD)/tests/programs/nounwind: PROG_CFLAGS := -O2 -s \
	-fno-asynchronous-unwind-tables -fno-unwind-tables -fomit-frame-pointer
# inject tests count openat calls: no dynamic loader may add its own
$(BUILD)/tests/programs/inject_probe: PROG_CFLAGS := -O1 -g -static
$(BUILD)/tests/programs/%: tests/programs/%.c
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 -D_GNU_SOURCE $(PROG_CFLAGS) -Wall -Wextra -Werror \
		-o $@ $< -lpthread
$(BUILD)/tests/programs/i386/%: tests/programs/i386/%.c
	@mkdir -p $(dir $@)
	$(CC) -m32 -std=gnu11 -D_GNU_SOURCE -D_FILE_OFFSET_BITS=64 -O1 -g \
		-Wall -Wextra -Werror \
		-o $@ $<

check: tests
	@BUILD=$(BUILD) tests/run-tests $(UNIT_TESTS) $(INTEG_TESTS)

asan:
	$(MAKE) BUILD=build/asan SANITIZE=1 CFLAGS="-O1 -g" tests
	@BUILD=build/asan tests/run-tests $(patsubst $(BUILD)/%,build/asan/%,$(UNIT_TESTS) $(INTEG_TESTS))

# --- fuzzing: random registers and tracee memory through every decoder
FUZZ_BUILD := build/fuzz
FUZZ_SECONDS ?= 30

fuzz:
	$(MAKE) BUILD=$(FUZZ_BUILD) CC=clang FUZZ=1 CFLAGS="-O1 -g" \
		$(FUZZ_BUILD)/fuzz_decode

$(BUILD)/fuzz_decode: tests/fuzz/fuzz_decode.c $(LIB)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< $(LIB)

fuzz-run: fuzz
	@mkdir -p $(FUZZ_BUILD)/corpus
	$(FUZZ_BUILD)/fuzz_decode -max_total_time=$(FUZZ_SECONDS) \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix=$(FUZZ_BUILD)/ $(FUZZ_BUILD)/corpus

# --- installation and upkeep
install: $(BUILD)/mytrace
	install -D -m 0755 $(BUILD)/mytrace $(DESTDIR)$(BINDIR)/mytrace
	install -D -m 0644 man/mytrace.1 $(DESTDIR)$(MANDIR)/man1/mytrace.1
	install -D -m 0644 man/mytrace-json.schema.json \
		$(DESTDIR)$(PREFIX)/share/mytrace/mytrace-json.schema.json

deps:
	./scripts/install-deps

IOCTL_ARCH ?= $(ARCH)
IOCTL_CC ?= $(CC)
tables:
	sh tables/refresh-numbers.sh
	sh tables/refresh-ioctls.sh $(IOCTL_ARCH) $(IOCTL_CC)

bench: all
	tests/bench/run

# the full forms of the bounded load tests in check (about a minute)
stress: tests
	@BUILD=$(BUILD) tests/stress/run

clean:
	rm -rf build mytrace

include tests/aarch64/aarch64.mk

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
