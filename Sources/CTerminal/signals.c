// SIGINT for the REPL: at the prompt Ctrl-C abandons the line; while a statement runs it flags an
// interrupt the statement notices between steps.
#include "CTerminal.h"

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <stdio.h>
#include <editline/readline.h>

static volatile sig_atomic_t interrupted = 0;
static volatile sig_atomic_t at_prompt = 0;
/// Set only around the read() of a key, where leaving by siglongjmp interrupts nothing half-done.
static volatile sig_atomic_t in_read = 0;
static sigjmp_buf prompt_jump;

static void on_sigint(int signo) {
    (void)signo;
    interrupted = 1;
    if (at_prompt && in_read) {
        // Blocked waiting for a key: leave readline and start a fresh prompt, as shells do.
        in_read = 0;
        at_prompt = 0;
        siglongjmp(prompt_jump, 1);
    }
    // Anywhere else (libedit drawing, a statement running) only the flag is set: the next key
    // read leaves the line, and a running statement checks the flag between steps.
}

/// libedit's key reader: one byte at a time, leaving the line on a pending Ctrl-C.
static int read_key(FILE *stream) {
    unsigned char c;
    for (;;) {
        if (at_prompt && interrupted) {
            at_prompt = 0;
            siglongjmp(prompt_jump, 1);
        }
        in_read = 1;
        ssize_t n = read(fileno(stream), &c, 1);
        in_read = 0;
        if (n == 1) return c;
        if (n < 0 && errno == EINTR) continue;
        return EOF;
    }
}

void tally_signals_install(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, NULL);
    // A parent may have left SIGINT blocked; Ctrl-C must reach us.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    // Must be set before libedit is initialised, which is when it adopts the key reader.
    rl_getc_function = read_key;
}

char *tally_readline(const char *prompt, int *was_interrupted) {
    *was_interrupted = 0;
    if (sigsetjmp(prompt_jump, 1) != 0) {
        // Back from the handler: put the terminal right and tell the caller the line was dropped.
        rl_reset_after_signal();
        (void)write(STDOUT_FILENO, "^C\n", 3);
        *was_interrupted = 1;
        interrupted = 0;
        return NULL;
    }
    interrupted = 0;
    at_prompt = 1;
    char *line = readline(prompt);
    at_prompt = 0;
    return line;
}

int tally_signals_take_interrupt(void) {
    int was = interrupted;
    interrupted = 0;
    return was;
}

int tally_signals_interrupted(void) { return interrupted; }
