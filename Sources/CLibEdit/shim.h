// libedit's readline interface, and setters for its C globals (Swift 6 will not assign
// imported mutable globals directly, as they are not concurrency-safe).
#ifndef TALLY_CLIBEDIT_SHIM_H
#define TALLY_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <locale.h>
#include <editline/readline.h>

static inline void tally_set_completer(char **(*completer)(const char *, int, int)) {
    rl_attempted_completion_function = completer;
}

static inline void tally_set_word_break_characters(const char *characters) {
    rl_basic_word_break_characters = (char *)characters;
}

static inline void tally_set_readline_name(const char *name) {
    rl_readline_name = (char *)name;
}

#endif
