import WardModel

/// Writes the inventory, cost and alert parts of a batch inside the caller's transaction.
struct BatchWriter {
  let db: Database
  var tenancy: Tenancy
  /// Tenant for rows with no account.
  let fallbackTenant: String
  var summary = ApplySummary()
  /// Functions a cost anomaly alert was newly raised on (they make decisions stale).
  var newCostAnomalies = Set<String>()

  init(db: Database, fallbackTenant: String) {
    self.db = db
    self.tenancy = Tenancy(db: db)
    self.fallbackTenant = fallbackTenant
  }

  mutating func tenantId(forAccount account: String?) throws -> Int64 {
    try tenancy.tenantId(forAccount: account, fallback: fallbackTenant)
  }

  private func functionExists(_ arn: String) throws -> Bool {
    try db.prepare("SELECT 1 FROM functions WHERE arn = ?").first([.text(arn)]) { _ in true }
      ?? false
  }

  // MARK: Tenants

  mutating func applyTenants(_ tenants: [Tenant]) throws {
    for tenant in tenants {
      let (id, outcome) = try tenancy.declare(tenant)
      summary.record(.tenants, outcome)
      for account in tenant.accounts {
        summary.record(.accounts, try tenancy.assign(account: account, to: id))
      }
    }
  }

  /// Maps every account `batch` mentions to `tenant`.
  mutating func applyOverride(_ tenant: String, batch: ImportBatch) throws {
    let id = try tenancy.tenantId(named: tenant, auto: false)
    var accounts = Set<String>()
    accounts.formUnion(batch.functions.map(\.account))
    accounts.formUnion(batch.findings.compactMap(\.account))
    accounts.formUnion(batch.costs.compactMap(\.account))
    accounts.formUnion(batch.alerts.compactMap(\.account))
    for arn in Set(batch.metrics.map(\.functionArn)) {
      if let a = ARN(arn)?.account { accounts.insert(a) }
    }
    for account in accounts.sorted() where !account.isEmpty {
      summary.record(.accounts, try tenancy.assign(account: account, to: id))
    }
  }

  // MARK: Functions

  mutating func applyFunctions(_ functions: [Function]) throws {
    let upserter = Upserter(
      db: db, table: "functions", keyColumns: ["arn"], valueColumns: FunctionCodec.columns)
    for f in functions {
      let tenant = try tenantId(forAccount: f.account)
      try ensureFunctionKey(arn: f.arn, account: f.account)
      var outcome = try upserter.upsert(
        keys: [.text(f.arn)], values: FunctionCodec.values(f, tenantId: tenant),
        keep: FunctionCodec.patchOwned)
      if try replaceEnvironment(of: f.arn, with: f.environment), outcome == .unchanged {
        outcome = .updated
      }
      summary.record(.functions, outcome)
    }
  }

  /// Replaces a function's env vars if they differ; returns whether they did.
  private func replaceEnvironment(of arn: String, with vars: [EnvironmentVariable]) throws
    -> Bool
  {
    let stored = try db.prepare(
      """
      SELECT name, fingerprint, preview, secret_kind, entropy, length FROM env_vars
      WHERE function_arn = ? ORDER BY name
      """
    ).rows([.text(arn)]) { s in (0..<6).map { s.value(Int32($0)) } }
    let wanted = vars.sorted { $0.name < $1.name }.map(FunctionCodec.envValues)
    if stored == wanted { return false }
    try db.prepare("DELETE FROM env_vars WHERE function_arn = ?").run([.text(arn)])
    let insert = try db.prepare(
      """
      INSERT INTO env_vars (function_arn, name, fingerprint, preview, secret_kind, entropy, length)
      VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (function_arn, name) DO NOTHING
      """)
    for row in wanted { try insert.run([.text(arn)] + row) }
    return true
  }

  /// The compact id of a function ARN, creating it on first sight.
  func ensureFunctionKey(arn: String, account: String?) throws {
    try db.prepare(
      "INSERT INTO function_keys (arn, account) VALUES (?, ?) ON CONFLICT (arn) DO NOTHING"
    ).run([.text(arn), .text(account ?? ARN(arn)?.account ?? "")])
  }

  mutating func applyPatches(_ patches: [FunctionPatch]) throws {
    for p in patches {
      guard try functionExists(p.functionArn) else {
        summary.record(.patches, .skipped)
        continue
      }
      let changed: Int
      switch p.change {
      case .reservedConcurrency(let n):
        changed = try db.prepare(
          "UPDATE functions SET reserved_concurrency = ? WHERE arn = ? AND reserved_concurrency IS NOT ?"
        ).run([SQLValue(n), .text(p.functionArn), SQLValue(n)])
      case .onFailureDestination(let d):
        changed = try db.prepare(
          "UPDATE functions SET on_failure_destination = ? WHERE arn = ? AND on_failure_destination IS NOT ?"
        ).run([SQLValue(d), .text(p.functionArn), SQLValue(d)])
      case .logRetention(let group, let days):
        changed = try db.prepare(
          """
          UPDATE functions SET log_group = ?, log_retention_days = ?
          WHERE arn = ? AND (log_group IS NOT ? OR log_retention_days IS NOT ?)
          """
        ).run([.text(group), SQLValue(days), .text(p.functionArn), .text(group), SQLValue(days)])
      case .codeSigning(let configArn):
        changed = try db.prepare(
          """
          UPDATE functions SET code_signing_config_arn = ?, code_signing_known = 1
          WHERE arn = ? AND (code_signing_config_arn IS NOT ? OR code_signing_known IS NOT 1)
          """
        ).run([SQLValue(configArn), .text(p.functionArn), SQLValue(configArn)])
      }
      summary.record(.patches, changed > 0 ? .updated : .unchanged)
    }
  }

  // MARK: Policies, URLs, triggers

  mutating func applyPolicies(_ policies: [FunctionPolicy], without: [String]) throws {
    for policy in policies {
      guard try functionExists(policy.functionArn) else {
        summary.record(.policies, .skipped)
        continue
      }
      summary.record(
        .policies, try replacePolicy(of: policy.functionArn, with: policy.statements))
    }
    for arn in without {
      guard try functionExists(arn) else {
        summary.record(.policies, .skipped)
        continue
      }
      summary.record(.policies, try replacePolicy(of: arn, with: []))
    }
  }

  private func replacePolicy(of arn: String, with statements: [PolicyStatement]) throws
    -> UpsertOutcome
  {
    let stored = try db.prepare(
      """
      SELECT sid, effect, principals, actions, condition_json, source_arn, source_account,
        principal_org_id, function_url_auth_type
      FROM policy_statements WHERE function_arn = ? ORDER BY position
      """
    ).rows([.text(arn)]) { s in (0..<9).map { s.value(Int32($0)) } }
    let wanted = statements.map(FunctionCodec.policyValues)
    if stored == wanted { return .unchanged }
    try db.prepare("DELETE FROM policy_statements WHERE function_arn = ?").run([.text(arn)])
    let insert = try db.prepare(
      """
      INSERT INTO policy_statements (function_arn, position, sid, effect, principals, actions,
        condition_json, source_arn, source_account, principal_org_id, function_url_auth_type)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    for (i, row) in wanted.enumerated() {
      try insert.run([.text(arn), .integer(Int64(i))] + row)
    }
    return stored.isEmpty ? .inserted : .updated
  }

  mutating func applyURLs(_ urls: [FunctionURLConfig], without: [String]) throws {
    let upserter = Upserter(
      db: db, table: "function_urls", keyColumns: ["function_arn"],
      valueColumns: [
        "url", "auth_type", "cors_allow_origins", "cors_allow_methods", "invoke_mode",
      ])
    for u in urls {
      guard try functionExists(u.functionArn) else {
        summary.record(.urls, .skipped)
        continue
      }
      summary.record(
        .urls,
        try upserter.upsert(keys: [.text(u.functionArn)], values: FunctionCodec.urlValues(u)))
    }
    for arn in without {
      let n = try db.prepare("DELETE FROM function_urls WHERE function_arn = ?").run([.text(arn)])
      if n > 0 { summary[.urls].resolved += n } else { summary.record(.urls, .unchanged) }
    }
  }

  mutating func applyTriggers(_ triggers: [Trigger]) throws {
    let upserter = Upserter(
      db: db, table: "triggers", keyColumns: ["id"],
      valueColumns: [
        "function_arn", "source_arn", "state", "batch_size", "on_failure_destination",
        "has_filter_criteria", "maximum_retry_attempts",
      ])
    for t in triggers {
      guard try functionExists(t.functionArn) else {
        summary.record(.triggers, .skipped)
        continue
      }
      summary.record(
        .triggers, try upserter.upsert(keys: [.text(t.id)], values: FunctionCodec.triggerValues(t)))
    }
  }

  // MARK: Costs and alerts

  mutating func applyCosts(_ costs: [CostSample]) throws {
    let upserter = Upserter(
      db: db, table: "costs", keyColumns: ["account", "service", "function", "day"],
      valueColumns: ["tenant_id", "amount", "currency"])
    for c in costs {
      let tenant = try tenantId(forAccount: c.account)
      summary.record(
        .costs,
        try upserter.upsert(
          keys: [
            .text(c.account ?? ""), .text(c.service), .text(c.function ?? ""), .integer(c.day),
          ],
          values: [.integer(tenant), .real(c.amount), .text(c.currency)]))
    }
  }

  mutating func applyAlerts(_ alerts: [Alert]) throws {
    let upserter = Upserter(
      db: db, table: "alerts", keyColumns: ["id"],
      valueColumns: [
        "tenant_id", "account", "function_arn", "kind", "severity", "start_at", "end_at", "title",
        "detail", "source",
      ])
    for a in alerts {
      let tenant =
        if let name = a.tenant { try tenancy.tenantId(named: name) } else {
          try tenantId(forAccount: a.account)
        }
      let outcome = try upserter.upsert(
        keys: [.text(a.id)],
        values: [
          .integer(tenant), SQLValue(a.account), SQLValue(a.functionArn), .text(a.kind),
          .integer(Int64(a.severity.rank)), .integer(a.start), SQLValue(a.end), .text(a.title),
          .text(a.detail), .text(a.source),
        ])
      summary.record(.alerts, outcome)
      if outcome == .inserted, a.kind == DecisionWatch.costAnomalyKind, let arn = a.functionArn {
        newCostAnomalies.insert(arn)
      }
    }
  }
}
