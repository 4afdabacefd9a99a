# tests/aarch64/aarch64.mk: make fragment for the aarch64 cross build and
# for running the integration tests in an aarch64 qemu guest.  Include it
# from the top-level Makefile (paths are relative to the repository root):
#
#	include tests/aarch64/aarch64.mk
#
# make cross-aarch64  setup (packages, kernel), then the cross build:
#                     $(MAKE) BUILD=build/aarch64 CC=aarch64-linux-gnu-gcc
#                       PKG_CONFIG_PATH=... ARCH=aarch64 all tests
#                     plus the stand-in test build/aarch64/tests/integration/
#                     test_smoke (ptrace + libunwind-ptrace + cmocka)
# make check-aarch64  cross-aarch64, stage mytrace and the tests tree as
#                     /mytrace-root in an initramfs (with busybox as /bin),
#                     boot it under qemu and run every tests/unit/test_* and
#                     tests/integration/test_* there; fails if any test
#                     program fails, on a timeout or without a result; its
#                     last line is the guest's "aarch64: N passed, N failed"
#
# Knobs (make variables):
#   AARCH64_MAIN_BUILD  yes: run the recursive cross build of mytrace
#                       (default yes when included, no when this file is
#                       used alone with make -f)
#   AARCH64_SMOKE       yes: build and run the stand-in test_smoke (default)
#   AARCH64_TEST_DIRS   dirs (under the repo root) whose test_* run in the
#                       guest (default tests/unit tests/integration)
#   AARCH64_STAGE_EXTRA repo-relative data files the tests read at run time
#                       (scripts, schemas), staged as they are (default:
#                       tests/tools and man, where they exist)
#   AARCH64_TIMEOUT     seconds for the whole guest run (default 900)
#   AARCH64_TEST_TIMEOUT seconds per test program in the guest (default 300)
#   AARCH64_GUEST_ENV   "NAME=value ..." for the tests' environment; e.g.
#                       MYTRACE_SMOKE_FAIL=1 makes test_smoke fail on purpose

_aarch64_mk := $(lastword $(MAKEFILE_LIST))
_aarch64_dir := $(patsubst %/,%,$(dir $(_aarch64_mk)))
# included before the Makefile's own first target, this file must not
# become "make"'s default goal: restored at the end
_aarch64_goal := $(.DEFAULT_GOAL)

ifeq ($(firstword $(MAKEFILE_LIST)),$(_aarch64_mk))
AARCH64_MAIN_BUILD ?= no
_aarch64_goal := check-aarch64
else
AARCH64_MAIN_BUILD ?= yes
endif
AARCH64_SMOKE ?= yes
AARCH64_TEST_DIRS ?= tests/unit tests/integration
AARCH64_STAGE_EXTRA ?= $(wildcard tests/tools man)
AARCH64_TIMEOUT ?= 900
AARCH64_TEST_TIMEOUT ?= 300
AARCH64_GUEST_ENV ?=

AARCH64_BUILD := build/aarch64
AARCH64_CC := aarch64-linux-gnu-gcc
# PKG_CONFIG_LIBDIR, unlike PKG_CONFIG_PATH, hides the host's .pc files: a
# library missing for arm64 then fails loudly instead of giving host flags.
AARCH64_PKG_CONFIG_PATH := /usr/lib/aarch64-linux-gnu/pkgconfig
AARCH64_PKG_CONFIG_LIBDIR := $(AARCH64_PKG_CONFIG_PATH):/usr/share/pkgconfig
AARCH64_PKG_CONFIG := PKG_CONFIG_LIBDIR=$(AARCH64_PKG_CONFIG_LIBDIR) \
	PKG_CONFIG_PATH=$(AARCH64_PKG_CONFIG_PATH) pkg-config
AARCH64_KERNEL := $(AARCH64_BUILD)/vmlinuz
AARCH64_LOG := $(AARCH64_BUILD)/console.log
AARCH64_GUEST_ROOT := $(AARCH64_BUILD)/guest-root
AARCH64_STAGE := $(AARCH64_BUILD)/stage
AARCH64_HELPERS := $(AARCH64_BUILD)/qemu
AARCH64_SMOKE_BIN := $(AARCH64_BUILD)/tests/integration/test_smoke
AARCH64_HOST_CFLAGS := -D_GNU_SOURCE -O2 -Wall -Wextra -Werror
_aarch64_smoke := $(if $(filter yes,$(AARCH64_SMOKE)),$(AARCH64_SMOKE_BIN))

.PHONY: aarch64-setup cross-aarch64 check-aarch64 clean-aarch64

aarch64-setup:
	$(_aarch64_dir)/setup $(AARCH64_KERNEL) $(AARCH64_GUEST_ROOT)

# The pkg-config variables go into the sub-make's environment as well as
# its command line: make 4.3 does not export command-line variables to
# $(shell ...), so "X := $(shell pkg-config ...)" would see the host's .pc.
cross-aarch64: aarch64-setup $(_aarch64_smoke)
ifeq ($(AARCH64_MAIN_BUILD),yes)
	PKG_CONFIG_LIBDIR=$(AARCH64_PKG_CONFIG_LIBDIR) \
	PKG_CONFIG_PATH=$(AARCH64_PKG_CONFIG_PATH) \
	$(MAKE) BUILD=$(AARCH64_BUILD) CC=$(AARCH64_CC) \
		PKG_CONFIG_PATH=$(AARCH64_PKG_CONFIG_PATH) ARCH=aarch64 \
		all tests
endif

# the compilers come from setup: "| aarch64-setup" orders, never rebuilds

$(AARCH64_SMOKE_BIN): $(_aarch64_dir)/smoke_test.c $(_aarch64_mk) \
		| aarch64-setup
	@mkdir -p $(@D)
	$(AARCH64_CC) $(AARCH64_HOST_CFLAGS) -g -o $@ $< \
		$$($(AARCH64_PKG_CONFIG) --cflags --libs cmocka libunwind-ptrace)

# guest-side helpers: static, so they need nothing from the initramfs
$(AARCH64_HELPERS)/init: $(_aarch64_dir)/init.c $(_aarch64_mk) \
		| aarch64-setup
	@mkdir -p $(@D)
	$(AARCH64_CC) $(AARCH64_HOST_CFLAGS) -static -o $@ $<

$(AARCH64_HELPERS)/runtests: $(_aarch64_dir)/runtests.c $(_aarch64_mk) \
		| aarch64-setup
	@mkdir -p $(@D)
	$(AARCH64_CC) $(AARCH64_HOST_CFLAGS) -static -o $@ $<

# Guest layout: /runtests and /mytrace-root/{mytrace,tests/...}, the same
# relative paths as under build/aarch64 (objects and archives left out);
# from build/aarch64/guest-root (unpacked by setup) /bin/busybox, whose
# applets (sh, cat, true, ...) runtests links into /bin, and /sbin/ldconfig,
# which runtests runs; the small /etc of tests/aarch64/rootfs (passwd,
# group, hostname, hosts, ld.so.conf) that tests read as on any machine.
# MYTRACE and TEST_PROGRAMS tell tests/integration/harness.c where they are
# (its defaults, build/..., are host paths).
_aarch64_guest_env := MYTRACE_TEST_TIMEOUT=$(AARCH64_TEST_TIMEOUT) \
	MYTRACE_TEST_QUICK=1 \
	MYTRACE=/mytrace-root/mytrace TEST_PROGRAMS=/mytrace-root/tests/programs
check-aarch64: cross-aarch64 $(AARCH64_HELPERS)/init \
		$(AARCH64_HELPERS)/runtests
	rm -rf $(AARCH64_STAGE)
	mkdir -p $(AARCH64_STAGE)/mytrace-root
	cp $(AARCH64_HELPERS)/runtests $(AARCH64_STAGE)/runtests
	cp -R $(_aarch64_dir)/rootfs/. $(AARCH64_STAGE)/
	tar -C $(AARCH64_GUEST_ROOT) -cf - --exclude=./.source . | \
		tar -C $(AARCH64_STAGE) -xf -
	mkdir -p $(AARCH64_STAGE)/root
ifeq ($(AARCH64_MAIN_BUILD),yes)
	cp $(AARCH64_BUILD)/mytrace $(AARCH64_STAGE)/mytrace-root/mytrace
endif
	tar -C $(AARCH64_BUILD) -cf - --exclude='*.o' --exclude='*.d' \
		--exclude='*.a' tests | tar -C $(AARCH64_STAGE)/mytrace-root -xf -
ifneq ($(strip $(AARCH64_STAGE_EXTRA)),)
	tar -cf - $(AARCH64_STAGE_EXTRA) | \
		tar -C $(AARCH64_STAGE)/mytrace-root -xf -
endif
	rm -f $(AARCH64_LOG)
	@rc=0; \
	AARCH64_KERNEL=$(AARCH64_KERNEL) \
	AARCH64_INIT=$(AARCH64_HELPERS)/init \
	AARCH64_TIMEOUT=$(AARCH64_TIMEOUT) \
	AARCH64_LOG=$(AARCH64_LOG) \
	AARCH64_GUEST_ENV='$(_aarch64_guest_env) $(AARCH64_GUEST_ENV)' \
	$(_aarch64_dir)/run $(AARCH64_STAGE) /runtests /mytrace-root \
		$(AARCH64_TEST_DIRS) || rc=$$?; \
	summary=$$(grep -E '^aarch64: [0-9]+ passed, [0-9]+ failed$$' \
		$(AARCH64_LOG) 2>/dev/null | tail -n 1); \
	echo "$${summary:-aarch64: no test summary from the guest (exit $$rc)}"; \
	exit $$rc

# keeps the extracted kernel (build/aarch64/vmlinuz): it costs a download
clean-aarch64:
	rm -rf $(AARCH64_STAGE) $(AARCH64_HELPERS) $(AARCH64_BUILD)/run.* \
		$(AARCH64_SMOKE_BIN) $(AARCH64_LOG)

.DEFAULT_GOAL := $(_aarch64_goal)
