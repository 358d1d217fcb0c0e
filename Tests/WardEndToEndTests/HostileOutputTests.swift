import Foundation
import Testing

/// The hostile corpus (Tests/Fixtures/hostile) imported with the real binary: every
/// `--format` of every list command, every `ward export` format and the CLI messages that
/// quote data carry no raw ESC, C1, NUL, DEL or bidi control, and no CSV cell starts a
/// formula.
@Suite struct HostileOutputTests {
  static let corpus = Repo.root.appendingPathComponent("Tests/Fixtures/hostile")
  static let listCommands: [[String]] = [
    ["tenants"], ["functions"], ["findings"], ["alerts"], ["costs"], ["audit", "log"],
  ]

  /// Every raw character the output policy forbids, with its offset, for the failure text.
  static func rawControls(_ text: String, allowing allowed: Set<UInt32> = [0x0A, 0x0D, 0x09])
    -> [String]
  {
    var found: [String] = []
    for (i, u) in text.unicodeScalars.enumerated() {
      let v = u.value
      let bidi =
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E
        || v == 0x200F || v == 0x061C || v == 0x2028 || v == 0x2029
      if (v < 0x20 && !allowed.contains(v)) || (0x7F...0x9F).contains(v) || bidi {
        found.append("U+\(String(v, radix: 16)) at \(i)")
        if found.count > 5 { break }
      }
    }
    return found
  }

  /// RFC 4180 cells of a CSV document.
  static func csvCells(_ text: String) -> [String] {
    var cells: [String] = []
    var cell = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" {
            cell.unicodeScalars.append("\"")
            chars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          cell.unicodeScalars.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," || c == "\n" {
        cells.append(cell)
        cell = ""
      } else if c != "\r" {
        cell.unicodeScalars.append(c)
      }
    }
    if !cell.isEmpty { cells.append(cell) }
    return cells
  }

  /// True when a spreadsheet would evaluate `cell` (OWASP: `= + - @ TAB CR LF`, full-width
  /// forms, after leading spaces or NBSP); plain numbers are not formulas.
  static func isFormula(_ cell: String) -> Bool {
    guard Double(cell) == nil else { return false }
    let blanks: Set<Unicode.Scalar> = [" ", "\u{A0}", "\u{3000}"]
    guard let first = cell.unicodeScalars.first(where: { !blanks.contains($0) }) else {
      return false
    }
    return "=+-@\t\r\n\u{FF1D}\u{FF0B}\u{FF0D}\u{FF20}".unicodeScalars.contains(first)
  }

  @Test func everyListFormatAndExportOfTheHostileCorpusIsInert() throws {
    let tmp = try TempDir("ward-hostile")
    defer { tmp.cleanup() }
    let store = tmp.file("posture.db")
    let imported = try ward(["import", "--store", store, Self.corpus.path])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("imported 2 files"), "\(imported.stdout)")
    #expect(try ward(["scan", "--store", store]).status == 0)
    // Decisions whose reason, note and operator are hostile too (argv cannot carry NUL).
    let hostileArg = "\u{1B}]0;t\u{07}\u{9B}2J\u{202E}=cmd\u{7F}"
    let ids = try jsonArray(try ward(["findings", "--store", store, "--format", "json"]).stdout)
      .compactMap { $0["id"] as? String }
    #expect(ids.count >= 58)
    let triaged = try ward([
      "triage", "--store", store, "--state", "suppressed", "--reason", hostileArg, "--note",
      hostileArg, "--operator", hostileArg, ids[0], ids[1],
    ])
    #expect(triaged.status == 0, "\(triaged.stderr)")

    var outputs: [(String, RunResult)] = []
    for command in Self.listCommands {
      for format in ["table", "json", "csv"] {
        let args = command + ["--store", store, "--format", format]
        outputs.append((args.joined(separator: " "), try ward(args)))
      }
    }
    for format in ["table", "json", "csv"] {  // the catalogue needs no store
      outputs.append(("rules --format \(format)", try ward(["rules", "--format", format])))
    }
    for format in ["csv", "json", "asff", "markdown"] {
      let args = ["export", "--store", store, "--format", format]
      outputs.append((args.joined(separator: " "), try ward(args)))
    }
    var checkedCells = 0
    for (label, result) in outputs {
      #expect(result.status == 0, "\(label): \(result.stderr)")
      #expect(!result.stdout.isEmpty, "\(label)")
      #expect(
        Self.rawControls(result.stdout).isEmpty, "\(label): \(Self.rawControls(result.stdout))")
      #expect(Self.rawControls(result.stderr).isEmpty, "\(label) stderr")
      if label.hasSuffix("--format csv") {
        let cells = Self.csvCells(result.stdout)
        checkedCells += cells.count
        let formulas = cells.filter(Self.isFormula)
        #expect(formulas.isEmpty, "\(label): \(formulas.prefix(3).map(\.debugDescription))")
      }
      if label.contains("json") || label.contains("asff") {
        #expect(
          (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil,
          "\(label): not JSON")
      }
      if label.hasSuffix("markdown") {
        for bad in ["<img", "<script", "](javascript:", "![", "<", "](http"] {
          #expect(!result.stdout.contains(bad), "\(label) contains \(bad)")
        }
      }
    }
    #expect(checkedCells > 1000)

    // The corpus really is hostile: the JSON still carries the attacks, escaped.
    let json = try ward(["findings", "--store", store, "--format", "json"]).stdout
    #expect(json.contains("\\u001b]0;pwned-title\\u0007"))
    #expect(json.contains("\\u202e") && json.contains("\\u009b") && json.contains("\\u007f"))
  }

  @Test func messagesQuotingOtherPeoplesTextAreInert() throws {
    let tmp = try TempDir("ward-hostile-msg")
    defer { tmp.cleanup() }
    let store = tmp.file("posture.db")
    // A file whose name carries an OSC title sequence: `ward import` prints its path.
    let dir = tmp.file("in")
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let name = "\(dir)/x\u{1B}]0;owned\u{07}\u{9B}31m\u{202E}.json"
    try FileManager.default.copyItem(
      atPath: Self.corpus.appendingPathComponent("securityhub-hostile.asff.json").path,
      toPath: name)
    let imported = try ward(["import", "--store", store, dir])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("owned"), "\(imported.stdout)")
    #expect(Self.rawControls(imported.stdout).isEmpty, "\(Self.rawControls(imported.stdout))")

    // A decision by someone whose name and reason are hostile, then a stale change: the
    // conflict message quotes both.
    let id = try #require(
      try jsonArray(try ward(["findings", "--store", store, "--format", "json"]).stdout)
        .first?["id"] as? String)
    let hostile = "mallory\u{1B}]52;c;ZWNobyBvd25lZA==\u{07}\u{9D}0;x\u{9C}\u{2067}"
    let first = try ward([
      "triage", "--store", store, "--state", "suppressed", "--reason", hostile, "--operator",
      hostile, "\(id)@1",
    ])
    #expect(first.status == 0, "\(first.stderr)")
    let stale = try ward(["triage", "--store", store, "--state", "acknowledged", "\(id)@1"])
    #expect(stale.status == 1)
    #expect(stale.stderr.contains("conflict"), "\(stale.stderr)")
    #expect(stale.stderr.contains("mallory"), "\(stale.stderr)")
    #expect(Self.rawControls(stale.stderr).isEmpty, "\(Self.rawControls(stale.stderr))")
  }
}
