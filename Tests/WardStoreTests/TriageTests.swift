import Testing
import WardModel

@testable import WardStore

@Suite struct TriageTests {
  let alice = Operator(name: "alice")
  let bob = Operator(name: "bob")

  @Test func aStaleVersionIsAConflictNamingWhoWhenAndWhat() throws {
    let store = try TempStore().open()
    try store.apply(T.batch { $0.findings = [T.finding("f1")] }, now: T.now)
    let seen = try #require(try store.finding(id: "f1")).triage.version
    try store.setState(
      findingId: "f1", to: .acknowledged, reason: nil, note: nil, until: nil, by: alice,
      expectedVersion: seen, now: T.now + 1)
    #expect {
      try store.setState(
        findingId: "f1", to: .suppressed, reason: "noise", note: nil, until: nil, by: bob,
        expectedVersion: seen, now: T.now + 2)
    } throws: { error in
      guard case StoreError.conflict(let c) = error else { return false }
      return c.changedBy == "alice" && c.changedAt == T.now + 1 && c.currentState == .acknowledged
        && c.currentVersion == seen + 1 && c.expectedVersion == seen
    }
    #expect(try store.finding(id: "f1")?.triage.state == .acknowledged)
  }

  @Test func closedStatesNeedAReasonAndRiskAcceptanceAnExpiry() throws {
    let store = try TempStore().open()
    try store.apply(T.batch { $0.findings = [T.finding("f1")] }, now: T.now)
    #expect(throws: StoreError.self) {
      try store.setState(
        findingId: "f1", to: .suppressed, reason: "  ", note: nil, until: nil, by: alice,
        expectedVersion: 1, now: T.now)
    }
    #expect(throws: StoreError.self) {
      try store.setState(
        findingId: "f1", to: .riskAccepted, reason: "ok", note: nil, until: nil, by: alice,
        expectedVersion: 1, now: T.now)
    }
    #expect(throws: StoreError.findingNotFound("nope")) {
      try store.setState(
        findingId: "nope", to: .acknowledged, reason: nil, note: nil, until: nil, by: alice,
        expectedVersion: 1, now: T.now)
    }
  }

  @Test func expiredRiskAcceptancesReturnToNew() throws {
    let temp = TempStore()
    let store = try temp.open()
    try store.apply(T.batch { $0.findings = [T.finding("f1"), T.finding("f2")] }, now: T.now)
    try store.setState(
      findingId: "f1", to: .riskAccepted, reason: "compensating control", note: nil,
      until: T.now + 100, by: alice, expectedVersion: 1, now: T.now)
    try store.setState(
      findingId: "f2", to: .riskAccepted, reason: "later", note: nil,
      until: T.now + 10_000, by: alice, expectedVersion: 1, now: T.now)
    #expect(try store.expireRiskAcceptances(now: T.now + 50) == 0)
    // apply expires them too.
    try store.apply(ImportBatch(format: "empty"), now: T.now + 200)
    let f1 = try #require(try store.finding(id: "f1"))
    #expect(f1.triage.state == .new)
    #expect(f1.triage.by == "expiry")
    #expect(f1.triage.version == 3)
    #expect(try store.finding(id: "f2")?.triage.state == .riskAccepted)
  }

  @Test func triageOutsideTheScopeIsRefused() throws {
    let temp = TempStore()
    let store = try temp.open()
    try store.apply(T.batch { $0.findings = [T.finding("f1")] }, now: T.now)
    let scoped = store.scoped(to: .only(["someone-else"]))
    #expect(throws: StoreError.findingNotFound("f1")) {
      try scoped.setState(
        findingId: "f1", to: .acknowledged, reason: nil, note: nil, until: nil, by: alice,
        expectedVersion: 1, now: T.now)
    }
    #expect(try scoped.finding(id: "f1") == nil)
  }
}
