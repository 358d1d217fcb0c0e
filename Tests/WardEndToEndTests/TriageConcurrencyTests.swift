import Foundation
import Testing
import WardModel
import WardStore

/// Eight `ward` processes triage overlapping findings at once, 500 operations each
/// (`ward triage --repeat-from`): every operation is applied or refused as a conflict, the
/// chain verifies, and the final states equal a replay of the audit log.
@Suite struct TriageProcessConcurrencyTests {
  @Test func eightProcessesFiveHundredOperationsEach() throws {
    let fx = try TriageFixture(count: 10)
    defer { fx.dir.cleanup() }
    let states = ["acknowledged", "in-progress", "resolved", "suppressed", "new", "note"]
    let workers = 8
    let operations = 500
    var scripts: [String] = []
    for w in 0..<workers {
      var rng = SystemRandomNumberGenerator()
      let lines = (0..<operations).map { i -> String in
        let state = states.randomElement(using: &rng)!
        let id = "f\(Int.random(in: 0..<10, using: &rng))"
        return "\(state) \(id) worker \(w) op \(i)"
      }
      let path = fx.dir.file("script\(w).txt")
      try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
      scripts.append(path)
    }
    let scriptPaths = scripts
    let results = Results()
    let store = fx.store
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      let r = Result {
        try WardEndToEndTests.ward(
          ["triage", "--store", store, "--operator", "worker\(w)", "--repeat-from", scriptPaths[w]])
      }
      results.set(w, r)
    }
    var applied = 0
    var conflicts = 0
    for w in 0..<workers {
      let r = try #require(try results.get(w)?.get())
      #expect(r.status == 0, "worker \(w): \(r.stderr)")
      let lines = r.stdout.split(separator: "\n")
      let a = lines.filter { $0.hasPrefix("applied ") }.count
      let c = lines.filter { $0.hasPrefix("conflict ") }.count
      #expect(a + c == operations, "worker \(w) lost operations: \(r.stdout.suffix(200))")
      applied += a
      conflicts += c
    }
    #expect(applied + conflicts == workers * operations)

    let verify = try fx.ward(["audit", "verify"])
    #expect(verify.status == 0, "\(verify.stderr)")
    let db = try fx.open()
    var events: [AuditEvent] = []
    while true {
      let page = try db.auditLog(after: events.last?.seq ?? 0, limit: 1000)
      if page.isEmpty { break }
      events += page
    }
    #expect(events.count == applied)
    var replay: [String: TriageState] = [:]
    for e in events where e.kind == .state {
      #expect((replay[e.findingId] ?? .new) == e.from, "event #\(e.seq) starts elsewhere")
      replay[e.findingId] = e.to
    }
    for i in 0..<10 {
      #expect(try db.finding(id: "f\(i)")?.triage.state == replay["f\(i)"] ?? .new)
    }
  }
}

/// Per-worker results, filled from concurrent workers.
final class Results: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Int: Result<RunResult, any Error>] = [:]

  func set(_ i: Int, _ r: Result<RunResult, any Error>) {
    lock.lock()
    defer { lock.unlock() }
    values[i] = r
  }

  func get(_ i: Int) -> Result<RunResult, any Error>? {
    lock.lock()
    defer { lock.unlock() }
    return values[i]
  }
}
