import Foundation
import Testing
import WardModel

@testable import WardStore

/// Eight writers, each with its own connection, triage overlapping findings at once: every
/// operation is applied or refused as a conflict (none lost, none failing on a lock), the
/// chain verifies, and the final states equal a replay of the audit log.
@Suite struct TriageConcurrencyTests {
  @Test func eightConnectionsTriagingOverlappingFindings() throws {
    let temp = TempStore()
    let ids = (0..<12).map { "f\($0)" }
    try temp.open().apply(T.batch { $0.findings = ids.map { T.finding($0) } }, now: T.now)
    let workers = 8
    let operations = 500
    let states: [TriageState] = [.acknowledged, .inProgress, .resolved, .suppressed, .new]
    let tallies = Tallies()
    let path = temp.path
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var rng = SeededGenerator(seed: UInt64(worker + 1))
      var applied = 0
      var conflicts = 0
      var failures: [String] = []
      do {
        let store = try PostureStore(path: path, now: T.now)
        let actor = Operator(name: "worker\(worker)")
        for i in 0..<operations {
          let id = ids[Int(rng.next() % UInt64(ids.count))]
          let state = states[Int(rng.next() % UInt64(states.count))]
          let version = try store.finding(id: id)?.triage.version ?? -1
          do {
            try store.setState(
              findingId: id, to: state, reason: state.requiresReason ? "w\(worker)#\(i)" : nil,
              note: nil, until: nil, by: actor, source: .cli, expectedVersion: version,
              // One clock for all workers, as on one host: per-worker times would run
              // up to 500 s apart and read as back-dated events.
              now: T.now)
            applied += 1
          } catch StoreError.conflict {
            conflicts += 1
          }
        }
      } catch {
        failures.append("worker \(worker): \(error)")
      }
      tallies.add(applied: applied, conflicts: conflicts, failures: failures)
    }
    let total = tallies.snapshot()
    #expect(total.failures == [])
    #expect(total.applied + total.conflicts == workers * operations)
    #expect(total.applied > 0)

    let store = try temp.open()
    let log = try store.auditLog(limit: 100_000)
    #expect(log.count == total.applied)
    #expect(try store.verifyAudit().isIntact)
    var replay = Dictionary(uniqueKeysWithValues: ids.map { ($0, TriageState.new) })
    var versions = Dictionary(uniqueKeysWithValues: ids.map { ($0, Int64(1)) })
    for e in log where e.kind == .state {
      #expect(e.from == replay[e.findingId], "event #\(e.seq) starts from the replayed state")
      replay[e.findingId] = e.to
      versions[e.findingId, default: 1] += 1
    }
    for id in ids {
      let f = try #require(try store.finding(id: id))
      #expect(f.triage.state == replay[id])
      #expect(f.triage.version == versions[id])
    }
  }
}

/// Totals collected from the workers.
final class Tallies: @unchecked Sendable {
  private let lock = NSLock()
  private var applied = 0
  private var conflicts = 0
  private var failures: [String] = []

  func add(applied: Int, conflicts: Int, failures: [String]) {
    lock.lock()
    defer { lock.unlock() }
    self.applied += applied
    self.conflicts += conflicts
    self.failures += failures
  }

  func snapshot() -> (applied: Int, conflicts: Int, failures: [String]) {
    lock.lock()
    defer { lock.unlock() }
    return (applied, conflicts, failures)
  }
}
