import WardModel

extension PostureStore {
  /// Applies everything one input file contributed, in ONE transaction: on any error the
  /// store is left exactly as it was. (`ward import` applies many files per transaction
  /// with ``withImportGroup(now:_:)``, each file still all or nothing.)
  ///
  /// - Parameters:
  ///   - tenantOverride: maps every account the batch mentions to this tenant, and is the
  ///     tenant of rows with no account (otherwise `unassigned`).
  ///   - now: the time recorded on state changes and used to expire risk acceptances.
  ///   - policy: a triage policy applied to this batch's findings in the same transaction.
  /// - Returns: counts of inserted / updated / unchanged / skipped records per kind.
  ///   Re-applying the same batch reports nothing changed and writes no row.
  ///
  /// Policies, URLs, triggers and patches for a function the store does not know are
  /// skipped (counted); metrics for unknown functions are kept (keyed by ARN).
  @discardableResult
  public func apply(
    _ batch: ImportBatch, tenantOverride: String? = nil, policy: TriagePolicy? = nil,
    now: EpochSeconds
  ) throws -> ApplySummary {
    try withImportGroup(now: now) {
      try $0.apply(batch, tenantOverride: tenantOverride, policy: policy)
    }
  }

  /// Records the result of a run of Ward's own rules and detectors, in one transaction:
  /// upserts `findings` (source forced to `ward`), resolves every open `ward` finding
  /// not in the set (by `scan`, "rule no longer fires"), and upserts `alerts` by id.
  /// With `policy`, applies it to every finding in the same transaction. With `run`, new
  /// findings are stamped with it (`first_run`).
  @discardableResult
  public func applyScan(
    findings: [Finding], alerts: [Alert], policy: TriagePolicy? = nil, run: RunHandle? = nil,
    now: EpochSeconds
  ) throws -> ApplySummary {
    guard scope.tenants == nil else { throw StoreError.outOfScope("scan") }
    return try connection.withDatabase { db in
      try db.transaction {
        _ = try TriageWriter(db: db).expireRiskAcceptances(now: now, source: .scan)
        let watch = DecisionWatch(db: db)
        try watch.adoptBaselines()
        var writer = BatchWriter(db: db, fallbackTenant: Tenancy.unassigned)
        let findingWriter = FindingWriter(db: db, actor: "scan", now: now, run: run)
        var seen = Set<String>()
        for var f in findings {
          f.source = "ward"
          seen.insert(f.id)
          let tenant = try writer.tenantId(forAccount: f.account)
          writer.summary.record(.findings, try findingWriter.write(f, tenantId: tenant))
        }
        let open = try db.prepare(
          """
          SELECT id, state FROM findings
          WHERE source = 'ward' AND state IN ('new', 'acknowledged', 'in-progress')
          """
        ).rows { ($0.text(0), TriageState(rawValue: $0.text(1))) }
        let triage = TriageWriter(db: db)
        for (id, state) in open where !seen.contains(id) {
          try triage.transition(
            findingId: id, from: state, to: .resolved, reason: "rule no longer fires", note: nil,
            until: nil, by: "scan", at: now)
          writer.summary[.findings].resolved += 1
        }
        try writer.applyAlerts(alerts)
        if let policy {
          writer.summary.policyChanges = try PolicyWriter(db: db).run(
            policy, candidates: .all, now: now, write: true
          ).totalChanged
        }
        var touched = FunctionRollup.Touched()
        touched.arns = Set(alerts.compactMap(\.functionArn))
        try FunctionRollup(db: db).update(touched)
        writer.summary.staleDecisions = try watch.reopenStale(
          costAnomalies: writer.newCostAnomalies, now: now, source: .scan)
        return writer.summary
      }
    }
  }
}
