import Foundation
import Testing
import WardModel

@testable import WardStore

/// One triage action on N findings is one audit batch, and undo takes back a batch whole.
@Suite struct TriageBatchTests {
  static let ana = Operator(name: "ana")

  /// The batch is hashed after prev_hash only when present (docs/audit.md): the known
  /// answer computed with Python's hashlib over the documented encoding plus `text("b1")`.
  @Test func theBatchIsHashedOnlyWhenPresent() {
    var e = AuditEvent(
      seq: 1, kind: .state, findingId: "f1", from: .new, to: .riskAccepted, reason: "ok",
      note: nil, until: 1_800_000_000, operatorName: "alice", address: "203.0.113.7",
      keyFingerprint: nil, source: .cli, at: 1_764_000_000, undoes: nil,
      prevHash: AuditHash.zero, hash: "")
    // Unchanged without a batch (AuditChainTests' known answer).
    #expect(AuditHash.hash(e) == "ff39db2167f796491f1988a7237cc566822cc1532ee917041035ed6d10b4aae3")
    e.batch = "b1"
    #expect(AuditHash.hash(e) == "14c9452ecaf52b77110d94b1267183e6a027e9fe58e7daf2a680943ff8356381")
  }

  @Test func bulkTriageIsOneBatchAndUndoLastBatchUndoesAllOfIt() throws {
    let temp = TempStore()
    let store = try temp.open()
    var batch = ImportBatch(format: "test")
    batch.tenants = [Tenant(name: "acme", accounts: ["111111111111"])]
    batch.findings = (1...3).map { i in
      Finding(
        id: "f\(i)", account: "111111111111", region: "eu-west-1", functionArn: nil,
        resource: "r\(i)", category: .monitoring, severity: .low, title: "t\(i)",
        source: "ward", ruleId: "r", firstSeen: 1_763_990_000, lastSeen: 1_763_990_000)
    }
    try store.apply(batch, now: 1_764_000_000)
    let targets = try store.findings().rows.map {
      TriageTarget(findingId: $0.id, expectedVersion: $0.version)
    }
    _ = try store.setState(
      targets, to: .resolved, reason: "fixed", note: nil, until: nil, by: Self.ana,
      now: 1_764_000_100)
    let events = try store.auditLog().filter { $0.operatorName == "ana" }
    #expect(events.count == 3 && Set(events.map(\.batch)).count == 1)
    #expect(events[0].batch == "b\(events[0].seq)")
    #expect(try store.lastTriageBatch(by: Self.ana)?.count == 3)
    let undone = try store.undoLastBatch(by: Self.ana, now: 1_764_000_200)
    #expect(undone.count == 3 && Set(undone.map(\.event.batch)).count == 1)
    #expect(undone[0].event.batch != events[0].batch)
    #expect(try store.findings().rows.allSatisfy { $0.state == .new })
    #expect(try store.lastTriageBatch(by: Self.ana) == nil)
    #expect(try store.verifyAudit().isIntact)
  }
}
