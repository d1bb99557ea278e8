/* cli.h - the khaldun command: one function per subcommand. */
#ifndef KH_CLI_H
#define KH_CLI_H

#include "khaldun.h"

int kh_cmd_code(int argc, char **argv);
int kh_cmd_tag(int argc, char **argv);
int kh_cmd_validate(int argc, char **argv);
int kh_cmd_ingest(int argc, char **argv);
int kh_cmd_search(int argc, char **argv);
int kh_cmd_events(int argc, char **argv);
int kh_cmd_export(int argc, char **argv);
int kh_cmd_serve(int argc, char **argv);

/* Prints "khaldun: " and the formatted error to stderr. */
void kh_cli_error(const kh_error *err);

/* The value of --input (text, jsonl, html, feed) as a KH_INPUT_*, or -1
 * after a message on stderr. */
int kh_cli_input_format(const char *arg);

/* The help line of --input. */
#define KH_CLI_INPUT_HELP \
    "  --input FORMAT       read every input as text, jsonl, html or feed\n" \
    "                       (RSS/Atom) (default: by extension, then by\n" \
    "                       the first bytes)\n"

#endif
