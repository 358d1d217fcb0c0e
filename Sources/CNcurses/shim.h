#ifndef WARD_CNCURSES_SHIM_H
#define WARD_CNCURSES_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
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
#endif
