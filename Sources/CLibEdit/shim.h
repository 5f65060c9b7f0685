// libedit's readline interface, and setters for its C globals (Swift 6 will not assign
// imported mutable globals directly, as they are not concurrency-safe).
#ifndef TALLY_CLIBEDIT_SHIM_H
#define TALLY_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <editline/readline.h>

static inline void tally_set_completer(char **(*completer)(const char *, int, int)) {
    rl_attempted_completion_function = completer;
}

/// libedit keeps the pointer, so it gets a copy that lives as long as the process; special
/// prefixes are set too, as some libedit versions read them without a null check.
static inline void tally_set_word_break_characters(const char *characters) {
    char *copy = strdup(characters);
    rl_basic_word_break_characters = copy;
    rl_completer_word_break_characters = copy;
}

/// Sets libedit up now, so the settings made after it are not overwritten by a later lazy setup.
static inline void tally_initialize(void) {
    rl_initialize();
}

static inline void tally_set_readline_name(const char *name) {
    rl_readline_name = strdup(name);
}

/// Tally handles SIGINT itself (CTerminal), so libedit must not install its own handlers.
static inline void tally_disable_readline_signals(void) {
    rl_catch_signals = 0;
}

static inline void tally_set_completion_append_character(int c) {
    rl_completion_append_character = c;
}

static inline void tally_set_attempted_completion_over(int over) {
    rl_attempted_completion_over = over;
}

static inline const char *tally_line_buffer(void) {
    return rl_line_buffer;
}

/// Removes earlier entries equal to `line`, so the history keeps one copy, the latest.
static inline void tally_history_forget(const char *line) {
    for (int i = history_length - 1; i >= 0; i--) {
        HIST_ENTRY *entry = history_get(history_base + i);
        if (entry != NULL && entry->line != NULL && strcmp(entry->line, line) == 0) {
            // libedit hands back a copy of the entry (line duplicated), which the caller frees.
            HIST_ENTRY *removed = remove_history(i);
            if (removed != NULL) {
                free((void *)removed->line);
                free(removed);
            }
        }
    }
}

#endif
