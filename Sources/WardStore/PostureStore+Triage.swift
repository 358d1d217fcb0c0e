import Foundation
import WardModel

/// One finding of a bulk triage, with the version the operator saw.
public struct TriageTarget: Sendable, Hashable {
  public var findingId: String
  public var expectedVersion: Int64

  public init(findingId: String, expectedVersion: Int64) {
    self.findingId = findingId
    self.expectedVersion = expectedVersion
  }
}

/// What happened to one finding of a bulk triage.
public enum TriageOutcome: Sendable, Hashable {
  /// Applied; the finding's new version and the audit event's seq.
  case applied(version: Int64, seq: Int64)
  /// Refused: someone changed the finding since the operator read it.
  case conflict(TriageConflict)
  /// Unknown, or outside the handle's tenant scope.
  case notFound
}

/// The per-finding result of a bulk triage, in the order asked.
public struct TriageResult: Sendable, Hashable {
  public var findingId: String
  public var outcome: TriageOutcome
}

/// What `undoLastTriage(by:)` did.
public struct UndoResult: Sendable, Hashable {
  public var findingId: String
  /// The event that was undone.
  public var undoneSeq: Int64
  /// The new event that restores the earlier state.
  public var event: AuditEvent
  /// The finding's new version.
  public var version: Int64
}

extension PostureStore {
  /// Changes a finding's triage state with optimistic concurrency.
  ///
  /// - Parameters:
  ///   - expectedVersion: the `version` the operator saw; if the stored version differs,
  ///     throws `StoreError.conflict` naming who changed it, when and to what.
  ///   - reason: required for resolved, false-positive, risk-accepted and suppressed.
  ///   - until: required for risk-accepted, allowed for every closed state, and must be in
  ///     the future; the decision lapses then (the finding reopens as `new`).
  ///   - source: `.console` or `.cli`; recorded on the audit event.
  /// - Returns: the finding's new version.
  @discardableResult
  public func setState(
    findingId: String, to state: TriageState, reason: String?, note: String?,
    until: EpochSeconds?, by actor: Operator, source: AuditSource = .console,
    expectedVersion: Int64, now: EpochSeconds
  ) throws -> Int64 {
    let results = try setState(
      [TriageTarget(findingId: findingId, expectedVersion: expectedVersion)], to: state,
      reason: reason, note: note, until: until, by: actor, source: source, now: now)
    switch results[0].outcome {
    case .applied(let version, _): return version
    case .conflict(let c): throw StoreError.conflict(c)
    case .notFound: throw StoreError.findingNotFound(findingId)
    }
  }

  /// Changes many findings to one state in ONE transaction, as one batch of audit events
  /// (each names the same batch id). Each target is checked against its own expected
  /// version; stale ones are refused (`.conflict`) and the rest applied.
  /// Throws (changing nothing) only when the request itself is invalid (reason, expiry).
  public func setState(
    _ targets: [TriageTarget], to state: TriageState, reason: String?, note: String?,
    until: EpochSeconds?, by actor: Operator, source: AuditSource = .console, now: EpochSeconds
  ) throws -> [TriageResult] {
    let reason = try Self.validated(state: state, reason: reason, until: until, now: now)
    let note = note.flatMap { $0.isEmpty ? nil : $0 }
    let who = AuditActor(actor, source: source)
    return try connection.withDatabase { db in
      try db.transaction {
        let writer = TriageWriter(db: db)
        let batch = try writer.newBatch()
        return try targets.map { target in
          guard let current = try currentTriage(db, target.findingId) else {
            return TriageResult(findingId: target.findingId, outcome: .notFound)
          }
          guard current.version == target.expectedVersion else {
            return TriageResult(
              findingId: target.findingId,
              outcome: .conflict(current.conflict(expected: target.expectedVersion)))
          }
          let event = try writer.transition(
            findingId: target.findingId, from: current.state, to: state, reason: reason,
            note: note, until: state.isOpen ? nil : until, actor: who, at: now,
            batch: batch)
          return TriageResult(
            findingId: target.findingId,
            outcome: .applied(version: current.version + 1, seq: event.seq))
        }
      }
    }
  }

  /// Adds a note to a finding at any time; the state and version do not change (a note
  /// never makes someone else's triage stale). Returns the audit event.
  @discardableResult
  public func addNote(
    findingId: String, note: String, by actor: Operator, source: AuditSource = .console,
    now: EpochSeconds
  ) throws -> AuditEvent {
    guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw StoreError.invalidTriage("the note is empty")
    }
    return try connection.withDatabase { db in
      try db.transaction {
        guard let current = try currentTriage(db, findingId) else {
          throw StoreError.findingNotFound(findingId)
        }
        return try TriageWriter(db: db).addNote(
          findingId: findingId, state: current.state, note: note,
          actor: AuditActor(actor, source: source), at: now)
      }
    }
  }

  /// Undoes the operator's most recent triage (a state change made from the console or the
  /// command line that is not itself an undo and was not undone yet) by re-applying the
  /// state before it, with that state's reason and expiry, as a NEW event that names the
  /// undone one. Repeated calls walk further back. Nothing is ever deleted.
  ///
  /// Throws `.conflict` when anyone changed the finding's state after that event,
  /// `.invalidTriage` when there is nothing to undo or the restored risk acceptance has expired.
  @discardableResult
  public func undoLastTriage(
    by actor: Operator, source: AuditSource = .console, now: EpochSeconds
  ) throws -> UndoResult {
    try connection.withDatabase { db in
      try db.transaction {
        guard let last = try lastUndoable(db, by: actor) else {
          throw StoreError.invalidTriage("\(actor.name) has no triage to undo")
        }
        return try undo(
          db, last, by: actor, source: source, now: now, batch: TriageWriter(db: db).newBatch())
      }
    }
  }

  /// The operator's most recent triage event that can be undone: a state change made
  /// from the console or the command line that is not itself an undo and was not undone
  /// yet, of a finding in this handle's scope (so a scoped handle never names or touches
  /// a finding outside it).
  func lastUndoable(_ db: Database, by actor: Operator, batch: String? = nil) throws
    -> AuditEvent?
  {
    try undoable(db, by: actor, batch: batch, limit: 1).first
  }

  /// The operator's undoable triage events (see ``lastUndoable(_:by:batch:)``), newest
  /// first; with `batch`, only that batch's.
  func undoable(_ db: Database, by actor: Operator, batch: String?, limit: Int) throws
    -> [AuditEvent]
  {
    var inScope = SQLFilter()
    inScope.tenants("tenant_id", scope: scope)
    let scopeClause =
      scope.tenants == nil ? "" : " AND e.finding_id IN (SELECT id FROM findings\(inScope.sql))"
    let batchClause = batch == nil ? "" : " AND e.batch = ?"
    return try db.prepare(
      """
      SELECT \(AuditLog.columns) FROM audit_events e
      WHERE operator = ? AND source IN ('console', 'cli') AND kind = 'state'
        AND undoes IS NULL AND from_state IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM audit_events u WHERE u.undoes = e.seq)\(scopeClause)\(batchClause)
      ORDER BY seq DESC LIMIT ?
      """
    ).rows(
      [.text(actor.name)] + (scope.tenants == nil ? [] : inScope.binds)
        + (batch.map { [.text($0)] } ?? []) + [.integer(Int64(limit))], AuditLog.decode)
  }

  /// Undoes one event `last` (see ``undoLastTriage(by:source:now:)``) inside the caller's
  /// transaction, recording the new event in `batch`.
  func undo(
    _ db: Database, _ last: AuditEvent, by actor: Operator, source: AuditSource,
    now: EpochSeconds, batch: String
  ) throws -> UndoResult {
    guard let previous = last.from else {
      throw StoreError.invalidTriage("#\(last.seq) recorded a creation, not a change")
    }
    guard let current = try currentTriage(db, last.findingId) else {
      throw StoreError.findingNotFound(last.findingId)
    }
    // State changes after it: by others (refuse), or the operator's own undone events
    // and undos, which cancel out.
    let later =
      try db.prepare(
        """
        SELECT count(*), coalesce(sum(CASE WHEN operator = ? AND source IN ('console', 'cli')
            AND (undoes IS NOT NULL
              OR EXISTS (SELECT 1 FROM audit_events u WHERE u.undoes = e.seq))
          THEN 0 ELSE 1 END), 0)
        FROM audit_events e
        WHERE finding_id = ? AND kind = 'state' AND seq > ?
        """
      ).first([.text(actor.name), .text(last.findingId), .integer(last.seq)]) {
        (all: $0.int64(0), byOthers: $0.int64(1))
      } ?? (all: 0, byOthers: 0)
    if later.byOthers > 0 {
      throw StoreError.conflict(current.conflict(expected: current.version - later.all))
    }
    // The reason and expiry the earlier state had, from the event that set it.
    let before = try db.prepare(
      """
      SELECT to_state, reason, until_at FROM audit_events
      WHERE finding_id = ? AND kind = 'state' AND seq < ? ORDER BY seq DESC LIMIT 1
      """
    ).first([.text(last.findingId), .integer(last.seq)]) {
      ($0.text(0), $0.optionalText(1), $0.optionalInt64(2))
    }
    let restored = before.flatMap { $0.0 == previous.rawValue ? $0 : nil }
    let until = previous.requiresExpiry ? restored?.2 : nil
    if previous.requiresExpiry && (until ?? 0) <= now {
      throw StoreError.invalidTriage(
        "undoing #\(last.seq) would restore a risk acceptance that has expired")
    }
    let reason = restored?.1 ?? (previous.requiresReason ? "undo of #\(last.seq)" : nil)
    let event = try TriageWriter(db: db).transition(
      findingId: last.findingId, from: current.state, to: previous, reason: reason,
      note: nil, until: until, actor: AuditActor(actor, source: source), at: now,
      undoes: last.seq, batch: batch)
    return UndoResult(
      findingId: last.findingId, undoneSeq: last.seq, event: event,
      version: current.version + 1)
  }

  /// Every audit event of one finding (state changes and notes), oldest first; empty if
  /// the finding is unknown or out of scope.
  public func history(findingId: String) throws -> [AuditEvent] {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        guard try currentTriage(db, findingId) != nil else { return [] }
        return try AuditLog(db: db).events(AuditFilter(findingId: findingId))
      }
    }
  }

  /// A finding's state changes, oldest first (empty if unknown or out of scope).
  /// The same events as `history(findingId:)` without the notes, in the older shape.
  public func findingHistory(id: String) throws -> [TriageEvent] {
    try history(findingId: id).filter { $0.kind == .state }.map {
      TriageEvent(
        at: $0.at, actor: $0.operatorName, oldState: $0.from, newState: $0.to, reason: $0.reason,
        note: $0.note, until: $0.until)
    }
  }

  /// Trims the reason and checks the rules: a reason for closed states, a future expiry for
  /// risk acceptance, an expiry only on a closed state.
  static func validated(
    state: TriageState, reason: String?, until: EpochSeconds?, now: EpochSeconds
  ) throws -> String? {
    let trimmed = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
    if state.requiresReason && (trimmed ?? "").isEmpty {
      throw StoreError.invalidTriage("\(state.rawValue) needs a reason")
    }
    if state.requiresExpiry && until == nil {
      throw StoreError.invalidTriage("\(state.rawValue) needs an expiry")
    }
    if let until {
      // Any closed decision may lapse; an open state has nothing to lapse.
      guard !state.isOpen else {
        throw StoreError.invalidTriage("\(state.rawValue) is open: only a closed state can expire")
      }
      guard until > now else { throw StoreError.invalidTriage("the expiry must be in the future") }
    }
    return (trimmed ?? "").isEmpty ? nil : trimmed
  }

  /// The stored triage fields of a finding in scope.
  func currentTriage(_ db: Database, _ findingId: String) throws -> CurrentTriage? {
    var filter = SQLFilter()
    filter.add("id = ?", [.text(findingId)])
    filter.tenants("tenant_id", scope: scope)
    return try db.prepare(
      "SELECT state, version, state_by, state_at, state_reason FROM findings\(filter.sql)"
    ).first(filter.binds) {
      CurrentTriage(
        findingId: findingId, state: TriageState(rawValue: $0.text(0)) ?? .new,
        version: $0.int64(1), by: $0.optionalText(2), at: $0.optionalInt64(3),
        reason: $0.optionalText(4))
    }
  }
}

/// A finding's triage fields as stored, for the concurrency checks.
struct CurrentTriage {
  var findingId: String
  var state: TriageState
  var version: Int64
  var by: String?
  var at: EpochSeconds?
  var reason: String?

  func conflict(expected: Int64) -> TriageConflict {
    TriageConflict(
      findingId: findingId, expectedVersion: expected, currentVersion: version,
      currentState: state, changedBy: by, changedAt: at, reason: reason)
  }
}
