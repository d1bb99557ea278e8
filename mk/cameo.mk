# The CAMEO reference table: data/cameo/cameo.tsv, compiled by
# tools/gen_cameo.c into src/code/cameo_table.c.
#
# The generated C is checked in (as utf8proc does with its tables), so the
# library's ordinary src/*/*.c rule builds it and a build never needs the
# generator.  After editing the TSV, run `make tables`; test_cameo
# regenerates the table into $(BUILD)/gen/ and fails when it differs from
# the checked-in file, so the two cannot drift apart unnoticed.

CAMEO_TSV   := data/cameo/cameo.tsv
CAMEO_TABLE := src/code/cameo_table.c
GEN_CAMEO   := $(BUILD)/tools/gen_cameo

.PHONY: tables

$(GEN_CAMEO): tools/gen_cameo.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(LDFLAGS)

tables: $(GEN_CAMEO)
	$(GEN_CAMEO) -o $(CAMEO_TABLE) $(CAMEO_TSV)

# test_cameo runs the generator (found beside it, in $(BUILD)/tools/).
$(BUILD)/tests/test_cameo: $(GEN_CAMEO)
