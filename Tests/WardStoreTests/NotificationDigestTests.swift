import Testing
import WardModel

@testable import WardStore

/// `ward notify`'s digest and cursor: the first covers the newest run, the next only what
/// came after a delivery, severities below high are not news, and a tenant-scoped handle
/// sees only its tenants and cannot move the cursor.
@Suite struct NotificationDigestTests {
  static let acme = "111122223333"
  static let globex = "444455556666"

  func importRun(_ store: PostureStore, _ findings: [Finding], now: EpochSeconds) throws {
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
    try store.finishRun(run, files: 1, summary: summary, now: now + 1)
  }

  @Test func aDeliveredDigestIsNotRepeated() throws {
    let store = try TempStore().open()
    try importRun(
      store,
      [
        T.finding("a1", account: Self.acme, severity: .critical),
        T.finding("a2", account: Self.acme, severity: .medium),
        T.finding("g1", account: Self.globex, severity: .high),
      ], now: T.now)
    let first = try store.notificationDigest(channel: "c", now: T.now + 10)
    #expect(first.since == nil)
    #expect(Set(first.newFindings.items.map(\.id)) == ["a1", "g1"], "medium is not news")
    #expect(first.newFindings.items.first?.id == "a1", "worst first")
    #expect(first.newFindings.items.first?.function == "orders")
    #expect(first.summary.hasPrefix("2 new critical/high findings"))

    // Not recorded: the same digest again.
    #expect(try store.notificationDigest(channel: "c", now: T.now + 20).newFindings.total == 2)
    try store.recordNotification(channel: "c", digest: first)
    let quiet = try store.notificationDigest(channel: "c", now: T.now + 30)
    #expect(quiet.isEmpty)
    #expect(quiet.since == T.now + 10)
    // Another webhook has its own cursor.
    #expect(try store.notificationDigest(channel: "other", now: T.now + 30).newFindings.total == 2)

    try importRun(store, [T.finding("a3", account: Self.acme, severity: .high)], now: T.now + 100)
    let next = try store.notificationDigest(channel: "c", now: T.now + 200, limit: 1)
    #expect(next.newFindings.items.map(\.id) == ["a3"])
    #expect(next.newFindings.leftOut == 0)

    let scoped = store.scoped(to: .only(["globex"]))
    #expect(try scoped.notificationDigest(channel: "new", now: T.now + 200).newFindings.total == 0)
    #expect(throws: StoreError.self) {
      try scoped.recordNotification(channel: "c", digest: next)
    }
  }

  @Test func listsAreCutButCountsAreWhole() throws {
    let store = try TempStore().open()
    try importRun(
      store, (0..<5).map { T.finding("h\($0)", account: Self.acme, severity: .high) }, now: T.now)
    let digest = try store.notificationDigest(channel: "c", now: T.now + 10, limit: 2)
    #expect(digest.newFindings.items.count == 2)
    #expect(digest.newFindings.total == 5)
    #expect(digest.newFindings.leftOut == 3)
  }
}
