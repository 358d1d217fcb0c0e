import Foundation
import Testing

/// The hostile corpus (Tests/Fixtures/hostile) on the real console under real ncurses: the
/// raw bytes Ward writes to the terminal (recorded with tmux pipe-pane) carry no OSC, DCS,
/// APC or PM sequence, no C1 control and no bidi control from the data, on the overview,
/// the findings table, a finding's detail and its pager; the pane title never changes.
@Suite(.serialized) struct HostileConsoleTests {
  /// Raw-byte patterns no data may put on the terminal: string-introducing escapes and the
  /// UTF-8 forms of C1 controls and bidi overrides/isolates.
  static func forbidden(_ bytes: [UInt8]) -> [String] {
    var found: [String] = []
    var i = 0
    while i < bytes.count, found.count < 5 {
      let b = bytes[i]
      if b == 0x1B, i + 1 < bytes.count, [0x5D, 0x50, 0x5F, 0x5E].contains(bytes[i + 1]) {
        found.append("ESC \(Character(Unicode.Scalar(bytes[i + 1]))) at \(i)")
      } else if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
        found.append("C1 U+00\(String(bytes[i + 1], radix: 16)) at \(i)")
      } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80,
        (0xAA...0xAE).contains(bytes[i + 2])
      {
        found.append("bidi override at \(i)")
      } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x81,
        (0xA6...0xA9).contains(bytes[i + 2])
      {
        found.append("bidi isolate at \(i)")
      }
      i += 1
    }
    return found
  }

  @Test func theHostileCorpusReachesTheTerminalInert() throws {
    let tmp = try TempDir("ward-hostile-tty")
    defer { tmp.cleanup() }
    let store = tmp.file("posture.db")
    let corpus = Repo.root.appendingPathComponent("Tests/Fixtures/hostile").path
    let imported = try ward(["import", "--quiet", "--store", store, "--tenant", "evil", corpus])
    #expect(imported.status == 0, "\(imported.stderr)")
    let session = try TmuxSession(
      command: "\(Repo.wardBinary) --read-only --store \(store)",
      environment: ["TERM": "xterm-256color"])
    defer { session.kill() }
    let raw = tmp.file("pty.bytes")
    try run(
      "/usr/bin/tmux",
      ["-S", session.socket, "pipe-pane", "-o", "-t", session.name, "cat >> \(raw)"])
    try session.waitFor("READ-ONLY")
    let title = try run(
      "/usr/bin/tmux", ["-S", session.socket, "display", "-p", "-t", session.name, "#{pane_title}"]
    ).stdout
    try session.type(":findings")
    try session.send("Enter")
    try session.waitFor("▶ Findings")
    for keys in [["j"], ["j"], ["Tab"], ["j"], ["Escape"], ["v"], ["j"], ["G"], ["q"], ["Enter"]] {
      try run("/usr/bin/tmux", ["-S", session.socket, "send-keys", "-t", session.name] + keys)
      usleep(300_000)
    }
    for _ in 0..<10 {
      try session.send("j")
      usleep(100_000)
    }
    usleep(500_000)
    let bytes = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: raw))) ?? Data())
    #expect(bytes.count > 10_000, "recorded only \(bytes.count) bytes")
    #expect(Self.forbidden(bytes).isEmpty, "\(Self.forbidden(bytes))")
    let after = try run(
      "/usr/bin/tmux", ["-S", session.socket, "display", "-p", "-t", session.name, "#{pane_title}"]
    ).stdout
    #expect(after == title, "the pane title changed to \(after)")
    print("hostile console: \(bytes.count) raw bytes to the terminal, none forbidden")
  }
}
