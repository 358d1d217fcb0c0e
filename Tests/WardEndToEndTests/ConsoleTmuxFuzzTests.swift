import Foundation
import Testing

/// Seeded random keys and window resizes (real SIGWINCH) against the real binary and real
/// ncurses in tmux: the console never dies, never quits on its own, never sets the
/// terminal's title (a raw OSC from data would), always fills exactly the window, and the
/// demo store is unchanged afterwards.
@Suite(.serialized) struct ConsoleTmuxFuzzTests {
  /// Keys as tmux names them; every quitting key (q, Ctrl-C, Ctrl-Z) is left out.
  static let keys = [
    "j", "k", "g", "G", "Enter", "Escape", "Tab", "BTab", "Up", "Down", "Left", "Right",
    "PageUp", "PageDown", "Home", "End", "s", "S", "w", "h", "l", "?", "Space", "*", "t", "n",
    "u", "v", "y", "a", "c", "F1", "F5", "DC", "IC", "C-l", "C-s", "C-q", "C-\\", "BSpace",
  ]
  static let words = [
    ":findings", ":functions", ":alerts", ":costs", ":overview", ":help", ":theme mono",
    ":theme default", "/sev:high", "/secret", "/漢字", "/state:all",
  ]

  @Test func fiveThousandRandomEventsInTmux() throws {
    let store = try DemoFixture.storePath.get()
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    let session = try TmuxSession(
      command: "\(Repo.wardBinary) demo",
      environment: ["XDG_CACHE_HOME": DemoFixture.cacheHome, "TERM": "xterm-256color"])
    defer { session.kill() }
    try session.waitFor("DEMO · READ-ONLY")
    let title = try tmux(session, ["display", "-p", "-t", session.name, "#{pane_title}"])
    var random = SplitMix(seed: 20_261_201)
    var events = 0
    var resizes = 0
    var (width, height) = (120, 40)
    while events < 5_000 {
      let roll = random.next() % 100
      if roll < 15 {
        width = Int(10 + random.next() % 200)
        height = Int(3 + random.next() % 60)
        _ = try tmux(
          session, ["resize-window", "-t", session.name, "-x", String(width), "-y", String(height)])
        resizes += 1
        events += 1
      } else if roll < 12 {
        let word = Self.words[Int(random.next() % UInt64(Self.words.count))]
        try session.type(word)
        try session.send("Enter")
        events += word.count + 1
      } else {
        // A burst of keys in one send-keys, as fast as a person mashing keys.
        let burst = (0..<25).map { _ in Self.keys[Int(random.next() % UInt64(Self.keys.count))] }
        try session.send(burst)
        events += burst.count
      }
      if events % 250 < 30 {
        try check(session, width: width, height: height, title: title, after: events)
      }
    }
    usleep(500_000)
    try check(session, width: width, height: height, title: title, after: events)
    print("tmux fuzz: \(events) events, \(resizes) resizes (SIGWINCH), 0 crashes")
    for _ in 0..<8 { try session.send("Escape") }
    try session.send("q")
    let after = try session.waitFor("EXIT=")
    #expect(after.contains("EXIT=0"), "\(after)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
  }

  func check(_ session: TmuxSession, width: Int, height: Int, title: String, after events: Int)
    throws
  {
    let screen = try session.screen()
    #expect(!screen.contains("EXIT="), "Ward ended after \(events) events:\n\(screen)")
    #expect(try session.alternateScreenOn(), "Ward left the screen after \(events) events")
    let nowTitle = try tmux(session, ["display", "-p", "-t", session.name, "#{pane_title}"])
    #expect(nowTitle == title, "the pane title changed after \(events) events: \(nowTitle)")
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count <= height + 1, "\(lines.count) lines in a \(height)-row window")
  }

  func tmux(_ session: TmuxSession, _ arguments: [String]) throws -> String {
    try run("/usr/bin/tmux", ["-S", session.socket] + arguments).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

/// SplitMix64, for a replayable sequence.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension TmuxSession {
  /// Sends several tmux key names in one call.
  func send(_ keys: [String]) throws {
    try run("/usr/bin/tmux", ["-S", socket, "send-keys", "-t", name] + keys)
  }
}
