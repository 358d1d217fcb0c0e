import Foundation
import Testing

/// Over the real sshd, no key and no crash hands the viewer a debugger or memory: Ctrl-\
/// used to raise SIGQUIT and open Swift's interactive backtracer, whose `mem` command
/// dumped every tenant's data from the heap.
@Suite(.serialized) struct SSHNoDebuggerTests {
  /// What the Swift backtracer prints when it takes over.
  static let backtracerWords = ["Crashed", "Backtrace", "backtrace", "Thread 0", "mem ", "💣"]

  @Test func ctrlBackslashAndFlowControlAreKeysNotSignals() throws {
    let b = try SSHBastion()
    // Even with the backtracer asked for, interactively, in the session's environment.
    try b.startConsole(
      "q", key: "viewer", sendEnv: ["SWIFT_BACKTRACE": "enable=yes,interactive=yes"])
    try b.waitForScreen("q") { $0.contains("Overview") && $0.contains("northwind") }
    try b.send("q", "C-\\")
    try b.send("q", "Space")
    try b.send("q", "C-s")
    try b.send("q", "Escape")
    // Still the console, still drawing (Ctrl-S froze the output before).
    let after = try b.waitForScreen("q") { $0.contains("q to quit") }
    #expect(after.contains("q to quit"), "\(after)")
    #expect(after.contains("Overview"), "\(after)")
    for word in Self.backtracerWords { #expect(!after.contains(word), "\(word): \(after)") }
    try b.send("q", "C-q")
    try b.send("q", "q")
    let ended = try b.waitForScreen("q") { $0.contains("Pane is dead") || !$0.contains("Overview") }
    #expect(!ended.contains("Overview"), "\(ended)")
    let log = try jsonArray(
      try ward(["audit", "log", "--store", b.store, "--format", "json"]).stdout)
    #expect((log.last?["note"] as? String)?.contains("ended=quit") == true, "\(log)")
  }

  @Test func aCrashPrintsOneLineAndGivesTheTerminalBack() throws {
    let b = try SSHBastion()
    try b.startConsole(
      "c", key: "viewer",
      sendEnv: [
        "SWIFT_BACKTRACE": "enable=yes,interactive=yes", "WARD_TEST_CRASH_AFTER_MS": "2500",
      ]
    )
    try b.waitForScreen("c") { $0.contains("Overview") && $0.contains("northwind") }
    let crashed = try b.waitForScreen("c", seconds: 20) { $0.contains("internal error") }
    #expect(crashed.contains("ward: internal error (SIG"), "\(crashed)")
    #expect(crashed.contains("terminal restored"), "\(crashed)")
    for word in Self.backtracerWords { #expect(!crashed.contains(word), "\(word): \(crashed)") }
    // The console's screen is gone: the alternate screen was left.
    #expect(!crashed.contains("Overview"), "\(crashed)")
  }

  @Test func aDroppedConnectionRecordsTheSessionEnd() throws {
    let b = try SSHBastion()
    try b.startConsole("h", key: "viewer")
    try b.waitForScreen("h") { $0.contains("Overview") && $0.contains("northwind") }
    // Kill the ssh client: sshd hangs up the session and sends the console SIGHUP.
    let panes = try b.tmux(["list-panes", "-t", "h", "-F", "#{pane_pid}"]).stdout
    for pid in panes.split(separator: "\n").compactMap({ Int32($0) }) { kill(pid, SIGKILL) }
    var ended: [String: Any]? = nil
    for _ in 0..<50 {
      let log = try jsonArray(
        try ward(["audit", "log", "--store", b.store, "--format", "json"]).stdout)
      if let last = log.last, last["reason"] as? String == "session end" {
        ended = last
        break
      }
      Thread.sleep(forTimeInterval: 0.2)
    }
    let end = try #require(ended, "no session end was recorded")
    #expect((end["note"] as? String)?.contains("ended=hangup") == true, "\(end)")
    #expect(try ward(["audit", "verify", "--store", b.store]).status == 0)
  }
}
