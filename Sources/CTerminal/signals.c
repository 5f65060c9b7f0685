// SIGINT for the REPL: at the prompt Ctrl-C abandons the line; while a statement runs it flags an
// interrupt the statement notices between steps.
#include "CTerminal.h"

#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <stdio.h>
#include <editline/readline.h>

static volatile sig_atomic_t interrupted = 0;
static volatile sig_atomic_t at_prompt = 0;
static sigjmp_buf prompt_jump;

static void on_sigint(int signo) {
    (void)signo;
    interrupted = 1;
    if (at_prompt) {
        // libedit is blocked in read(); leave readline and start a fresh prompt, as shells do.
        at_prompt = 0;
        siglongjmp(prompt_jump, 1);
    }
}

void tally_signals_install(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, NULL);
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
