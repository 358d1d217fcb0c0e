import Testing
import WardModel

@testable import WardStore

/// Triage rules over the audit chain: transitions, validation, notes, undo, bulk, expiry and
/// the reopen events imports and scans make.
@Suite struct TriageAuditTests {
  let alice = Operator(name: "alice", address: "203.0.113.7", keyFingerprint: "SHA256:abc")
  let bob = Operator(name: "bob")

  func store(_ ids: [String] = ["f1"]) throws -> (TempStore, PostureStore) {
    let temp = TempStore()
    let store = try temp.open()
    try store.apply(T.batch { $0.findings = ids.map { T.finding($0) } }, now: T.now)
    return (temp, store)
  }

  func reason(_ s: TriageState) -> String? { s.requiresReason ? "because" : nil }
  func until(_ s: TriageState) -> EpochSeconds? { s.requiresExpiry ? T.now + 86_400 : nil }

  @Test func everyTransitionIsAllowedVersionedAndAudited() throws {
    for from in TriageState.allCases {
      for to in TriageState.allCases {
        let (_, store) = try store()
        var version: Int64 = 1
        if from != .new {
          version = try store.setState(
            findingId: "f1", to: from, reason: reason(from), note: nil, until: until(from),
            by: alice, expectedVersion: 1, now: T.now)
        }
        let next = try store.setState(
          findingId: "f1", to: to, reason: reason(to), note: "n", until: until(to), by: bob,
          source: .cli, expectedVersion: version, now: T.now + 5)
        #expect(next == version + 1)
        let stored = try #require(try store.finding(id: "f1"))
        #expect(stored.triage.state == to)
        #expect(stored.triage.by == "bob")
        #expect(stored.triage.until == until(to))
        let last = try #require(try store.history(findingId: "f1").last)
        #expect(last.from == from && last.to == to, "\(from) -> \(to)")
        #expect(last.source == .cli && last.operatorName == "bob" && last.note == "n")
        #expect(last.reason == reason(to))
      }
    }
  }

  @Test func eventsRecordTheOperatorsAddressAndKey() throws {
    let (_, store) = try store()
    try store.setState(
      findingId: "f1", to: .acknowledged, reason: nil, note: nil, until: nil, by: alice,
      expectedVersion: 1, now: T.now)
    let e = try #require(try store.history(findingId: "f1").last)
    #expect(e.address == "203.0.113.7" && e.keyFingerprint == "SHA256:abc")
    #expect(e.source == .console && e.seq == 1 && e.prevHash == AuditHash.zero)
    #expect(e.hash == AuditHash.hash(e))
  }

  @Test func reasonAndExpiryAreValidatedBeforeAnythingIsWritten() throws {
    let (_, store) = try store()
    for state in TriageState.allCases where state.requiresReason {
      #expect(throws: StoreError.invalidTriage("\(state.rawValue) needs a reason")) {
        try store.setState(
          findingId: "f1", to: state, reason: " \n", note: nil, until: T.now + 100, by: alice,
          expectedVersion: 1, now: T.now)
      }
    }
    #expect(throws: StoreError.invalidTriage("risk-accepted needs an expiry")) {
      try store.setState(
        findingId: "f1", to: .riskAccepted, reason: "ok", note: nil, until: nil, by: alice,
        expectedVersion: 1, now: T.now)
    }
    #expect(throws: StoreError.invalidTriage("the expiry must be in the future")) {
      try store.setState(
        findingId: "f1", to: .riskAccepted, reason: "ok", note: nil, until: T.now, by: alice,
        expectedVersion: 1, now: T.now)
    }
    #expect(try store.auditHead().seq == 0)
    // An open state has nothing to lapse: an expiry on it is refused, not dropped.
    #expect(
      throws: StoreError.invalidTriage("acknowledged is open: only a closed state can expire")
    ) {
      try store.setState(
        findingId: "f1", to: .acknowledged, reason: nil, note: nil, until: T.now + 9, by: alice,
        expectedVersion: 1, now: T.now)
    }
    // A reason is trimmed; any closed state keeps its expiry (it lapses then).
    try store.setState(
      findingId: "f1", to: .suppressed, reason: "  noisy  ", note: nil, until: T.now + 9,
      by: alice, expectedVersion: 1, now: T.now)
    let f = try #require(try store.finding(id: "f1"))
    #expect(f.triage.reason == "noisy" && f.triage.until == T.now + 9)
  }

  @Test func notesAreEventsThatKeepStateAndVersion() throws {
    let (_, store) = try store()
    let event = try store.addNote(findingId: "f1", note: "asked the owner", by: bob, now: T.now)
    #expect(event.kind == .note && event.from == .new && event.to == .new)
    let f = try #require(try store.finding(id: "f1"))
    #expect(f.triage.version == 1 && f.triage.note == "asked the owner")
    // A triage from the version seen before the note still applies.
    try store.setState(
      findingId: "f1", to: .acknowledged, reason: nil, note: nil, until: nil, by: alice,
      expectedVersion: 1, now: T.now + 1)
    #expect(try store.finding(id: "f1")?.triage.note == "asked the owner")
    #expect(try store.history(findingId: "f1").map(\.kind) == [.note, .state])
    #expect(try store.findingHistory(id: "f1").map(\.newState) == [.acknowledged])
    #expect(throws: StoreError.invalidTriage("the note is empty")) {
      try store.addNote(findingId: "f1", note: "  ", by: bob, now: T.now)
    }
    #expect(throws: StoreError.findingNotFound("nope")) {
      try store.addNote(findingId: "nope", note: "x", by: bob, now: T.now)
    }
  }

  @Test func undoReappliesTheEarlierStateAsNewEventsAndWalksBack() throws {
    let (_, store) = try store(["f1", "f2"])
    try store.setState(
      findingId: "f1", to: .riskAccepted, reason: "compensating control", note: nil,
      until: T.now + 1000, by: alice, expectedVersion: 1, now: T.now)
    try store.setState(
      findingId: "f1", to: .resolved, reason: "fixed", note: nil, until: nil, by: alice,
      expectedVersion: 2, now: T.now + 1)
    try store.setState(
      findingId: "f2", to: .acknowledged, reason: nil, note: nil, until: nil, by: alice,
      expectedVersion: 1, now: T.now + 2)

    let first = try store.undoLastTriage(by: alice, now: T.now + 3)
    #expect(first.findingId == "f2" && first.undoneSeq == 3)
    #expect(first.event.from == .acknowledged && first.event.to == .new && first.event.undoes == 3)
    #expect(try store.finding(id: "f2")?.triage.state == .new)

    let second = try store.undoLastTriage(by: alice, now: T.now + 4)
    #expect(second.findingId == "f1" && second.undoneSeq == 2 && second.version == 4)
    let f1 = try #require(try store.finding(id: "f1"))
    #expect(f1.triage.state == .riskAccepted)
    #expect(f1.triage.reason == "compensating control" && f1.triage.until == T.now + 1000)

    _ = try store.undoLastTriage(by: alice, now: T.now + 5)
    #expect(try store.finding(id: "f1")?.triage.state == .new)
    #expect(throws: StoreError.invalidTriage("alice has no triage to undo")) {
      try store.undoLastTriage(by: alice, now: T.now + 6)
    }
    // Nothing was deleted: 3 triages + 3 undos.
    #expect(try store.auditLog().map(\.seq) == [1, 2, 3, 4, 5, 6])
    #expect(try store.verifyAudit().isIntact)
  }

  @Test func undoIsRefusedWhenSomeoneElseChangedTheFindingSince() throws {
    let (_, store) = try store()
    try store.setState(
      findingId: "f1", to: .acknowledged, reason: nil, note: nil, until: nil, by: alice,
      expectedVersion: 1, now: T.now)
    try store.setState(
      findingId: "f1", to: .inProgress, reason: nil, note: nil, until: nil, by: bob,
      expectedVersion: 2, now: T.now + 60)
    #expect {
      try store.undoLastTriage(by: alice, now: T.now + 120)
    } throws: { error in
      guard case StoreError.conflict(let c) = error else { return false }
      return c.changedBy == "bob" && c.currentState == .inProgress && c.changedAt == T.now + 60
        && c.description.contains("changed by bob at 2025-11-24T16:01:00Z to in-progress")
    }
    #expect(try store.finding(id: "f1")?.triage.state == .inProgress)
    // Bob's own undo is fine.
    #expect(try store.undoLastTriage(by: bob, now: T.now + 180).event.to == .acknowledged)
  }

  @Test func bulkAppliesFreshTargetsAndReportsConflictsPerId() throws {
    let (_, store) = try store(["f1", "f2", "f3"])
    try store.setState(
      findingId: "f2", to: .acknowledged, reason: nil, note: nil, until: nil, by: bob,
      expectedVersion: 1, now: T.now)
    let results = try store.setState(
      [
        TriageTarget(findingId: "f1", expectedVersion: 1),
        TriageTarget(findingId: "f2", expectedVersion: 1),
        TriageTarget(findingId: "nope", expectedVersion: 1),
        TriageTarget(findingId: "f3", expectedVersion: 1),
      ], to: .falsePositive, reason: "test account", note: nil, until: nil, by: alice,
      source: .console, now: T.now + 1)
    #expect(results.map(\.findingId) == ["f1", "f2", "nope", "f3"])
    #expect(results[0].outcome == .applied(version: 2, seq: 2))
    guard case .conflict(let c) = results[1].outcome else {
      Issue.record("expected a conflict")
      return
    }
    #expect(c.changedBy == "bob" && c.currentState == .acknowledged)
    #expect(results[2].outcome == .notFound)
    #expect(results[3].outcome == .applied(version: 2, seq: 3))
    #expect(try store.finding(id: "f2")?.triage.state == .acknowledged)
    #expect(try store.auditHead().seq == 3)
    // An invalid request changes nothing at all.
    #expect(throws: StoreError.self) {
      try store.setState(
        [TriageTarget(findingId: "f2", expectedVersion: 2)], to: .suppressed, reason: nil,
        note: nil, until: nil, by: alice, now: T.now + 2)
    }
    #expect(try store.auditHead().seq == 3)
  }

  @Test func expiriesReopenAsEventsAttributedToWhatNoticedThem() throws {
    let temp = TempStore()
    let store = try temp.open()
    try store.apply(T.batch { $0.findings = ["a", "b", "c"].map { T.finding($0) } }, now: T.now)
    for (i, id) in ["a", "b", "c"].enumerated() {
      try store.setState(
        findingId: id, to: .riskAccepted, reason: "ok", note: nil,
        until: T.now + 100 * EpochSeconds(i + 1), by: alice, expectedVersion: 1, now: T.now)
    }
    try store.apply(ImportBatch(format: "empty"), now: T.now + 150)  // a expires: import
    try store.applyScan(findings: [], alerts: [], now: T.now + 250)  // b: scan
    _ = try PostureStore(path: temp.path, now: T.now + 350)  // c: open
    let expiries = try store.auditLog(filter: AuditFilter(operatorName: "expiry"))
    #expect(expiries.map(\.findingId) == ["a", "b", "c"])
    #expect(expiries.map(\.source) == [.import, .scan, .open])
    #expect(expiries.allSatisfy { $0.from == .riskAccepted && $0.to == .new })
    #expect(try store.finding(id: "c")?.triage.state == .new)
    #expect(try store.verifyAudit().isIntact)
  }

  @Test func importAndScanReopensAndResolvesAreEvents() throws {
    let (_, store) = try store()
    try store.setState(
      findingId: "f1", to: .resolved, reason: "patched", note: nil, until: nil, by: alice,
      expectedVersion: 1, now: T.now)
    try store.apply(T.batch { $0.findings = [T.finding("f1", seen: T.now + 10)] }, now: T.now + 20)
    let reopen = try #require(try store.history(findingId: "f1").last)
    #expect(reopen.source == .import && reopen.operatorName == "import")
    #expect(reopen.from == .resolved && reopen.to == .new && reopen.reason == "seen failing again")

    var ward = T.finding("w1")
    ward.source = "ward"
    try store.applyScan(findings: [ward], alerts: [], now: T.now + 30)
    try store.applyScan(findings: [], alerts: [], now: T.now + 40)
    let resolved = try #require(try store.history(findingId: "w1").last)
    #expect(resolved.source == .scan && resolved.to == .resolved)
    #expect(resolved.reason == "rule no longer fires")

    // A finding created in a non-new state at its source records that state.
    try store.apply(
      T.batch { $0.findings = [T.finding("s1", sourceState: .suppressed)] }, now: T.now + 50)
    let created = try #require(try store.history(findingId: "s1").first)
    #expect(created.from == nil && created.to == .suppressed && created.source == .import)
    #expect(try store.verifyAudit().isIntact)
  }

  @Test func schemaOneEventsMoveIntoTheChain() throws {
    let temp = TempStore()
    let raw = RawConnection(path: temp.path)
    raw.exec(Schema.v1)
    raw.exec("PRAGMA user_version = 1")
    raw.exec(
      """
      INSERT INTO finding_events (finding_id, at, actor, old_state, new_state, reason)
      VALUES ('f1', 10, 'alice', 'new', 'suppressed', 'noise'),
             ('f1', 20, 'import', 'suppressed', 'new', NULL)
      """)
    let store = try temp.open()
    let log = try store.auditLog()
    #expect(log.map(\.operatorName) == ["alice", "import"])
    #expect(log.map(\.source) == [.cli, .import])
    #expect(raw.int("SELECT count(*) FROM sqlite_master WHERE name = 'finding_events'") == 0)
    #expect(try store.verifyAudit().isIntact)
  }
}
