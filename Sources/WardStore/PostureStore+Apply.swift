import WardModel

extension PostureStore {
  /// Applies everything one input file contributed, in ONE transaction: on any error the
  /// store is left exactly as it was.
  ///
  /// - Parameters:
  ///   - tenantOverride: maps every account the batch mentions to this tenant, and is the
  ///     tenant of rows with no account (otherwise `unassigned`).
  ///   - now: the time recorded on state changes and used to expire risk acceptances.
  /// - Returns: counts of inserted / updated / unchanged / skipped records per kind.
  ///   Re-applying the same batch reports nothing changed and writes no row.
  ///
  /// Policies, URLs, triggers and patches for a function the store does not know are
  /// skipped (counted); metrics for unknown functions are kept (keyed by ARN).
  @discardableResult
  public func apply(_ batch: ImportBatch, tenantOverride: String? = nil, now: EpochSeconds)
    throws -> ApplySummary
  {
    guard scope.tenants == nil else { throw StoreError.outOfScope("import") }
    return try connection.withDatabase { db in
      try db.transaction {
        _ = try TriageWriter(db: db).expireRiskAcceptances(now: now, source: .import)
        var writer = BatchWriter(db: db, fallbackTenant: tenantOverride ?? Tenancy.unassigned)
        try writer.applyTenants(batch.tenants)
        if let tenantOverride { try writer.applyOverride(tenantOverride, batch: batch) }
        try writer.applyFunctions(batch.functions)
        try writer.applyPatches(batch.functionPatches)
        try writer.applyPolicies(batch.policies, without: batch.functionsWithoutPolicy)
        try writer.applyURLs(batch.urlConfigs, without: batch.functionsWithoutURL)
        try writer.applyTriggers(batch.triggers)
        try ApiGatewayWriter(db: db).apply(batch, into: &writer.summary)
        try TriggerSourceWriter(db: db).apply(batch, into: &writer.summary)
        writer.summary[.metrics] = try MetricWriter(db: db).write(batch.metrics)
        try writer.applyCosts(batch.costs)
        let findings = FindingWriter(db: db, actor: "import", now: now)
        for f in batch.findings {
          let tenant = try writer.tenantId(forAccount: f.account)
          writer.summary.record(.findings, try findings.write(f, tenantId: tenant))
        }
        try writer.applyAlerts(batch.alerts)
        try FunctionRollup(db: db).update(.init(batch: batch, summary: writer.summary))
        return writer.summary
      }
    }
  }

  /// Records the result of a run of Ward's own rules and detectors, in one transaction:
  /// upserts `findings` (source forced to `ward`), resolves every open `ward` finding
  /// not in the set (by `scan`, "rule no longer fires"), and upserts `alerts` by id.
  @discardableResult
  public func applyScan(findings: [Finding], alerts: [Alert], now: EpochSeconds) throws
    -> ApplySummary
  {
    guard scope.tenants == nil else { throw StoreError.outOfScope("scan") }
    return try connection.withDatabase { db in
      try db.transaction {
        _ = try TriageWriter(db: db).expireRiskAcceptances(now: now, source: .scan)
        var writer = BatchWriter(db: db, fallbackTenant: Tenancy.unassigned)
        let findingWriter = FindingWriter(db: db, actor: "scan", now: now)
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
        var touched = FunctionRollup.Touched()
        touched.arns = Set(alerts.compactMap(\.functionArn))
        try FunctionRollup(db: db).update(touched)
        return writer.summary
      }
    }
  }
}
