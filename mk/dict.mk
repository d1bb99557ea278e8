# The bundled dictionaries' generated part: build/data/dict/world.actors,
# every country with its names, demonyms and capital, written by
# tools/gen_actors.c from Debian's iso-codes and the npm packages
# world-countries and i18n-nationality (see the top of the generator for
# how ambiguous names are handled).
#
# data/dict/khaldun.project names it as ../../build/data/dict/world.actors,
# so that the bundled set is the hand-written files of data/dict/ plus this
# one.  Like the tagger's model it is built, not checked in, and lives in
# build/data/ whatever BUILD is (the sanitizer build shares it); the
# generator is built in build/tools/ without the sanitizers.  It is
# rebuilt when the generator, its inputs, or any of our .actors files or
# the agents change: a phrase we write by hand is left out of the
# generated file, so that ours always decides.

WORLD_ACTORS := build/data/dict/world.actors
GEN_ACTORS   := build/tools/gen_actors
ISO_3166     := /usr/share/iso-codes/json/iso_3166-1.json
NODE_MODULES ?= node_modules
WORLD_JSON   := $(NODE_MODULES)/world-countries/countries.json
NATIONALITY  := $(NODE_MODULES)/i18n-nationality/langs/en.json
HAND_ACTORS  := $(sort $(wildcard data/dict/*.actors))
HAND_AGENTS  := data/dict/khaldun.agents

GEN_ACTORS_SRC := tools/gen_actors.c src/read/json.c src/core/arena.c \
    src/text/fold.c src/text/utf8.c
GEN_ACTORS_CFLAGS := -std=c11 -D_GNU_SOURCE -O2 $(WARN) -Iinclude -Isrc \
    $(PKG_CFLAGS)

.PHONY: dict

all: $(WORLD_ACTORS)
dict: $(WORLD_ACTORS)

$(GEN_ACTORS): $(GEN_ACTORS_SRC) src/read/json.h src/core/arena.h \
               src/text/text.h src/text/utf8.h
	@mkdir -p $(dir $@)
	$(CC) $(GEN_ACTORS_CFLAGS) -o $@ $(GEN_ACTORS_SRC) $(PKG_LIBS)

$(WORLD_ACTORS): $(GEN_ACTORS) $(ISO_3166) $(WORLD_JSON) $(NATIONALITY) \
                 $(HAND_ACTORS) $(HAND_AGENTS)
	@mkdir -p $(dir $@)
	$(GEN_ACTORS) -o $@ --iso $(ISO_3166) --countries $(WORLD_JSON) \
	    --nationality $(NATIONALITY) --agents $(HAND_AGENTS) \
	    $(addprefix --hand ,$(HAND_ACTORS))

$(ISO_3166):
	@echo "the ISO 3166 country list is missing ($(ISO_3166)):" \
	    "run 'make deps' (Debian package iso-codes)" >&2
	@exit 1

$(WORLD_JSON) $(NATIONALITY):
	@echo "$@ is missing: run 'make deps'" \
	    "(npm ci installs world-countries and i18n-nationality" \
	    "from package-lock.json)" >&2
	@exit 1

# Tests and benchmarks that load the bundled set need the generated file.
$(UNIT_BIN) $(CLI_TEST_BIN): | $(WORLD_ACTORS)
