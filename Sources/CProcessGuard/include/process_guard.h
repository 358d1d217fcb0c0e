#ifndef WARD_PROCESS_GUARD_H
#define WARD_PROCESS_GUARD_H

/* Ward's process guard: no signal and no crash ever hands the person at the keyboard a
 * debugger, a backtrace or any memory, and a crash always gives the terminal back.
 *
 * This is the one place with process-global mutable state besides the terminal's signal
 * flag: signal handlers can only reach globals. Everything here is async-signal-safe. */

/// Installs the crash handlers (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT, SIGSYS)
/// and a SIGQUIT handler, on an alternate stack. Each prints one line to standard error,
/// restores the terminal recorded by ward_guard_record_terminal, and exits 128+signal
/// without a core dump. Returns 0, or -1 if a handler could not be installed.
int ward_guard_install(void);

/// Records the terminal to restore on a crash: its file descriptor and its settings before
/// the console changed them. Call before entering curses mode.
void ward_guard_record_terminal(int fd);

/// Forgets the recorded terminal (call after it was restored normally).
void ward_guard_forget_terminal(void);

#endif
