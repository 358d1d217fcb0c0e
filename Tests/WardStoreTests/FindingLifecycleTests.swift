import Testing
import WardModel

@testable import WardStore

@Suite struct FindingLifecycleTests {
  let alice = Operator(name: "alice")

  @Test func aResolvedFindingSeenFailingAgainReopens() throws {
    let store = try TempStore().open()
    try store.apply(T.batch { $0.findings = [T.finding("f1")] }, now: T.now)
    let v1 = try #require(try store.finding(id: "f1")).triage.version
    try store.setState(
      findingId: "f1", to: .resolved, reason: "fixed", note: nil, until: nil, by: alice,
      expectedVersion: v1, now: T.now + 10)
    try store.apply(T.batch { $0.findings = [T.finding("f1", seen: T.now)] }, now: T.now + 20)
    let f = try #require(try store.finding(id: "f1"))
    #expect(f.triage.state == .new)
    #expect(f.triage.by == "import")
    #expect(f.triage.reason == "seen failing again")
    #expect(f.triage.version == v1 + 2)
    #expect(f.finding.firstSeen == T.now - 3600)
    #expect(f.finding.lastSeen == T.now)
    #expect(try store.findingHistory(id: "f1").map(\.newState) == [.resolved, .new])
  }

  @Test(arguments: [TriageState.suppressed, .falsePositive, .riskAccepted])
  func closedByAnOperatorStaysClosed(state: TriageState) throws {
    let store = try TempStore().open()
    try store.apply(T.batch { $0.findings = [T.finding("f1")] }, now: T.now)
    let version = try store.setState(
      findingId: "f1", to: state, reason: "accepted by owner", note: "ticket 12",
      until: T.now + 86_400 * 30, by: alice, expectedVersion: 1, now: T.now)
    try store.apply(T.batch { $0.findings = [T.finding("f1", seen: T.now)] }, now: T.now + 60)
    let f = try #require(try store.finding(id: "f1"))
    #expect(f.triage.state == state)
    #expect(f.triage.version == version)
    #expect(f.triage.by == "alice")
    #expect(f.finding.lastSeen == T.now)
  }

  @Test func aPassedObservationResolvesAnOpenFinding() throws {
    let store = try TempStore().open()
    try store.apply(T.batch { $0.findings = [T.finding("f1")] }, now: T.now)
    let s = try store.apply(
      T.batch {
        $0.findings = [
          T.finding("f1", seen: T.now, compliance: .passed),
          T.finding("never-failed", compliance: .passed),
        ]
      }, now: T.now + 5)
    #expect(s[.findings].updated == 1)
    #expect(s[.findings].skipped == 1)
    let f = try #require(try store.finding(id: "f1"))
    #expect(f.triage.state == .resolved)
    #expect(f.triage.by == "import")
    #expect(f.triage.reason == "passed at source")
    #expect(try store.finding(id: "never-failed") == nil)
  }

  @Test func aNewFindingStartsInItsSourceState() throws {
    let store = try TempStore().open()
    try store.apply(
      T.batch { $0.findings = [T.finding("f1", sourceState: .suppressed), T.finding("f2")] },
      now: T.now)
    #expect(try store.finding(id: "f1")?.triage.state == .suppressed)
    #expect(try store.finding(id: "f2")?.triage.state == .new)
  }

  @Test func findingsWithoutAccountGoToTheOverrideOrUnassigned() throws {
    let store = try TempStore().open()
    try store.apply(
      T.batch { $0.findings = [T.finding("ck1", account: nil, function: nil, source: "checkov")] },
      now: T.now)
    try store.apply(
      T.batch { $0.findings = [T.finding("ck2", account: nil, function: nil, source: "checkov")] },
      tenantOverride: "acme", now: T.now)
    #expect(try store.finding(id: "ck1")?.tenant == "unassigned")
    #expect(try store.finding(id: "ck2")?.tenant == "acme")
  }

  @Test func scanResolvesWardFindingsThatNoLongerFire() throws {
    let store = try TempStore().open()
    try store.apply(T.batch { $0.findings = [T.finding("prow-1")] }, now: T.now)
    try store.applyScan(
      findings: [T.finding("ward-1", source: "x"), T.finding("ward-2", source: "ward")],
      alerts: [], now: T.now)
    #expect(try store.finding(id: "ward-1")?.finding.source == "ward")
    let s = try store.applyScan(
      findings: [T.finding("ward-2", source: "ward")], alerts: [], now: T.now + 60)
    #expect(s[.findings].resolved == 1)
    #expect(s[.findings].unchanged == 1)
    let gone = try #require(try store.finding(id: "ward-1"))
    #expect(gone.triage.state == .resolved)
    #expect(gone.triage.by == "scan")
    #expect(gone.triage.reason == "rule no longer fires")
    #expect(try store.finding(id: "ward-2")?.triage.state == .new)
    #expect(try store.finding(id: "prow-1")?.triage.state == .new, "other sources untouched")
    // It fires again: reopens.
    try store.applyScan(
      findings: [T.finding("ward-1", source: "ward")], alerts: [], now: T.now + 120)
    #expect(try store.finding(id: "ward-1")?.triage.state == .new)
  }
}
