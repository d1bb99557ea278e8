# The store (src/store/, SQLite): its command-line tests.
#
# tests/cli/test_store_cli.c runs build/khaldun's ingest, search, events
# and export as a user does, including an ingest killed with SIGKILL and
# one stopped with SIGINT, each run again and compared with a clean run.
# It is built beside test_cli, with the library's internal headers.

STORE_CLI_TEST := $(BUILD)/tests/test_store_cli

$(STORE_CLI_TEST): tests/cli/test_store_cli.c tests/unit/testutil.h \
                   $(BUILD)/libkhaldun.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Isrc -Itests/unit -o $@ $< $(BUILD)/libkhaldun.a \
	    $(shell pkg-config --libs cmocka) $(LDLIBS_ALL)

tests: $(STORE_CLI_TEST)
