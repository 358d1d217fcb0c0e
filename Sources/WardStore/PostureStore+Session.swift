import WardModel

extension PostureStore {
  /// Appends a session start or end to the audit chain, by `actor` (name, SSH address and
  /// key fingerprint) with source `console`. Needs a read-write handle; a scoped handle may
  /// record sessions (they name no tenant). Scoped handles never list session events.
  @discardableResult
  public func recordSession(_ record: SessionRecord, by actor: Operator, now: EpochSeconds)
    throws -> AuditEvent
  {
    try connection.withDatabase { db in
      try db.transaction {
        try AuditLog(db: db).append(
          kind: .session, findingId: "", from: nil, to: .new, reason: record.reason,
          note: record.note, until: nil, actor: AuditActor(actor, source: .console), at: now)
      }
    }
  }
}
