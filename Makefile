# Khaldun - build, tests, benchmarks.
#
#   make          the library (build/libkhaldun.a, .so) and build/khaldun
#   make demo     installs what is missing, builds, codes the sample articles
#   make check    builds and runs every test (also under ASan and UBSan),
#                 a short fuzz run of every input entry point; last line
#                 "N passed, N failed"
#   make bench    throughput benchmarks (bench/)
#   make fuzz     longer fuzz runs (FUZZ_SECONDS each, default 60)
#
# Variables: BUILD (output folder; `make check BUILD=build-x` keeps a
# second tree, its sanitizer build and fuzzers apart), SAN=1 (ASan+UBSan
# build), CC, OPT.

CC      ?= cc
BUILD   ?= build
OPT     ?= -O2
PKGS    := libutf8proc sqlite3
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wno-missing-field-initializers
# Model files (the tagger's) live in one folder whatever BUILD is; the
# library finds them there unless KHALDUN_DATA or the pipeline says else.
DATA_DIR := $(CURDIR)/build/data
DATA_DEF := -DKH_DATA_DIR='"$(DATA_DIR)"' \
            -DKH_DICT_PATH='"$(CURDIR)/data/dict/khaldun.project"'
CFLAGS_ALL = -std=c11 -D_GNU_SOURCE -g $(OPT) $(WARN) -Iinclude $(PKG_CFLAGS) \
           $(DATA_DEF) \
           $(SANFLAGS) $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lm $(SANFLAGS) $(LDFLAGS)

ifeq ($(SAN),1)
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer
OPT      := -O1
endif

# Every stage folder under src/ is part of the library, but the front ends.
LIB_SRC := $(sort $(filter-out src/cli/% src/serve/%,$(wildcard src/*/*.c)))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
PIC_OBJ := $(LIB_SRC:%.c=$(BUILD)/pic/%.o)

UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
CLI_TEST_BIN := $(BUILD)/tests/test_cli

FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)

.PHONY: all lib tests check demo bench fuzz fuzz-build deps clean
.DEFAULT_GOAL := all

all: $(BUILD)/khaldun $(BUILD)/libkhaldun.so

lib: $(BUILD)/libkhaldun.a

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -DKH_BUILDING -fvisibility=hidden -MMD -MP -c $< -o $@

$(BUILD)/pic/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -DKH_BUILDING -fvisibility=hidden -fPIC -MMD -MP \
	    -c $< -o $@

$(BUILD)/libkhaldun.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libkhaldun.so: $(PIC_OBJ)
	$(CC) -shared -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/khaldun: $(CLI_OBJ) $(BUILD)/libkhaldun.a
	$(CC) -o $@ $(CLI_OBJ) $(BUILD)/libkhaldun.a $(LDLIBS_ALL)

# Tests link the static library: they may use internal headers.
$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h $(BUILD)/libkhaldun.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Isrc -o $@ $< $(BUILD)/libkhaldun.a \
	    $(shell pkg-config --libs cmocka) $(LDLIBS_ALL)

$(CLI_TEST_BIN): tests/cli/test_cli.c tests/unit/testutil.h $(BUILD)/libkhaldun.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Isrc -Itests/unit -o $@ $< $(BUILD)/libkhaldun.a \
	    $(shell pkg-config --libs cmocka) $(LDLIBS_ALL)

tests: all $(UNIT_BIN) $(CLI_TEST_BIN)

# libFuzzer harnesses: clang, with ASan and UBSan.  The library is
# compiled once with the fuzzer's coverage (fuzzer-no-link) into an
# archive of its own, which every harness links.
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_FLAGS := -std=c11 -D_GNU_SOURCE -g -O1 -Iinclude -Isrc $(PKG_CFLAGS) \
              $(DATA_DEF) $(FUZZ_SAN)
FUZZ_OBJ := $(LIB_SRC:%.c=$(BUILD)/fuzz/obj/%.o)
$(BUILD)/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -DKH_BUILDING -MMD -MP \
	    -c $< -o $@
$(BUILD)/fuzz/libkhaldun-fuzz.a: $(FUZZ_OBJ)
	@rm -f $@
	ar rcs $@ $^
$(BUILD)/fuzz/%: tests/fuzz/%.c $(BUILD)/fuzz/libkhaldun-fuzz.a
	@mkdir -p $(dir $@)
	clang $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< \
	    $(BUILD)/fuzz/libkhaldun-fuzz.a $(PKG_LIBS) -lm

fuzz-build: $(FUZZ_BIN)

deps:
	@tools/deps.sh

check: deps
	$(MAKE) tests
	$(MAKE) BUILD=$(BUILD)/san SAN=1 CC=clang tests
	$(MAKE) fuzz-build
	@BUILD=$(BUILD) tests/run.sh

fuzz: deps fuzz-build
	@BUILD=$(BUILD) FUZZ_SECONDS=$${FUZZ_SECONDS:-60} tests/fuzz/run.sh

bench: deps all
	@bench/run.sh

demo: deps all
	@tools/demo.sh

clean:
	rm -rf build

# Rules of the parts that need more than C sources (models, generated
# tables) live beside this file, one fragment each.
-include $(wildcard mk/*.mk)

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(PIC_OBJ:.o=.d) $(FUZZ_OBJ:.o=.d)
