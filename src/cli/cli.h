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

#endif
