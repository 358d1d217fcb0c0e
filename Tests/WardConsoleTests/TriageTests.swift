import Foundation
import Testing
import WardModel
import WardStore
import WardUI

@testable import WardConsole

/// Triage from the console: the `t` dialog, marks, notes, undo, conflicts and refusals,
/// through key presses on a headless console over a real store file.
@Suite struct TriageTests {
  static let ana = Operator(
    name: "ana", address: "203.0.113.7", keyFingerprint: "SHA256:q1w2e3r4t5y6")
  static let triager = ConsolePolicy(readOnly: false, canTriage: true, operator: ana)

  /// A console whose wall clock is the fixture's "now" (2025-11-24 12:00Z).
  static func console(
    _ store: PostureStore, policy: ConsolePolicy = triager, width: Int = 120, height: Int = 40
  ) -> HeadlessConsole {
    HeadlessConsole(
      store: store, width: width, height: height, policy: policy, themes: ThemeLocator(),
      runtimeStatus: Fixture.runtimeStatus, now: { Fixture.now })
  }

  /// Opens the Findings screen, optionally with a `/` filter.
  static func openFindings(_ c: HeadlessConsole, filter: String? = nil) {
    c.press(.char(":"))
    c.type("findings")
    c.press(.enter)
    if let filter {
      c.press(.char("/"))
      c.type(filter)
      c.press(.enter)
    }
  }

  /// The status message as the status line starts it (`! ` for an error), uncut.
  static func status(_ c: HeadlessConsole) -> String {
    guard let s = c.state.status else { return "" }
    return (s.isError ? "! " : "") + s.text
  }

  static func version(_ store: PostureStore, _ id: String) throws -> Int64? {
    try store.findings(filter: FindingFilter()).rows.first { $0.id == id }?.version
  }

  static func state(_ store: PostureStore, _ id: String) throws -> TriageInfo? {
    try store.finding(id: id)?.triage
  }

  @Test func triageOneFindingThroughTheDialog() throws {
    let (_, store) = try Fixture.store()
    let c = Self.console(store)
    Self.openFindings(c, filter: "state:all")
    #expect(c.line(containing: "Function URL without auth")?.hasPrefix("▶") == true)
    let before = try store.history(findingId: "f1").count
    c.press(.char("t"))
    #expect(c.shows("Triage f1 · Function URL without auth"))
    #expect(c.shows("4 resolved") && c.shows("reason + expiry"))
    #expect(c.screenLines()[38].contains("Enter submit"))  // the hints follow the dialog
    c.press([.char("4"), .tab])
    #expect(c.shows("resolved needs a reason"))
    c.type("fixed in v2")
    c.press(.tab)
    c.type("deployed by the owner")
    c.press(.enter)
    #expect(!c.shows("Triage f1"))  // closed
    #expect(Self.status(c).hasPrefix("f1 → resolved"))
    #expect(c.screenLines()[39].hasPrefix("f1 → resolved"))
    // The row and the store changed.
    #expect(c.line(containing: "Function URL without auth")?.contains("resolved") == true)
    let triage = try #require(try Self.state(store, "f1"))
    #expect(triage.state == .resolved && triage.reason == "fixed in v2")
    // The audit event records the console and who was at the keyboard, from where.
    let history = try store.history(findingId: "f1")
    #expect(history.count == before + 1)
    let event = try #require(history.last)
    #expect(event.kind == .state && event.from == .new && event.to == .resolved)
    #expect(event.source == .console && event.operatorName == "ana")
    #expect(event.address == "203.0.113.7" && event.keyFingerprint == "SHA256:q1w2e3r4t5y6")
    #expect(event.reason == "fixed in v2" && event.note == "deployed by the owner")
    #expect(event.at == Fixture.now)
    #expect(try store.verifyAudit().isIntact)
    // The detail pane shows the history: who, from where, what.
    let line = try #require(c.line(containing: "#\(event.seq) "))
    #expect(line.contains("new → resolved  by ana (console, from 203.0.113.7, key SHA256:q1w2"))
    c.press([.tab, .char("j"), .char("j"), .char("j")])  // scroll the detail pane
    #expect(c.shows("reason        fixed in v2"))
    #expect(c.shows("note          deployed by the owner"))
  }

  @Test func escCancelsAndNothingIsWritten() throws {
    let (_, store) = try Fixture.store()
    let c = Self.console(store)
    Self.openFindings(c)
    let head = try store.auditHead()
    c.press([.char("t"), .char("4"), .tab])
    c.type("typed but cancelled")
    c.press(.escape)
    #expect(!c.shows("Triage f1"))
    #expect(Self.status(c).hasPrefix("cancelled: nothing changed"))
    #expect(try store.auditHead() == head)
    #expect(c.state.stack.count == 2)  // Esc closed the dialog, not the screen
  }

  @Test func reasonAndExpiryAreValidatedBeforeSubmitting() throws {
    let (_, store) = try Fixture.store()
    let c = Self.console(store)
    Self.openFindings(c)
    let head = try store.auditHead()
    c.press([.char("t"), .char("4"), .enter])  // resolved, no reason
    #expect(c.shows("! resolved needs a reason"))
    #expect(c.shows("Triage f1"))  // still open
    c.type("   ")  // blanks are no reason either
    c.press(.enter)
    #expect(c.shows("! resolved needs a reason"))
    c.type("accepted by the CISO")
    c.press([.backTab, .char("6"), .enter])  // risk-accepted, no expiry
    #expect(c.shows("! risk-accepted needs an expiry date (YYYY-MM-DD)"))
    for (typed, message) in [
      ("tomorrow", "expiry: expected YYYY-MM-DD, got tomorrow"),
      ("2026-02-30", "expiry: 2026-02-30 is not a real date"),
      ("2026-13-01", "expiry: 2026-13-01 is not a real date"),
      ("2025-11-24", "expiry: 2025-11-24 is not in the future (today is 2025-11-24)"),
      ("2024-01-01", "expiry: 2024-01-01 is not in the future"),
    ] {
      c.press(.ctrl("u"))
      c.type(typed)
      c.press(.enter)
      #expect(c.shows("! " + message), "\(typed)")
    }
    #expect(try store.auditHead() == head)  // nothing was written while refusing
    c.press(.ctrl("u"))
    c.type("2026-01-31")
    c.press(.enter)
    #expect(Self.status(c).hasPrefix("f1 → risk-accepted"))
    let triage = try #require(try Self.state(store, "f1"))
    #expect(triage.state == .riskAccepted && triage.reason == "accepted by the CISO")
    #expect(triage.until == UTC.daysFromCivil(year: 2026, month: 1, day: 31) * UTC.day)
  }

  @Test func expiryDateParsing() throws {
    let now = Fixture.now
    #expect(try ExpiryDate.parse("2025-11-25", now: now).get() == now + 12 * 3600)
    #expect(try ExpiryDate.parse(" 2028-02-29 ", now: now).get() > now)  // leap day
    for bad in ["2027-02-29", "2026-00-10", "2026-1-10", "20260110", "2026-01-1x", ""] {
      #expect((try? ExpiryDate.parse(bad, now: now).get()) == nil, "\(bad)")
    }
  }

  @Test func markTwoAndTriageBoth() throws {
    let (_, store) = try Fixture.store()
    let c = Self.console(store)
    Self.openFindings(c)
    c.press([.char(" "), .char("j"), .char(" ")])
    #expect(c.shows("5 findings") && c.shows("· 2 marked"))
    #expect(c.line(containing: "Function URL without auth")?.hasPrefix(" ●") == true)
    #expect(c.line(containing: "Credential-like")?.hasPrefix("▶●") == true)
    c.press([.char("j"), .char(" "), .char(" ")])  // mark and unmark the third
    #expect(c.shows("· 2 marked"))
    c.press(.char("t"))
    #expect(c.shows("Triage 2 marked findings (f1, f2)"))
    c.press([.char("2"), .enter])
    #expect(c.shows("Set 2 findings to acknowledged? y/N"))  // more than one: asked first
    c.press(.char("y"))
    #expect(Self.status(c).hasPrefix("applied 2, conflicts 0"))
    #expect(!c.shows("marked"))  // marks are cleared after a bulk triage
    #expect(try Self.state(store, "f1")?.state == .acknowledged)
    #expect(try Self.state(store, "f2")?.state == .acknowledged)
    #expect(try Self.state(store, "f3")?.state == .new)
    #expect(c.line(containing: "Function URL without auth")?.contains("acknowledged") == true)
  }

  @Test func starMarksEveryFindingInTheFilter() throws {
    let (_, store) = try Fixture.store()
    let c = Self.console(store)
    Self.openFindings(c, filter: "sev:high")
    c.press(.char("*"))
    #expect(Self.status(c).hasPrefix("marked 2 findings in the filter · 2 marked"))
    #expect(c.shows("2 findings") && c.shows("· 2 marked"))
    c.press([.char("t"), .char("3"), .enter])
    #expect(c.shows("Set 2 findings to in-progress? y/N"))
    #expect(c.shows("filter: sev:high state:open"))
    c.press(.char("y"))
    #expect(Self.status(c).hasPrefix("applied 2, conflicts 0"))
    #expect(try Self.state(store, "f2")?.state == .inProgress)
    #expect(try Self.state(store, "f3")?.state == .inProgress)
    #expect(try Self.state(store, "f1")?.state == .new)  // outside the filter
    // `*` again on a fully marked filter clears the marks.
    c.press(.char("*"))
    #expect(c.shows("· 2 marked"))
    c.press(.char("*"))
    #expect(Self.status(c).hasPrefix("marks cleared"))
  }

  @Test func noteIsAddedWithoutChangingTheState() throws {
    let (_, store) = try Fixture.store()
    let c = Self.console(store)
    Self.openFindings(c)
    let version = try Self.version(store, "f1")
    c.press(.char("n"))
    #expect(c.shows("Note on f1 · Function URL without auth"))
    c.press(.enter)
    #expect(c.shows("! the note is empty"))
    c.type("asked the owner on Slack")
    c.press(.enter)
    #expect(Self.status(c).hasPrefix("note added to f1"))
    let event = try #require(try store.history(findingId: "f1").last)
    #expect(event.kind == .note && event.note == "asked the owner on Slack")
    #expect(event.source == .console && event.operatorName == "ana")
    #expect(try Self.version(store, "f1") == version)
    #expect(
      c.shows("#\(event.seq) ") && c.line(containing: "#\(event.seq) ")?.contains("note") == true)
  }

  @Test func undoRestoresTheEarlierStateAsANewEvent() throws {
    let (_, store) = try Fixture.store()
    let c = Self.console(store)
    Self.openFindings(c, filter: "state:all")
    c.press([.char("t"), .char("5"), .tab])
    c.type("scanner bug")
    c.press(.enter)
    #expect(try Self.state(store, "f1")?.state == .falsePositive)
    let triaged = try #require(try store.history(findingId: "f1").last)
    c.press(.char("u"))
    #expect(Self.status(c).hasPrefix("undid #\(triaged.seq): f1 is new again"))
    #expect(try Self.state(store, "f1")?.state == .new)
    let undo = try #require(try store.history(findingId: "f1").last)
    #expect(undo.seq == triaged.seq + 1 && undo.undoes == triaged.seq)
    #expect(undo.source == .console && undo.operatorName == "ana" && undo.to == .new)
    #expect(c.line(containing: "Function URL without auth")?.contains("new") == true)
    c.press(.char("u"))  // nothing of ana's left to undo
    #expect(Self.status(c).hasPrefix("! triage refused: ana has no triage to undo"))
  }

  @Test func staleViewIsRefusedWithTheConflictAndRefreshed() throws {
    let (temp, store) = try Fixture.store()
    let c = Self.console(store)
    Self.openFindings(c, filter: "state:all")
    #expect(c.line(containing: "Function URL without auth")?.contains("new") == true)
    // Someone else resolves f1 through their own connection after the screen loaded.
    let other = try temp.open()
    let seen = try #require(try Self.version(store, "f1"))
    try other.setState(
      findingId: "f1", to: .resolved, reason: "duplicate of f9", note: nil, until: nil,
      by: Operator(name: "bob"), source: .cli, expectedVersion: seen,
      now: Fixture.now - 60)
    c.press([.char("t"), .char("2"), .enter])
    let status = Self.status(c)
    #expect(
      status.hasPrefix(
        "! conflict: finding f1 changed by bob at 2025-11-24T11:59:00Z to resolved (duplicate of f9)"
          + "; you saw version \(seen), it is now \(seen + 1)"))
    #expect(c.screenLines()[39].hasPrefix("! conflict: finding f1 changed by bob at 2025-11-24"))
    // The screen re-read the store: the row shows bob's state now.
    #expect(c.line(containing: "Function URL without auth")?.contains("resolved") == true)
    let triage = try #require(try Self.state(store, "f1"))
    #expect(triage.state == .resolved && triage.by == "bob")
    #expect(try store.auditLog(filter: AuditFilter(operatorName: "ana")).isEmpty)
    // Having seen it, the operator can act on the current version.
    c.press([.char("t"), .char("2"), .enter])
    #expect(Self.status(c).hasPrefix("f1 → acknowledged"))
  }

  @Test func bulkTriageReportsConflictsAndAppliesTheRest() throws {
    let (temp, store) = try Fixture.store()
    let c = Self.console(store)
    Self.openFindings(c)
    c.press([.char(" "), .char("j"), .char(" ")])  // f1 and f2
    let other = try temp.open()
    try other.setState(
      findingId: "f2", to: .inProgress, reason: nil, note: nil, until: nil,
      by: Operator(name: "bob"), source: .cli,
      expectedVersion: try #require(try Self.version(store, "f2")), now: Fixture.now - 120)
    c.press([.char("t"), .char("2"), .enter, .char("y")])
    #expect(
      Self.status(c).hasPrefix(
        "! applied 1, conflicts 1 (first: finding f2 changed by bob at 2025-11-24T11:58:00Z to in-progress"
      ))
    #expect(try Self.state(store, "f1")?.state == .acknowledged)
    #expect(try Self.state(store, "f2")?.state == .inProgress)
  }

  /// The store file's bytes (and its WAL) and the audit head.
  static func fingerprint(_ temp: TempStore, _ store: PostureStore) throws -> [Data?] {
    [
      FileManager.default.contents(atPath: temp.path),
      FileManager.default.contents(atPath: temp.path + "-wal"),
      try store.auditHead().hash.data(using: .utf8),
    ]
  }

  @Test(arguments: [
    (ConsolePolicy(readOnly: true, canTriage: true, operator: ana), "read-only: %@ is disabled"),
    (
      ConsolePolicy(readOnly: false, demo: true, canTriage: true, operator: ana),
      "read-only: %@ is disabled"
    ),
    (ConsolePolicy(readOnly: false, canTriage: false, operator: ana), "your role cannot triage"),
    (
      ConsolePolicy(readOnly: false, canTriage: true, operator: nil),
      "no operator identity for this session: %@ is disabled"
    ),
  ])
  func refusedSessionsWriteNothing(policy: ConsolePolicy, message: String) throws {
    let (temp, store) = try Fixture.store()
    let c = Self.console(store, policy: policy)
    Self.openFindings(c)
    let before = try Self.fingerprint(temp, store)
    let headBefore = try store.auditHead()
    for action in ActionRegistry.standard.actions where action.mutates {
      c.press(action.keys[0])
      let expected = message.replacingOccurrences(of: "%@", with: action.label)
      #expect(Self.status(c).hasPrefix("! " + expected), "\(action.id)")
      #expect(c.state.dialog == nil && !c.shows("marked"))
      c.press(.enter)  // an Enter after a refused t submits nothing: it opens the function
      #expect(c.state.dialog == nil && c.state.topKind == .functionDetail)
      c.press(.escape)
      #expect(c.state.topKind == .findings)
    }
    // The same from the findings pane of a function's detail.
    c.press(.char(":"))
    c.type("tenant acme")
    c.press([.enter, .enter, .tab, .tab])
    #expect(c.state.topKind == .functionDetail)
    for key in [Key.char("t"), .char("n"), .char("u")] {
      c.press(key)
      #expect(c.state.dialog == nil)
      #expect(Self.status(c).hasPrefix("! "))
    }
    #expect(try Self.fingerprint(temp, store) == before)
    #expect(try store.auditHead() == headBefore)
  }

  @Test func triageFromTheFunctionDetailFindingsPane() throws {
    let (_, store) = try Fixture.store()
    let c = Self.console(store)
    c.press(.char(":"))
    c.type("tenant acme")
    c.press(.enter)
    c.press(.char("/"))
    c.type("orders")
    c.press([.enter, .enter])
    #expect(c.state.topKind == .functionDetail)
    c.press(.char("t"))
    #expect(Self.status(c).hasPrefix("triage: Tab to the Findings pane"))
    #expect(c.state.dialog == nil)
    c.press([.tab, .tab, .char("j")])  // Findings pane, second finding (f2)
    #expect(c.line(containing: "Credential-like")?.contains("▶ ▲ HIGH") == true)
    c.press(.char("t"))
    #expect(c.shows("Triage f2 · Credential-like env var API_TOKEN"))
    c.press([.char("3"), .enter])
    #expect(Self.status(c).hasPrefix("f2 → in-progress"))
    #expect(try Self.state(store, "f2")?.state == .inProgress)
    #expect(c.line(containing: "Credential-like")?.contains("in-progress") == true)
    #expect(c.line(containing: "Credential-like")?.contains("▶") == true)  // cursor kept
    c.press(.char("n"))
    #expect(c.shows("Note on f2"))
  }

  @Test func helpListsTheTriageKeysFromTheRegistry() throws {
    let (_, store) = try Fixture.store()
    let c = Self.console(store)
    c.press(.char("?"))
    for (key, label, mutates) in [
      ("t", "triage", true), ("n", "note", true), ("u", "undo triage", true),
      ("Space", "mark", false), ("*", "mark all in filter", false),
    ] {
      let line = try #require(
        c.screenLines().first { $0.hasPrefix("  " + pad(key, to: 16) + label) })
      #expect(line.contains("findings") && line.hasSuffix("[writes]") == mutates, "\(key)")
    }
    #expect(c.shows("Triage dialog (t)"))
    let viewer = Self.console(
      store, policy: ConsolePolicy(readOnly: false, canTriage: false, operator: Self.ana))
    viewer.press(.char("?"))
    #expect(
      viewer.line(containing: "undo triage")?.contains(
        "[writes; disabled: your role cannot triage]") == true)
  }
}
