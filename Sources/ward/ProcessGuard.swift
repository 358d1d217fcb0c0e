import CProcessGuard
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Makes sure no signal or crash hands the person at the keyboard a debugger or memory.
///
/// Swift's runtime installs an interactive crash backtracer before `main` runs (on by
/// default on Linux, interactive when stdin is a terminal: over SSH, `Ctrl-\` opened it
/// and its `mem` command dumped the heap). Its settings are read once at start-up from
/// `SWIFT_BACKTRACE`, so Ward re-executes itself once with `SWIFT_BACKTRACE=enable=no`
/// whatever the environment said, then installs its own handlers (CProcessGuard), which
/// print one line, restore the terminal and exit.
enum ProcessGuard {
  /// The backtracer setting Ward always runs with.
  static let backtraceSetting = "enable=no"

  /// Call first thing in `main`. May not return to the caller's image: re-executes the
  /// binary when the backtracer setting differs (the second run then continues here).
  static func engage() {
    let current = getenv("SWIFT_BACKTRACE").map { String(cString: $0) }
    if current != backtraceSetting {
      setenv("SWIFT_BACKTRACE", backtraceSetting, 1)
      execv("/proc/self/exe", CommandLine.unsafeArgv)
      // exec failed (no /proc): the handlers below still replace the backtracer's.
    }
    _ = ward_guard_install()
    injectTestCrashIfAsked()
  }

  /// Test hook: `WARD_TEST_CRASH_AFTER_MS=N` traps N ms after start, so the tests can check
  /// that a real crash (over SSH too) prints one line and gives the terminal back. sshd
  /// passes no client variables unless `AcceptEnv` names them, so an SSH user cannot set it.
  private static func injectTestCrashIfAsked() {
    guard let text = ProcessInfo.processInfo.environment["WARD_TEST_CRASH_AFTER_MS"],
      let ms = UInt32(text)
    else { return }
    Thread.detachNewThread {
      usleep(ms * 1000)
      let values = [Int.max, Int(ms)]
      // An arithmetic overflow trap, like the ones found in the field. The sum feeds a C
      // call so a release build cannot drop it as unused.
      let sum = values[0] + values[1] * Int(getpid() | 1)
      usleep(UInt32(truncatingIfNeeded: sum & 1))
    }
  }
}
