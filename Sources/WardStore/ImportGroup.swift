import WardModel

/// Many input files written in ONE transaction, each file in its own savepoint: a file
/// that fails is undone alone (the store keeps the group's other files), and the
/// transaction's commit, the expiry of risk acceptances and the function rollup refresh
/// are paid once per group instead of once per file.
///
/// Obtained from ``PostureStore/withImportGroup(now:_:)``; valid only inside its body.
public final class ImportGroup {
  let db: Database
  let now: EpochSeconds
  /// The import run the group's files belong to, when one is recorded.
  let run: RunHandle?
  /// What the group's applied files touched, for one rollup refresh at the end.
  var touched = FunctionRollup.Touched()
  /// Functions a cost anomaly alert was newly raised on by the group's files.
  var costAnomalies = Set<String>()

  init(db: Database, now: EpochSeconds, run: RunHandle?) {
    self.db = db
    self.now = now
    self.run = run
  }

  /// Applies everything one input file contributed, all or nothing (a savepoint); see
  /// ``PostureStore/apply(_:tenantOverride:policy:now:)`` for the parameters and the counts.
  /// On error nothing of this file is kept and the error is rethrown; the group goes on,
  /// unless SQLite rolled back the whole transaction (disk full): then every later call
  /// throws too and the group's commit fails.
  public func apply(
    _ batch: ImportBatch, tenantOverride: String? = nil, policy: TriagePolicy? = nil
  ) throws -> ApplySummary {
    var anomalies = Set<String>()
    let summary = try db.savepoint {
      var writer = BatchWriter(db: db, fallbackTenant: tenantOverride ?? Tenancy.unassigned)
      try writer.applyTenants(batch.tenants)
      if let tenantOverride { try writer.applyOverride(tenantOverride, batch: batch) }
      try writer.applyFunctions(batch.functions)
      try writer.applyPatches(batch.functionPatches)
      try writer.applyPolicies(batch.policies, without: batch.functionsWithoutPolicy)
      try writer.applyURLs(batch.urlConfigs, without: batch.functionsWithoutURL)
      try writer.applyTriggers(batch.triggers)
      try ApiGatewayWriter(db: db).apply(batch, into: &writer.summary)
      try IAMWriter(db: db).apply(batch, into: &writer.summary)
      try TriggerSourceWriter(db: db).apply(batch, into: &writer.summary)
      writer.summary[.metrics] = try MetricWriter(db: db).write(batch.metrics)
      try writer.applyCosts(batch.costs)
      let findings = FindingWriter(db: db, actor: "import", now: now, run: run)
      let identities = SourceIdentityWriter(db: db, now: now)
      for f in batch.findings {
        let tenant = try writer.tenantId(forAccount: f.account)
        let outcome = try findings.write(f, tenantId: tenant)
        writer.summary.record(.findings, outcome)
        if let ref = f.sourceRef, outcome != .skipped {
          try identities.write(ref, findingId: f.id)
        }
      }
      try writer.applyAlerts(batch.alerts)
      anomalies = writer.newCostAnomalies
      if let policy {
        writer.summary.policyChanges = try PolicyWriter(db: db).run(
          policy, candidates: .ids(batch.findings.map(\.id)), now: now, write: true
        ).totalChanged
      }
      return writer.summary
    }
    touched.formUnion(FunctionRollup.Touched(batch: batch, summary: summary))
    costAnomalies.formUnion(anomalies)
    return summary
  }

  /// The newest metric hour in the store, including this group's files so far (from the
  /// maintained rollup window, not a scan of the metrics).
  public func latestMetricHour() throws -> EpochSeconds? {
    let stored = try FunctionRollup(db: db).anchor().latestMetricHour
    guard let pending = touched.newestMetricHour else { return stored }
    return Swift.max(stored ?? pending, pending)
  }
}

extension PostureStore {
  /// Runs `body` with an ``ImportGroup``: one write transaction for every file `body`
  /// applies, committed when `body` returns (rolled back whole if it throws). Keep groups
  /// bounded (the importer commits every few thousand files): a `kill -9` loses the
  /// uncommitted group, which the same import run again restores.
  ///
  /// With `run` (from ``startRun(_:operatorName:files:now:)``), new findings are stamped
  /// with it and every finding the files mention is noted for ``finishRun``.
  public func withImportGroup<T>(
    now: EpochSeconds, run: RunHandle? = nil, _ body: (ImportGroup) throws -> T
  ) throws -> T {
    guard scope.tenants == nil else { throw StoreError.outOfScope("import") }
    return try connection.withDatabase { db in
      try db.transaction {
        _ = try TriageWriter(db: db).expireRiskAcceptances(now: now, source: .import)
        let watch = DecisionWatch(db: db)
        try watch.adoptBaselines()
        let group = ImportGroup(db: db, now: now, run: run)
        let result = try body(group)
        try FunctionRollup(db: db).update(group.touched)
        _ = try watch.reopenStale(costAnomalies: group.costAnomalies, now: now, source: .import)
        return result
      }
    }
  }
}
