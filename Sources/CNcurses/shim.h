#ifndef WARD_CNCURSES_SHIM_H
#define WARD_CNCURSES_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <ncursesw/curses.h>

/// Macros and globals Swift cannot import directly.
static inline int ward_COLORS(void) { return COLORS; }
static inline int ward_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline int ward_LINES(void) { return LINES; }
static inline int ward_COLS(void) { return COLS; }
static inline WINDOW *ward_stdscr(void) { return stdscr; }
static inline int ward_KEY_RESIZE(void) { return KEY_RESIZE; }
static inline attr_t ward_A_BOLD(void) { return A_BOLD; }
static inline attr_t ward_A_DIM(void) { return A_DIM; }
static inline attr_t ward_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t ward_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t ward_A_NORMAL(void) { return A_NORMAL; }
static inline chtype ward_COLOR_PAIR(int n) { return COLOR_PAIR(n); }

/// Fills a cchar_t with up to CCHARW_MAX wide characters (NUL-terminated `text`),
/// attributes and an extended (int) colour pair, as setcchar(3X) documents for pairs
/// beyond SHRT_MAX. Returns OK or ERR.
static inline int ward_setcchar(cchar_t *cell, const wchar_t *text, attr_t attrs, int pair) {
  int extended = pair;
  return setcchar(cell, text, attrs, (NCURSES_PAIRS_T)(pair > 32767 ? 0 : pair), &extended);
}

/// Mouse events Ward uses: button presses/clicks and the wheel.
static inline mmask_t ward_mouse_mask(void) {
  return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON2_PRESSED | BUTTON2_CLICKED |
         BUTTON3_PRESSED | BUTTON3_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
         | BUTTON5_PRESSED
#endif
      ;
}

/// Decodes a mouse event's button: 1 left, 2 middle, 3 right, 4 wheel up, 5 wheel down,
/// 0 anything else.
static inline int ward_mouse_button(mmask_t state) {
  if (state & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
  if (state & (BUTTON2_PRESSED | BUTTON2_CLICKED)) return 2;
  if (state & (BUTTON3_PRESSED | BUTTON3_CLICKED)) return 3;
  if (state & BUTTON4_PRESSED) return 4;
#ifdef BUTTON5_PRESSED
  if (state & BUTTON5_PRESSED) return 5;
#endif
  return 0;
}

/* Signal handling: the only global mutable state in Ward.
 *
 * The handler only stores the signal number in a volatile sig_atomic_t, which is all
 * POSIX allows a handler to do safely; the terminal's poll loop (Terminal.readKey) sees the
 * flag within one timeout, calls endwin once and exits. The handlers are installed without
 * SA_RESTART so a blocking wait for input returns early (EINTR) when a signal arrives.
 *
 * Because this is a `static` variable in a header, every object file that uses these
 * functions gets its own copy: call them from ONE Swift file only
 * (Sources/WardTerminal/SignalGuard.swift). */
static volatile sig_atomic_t ward_pending_signal = 0;

static void ward_record_signal(int signal_number) { ward_pending_signal = signal_number; }

/// Installs the flag-setting handler for SIGTERM, SIGHUP, SIGINT and SIGQUIT (raw mode
/// makes Ctrl-\ a key; a SIGQUIT from `kill` ends the session like SIGTERM). Returns 0 or -1.
static inline int ward_install_signal_handlers(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = ward_record_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  if (sigaction(SIGTERM, &action, NULL) != 0) return -1;
  if (sigaction(SIGHUP, &action, NULL) != 0) return -1;
  if (sigaction(SIGINT, &action, NULL) != 0) return -1;
  if (sigaction(SIGQUIT, &action, NULL) != 0) return -1;
  return 0;
}

/// The last signal received since the previous call (0 if none); clears the flag.
static inline int ward_take_pending_signal(void) {
  int signal_number = ward_pending_signal;
  ward_pending_signal = 0;
  return signal_number;
}
#endif
