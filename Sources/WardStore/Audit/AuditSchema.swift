import WardModel

/// Migration 2: the hash-chained audit log replaces `finding_events` (one history source).
enum AuditSchema {
  static let v2 = """
    -- Append-only, hash-chained audit log of every triage decision, note, reopen and expiry.
    -- seq is assigned by Ward (head + 1) inside the write transaction, so it has no gaps.
    CREATE TABLE audit_events (
      seq INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      finding_id TEXT NOT NULL,
      from_state TEXT,
      to_state TEXT NOT NULL,
      reason TEXT,
      note TEXT,
      until_at INTEGER,
      operator TEXT NOT NULL,
      address TEXT,
      key_fingerprint TEXT,
      source TEXT NOT NULL,
      at INTEGER NOT NULL,
      undoes INTEGER,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    );
    CREATE INDEX audit_events_by_finding ON audit_events(finding_id, seq);
    CREATE INDEX audit_events_by_operator ON audit_events(operator, seq);
    CREATE INDEX audit_events_by_undoes ON audit_events(undoes);

    -- The expected end of the chain, moved in the same transaction as every append, so
    -- removing the last events is noticed too.
    CREATE TABLE audit_head (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      seq INTEGER NOT NULL,
      hash TEXT NOT NULL
    );
    INSERT INTO audit_head (id, seq, hash)
    VALUES (1, 0, '\(AuditHash.zero)');

    -- Accidental edits fail; a determined attacker can drop these, and the chain catches that.
    CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN
      SELECT RAISE(ABORT, 'audit_events is append-only');
    END;
    CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN
      SELECT RAISE(ABORT, 'audit_events is append-only');
    END;
    CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head BEGIN
      SELECT RAISE(ABORT, 'audit_head cannot be deleted');
    END;
    """

  /// Copies `finding_events` (schema 1) into the chain in id order, then drops it.
  /// Old events had no address, key or source: the source is `import`/`scan` for those
  /// actors, `open` for `expiry`, and `cli` for operator names.
  static func moveLegacyEvents(_ db: Database) throws {
    let rows = try db.prepare(
      """
      SELECT finding_id, at, actor, old_state, new_state, reason, note, until_at
      FROM finding_events ORDER BY id
      """
    ).rows {
      (
        $0.text(0), $0.int64(1), $0.text(2), $0.optionalText(3), $0.text(4), $0.optionalText(5),
        $0.optionalText(6), $0.optionalInt64(7)
      )
    }
    let log = AuditLog(db: db)
    for r in rows {
      let source: AuditSource =
        switch r.2 {
        case "import": .import
        case "scan": .scan
        case "expiry": .open
        default: .cli
        }
      try log.append(
        kind: .state, findingId: r.0, from: r.3.flatMap(TriageState.init(rawValue:)),
        to: TriageState(rawValue: r.4) ?? .new, reason: r.5, note: r.6, until: r.7,
        actor: AuditActor(system: r.2, source: source), at: r.1)
    }
    try db.execute("DROP TABLE finding_events")
  }
}
