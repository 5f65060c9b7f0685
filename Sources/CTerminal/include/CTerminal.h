// Signal handling (Ctrl-C at the prompt, termination while files are written): what must run
// inside a signal handler is C.
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

/// Records a temporary file being written, so a termination signal removes it; returns the slot to
/// hand to `tally_temporary_file_ended` (-1 when every slot is taken: then the next run sweeps it).
int tally_temporary_file_began(const char *path);

/// The temporary file of `slot` was renamed into place or removed.
void tally_temporary_file_ended(int slot);

/// On `signo`, removes the temporary files being written, then ends the process as the signal would
/// (unless the signal is ignored, as nohup leaves SIGHUP: then it stays ignored).
void tally_remove_temporary_files_on(int signo);

#endif
