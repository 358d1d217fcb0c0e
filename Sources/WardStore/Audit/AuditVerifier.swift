import WardModel

/// Checks the whole story the audit log tells: the chain itself (numbering, links, hashes,
/// the end against `audit_head`, time never going backwards), a head recorded off-host, and
/// that every finding's current state is the replay of its events.
struct AuditVerifier {
  let db: Database

  /// How far back (seconds) an event's time may be from the one before it. A writer takes
  /// its time before it waits for the write lock (up to 120 s of retries, docs/audit.md),
  /// so a later seq can carry a slightly earlier time; more than this is back-dating.
  static let clockTolerance: Int64 = 300
  /// How many state mismatches are listed (all are counted).
  static let mismatchLimit = 100

  /// A head recorded earlier: its seq when known (`SEQ:HASH`), and its hash.
  struct Recorded {
    var seq: Int64?
    var hash: String
  }

  func verify(recorded: Recorded?) throws -> AuditVerification {
    var result = try verifyChain(recorded: recorded)
    if result.problem == nil { try checkStates(&result) }
    return result
  }

  /// An event time for a message: ISO 8601 for 1970–2099, else the raw seconds (a forged
  /// row can hold any integer).
  static func time(_ at: Int64) -> String {
    (0...4_102_444_800).contains(at) ? UTC.iso8601(at) : "epoch \(at)"
  }

  /// The chain, in seq order, one page at a time (never the whole table in memory).
  private func verifyChain(recorded: Recorded?) throws -> AuditVerification {
    let log = AuditLog(db: db)
    let head = try log.head()
    var count: Int64 = 0
    var previousSeq: Int64 = 0
    var previousAt: Int64? = nil
    var previousHash = AuditHash.zero
    var sawRecorded = recorded == nil || recorded?.hash == AuditHash.zero
    func result(_ problem: AuditProblem?) -> AuditVerification {
      var r = AuditVerification(eventCount: count, head: head, problem: problem)
      if problem == nil, let recorded, let seq = recorded.seq {
        r.appendedAfterRecorded = head.seq - seq
      }
      return r
    }
    // Rows numbered 0 or below sort before #1 and are never reached by the walk below.
    let lowest = try db.prepare("SELECT MIN(seq) FROM audit_events WHERE seq <= 0").first {
      $0.optionalInt64(0)
    }
    if let low = lowest ?? nil {
      return result(
        AuditProblem(seq: low, reason: "numbered \(low): the log starts at #1 (row inserted)"))
    }
    while true {
      let page = try db.prepare(
        "SELECT \(AuditLog.columns) FROM audit_events WHERE seq > ? ORDER BY seq LIMIT 1000"
      ).rows([.integer(previousSeq)], AuditLog.decode)
      if page.isEmpty { break }
      for e in page {
        count += 1
        if e.seq != previousSeq + 1 {
          return result(
            AuditProblem(
              seq: previousSeq + 1,
              reason: "missing (the log jumps from #\(previousSeq) to #\(e.seq))"))
        }
        if e.prevHash != previousHash {
          return result(
            AuditProblem(
              seq: e.seq,
              reason: "prev_hash does not match the hash of event #\(previousSeq) "
                + "(removed, reordered or altered before it)"))
        }
        if AuditHash.hash(e) != e.hash {
          return result(
            AuditProblem(seq: e.seq, reason: "altered (its content does not match its hash)"))
        }
        if let previousAt, e.at < previousAt {
          let (gap, overflow) = previousAt.subtractingReportingOverflow(e.at)
          if overflow || gap > Self.clockTolerance {
            return result(
              AuditProblem(
                seq: e.seq,
                reason: "back-dated: its time \(Self.time(e.at)) is before event "
                  + "#\(previousSeq)'s \(Self.time(previousAt))"))
          }
        }
        if let recorded, recorded.seq == nil || recorded.seq == e.seq {
          if e.hash == recorded.hash {
            sawRecorded = true
          } else if recorded.seq == e.seq {
            return result(
              AuditProblem(
                seq: e.seq,
                reason: "its hash is not the recorded head's \(recorded.hash): the log was "
                  + "rewritten at or before #\(e.seq) since the head was recorded"))
          }
        }
        previousSeq = e.seq
        previousAt = e.at
        previousHash = e.hash
      }
    }
    if previousSeq < head.seq {
      return result(
        AuditProblem(
          seq: previousSeq + 1,
          reason: "missing: audit_head says the log ends at #\(head.seq) but it ends at "
            + "#\(previousSeq)"))
    }
    if previousSeq > head.seq || previousHash != head.hash {
      return result(
        AuditProblem(
          seq: previousSeq,
          reason: "does not match audit_head (#\(head.seq) \(head.hash.prefix(12))…)"))
    }
    if !sawRecorded, let recorded {
      return result(
        AuditProblem(
          seq: recorded.seq ?? previousSeq,
          reason: "the recorded head \(recorded.hash) is not in the log: "
            + "the log was rewritten or truncated since it was recorded"))
    }
    return result(nil)
  }

  /// Replays the log against `findings.state`: each `state` event sets its `to`, a finding
  /// without one is `new`. The latest state event per finding is that replay's result.
  private func checkStates(_ result: inout AuditVerification) throws {
    let replay = """
      SELECT f.id, f.state, COALESCE((
        SELECT e.to_state FROM audit_events e
        WHERE e.finding_id = f.id AND e.kind = 'state' ORDER BY e.seq DESC LIMIT 1), 'new') AS r
      FROM findings f
      """
    let mismatched = "SELECT id, state, r FROM (\(replay)) WHERE state != r"
    result.stateMismatchCount =
      try db.prepare("SELECT COUNT(*) FROM (\(mismatched))").first { $0.int64(0) } ?? 0
    guard result.stateMismatchCount > 0 else { return }
    result.stateMismatches = try db.prepare("\(mismatched) ORDER BY id LIMIT ?").rows(
      [.integer(Int64(Self.mismatchLimit))]
    ) { StateMismatch(findingId: $0.text(0), stored: $0.text(1), replayed: $0.text(2)) }
  }
}
