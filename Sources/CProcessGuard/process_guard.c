#include "process_guard.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t recorded_fd = -1;
static struct termios recorded_settings;

/* 64 KiB: enough for the handler after a stack overflow. */
static char alternate_stack[1 << 16];

static void write_all(int fd, const char *text) {
  size_t left = strlen(text);
  while (left > 0) {
    ssize_t n = write(fd, text, left);
    if (n <= 0) return;
    text += n;
    left -= (size_t)n;
  }
}

static const char *signal_name(int signal_number) {
  switch (signal_number) {
    case SIGSEGV: return "SIGSEGV";
    case SIGBUS: return "SIGBUS";
    case SIGILL: return "SIGILL";
    case SIGFPE: return "SIGFPE";
    case SIGTRAP: return "SIGTRAP";
    case SIGABRT: return "SIGABRT";
    case SIGSYS: return "SIGSYS";
    case SIGQUIT: return "SIGQUIT";
    default: return "a signal";
  }
}

static void restore_terminal(void) {
  int fd = recorded_fd;
  if (fd < 0) return;
  /* Reset attributes, show the cursor, leave the alternate screen, then the tty modes. */
  write_all(fd, "\033[0m\033[?25h\033[?1049l\r\n");
  tcsetattr(fd, TCSANOW, &recorded_settings);
  recorded_fd = -1;
}

static void on_fatal_signal(int signal_number) {
  restore_terminal();
  write_all(STDERR_FILENO, "ward: ");
  if (signal_number == SIGQUIT) {
    write_all(STDERR_FILENO, "quit on SIGQUIT.\n");
  } else {
    write_all(STDERR_FILENO, "internal error (");
    write_all(STDERR_FILENO, signal_name(signal_number));
    write_all(STDERR_FILENO, "); terminal restored. Please report it.\n");
  }
  _exit(128 + signal_number);
}

int ward_guard_install(void) {
  stack_t stack;
  memset(&stack, 0, sizeof stack);
  stack.ss_sp = alternate_stack;
  stack.ss_size = sizeof alternate_stack;
  if (sigaltstack(&stack, NULL) != 0) return -1;

  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_fatal_signal;
  sigfillset(&action.sa_mask);
  action.sa_flags = SA_ONSTACK | SA_RESETHAND;
  const int signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT, SIGSYS, SIGQUIT};
  for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
    if (sigaction(signals[i], &action, NULL) != 0) return -1;
  }
  return 0;
}

void ward_guard_record_terminal(int fd) {
  if (tcgetattr(fd, &recorded_settings) == 0) recorded_fd = fd;
}

void ward_guard_forget_terminal(void) { recorded_fd = -1; }
