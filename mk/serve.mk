# `khaldun serve` (src/serve/): libmicrohttpd, the web page, its tests.
#
# src/serve/ is a front end like src/cli/: its objects are linked into
# build/khaldun (not the library), with libmicrohttpd.  The web page is
# web/ (ours, no build step) plus the front-end packages' dist files from
# node_modules (pinned by package-lock.json), all copied into BUILD/web,
# the folder `khaldun serve` serves unless --web or $KHALDUN_WEB says
# else (its path is compiled in, as KH_DATA_DIR is).

MHD_CFLAGS := $(shell pkg-config --cflags libmicrohttpd 2>/dev/null)
MHD_LIBS   := $(shell pkg-config --libs libmicrohttpd 2>/dev/null)
SERVE_SRC  := $(sort $(wildcard src/serve/*.c))
SERVE_OBJ  := $(SERVE_SRC:%.c=$(BUILD)/obj/%.o)
WEB_DIR    := $(abspath $(BUILD))/web

CLI_OBJ += $(SERVE_OBJ)
$(BUILD)/khaldun: $(SERVE_OBJ)
$(BUILD)/khaldun: LDLIBS_ALL += $(MHD_LIBS) -lpthread
$(BUILD)/obj/src/serve/%.o: CFLAGS_ALL += $(MHD_CFLAGS)
$(BUILD)/obj/src/cli/cmd_serve.o: CFLAGS_ALL += -DKH_WEB_DIR='"$(WEB_DIR)"'

# The page: web/* and the vendored files, into BUILD/web.
WEB_SRC := $(sort $(wildcard web/*.html web/*.js web/*.css web/*.svg))
VENDOR  := node_modules/leaflet/dist/leaflet.js \
           node_modules/leaflet/dist/leaflet.css \
           node_modules/uplot/dist/uPlot.iife.min.js \
           node_modules/uplot/dist/uPlot.min.css \
           node_modules/world-atlas/countries-110m.json
WEB_OUT := $(WEB_SRC:web/%=$(BUILD)/web/%) \
           $(addprefix $(BUILD)/web/vendor/,$(notdir $(VENDOR)))

$(BUILD)/web/%: web/%
	@mkdir -p $(dir $@)
	cp $< $@

define vendor_rule
$(BUILD)/web/vendor/$(notdir $(1)): $(1)
	@mkdir -p $$(dir $$@)
	cp $$< $$@
endef
$(foreach f,$(VENDOR),$(eval $(call vendor_rule,$(f))))

.PHONY: web serve
web: $(WEB_OUT)
all: web

# `make serve`: the demo store (make demo) on http://127.0.0.1:8080/
serve: all
	$(BUILD)/khaldun serve --db $${KHALDUN_DB:-khaldun.db}

# The API test over real HTTP: starts BUILD/khaldun serve.
SERVE_TEST := $(BUILD)/tests/test_serve
$(SERVE_TEST): tests/serve/test_serve.c tests/serve/http_client.h \
               tests/unit/testutil.h $(BUILD)/libkhaldun.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Isrc -Itests/unit -o $@ $< $(BUILD)/libkhaldun.a \
	    $(shell pkg-config --libs cmocka) $(LDLIBS_ALL)
tests: $(SERVE_TEST)

# The fuzz harness of requests: the routes over a store in memory (no
# socket, so not http.c).
SERVE_FUZZ_SRC := $(filter-out src/serve/http.c,$(SERVE_SRC))
$(BUILD)/fuzz/fuzz_serve: tests/fuzz/fuzz_serve.c $(SERVE_FUZZ_SRC) \
                          src/serve/serve.h $(BUILD)/fuzz/libkhaldun-fuzz.a
	@mkdir -p $(dir $@)
	clang $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(SERVE_FUZZ_SRC) \
	    $(BUILD)/fuzz/libkhaldun-fuzz.a $(PKG_LIBS) -lm -lpthread

# The browser tests (tests/browser/run.sh: headless Chromium through npm
# playwright-core), run by tests/run.sh as BUILD/tests/test_browser.
BROWSER_TEST := $(BUILD)/tests/test_browser
$(BROWSER_TEST): tests/browser/run.sh mk/serve.mk
	@mkdir -p $(dir $@)
	printf '#!/bin/sh\n# made by mk/serve.mk\nBUILD=%s exec tests/browser/run.sh\n' \
	    '$(BUILD)' > $@
	chmod +x $@
tests: $(BROWSER_TEST)
