// Termination signals (SIGTERM, SIGHUP, and SIGINT outside the prompt): the temporary files being
// written are removed, then the process dies of the signal as it would have. Only what is safe in a
// signal handler happens there: reading a fixed table and unlink().
#include "CTerminal.h"

#include <limits.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

enum { SLOTS = 16 };
enum { FREE = 0, FILLING = 1, READY = 2 };
static char paths[SLOTS][PATH_MAX];
static volatile sig_atomic_t state[SLOTS];

int tally_temporary_file_began(const char *path) {
    if (strlen(path) >= PATH_MAX) return -1;
    for (int i = 0; i < SLOTS; i++) {
        sig_atomic_t expected = FREE;
        if (__atomic_compare_exchange_n(&state[i], &expected, FILLING, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
            strcpy(paths[i], path);
            __atomic_store_n(&state[i], READY, __ATOMIC_RELEASE);
            return i;
        }
    }
    return -1;  // more files at once than slots: this one is left to the next run's sweep
}

void tally_temporary_file_ended(int slot) {
    if (slot >= 0 && slot < SLOTS) __atomic_store_n(&state[slot], FREE, __ATOMIC_RELEASE);
}

static void on_termination(int signo) {
    for (int i = 0; i < SLOTS; i++) {
        // A file already renamed into place is no longer at its temporary path: unlink only fails.
        if (__atomic_load_n(&state[i], __ATOMIC_ACQUIRE) == READY) unlink(paths[i]);
    }
    signal(signo, SIG_DFL);
    raise(signo);  // delivered when the handler returns: the process ends as the signal says
}

void tally_remove_temporary_files_on(int signo) {
    // A signal the parent ignores (SIGHUP under nohup, SIGINT for a background job) stays ignored.
    struct sigaction old;
    if (sigaction(signo, NULL, &old) == 0 && old.sa_handler == SIG_IGN) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_termination;
    sigemptyset(&action.sa_mask);
    sigaction(signo, &action, NULL);
    // A parent may have left it blocked (test runners do); then the file would outlive the signal.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signo);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}
