import WardModel

extension PostureStore {
  /// What changed in `window`, per tenant in the handle's scope (and in `tenants`, when
  /// given): new, resolved, reopened, lapsed and stale findings, and state changes by
  /// operator. Derived from the runs and the audit log (docs/triage.md, "What changed").
  /// Throws ``StoreError/runNotFound(_:)`` for an `.afterRun` id that is not recorded.
  public func changes(_ window: ChangeWindow = .previousRun, tenants: Set<String>? = nil)
    throws -> ChangeReport
  {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        let (afterRun, runs) = try Self.runs(bounding: window, db)
        let (union, unionBinds) = ChangeSQL(window: window).union
        var where_ = SQLFilter()
        where_.tenants("x.tenant_id", scope: scope, names: tenants)
        let from = """
          FROM (\(union)) c JOIN findings x ON x.id = c.finding_id
          JOIN tenants t ON t.id = x.tenant_id\(where_.sql)
          """
        let binds = unionBinds + where_.binds
        var byTenant: [String: TenantChanges] = [:]
        for (tenant, kind, n) in try db.prepare(
          "SELECT t.name, c.kind, COUNT(DISTINCT c.finding_id) \(from) GROUP BY t.name, c.kind"
        ).rows(binds, { ($0.text(0), ChangeKind(rawValue: $0.text(1)), $0.int(2)) }) {
          guard let kind else { continue }
          byTenant[tenant, default: TenantChanges(tenant: tenant)].counts[kind] = n
        }
        for (tenant, name, n) in try db.prepare(
          """
          SELECT t.name, c.operator, COUNT(DISTINCT c.finding_id) \(from)
          \(where_.sql.isEmpty ? "WHERE" : "AND") c.kind = 'triaged' GROUP BY t.name, c.operator
          """
        ).rows(binds, { ($0.text(0), $0.text(1), $0.int(2)) }) {
          byTenant[tenant, default: TenantChanges(tenant: tenant)].byOperator[name] = n
        }
        for (tenant, n) in try db.prepare(
          "SELECT t.name, COUNT(DISTINCT c.finding_id) \(from) GROUP BY t.name"
        ).rows(binds, { ($0.text(0), $0.int(1)) }) {
          byTenant[tenant, default: TenantChanges(tenant: tenant)].findings = n
        }
        return ChangeReport(
          window: window, afterRun: afterRun, runs: runs,
          tenants: byTenant.values.sorted { $0.tenant < $1.tenant })
      }
    }
  }

  /// Every change in `window`, one row per change (a finding triaged twice is two rows):
  /// by tenant, then kind in ``ChangeKind`` order, then severity (worst first), finding id
  /// and time. `kinds` nil means every kind; at most `limit` rows.
  public func changeDetails(
    _ window: ChangeWindow = .previousRun, tenants: Set<String>? = nil,
    kinds: Set<ChangeKind>? = nil, limit: Int = 100_000
  ) throws -> [ChangeRow] {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        _ = try Self.runs(bounding: window, db)
        let (union, unionBinds) = ChangeSQL(window: window).union
        var where_ = SQLFilter()
        where_.tenants("x.tenant_id", scope: scope, names: tenants)
        where_.oneOf("c.kind", kinds.map { $0.map(\.rawValue).sorted().map { .text($0) } })
        let order = ChangeKind.allCases.enumerated().map { "WHEN '\($1.rawValue)' THEN \($0)" }
        return try db.prepare(
          """
          SELECT c.kind, t.name, x.id, x.severity, x.state, x.title, c.operator, c.at,
            c.to_state, c.reason
          FROM (\(union)) c JOIN findings x ON x.id = c.finding_id
          JOIN tenants t ON t.id = x.tenant_id\(where_.sql)
          ORDER BY t.name, CASE c.kind \(order.joined(separator: " ")) END, x.severity DESC,
            x.id, c.at
          LIMIT ?
          """
        ).rows(unionBinds + where_.binds + [.integer(Int64(max(0, limit)))]) { s in
          ChangeRow(
            kind: ChangeKind(rawValue: s.text(0)) ?? .triaged, tenant: s.text(1),
            findingId: s.text(2), severity: Severity(rank: s.int(3)),
            state: TriageState(rawValue: s.text(4)) ?? .new, title: s.text(5),
            operatorName: s.optionalText(6), at: s.int64(7),
            toState: s.optionalText(8).flatMap(TriageState.init(rawValue:)),
            reason: s.optionalText(9))
        }
      }
    }
  }

  /// The run a window starts after (nil: the beginning or a date) and the runs that started
  /// in it, oldest first.
  private static func runs(bounding window: ChangeWindow, _ db: Database) throws -> (
    RunRecord?, [RunRecord]
  ) {
    let select = "SELECT \(RunWriter.columns) FROM runs"
    switch window {
    case .previousRun:
      let newest = try db.prepare("\(select) ORDER BY id DESC LIMIT 2").rows([], RunWriter.decode)
      return (newest.count == 2 ? newest[1] : nil, Array(newest.prefix(1)))
    case .afterRun(let id):
      let after = try db.prepare("\(select) WHERE id = ?").first([.integer(id)], RunWriter.decode)
      if after == nil && id != 0 { throw StoreError.runNotFound(id) }
      let runs = try db.prepare("\(select) WHERE id > ? ORDER BY id").rows(
        [.integer(id)], RunWriter.decode)
      return (after, runs)
    case .since(let t):
      return (
        nil,
        try db.prepare("\(select) WHERE started_at >= ? ORDER BY id").rows(
          [.integer(t)], RunWriter.decode)
      )
    }
  }
}
