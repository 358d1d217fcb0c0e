import Foundation
import Testing

/// Keys that never surprise, through the real binary and real ncurses in tmux, under the
/// TERMs people run it with: Esc never quits, every common Home/End/PgUp/PgDn encoding is
/// a key (tmux with `TERM=xterm-256color` sends `ESC [1~` for Home, which used to read as
/// Esc and back out of Ward), Ctrl-C quits cleanly, a crash restores the terminal.
@Suite(.serialized) struct ConsoleKeysTests {
  func start(term: String, width: Int = 120, height: Int = 40, extra: [String: String] = [:])
    throws -> TmuxSession
  {
    _ = try DemoFixture.storePath.get()
    var env = ["XDG_CACHE_HOME": DemoFixture.cacheHome, "TERM": term]
    for (k, v) in extra { env[k] = v }
    return try TmuxSession(
      command: "\(Repo.wardBinary) demo", width: width, height: height, environment: env)
  }

  /// Sends raw bytes, as a terminal would.
  func sendBytes(_ session: TmuxSession, _ bytes: [UInt8]) throws {
    try run(
      "/usr/bin/tmux",
      ["-S", session.socket, "send-keys", "-t", session.name, "-H"]
        + bytes.map { String(format: "%02x", $0) })
  }

  @Test(arguments: ["xterm-256color", "tmux-256color"])
  func escapeSequencesAreKeysAndEscNeverQuits(term: String) throws {
    let session = try start(term: term, width: 80, height: 24)
    defer { session.kill() }
    try session.waitFor("DEMO · READ-ONLY")
    // Esc on the top screen: a hint, not an exit.
    try session.send("Escape")
    let hinted = try session.waitFor("q to quit")
    #expect(hinted.contains("Overview"))

    try session.type(":findings")
    try session.send("Enter")
    let top = try session.waitFor("▶ Findings")
    let esc: UInt8 = 0x1B
    let ends: [[UInt8]] = [
      [esc, 0x5B, 0x34, 0x7E], [esc, 0x5B, 0x38, 0x7E], [esc, 0x5B, 0x46], [esc, 0x4F, 0x46],
    ]
    let homes: [[UInt8]] = [
      [esc, 0x5B, 0x31, 0x7E], [esc, 0x5B, 0x37, 0x7E], [esc, 0x5B, 0x48], [esc, 0x4F, 0x48],
    ]
    for (end, home) in zip(ends, homes) {
      try sendBytes(session, end)
      usleep(300_000)
      let atEnd = try session.screen()
      #expect(atEnd.contains("▶ Findings"), "End \(end) left the screen (\(term)):\n\(atEnd)")
      #expect(atEnd != top, "End \(end) did not move (\(term))")
      try sendBytes(session, home)
      usleep(300_000)
      let atHome = try session.screen()
      #expect(atHome == top, "Home \(home) did not return to the first row (\(term)):\n\(atHome)")
    }
    // Insert, Delete and F-keys in xterm, vt220 and linux-console forms: unbound here, so
    // nothing may change (read as Esc + text, they used to back out of the screen).
    let unbound: [[UInt8]] = [
      [esc, 0x5B, 0x32, 0x7E], [esc, 0x5B, 0x33, 0x7E], [esc, 0x4F, 0x50], [esc, 0x4F, 0x53],
      [esc, 0x5B, 0x31, 0x31, 0x7E], [esc, 0x5B, 0x31, 0x35, 0x7E], [esc, 0x5B, 0x32, 0x34, 0x7E],
      [esc, 0x5B, 0x5B, 0x41],
    ]
    for key in unbound {
      try sendBytes(session, key)
      usleep(200_000)
      let after = try session.screen()
      #expect(after == top, "\(key) changed the screen (\(term)):\n\(after)")
    }
    for pageKey: [UInt8] in [[esc, 0x5B, 0x36, 0x7E], [esc, 0x5B, 0x35, 0x7E]] {
      try sendBytes(session, pageKey)
      usleep(300_000)
      #expect(try session.screen().contains("▶ Findings"), "\(pageKey) (\(term))")
    }
    // Esc backs out to the overview; a second Esc stays there.
    try session.send("Escape")
    try session.waitFor("Overview")
    try session.send("Escape")
    usleep(300_000)
    #expect(try session.alternateScreenOn(), "Esc quit Ward (\(term))")
    // Ctrl-C quits from anywhere and restores the terminal.
    try session.send("C-c")
    let after = try session.waitFor("EXIT=")
    #expect(after.contains("EXIT=0"), "\(after)")
    #expect(try !session.alternateScreenOn())
  }

  /// The crash comes 8 s after start: with 2.5 s, a loaded machine (load 8 on 2 cores)
  /// had not drawn the first frame yet, and the test waited for a screen that never came.
  @Test func aCrashRestoresTheTerminalAndShowsNoBacktracer() throws {
    let session = try start(
      term: "xterm-256color",
      extra: ["WARD_TEST_CRASH_AFTER_MS": "8000", "SWIFT_BACKTRACE": "enable=yes,interactive=yes"])
    defer { session.kill() }
    try session.waitFor("DEMO · READ-ONLY")
    let after = try session.waitFor("EXIT=")
    #expect(after.contains("ward: internal error (SIG"), "\(after)")
    #expect(after.contains("EXIT=13"), "\(after)")  // 128 + SIGILL (4) or SIGTRAP (5)
    for word in ["Crashed", "Backtrace", "Thread 0", "💣"] {
      #expect(!after.contains(word), "\(word): \(after)")
    }
    #expect(try !session.alternateScreenOn())
  }
}
