import WardModel

extension PostureStore {
  /// A page of alerts, newest first (start descending, then id).
  public func alerts(
    filter: AlertFilter = AlertFilter(), after: PageCursor? = nil, limit: Int = 200
  )
    throws -> Page<AlertRow>
  {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        var where_ = SQLFilter()
        where_.tenants("a.tenant_id", scope: scope, names: filter.tenants)
        if let arn = filter.functionArn { where_.add("a.function_arn = ?", [.text(arn)]) }
        where_.oneOf("a.kind", filter.kinds.map { $0.sorted().map { .text($0) } })
        if let s = filter.minimumSeverity {
          where_.add("a.severity >= ?", [.integer(Int64(s.rank))])
        }
        if let since = filter.since { where_.add("a.start_at >= ?", [.integer(since)]) }
        if let after, after.values.count == 2 {
          let (start, id) = (after.values[0], after.values[1])
          where_.add("(a.start_at < ? OR (a.start_at = ? AND a.id > ?))", [start, start, id])
        }
        let rows = try db.prepare(
          """
          SELECT a.id, a.account, t.name, a.function_arn, a.kind, a.severity, a.start_at,
            a.end_at, a.title, a.detail, a.source
          FROM alerts a JOIN tenants t ON t.id = a.tenant_id\(where_.sql)
          ORDER BY a.start_at DESC, a.id LIMIT ?
          """
        ).rows(where_.binds + [.integer(Int64(limit))]) {
          AlertRow(
            alert: Alert(
              id: $0.text(0), account: $0.optionalText(1), tenant: $0.text(2),
              functionArn: $0.optionalText(3), kind: $0.text(4),
              severity: Severity(rank: $0.int(5)), start: $0.int64(6), end: $0.optionalInt64(7),
              title: $0.text(8), detail: $0.text(9), source: $0.text(10)),
            tenant: $0.text(2))
        }
        let next =
          rows.count == limit
          ? rows.last.map { PageCursor(values: [.integer($0.alert.start), .text($0.alert.id)]) }
          : nil
        return Page(rows: rows, next: next)
      }
    }
  }

  /// Daily cost rows in `[from, to)`: per tenant (account/service-level rows summed) or,
  /// when `filter.function` is set, that function's rows.
  public func costs(filter: CostFilter) throws -> [CostRow] {
    try connection.withDatabase { db in
      var where_ = SQLFilter()
      where_.tenants("c.tenant_id", scope: scope, names: filter.tenants)
      where_.add("c.day >= ? AND c.day < ?", [.integer(filter.from), .integer(filter.to)])
      where_.add("c.function = ?", [.text(filter.function ?? "")])
      return try db.prepare(
        """
        SELECT t.name, c.account, c.function, c.day, SUM(c.amount), MIN(c.currency)
        FROM costs c JOIN tenants t ON t.id = c.tenant_id\(where_.sql)
        GROUP BY t.name, c.account, c.function, c.day
        ORDER BY t.name, c.account, c.function, c.day
        """
      ).rows(where_.binds) {
        CostRow(
          tenant: $0.text(0), account: $0.text(1),
          function: $0.text(2).isEmpty ? nil : $0.text(2), day: $0.int64(3),
          amount: $0.double(4), currency: $0.text(5))
      }
    }
  }

  /// Total cost per day in `[from, to)` of one tenant (account/service-level rows) or of
  /// one function (name or ARN as the cost file named it). Days without cost are absent.
  public func costSeries(
    tenant: String? = nil, function: String? = nil, from: EpochSeconds, to: EpochSeconds
  ) throws -> [DailyCost] {
    try costs(
      filter: CostFilter(tenants: tenant.map { [$0] }, function: function, from: from, to: to)
    )
    .reduce(into: [EpochSeconds: Double]()) { $0[$1.day, default: 0] += $1.amount }
    .sorted { $0.key < $1.key }
    .map { DailyCost(day: $0.key, amount: $0.value) }
  }

  /// Hourly metrics of one function in `[from, to)`, oldest first. Empty when the function
  /// is unknown or its account's tenant is outside the scope.
  public func metricSeries(functionArn: String, from: EpochSeconds, to: EpochSeconds) throws
    -> [MetricSample]
  {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        var where_ = SQLFilter()
        where_.add("k.arn = ?", [.text(functionArn)])
        if scope.tenants != nil {
          var inner = SQLFilter()
          inner.tenants("a.tenant_id", scope: scope)
          where_.add(
            "k.account IN (SELECT a.account FROM accounts a\(inner.sql))", inner.binds)
        }
        guard
          let id = try db.prepare("SELECT k.id FROM function_keys k\(where_.sql)").first(
            where_.binds, { $0.int64(0) })
        else { return [] }
        return try db.prepare(
          """
          SELECT hour, invocations, errors, throttles, duration_avg, duration_p99, duration_max,
            cold_starts, max_concurrency
          FROM metrics WHERE function_id = ? AND hour >= ? AND hour < ? ORDER BY hour
          """
        ).rows([.integer(id), .integer(from), .integer(to)]) {
          MetricSample(
            functionArn: functionArn, hour: $0.int64(0), invocations: $0.optionalDouble(1),
            errors: $0.optionalDouble(2), throttles: $0.optionalDouble(3),
            durationAvg: $0.optionalDouble(4), durationP99: $0.optionalDouble(5),
            durationMax: $0.optionalDouble(6), coldStarts: $0.optionalDouble(7),
            maxConcurrency: $0.optionalDouble(8))
        }
      }
    }
  }
}
