// Signal handling for the interactive prompt: what must run inside a signal handler is C.
#ifndef TALLY_CTERMINAL_H
#define TALLY_CTERMINAL_H

/// Installs the SIGINT handler and libedit's key reader (call before libedit is initialised): at
/// the prompt, Ctrl-C abandons the line; otherwise it records an interrupt for the running
/// statement to notice.
void tally_signals_install(void);

/// readline(), which returns NULL with *was_interrupted set when Ctrl-C abandoned the line
/// (and NULL with it unset at end of input).
char *tally_readline(const char *prompt, int *was_interrupted);

/// Whether Ctrl-C was pressed since the last call (and forget it).
int tally_signals_take_interrupt(void);

/// Whether Ctrl-C was pressed, without forgetting it.
int tally_signals_interrupted(void);

#endif
