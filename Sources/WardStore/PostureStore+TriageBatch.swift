import WardModel

/// The operator's last triage action as a whole, for the console's `u`.
public struct TriageBatchSummary: Sendable, Hashable {
  /// The batch id (nil for an event recorded before batches existed: undone alone).
  public var batch: String?
  /// How many of its events can still be undone.
  public var count: Int
  /// The state that action set (what an undo takes the findings away from).
  public var state: TriageState
}

extension PostureStore {
  /// What ``undoLastBatch(by:source:now:)`` would undo, without changing anything; nil
  /// when the operator has nothing to undo.
  public func lastTriageBatch(by actor: Operator) throws -> TriageBatchSummary? {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        guard let last = try lastUndoable(db, by: actor) else { return nil }
        let count =
          try last.batch.map { try undoable(db, by: actor, batch: $0, limit: .max).count } ?? 1
        return TriageBatchSummary(batch: last.batch, count: count, state: last.to)
      }
    }
  }

  /// Undoes the operator's last triage action as a whole: every still-undoable event of
  /// its batch (one `t` on N findings), each restored as ``undoLastTriage(by:source:now:)``
  /// restores one, all recorded as ONE new batch in one transaction. If any finding of
  /// the batch was changed by someone else since, nothing is undone (`.conflict`).
  @discardableResult
  public func undoLastBatch(
    by actor: Operator, source: AuditSource = .console, now: EpochSeconds
  ) throws -> [UndoResult] {
    try connection.withDatabase { db in
      try db.transaction {
        guard let last = try lastUndoable(db, by: actor) else {
          throw StoreError.invalidTriage("\(actor.name) has no triage to undo")
        }
        let events =
          try last.batch.map { try undoable(db, by: actor, batch: $0, limit: .max) } ?? [last]
        let batch = try TriageWriter(db: db).newBatch()
        return try events.map {
          try undo(db, $0, by: actor, source: source, now: now, batch: batch)
        }
      }
    }
  }
}
