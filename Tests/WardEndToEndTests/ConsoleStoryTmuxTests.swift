import Foundation
import Testing

/// The built binary in tmux through issue 9's second half, on the demo data: the overview's
/// totals shown whole, Findings giving the title its width, the alert timeline's durations,
/// numbers and sort, Enter marking the alert window on the function's sparklines, Enter on
/// a cost mover, the pager's highlighted match and `y`. One session per size and TERM
/// (80×24 xterm-256color, 120×40 tmux-256color), so the suite stays a few sessions long.
@Suite(.serialized) struct ConsoleStoryTmuxTests {
  static let runs = [(80, 24, "xterm-256color"), (120, 40, "tmux-256color")]

  @Test(arguments: runs) func alertsCostsAndLayoutOnTheDemo(width: Int, height: Int, term: String)
    throws
  {
    _ = try DemoFixture.storePath.get()
    let session = try TmuxSession(
      command: "\(Repo.wardBinary) demo", width: width, height: height,
      environment: ["XDG_CACHE_HOME": DemoFixture.cacheHome, "TERM": term])
    defer { session.kill() }
    let context = "\(width)x\(height) \(term)"
    /// The screen once `text` is on it and the frame has settled (a capture can catch a
    /// frame half drawn).
    func settled(_ text: String) throws -> String {
      try session.waitFor(text)
      usleep(400_000)
      return try session.waitFor(text)
    }

    // Overview: the totals row's label whole, ALRT still on screen.
    let overview = try session.waitFor("DEMO · READ-ONLY")
    #expect(overview.contains("= TOTAL (12) "), "\(context)\n\(overview)")
    #expect(overview.contains("ALRT"), "\(context)")

    // Findings: the title is not cut to one word while a name keeps its full length.
    try session.type(":findings")
    try session.send("Enter")
    let findings = try settled("▶ Findings")
    #expect(findings.contains("Resource policy lets"), "\(context)\n\(findings)")

    // Alerts: duration and the detector's numbers for the selected alert.
    try session.type(":alerts")
    try session.send("Enter")
    let alerts = try settled("robust z")
    #expect(alerts.contains("DUR"), "\(context)\n\(alerts)")
    #expect(alerts.contains(" 1h ") && alerts.contains(" 7d "), "\(context)\n\(alerts)")
    #expect(alerts.contains("observed 2069 throttles/h"), "\(context)\n\(alerts)")
    #expect(alerts.contains("robust z"), "\(context)")
    // s sorts (severity, worst first), S flips; the title says so.
    try session.send("s")
    let bySeverity = try settled("sort: severity")
    let firstRow = bySeverity.split(separator: "\n").first { $0.hasPrefix("▶") } ?? ""
    #expect(firstRow.contains("CRIT"), "\(context)\n\(bySeverity)")
    try session.send("S")
    try session.waitFor("sort: severity ▲")
    try session.send("s")  // duration, longest first: the 7-day duration regression
    let byDuration = try settled("sort: duration")
    let longest = byDuration.split(separator: "\n").first { $0.hasPrefix("▶") } ?? ""
    #expect(longest.contains("7d"), "\(context)\n\(byDuration)")

    // Enter: the function's detail with the alert's window marked under the sparklines.
    try session.send("Enter")
    let detail = try settled("11-20 09:00 7d")
    #expect(detail.contains("claims-valid"), "\(context)\n\(detail)")
    let marker = detail.split(separator: "\n").first { $0.contains("alert  ") } ?? ""
    #expect(marker.contains("▲") && marker.contains("11-20 09:00 7d"), "\(context)\n\(detail)")
    try session.send("Escape")
    try session.waitFor("sort: duration")  // back where the operator was

    // Costs: Enter on a top mover opens that function.
    try session.type(":costs")
    try session.send("Enter")
    try session.waitFor("Top movers")
    try session.send("Tab")
    try session.send("Enter")
    let mover = try settled("name          media-preview-render")
    #expect(mover.contains("tailspin-media"), "\(context)")

    // The pager: `/` search says how many lines match; `y` says what it copied.
    try session.send("v")
    try session.waitFor("View: media-preview-render")
    try session.send("/")
    try session.type("tailspin")
    try session.send("Enter")
    try session.waitFor("lines match tailspin")
    try session.send("q")
    try session.send("y")
    try session.waitFor("copied function ARN: arn:aws:lambda:")

    for _ in 0..<8 { try session.send("q") }
    #expect(try session.waitFor("EXIT=").contains("EXIT=0"), "\(context)")
  }
  /// Issue 9, item 3, as an operator does it: filter Findings, move to a row, Enter opens
  /// that finding's function with the same finding selected in its Findings pane, Enter
  /// there opens the finding whole (the ARN beside its label, the description wrapped),
  /// and Esc twice returns to the same row under the same filter.
  @Test(arguments: runs) func fromAFindingToItsFunctionAndBack(
    width: Int, height: Int, term: String
  ) throws {
    _ = try DemoFixture.storePath.get()
    let session = try TmuxSession(
      command: "\(Repo.wardBinary) demo", width: width, height: height,
      environment: ["XDG_CACHE_HOME": DemoFixture.cacheHome, "TERM": term])
    defer { session.kill() }
    let context = "\(width)x\(height) \(term)"
    func settled(_ text: String) throws -> String {
      try session.waitFor(text)
      usleep(400_000)
      return try session.waitFor(text)
    }
    func selected(_ screen: String) -> String {
      String(screen.split(separator: "\n").first { $0.contains("▶ ▲") || $0.hasPrefix("▶ ") } ?? "")
    }

    try session.waitFor("DEMO · READ-ONLY")
    try session.type(":findings")
    try session.send("Enter")
    try settled("row 1 of")
    try session.send("/")
    try session.type("sev:high layer")
    try session.send("Enter")
    try settled("filter: sev:high layer state:open")
    for _ in 0..<3 { try session.send("j") }
    let list = try settled("row 4 of")
    let row = selected(list)
    #expect(row.contains("HIGH") && row.contains("Layer from"), "\(context)\n\(list)")
    // The FUNCTION cell of the selected row (cut or whole), to find it on the next screen.
    let function = try #require(
      row.split(separator: " ").first { $0.contains("-") && !$0.contains("…") }
        ?? row.split(separator: " ").first { $0.hasSuffix("…") && $0.count > 8 },
      "\(context)\n\(row)")
    let stem = String(function.prefix { $0 != "…" })

    try session.send("Enter")
    let detail = try settled("[Findings]")
    #expect(detail.contains("Function: \(stem.prefix(10))"), "\(context)\n\(detail)")
    let paneRow = String(
      detail.split(separator: "\n").first { $0.contains("│ ▶ ") } ?? "")
    #expect(paneRow.contains("HIGH") && paneRow.contains("Layer from"), "\(context)\n\(detail)")

    try session.send("Enter")
    let finding = try settled("Description")
    #expect(finding.contains("▶ [Finding "), "\(context)\n\(finding)")
    let resource = String(finding.split(separator: "\n").first { $0.contains("resource") } ?? "")
    #expect(resource.contains("arn:aws:lambda:"), "the ARN starts beside its label\n\(finding)")
    #expect(finding.contains("Layer from"), "\(context)")

    try session.send("Escape")
    try settled("[Findings]")
    try session.send("Escape")
    let back = try settled("row 4 of")
    #expect(back.contains("filter: sev:high layer state:open"), "\(context)\n\(back)")
    #expect(selected(back) == row, "\(context): back on another row\n\(back)")

    for _ in 0..<6 { try session.send("q") }
    #expect(try session.waitFor("EXIT=").contains("EXIT=0"), "\(context)")
  }
  /// Issue 9, items 5 and 10, on a writable copy of the demo store: an empty store says how
  /// to fill it; `*` marks a filter's findings, `t` asks before writing (No by default),
  /// `y` writes one batch, `u` asks again and undoes the batch whole; the audit chain
  /// verifies afterwards and nothing is left changed.
  @Test(arguments: runs) func bulkTriageAsksAndUndoesWholeOnAWritableStore(
    width: Int, height: Int, term: String
  ) throws {
    let demo = try DemoFixture.storePath.get()
    let dir = try TempDir("ward-bulk")
    defer { dir.cleanup() }
    let context = "\(width)x\(height) \(term)"
    let environment = ["TERM": term, "WARD_OPERATOR": "alice"]

    let empty = try TmuxSession(
      command: "\(Repo.wardBinary) --store \(dir.file("empty.db"))", width: width,
      height: height, environment: environment)
    let onboarding = try empty.waitFor("The store is empty. To fill it:")
    #expect(
      onboarding.contains("ward import DIR") && onboarding.contains("ward demo"), "\(context)")
    try empty.send("q")
    #expect(try empty.waitFor("EXIT=").contains("EXIT=0"))
    empty.kill()

    let store = dir.file("copy.db")
    try FileManager.default.copyItem(atPath: demo, toPath: store)
    let session = try TmuxSession(
      command: "\(Repo.wardBinary) --store \(store)", width: width, height: height,
      environment: environment)
    defer { session.kill() }
    func settled(_ text: String) throws -> String {
      try session.waitFor(text)
      usleep(400_000)
      return try session.waitFor(text)
    }
    try session.waitFor("TOTAL (12)")
    try session.type(":findings")
    try session.send("Enter")
    try settled("row 1 of")
    try session.send("/")
    try session.type("sev:low tenant:tailspin")
    try session.send("Enter")
    try settled("row 1 of 183")
    try session.send("*")
    try settled("183 marked")
    try session.send("t")
    try session.send("2")
    try session.send("Enter")
    let ask = try settled("y/N")
    #expect(ask.contains("Set 183 findings to acknowledged? y/N"), "\(context)\n\(ask)")
    try session.send("Enter")  // the default is No
    try settled("cancelled: nothing changed")
    try session.send("t")
    try session.send("2")
    try session.send("Enter")
    try settled("y/N")
    try session.send("y")
    try settled("applied 183, conflicts 0")
    try session.send("u")
    let undo = try settled("y/N")
    #expect(undo.contains("Undo your last triage of 183 findings"), "\(context)\n\(undo)")
    try session.send("y")
    try settled("undid 183 findings of your last triage")
    for _ in 0..<4 { try session.send("q") }
    #expect(try session.waitFor("EXIT=").contains("EXIT=0"), "\(context)")

    let verify = try ward(["audit", "verify", "--store", store])
    #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    func states(_ path: String) throws -> [String] {
      let r = try ward([
        "findings", "--store", path, "--tenant", "tailspin-media", "--severity", "low",
        "--state", "all", "--format", "json",
      ])
      return try jsonArray(r.stdout).map { "\($0["id"] ?? "") \($0["state"] ?? "")" }.sorted()
    }
    let before = try states(demo)
    #expect(before.count > 183)
    #expect(try states(store) == before, "the undo put every state back")
    let log = try ward(["audit", "log", "--store", store, "--format", "json"]).stdout
    #expect(log.contains("\"batch\""), "both the triage and its undo are batches")
  }
}
