import Testing
import WardModel

@testable import WardStore

/// Runs (`runs`) and what changed between them: new, resolved (passed at source, or no
/// longer seen in a scope the import covered), reopened, lapsed, and state changes by whom.
@Suite struct RunChangesTests {
  static let acme = "111122223333"
  static let globex = "444455556666"
  let alice = Operator(name: "alice")

  /// One recorded import run applying `findings` (one file), or `failed` files that failed.
  @discardableResult
  func importRun(
    _ store: PostureStore, _ findings: [Finding], now: EpochSeconds, failed: Int = 0
  ) throws -> RunRecord {
    let run = try store.startRun(.import, operatorName: "ops", files: ["in/"], now: now)
    let summary = try store.withImportGroup(now: now, run: run) { group in
      try group.apply(
        T.batch {
          $0.tenants = [
            Tenant(name: "acme", accounts: [Self.acme]),
            Tenant(name: "globex", accounts: [Self.globex]),
          ]
          $0.findings = findings
        })
    }
    return try store.finishRun(run, files: 1, failed: failed, summary: summary, now: now + 1)
  }

  func f(
    _ id: String, account: String = acme, source: String = "prowler", seen: EpochSeconds = T.now,
    compliance: Finding.Compliance = .failed
  ) -> Finding {
    T.finding(id, account: account, source: source, seen: seen, compliance: compliance)
  }

  @Test func aRunIsRecordedWithItsCountsAndAuditBoundaries() throws {
    let store = try TempStore().open()
    #expect(try store.runs().isEmpty)
    let first = try importRun(store, [f("f1"), f("f2")], now: T.now)
    #expect(first.id == 1 && first.kind == .import && first.operatorName == "ops")
    #expect(first.files == ["in/"] && first.fileCount == 1 && first.failedCount == 0)
    #expect(first.findingsNew == 2 && first.findingsUnseen == 0)
    #expect(first.startedAt == T.now && first.finishedAt == T.now + 1)
    #expect(first.auditTo != nil)
    let second = try importRun(store, [f("f1"), f("f2")], now: T.now + 100)
    #expect(second.id == 2 && second.findingsNew == 0 && second.recordsChanged == 0)
    #expect(try store.runs().map(\.id) == [2, 1])
    #expect(try store.run(id: 1) == first)
    // Nothing changed in the newest run.
    #expect(try store.changes().tenants.isEmpty)
    #expect(try store.changes().afterRun?.id == 1)
  }

  @Test func aSecondImportOfAChangedCollectionTellsWhatChanged() throws {
    let store = try TempStore().open()
    try importRun(store, [f("f1"), f("f2"), f("f3"), f("g1", account: Self.globex)], now: T.now)
    try store.setState(
      findingId: "f3", to: .acknowledged, reason: "ticket 7", note: nil, until: nil, by: alice,
      expectedVersion: 1, now: T.now + 50)
    // f1 passes now, f2 is gone, f4 is new; globex's g1 is in no file of this import.
    let second = try importRun(
      store, [f("f1", compliance: .passed), f("f3"), f("f4")], now: T.now + 100)
    #expect(second.findingsNew == 1 && second.findingsUnseen == 1)

    let report = try store.changes()
    #expect(report.afterRun?.id == 1)
    #expect(report.runs.map(\.id) == [2])
    #expect(report.tenants.map(\.tenant) == ["acme"], "globex's scope was not covered")
    let acme = try #require(report.tenants.first)
    #expect(acme[.new] == 1 && acme[.resolved] == 2 && acme[.reopened] == 0)
    #expect(acme[.lapsed] == 0 && acme[.stale] == 0 && acme[.triaged] == 1)
    #expect(acme.byOperator == ["alice": 1])
    #expect(acme.findings == 4)

    let rows = try store.changeDetails()
    #expect(
      rows.map { "\($0.kind.rawValue) \($0.findingId) \($0.reason ?? "")" } == [
        "new f4 ", "resolved f1 passed at source", "resolved f2 no longer seen",
        "triaged f3 ticket 7",
      ])
    #expect(rows.last?.operatorName == "alice" && rows.last?.toState == .acknowledged)
    // f2 keeps its state: the store does not resolve what it merely did not see.
    #expect(try store.finding(id: "f2")?.triage.state == .new)

    // The same change set selects the same findings in the findings filter.
    var filter = FindingFilter()
    filter.changes = ChangeSelection(kinds: [.resolved])
    #expect(Set(try store.findings(filter: filter).rows.map(\.id)) == ["f1", "f2"])
    filter.changes = ChangeSelection()
    #expect(try store.findingCount(filter: filter) == 4)
    // Since the beginning, every finding is new.
    #expect(try store.changes(.afterRun(0)).tenants.map { $0[.new] } == [4, 1])
  }

  @Test func aFindingSeenAgainIsReopenedAndAMissingOneIsReportedOnce() throws {
    let store = try TempStore().open()
    try importRun(store, [f("f1"), f("f2")], now: T.now)
    try importRun(store, [f("f1")], now: T.now + 100)
    let third = try importRun(store, [f("f1")], now: T.now + 200)
    #expect(third.findingsUnseen == 0, "already missing: not missed again")
    #expect(try store.changes(.afterRun(1)).tenants.first?[.resolved] == 1)
    #expect(try store.changes(.afterRun(2)).tenants.isEmpty)
    try importRun(store, [f("f1"), f("f2")], now: T.now + 300)
    #expect(try store.changes().tenants.first?[.reopened] == 1)
    let rows = try store.changeDetails(kinds: [.reopened])
    #expect(rows.map(\.reason) == ["seen again"])
    // Missing and back inside the window: no net change.
    #expect(try store.changes(.afterRun(1)).tenants.isEmpty)
  }

  @Test func aRunWithAFailedFileMissesNothingAndOtherScopesAreLeftAlone() throws {
    let store = try TempStore().open()
    try importRun(
      store, [f("f1"), f("f2"), f("c1", source: "checkov"), f("g1", account: Self.globex)],
      now: T.now)
    let failed = try importRun(store, [f("f1")], now: T.now + 100, failed: 1)
    #expect(failed.findingsUnseen == 0 && failed.failedCount == 1)
    let next = try importRun(store, [f("f1")], now: T.now + 200)
    #expect(next.findingsUnseen == 1, "only prowler in acme was covered")
    #expect(try store.changeDetails().map(\.findingId) == ["f2"])
  }

  @Test func lapsedDecisionsAndScansAreChanges() throws {
    let store = try TempStore().open()
    try importRun(store, [f("f1")], now: T.now)
    try store.setState(
      findingId: "f1", to: .riskAccepted, reason: "vendor", note: nil, until: T.now + 1000,
      by: alice, expectedVersion: 1, now: T.now + 10)
    let scan = try store.startRun(.scan, operatorName: "ops", now: T.now + 2000)
    let ward = T.finding("w1", account: Self.acme, source: "ward")
    let summary = try store.applyScan(findings: [ward], alerts: [], run: scan, now: T.now + 2000)
    try store.finishRun(scan, summary: summary, now: T.now + 2001)
    let acme = try #require(try store.changes().tenants.first)
    #expect(acme[.lapsed] == 1 && acme[.new] == 1 && acme[.triaged] == 1)
    #expect(acme.byOperator == ["alice": 1])
    #expect(try store.changeDetails(kinds: [.lapsed]).first?.operatorName == "expiry")
    // A scan that no longer fires the rule resolves it.
    let again = try store.startRun(.scan, operatorName: "ops", now: T.now + 3000)
    let s2 = try store.applyScan(findings: [], alerts: [], run: again, now: T.now + 3000)
    try store.finishRun(again, summary: s2, now: T.now + 3001)
    #expect(try store.changeDetails().map { "\($0.kind) \($0.findingId)" } == ["resolved w1"])
    #expect(try store.run(id: 3)?.findingsResolved == 1)
  }

  @Test func aRunThatWroteNothingIsDiscardedWithoutATrace() throws {
    let file = TempStore()
    let store = try file.open()
    try importRun(store, [f("f1")], now: T.now)
    let raw = RawConnection(path: file.path)
    let before = raw.snapshot()
    let run = try store.startRun(.import, operatorName: "ops", files: ["bad.json"], now: T.now + 5)
    try store.discardRun(run)
    #expect(raw.snapshot() == before)
    #expect(try store.runs().map(\.id) == [1])
  }

  @Test func windowsByDateAndUnknownRuns() throws {
    let store = try TempStore().open()
    try importRun(store, [f("f1")], now: T.now)
    try importRun(store, [f("f1"), f("f2")], now: T.now + 86_400)
    #expect(try store.changes(.since(T.now + 3600)).tenants.first?[.new] == 1)
    #expect(try store.changes(.since(T.now)).tenants.first?[.new] == 2)
    #expect(try store.changes(.since(T.now + 3600)).runs.map(\.id) == [2])
    #expect(throws: StoreError.runNotFound(9)) { try store.changes(.afterRun(9)) }
  }

  @Test func aScopedHandleSeesOnlyItsTenantsChanges() throws {
    let file = TempStore()
    let store = try file.open()
    try importRun(store, [f("f1"), f("g1", account: Self.globex)], now: T.now)
    let scoped = try file.open(.readOnly, scope: .only(["globex"]))
    #expect(try scoped.changes().tenants.map(\.tenant) == ["globex"])
    #expect(try scoped.changeDetails().map(\.findingId) == ["g1"])
    var filter = FindingFilter()
    filter.changes = ChangeSelection()
    #expect(try scoped.findings(filter: filter).rows.map(\.id) == ["g1"])
    #expect(throws: StoreError.outOfScope("run")) {
      try store.scoped(to: .only(["globex"])).startRun(.import, operatorName: "x", now: T.now)
    }
  }
}
