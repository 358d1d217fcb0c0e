/// Migration 6: audit events name the triage action (batch) they belong to, so one `t` on
/// N findings is one batch and `u` undoes it as a whole. Existing events keep a NULL batch
/// (and their hashes: the batch is hashed only when present, see `AuditHash`).
enum TriageBatchSchema {
  static let migration = """
    ALTER TABLE audit_events ADD COLUMN batch TEXT;
    CREATE INDEX audit_events_by_batch ON audit_events(batch, seq);
    """
}
