import WardModel

/// Writes `runs` rows and, for import runs, what the run saw: each finding id and each
/// (source, tenant, account) scope it observed, in two TEMP tables of this connection.
/// Being tables of the same connection, they take part in the import's savepoints and
/// transactions: a file that fails is forgotten with its writes.
struct RunWriter {
  let db: Database

  static let columns = """
    id, kind, operator, started_at, finished_at, data_hour, files, file_count, failed_count,
    findings_new, findings_updated, findings_resolved, findings_unseen, policy_changes,
    records_changed, audit_from, audit_to
    """

  /// Inserts the run (id: the largest + 1) and, for an import, empties the sightings.
  func start(_ kind: RunKind, operatorName: String, files: [String], now: EpochSeconds) throws
    -> RunHandle
  {
    let id = (try db.prepare("SELECT MAX(id) FROM runs").first { $0.optionalInt64(0) } ?? nil) ?? 0
    let head = try AuditLog(db: db).head().seq
    try db.prepare(
      """
      INSERT INTO runs (id, kind, operator, started_at, files, audit_from)
      VALUES (?, ?, ?, ?, ?, ?)
      """
    ).run([
      .integer(id + 1), .text(kind.rawValue), .text(operatorName), .integer(now),
      .text(JSONText.encode(files)), .integer(head),
    ])
    if kind == .import {
      try db.execute(
        """
        CREATE TEMP TABLE IF NOT EXISTS run_seen (finding_id TEXT PRIMARY KEY);
        CREATE TEMP TABLE IF NOT EXISTS run_scopes (
          source TEXT NOT NULL, tenant_id INTEGER NOT NULL, account TEXT NOT NULL,
          PRIMARY KEY (source, tenant_id, account)
        );
        DELETE FROM temp.run_seen;
        DELETE FROM temp.run_scopes;
        """)
    }
    return RunHandle(id: id + 1, kind: kind)
  }

  /// Notes that the import saw `f` (failing or passing) in its tenant: the finding id, and
  /// the scope it belongs to.
  func observe(_ f: Finding, tenantId: Int64) throws {
    try db.prepare(
      "INSERT INTO temp.run_seen (finding_id) VALUES (?) ON CONFLICT (finding_id) DO NOTHING"
    ).run([.text(f.id)])
    try db.prepare(
      """
      INSERT INTO temp.run_scopes (source, tenant_id, account) VALUES (?, ?, ?)
      ON CONFLICT (source, tenant_id, account) DO NOTHING
      """
    ).run([.text(f.source), .integer(tenantId), .text(f.account ?? "")])
  }

  /// Closes an import run's sightings: a finding missing since an earlier run and seen now
  /// gets `back_run`; unless a file failed (what it would have said is unknown), every
  /// finding of a covered scope the run did not see, not resolved and not already missing,
  /// gets `unseen_run`. Returns how many went missing. With `write` false, only forgets
  /// the sightings.
  func closeSightings(_ run: RunHandle, anyFailed: Bool, write: Bool = true) throws -> Int {
    guard run.kind == .import else { return 0 }
    guard write else {
      try db.execute("DELETE FROM temp.run_seen; DELETE FROM temp.run_scopes;")
      return 0
    }
    try db.prepare(
      """
      UPDATE findings SET back_run = ?
      WHERE unseen_run IS NOT NULL AND (back_run IS NULL OR back_run < unseen_run)
        AND id IN (SELECT finding_id FROM temp.run_seen)
      """
    ).run([.integer(run.id)])
    var unseen = 0
    if !anyFailed {
      unseen = try db.prepare(
        """
        UPDATE findings SET unseen_run = ?
        WHERE state <> 'resolved'
          AND (unseen_run IS NULL OR (back_run IS NOT NULL AND back_run > unseen_run))
          AND EXISTS (
            SELECT 1 FROM temp.run_scopes s
            WHERE s.source = findings.source AND s.tenant_id = findings.tenant_id
              AND s.account = COALESCE(findings.account, ''))
          AND id NOT IN (SELECT finding_id FROM temp.run_seen)
        """
      ).run([.integer(run.id)])
    }
    try db.execute("DELETE FROM temp.run_seen; DELETE FROM temp.run_scopes;")
    return unseen
  }

  /// Records the end of a run: its counts, the data hour and the audit head.
  func finish(
    _ run: RunHandle, fileCount: Int, failedCount: Int, summary: ApplySummary, unseen: Int,
    now: EpochSeconds
  ) throws {
    let findings = summary[.findings]
    try db.prepare(
      """
      UPDATE runs SET finished_at = ?, data_hour = ?, file_count = ?, failed_count = ?,
        findings_new = ?, findings_updated = ?, findings_resolved = ?, findings_unseen = ?,
        policy_changes = ?, records_changed = ?, audit_to = ?
      WHERE id = ?
      """
    ).run([
      .integer(now), SQLValue(try FunctionRollup(db: db).anchor().latestMetricHour),
      .integer(Int64(fileCount)), .integer(Int64(failedCount)),
      .integer(Int64(findings.inserted)), .integer(Int64(findings.updated)),
      .integer(Int64(findings.resolved)), .integer(Int64(unseen)),
      .integer(Int64(summary.policyChanges)), .integer(Int64(summary.totalChanged)),
      .integer(try AuditLog(db: db).head().seq), .integer(run.id),
    ])
  }

  /// Decodes a row selected with `columns`, in that order.
  static func decode(_ s: Statement) -> RunRecord {
    RunRecord(
      id: s.int64(0), kind: RunKind(rawValue: s.text(1)) ?? .import, operatorName: s.text(2),
      startedAt: s.int64(3), finishedAt: s.optionalInt64(4), dataHour: s.optionalInt64(5),
      files: JSONText.decode([String].self, s.text(6), default: []), fileCount: s.int(7),
      failedCount: s.int(8), findingsNew: s.int(9), findingsUpdated: s.int(10),
      findingsResolved: s.int(11), findingsUnseen: s.int(12), policyChanges: s.int(13),
      recordsChanged: s.int(14), auditFrom: s.int64(15), auditTo: s.optionalInt64(16))
  }
}
