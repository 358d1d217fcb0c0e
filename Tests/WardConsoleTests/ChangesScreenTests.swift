import Foundation
import Testing
import WardModel
import WardStore
import WardUI

@testable import WardConsole

/// `:changes`: per-tenant counts since the previous run, Enter to the tenant's changed
/// findings through the Findings filter (`changed:` `since:`), Esc back.
@Suite struct ChangesScreenTests {
  /// The fixture imported as run 1; then f5 triaged by alice, and a second import run in
  /// which acme's f4 is no longer seen and a new finding f9 arrives.
  static func store() throws -> (TempStore, PostureStore) {
    let temp = TempStore()
    let store = try temp.open()
    func importRun(_ batch: ImportBatch, at now: EpochSeconds) throws {
      let run = try store.startRun(.import, operatorName: "ops", files: ["in/"], now: now)
      let summary = try store.withImportGroup(now: now, run: run) { try $0.apply(batch) }
      try store.finishRun(run, files: 1, summary: summary, now: now + 1)
    }
    try importRun(Fixture.batch(), at: Fixture.now)
    try store.setState(
      findingId: "f5", to: .acknowledged, reason: "owner asked", note: nil, until: nil,
      by: Operator(name: "alice"), expectedVersion: 1, now: Fixture.now + 10)
    var second = Fixture.batch()
    second.findings.removeAll { $0.id == "f4" }
    second.findings.append(
      Fixture.finding("f9", "billing", Fixture.acme, .secrets, .critical, title: "New secret"))
    try importRun(second, at: Fixture.now + 100)
    return (temp, store)
  }

  @Test func changesListsEachTenantAndDrillsToItsChangedFindings() throws {
    let (_, store) = try Self.store()
    let c = Fixture.console(store)
    c.command("changes")
    #expect(c.state.topKind == .changes)
    #expect(c.shows("Changes since run #1 (import by ops"), "\(c.screenText)")
    let header = try #require(c.line(containing: "RESOLVED"))
    for title in ["TENANT", "NEW", "REOPENED", "LAPSED", "STALE", "TRIAGED", "BY"] {
      #expect(header.contains(title), "\(title)")
    }
    let acme = try #require(c.line(containing: "acme"))
    #expect(
      acme.split(separator: " ").filter { $0 != "▶" }.prefix(4) == ["acme", "2", "1", "1"],
      "\(acme)")
    let globex = try #require(c.line(containing: "globex"))
    #expect(globex.contains("alice 1"), "\(globex)")

    c.press(.enter)
    #expect(c.state.topKind == .findings)
    #expect(c.shows("filter: tenant:acme changed:any since:1 state:all"), "\(c.screenText)")
    #expect(c.shows("New secret") && c.shows("Tracing off"))
    #expect(!c.shows("Function URL without auth"), "unchanged findings are not listed")
    // The same tokens narrow it further.
    c.press(.char("/"))
    c.press([.ctrl("u")])
    c.type("tenant:acme changed:new since:1 state:all")
    c.press(.enter)
    #expect(c.shows("New secret") && !c.shows("Tracing off"), "\(c.screenText)")

    c.press(.escape)
    #expect(c.state.topKind == .changes)
    c.press(.down)
    c.press(.enter)
    #expect(c.shows("filter: tenant:globex changed:any since:1 state:all"))
    #expect(c.shows("No DLQ") && !c.shows("New secret"), "\(c.screenText)")
    c.press(.escape)
    c.press(.escape)
    #expect(c.state.topKind == .overview, "Esc goes back, screen by screen")
  }

  @Test func aStoreWithoutRunsSaysSoAndBadTokensAreNamed() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, width: 80, height: 24)
    c.command("changes")
    #expect(c.shows("no run recorded yet"), "\(c.screenText)")
    c.press(.enter)
    #expect(c.state.topKind == .changes)
    c.command("findings")
    c.press(.char("/"))
    c.type("changed:gone")
    c.press(.enter)
    #expect(c.shows("unknown change `gone`"), "\(c.screenText)")
    c.press(.char("/"))
    c.press([.ctrl("u")])
    c.type("since:yesterday")
    c.press(.enter)
    #expect(c.shows("since: a run id or a date"), "\(c.screenText)")
  }

  @Test func theFilterTokensParse() throws {
    let parsed = try FindingQuery.parse("changed:new,resolved since:3").get()
    #expect(parsed.changes == ChangeSelection(kinds: [.new, .resolved], window: .afterRun(3)))
    #expect(try FindingQuery.parse("changed:any").get().changes == ChangeSelection())
    #expect(
      try FindingQuery.parse("since:2026-12-01").get().changes
        == ChangeSelection(window: .since(UTC.parse("2026-12-01")!)))
    #expect(try FindingQuery.parse("sev:high").get().changes == nil)
    #expect(ConsoleCommand(parsing: "changes") == .screen(.changes))
  }
}
