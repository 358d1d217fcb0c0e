import Testing
import WardModel

@testable import WardStore

/// What `ward audit verify` must see beyond the links: rows numbered 0 or below, events
/// appended or rewritten after a head recorded as `SEQ:HASH`, back-dated times, and
/// findings whose state no event explains.
@Suite struct AuditStoryTests {
  let chain = AuditChainTests()

  /// A forged event inserted with `seq` and a valid-looking hash (the triggers allow inserts).
  func insert(_ raw: RawConnection, seq: Int64, at: Int64 = T.now) {
    let e = AuditEvent(
      seq: seq, kind: .state, findingId: "f2", from: .suppressed, to: .new, reason: nil,
      note: nil, until: nil, operatorName: "mallory", address: nil, keyFingerprint: nil,
      source: .cli, at: at, undoes: nil, prevHash: AuditHash.zero, hash: "")
    let hash = AuditHash.hash(e)
    raw.exec(
      """
      INSERT INTO audit_events (\(AuditLog.columns)) VALUES (\(seq), 'state', 'f2', 'suppressed',
      'new', NULL, NULL, NULL, 'mallory', NULL, NULL, 'cli', \(at), NULL, '\(AuditHash.zero)',
      '\(hash)', NULL, NULL, NULL)
      """)
  }

  @Test(arguments: [0, -1, -99] as [Int64])
  func aRowNumberedZeroOrBelowIsReported(seq: Int64) throws {
    let (temp, store) = try chain.fiveEvents()
    insert(RawConnection(path: temp.path), seq: seq)
    let problem = try #require(try store.verifyAudit().problem)
    #expect(problem.seq == seq && problem.reason.contains("starts at #1"), "\(problem)")
  }

  @Test func aRecordedHeadReportsAppendsAndCatchesARewriteAtItsSeq() throws {
    let (temp, store) = try chain.fiveEvents()
    let third = try store.auditLog()[2]
    let recorded = AuditHead(seq: third.seq, hash: third.hash)
    #expect(AuditHead(parsing: recorded.description) == recorded)
    #expect(AuditHead(parsing: "3 \(third.hash.uppercased())") == recorded)
    let ok = try store.verifyAudit(recorded: recorded)
    #expect(ok.isIntact && ok.appendedAfterRecorded == 2)
    #expect(try store.verifyAudit(recorded: try store.auditHead()).appendedAfterRecorded == 0)

    // Rewrite everything from #3 on consistently (hashes recomputed, head moved): the chain
    // is self-consistent again, but event #3 no longer has the recorded hash.
    let raw = chain.attacker(temp)
    var prev = try store.auditLog()[1].hash
    for var e in try store.auditLog().dropFirst(2) {
      e.prevHash = prev
      if e.seq == 3 { e.operatorName = "mallory" }
      e.hash = AuditHash.hash(e)
      raw.exec(
        "UPDATE audit_events SET operator = '\(e.operatorName)', prev_hash = '\(e.prevHash)', "
          + "hash = '\(e.hash)' WHERE seq = \(e.seq)")
      prev = e.hash
    }
    raw.exec("UPDATE audit_head SET hash = '\(prev)'")
    #expect(try store.verifyAudit().problem == nil)
    let problem = try #require(try store.verifyAudit(recorded: recorded).problem)
    #expect(problem.seq == 3 && problem.reason.contains("rewritten"), "\(problem)")
  }

  @Test func aBackDatedEventIsReportedAndLockWaitsAreNot() throws {
    let temp = TempStore()
    let store = try temp.open()
    try store.apply(T.batch { $0.findings = [T.finding("f1")] }, now: T.now)
    let alice = Operator(name: "alice")
    try store.setState(
      findingId: "f1", to: .acknowledged, reason: nil, note: nil, until: nil, by: alice,
      expectedVersion: 1, now: T.now + 1000)
    // A writer that waited for the lock: a minute earlier than the event before it.
    try store.setState(
      findingId: "f1", to: .inProgress, reason: nil, note: nil, until: nil, by: alice,
      expectedVersion: 2, now: T.now + 940)
    #expect(try store.verifyAudit().isIntact)
    // A day earlier: back-dated.
    try store.setState(
      findingId: "f1", to: .acknowledged, reason: nil, note: nil, until: nil, by: alice,
      expectedVersion: 3, now: T.now - 86_400)
    let problem = try #require(try store.verifyAudit().problem)
    #expect(problem.seq == 3 && problem.reason.contains("back-dated"), "\(problem)")
  }

  @Test func aStateNoEventExplainsIsReported() throws {
    let (temp, store) = try chain.fiveEvents()
    #expect(try store.verifyAudit().stateMismatchCount == 0)
    let raw = RawConnection(path: temp.path)
    raw.exec("UPDATE findings SET state = 'false-positive' WHERE id = 'f2'")
    let result = try store.verifyAudit()
    #expect(result.problem == nil && !result.isIntact)
    #expect(
      result.stateMismatches == [
        StateMismatch(findingId: "f2", stored: "false-positive", replayed: "suppressed")
      ])
  }
}
