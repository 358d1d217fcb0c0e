import CNcurses

/// Termination signals (SIGTERM, SIGHUP, SIGINT, SIGQUIT) as a flag the poll loop checks.
///
/// The C handler in `shim.h` only records the signal number (async-signal-safe); all real
/// work (ending the session, endwin, exit) happens on the normal path after
/// ``Terminal/readKey(timeoutMs:)`` reports it.
/// Both C helpers are called from this file only, because the flag is a `static` in a
/// header and each object file would otherwise get its own copy.
enum SignalGuard {
  /// Installs the handlers. Call before `newterm`, so ncurses keeps ours and does not
  /// install its own SIGINT/SIGTERM handlers.
  static func install() -> Bool { ward_install_signal_handlers() == 0 }

  /// The signal received since the last call, if any.
  static func takePending() -> Int32? {
    let signal = ward_take_pending_signal()
    return signal == 0 ? nil : signal
  }
}
