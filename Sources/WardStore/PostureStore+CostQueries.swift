import WardModel

extension PostureStore {
  /// The newest day that has any cost in scope, or nil when there is none: cost windows
  /// ("last 30 days") are relative to the data, so stale or demo collections read right.
  /// Unscoped, this is the maintained rollup window (exact, no scan of the costs).
  public func latestCostDay() throws -> EpochSeconds? {
    try connection.withDatabase { db in
      if scope.tenants == nil { return try FunctionRollup(db: db).anchor().latestCostDay }
      var where_ = SQLFilter()
      where_.tenants("c.tenant_id", scope: scope)
      return try db.prepare("SELECT MAX(c.day) FROM costs c\(where_.sql)").first(where_.binds) {
        $0.isNull(0) ? nil : $0.int64(0)
      } ?? nil
    }
  }

  /// Per-function cost rows in `[from, to)` (rows whose cost file named a function), for
  /// all functions in scope or, with `function`, one of them; by tenant, function, day.
  public func functionCosts(
    tenants: Set<String>? = nil, function: String? = nil, from: EpochSeconds, to: EpochSeconds
  ) throws -> [CostRow] {
    try connection.withDatabase { db in
      var where_ = SQLFilter()
      where_.tenants("c.tenant_id", scope: scope, names: tenants)
      where_.add("c.day >= ? AND c.day < ?", [.integer(from), .integer(to)])
      if let function {
        where_.add("c.function = ?", [.text(function)])
      } else {
        where_.add("c.function <> ?", [.text("")])
      }
      return try db.prepare(
        """
        SELECT t.name, c.account, c.function, c.day, SUM(c.amount), MIN(c.currency)
        FROM costs c JOIN tenants t ON t.id = c.tenant_id\(where_.sql)
        GROUP BY t.name, c.account, c.function, c.day
        ORDER BY t.name, c.account, c.function, c.day
        """
      ).rows(where_.binds) {
        CostRow(
          tenant: $0.text(0), account: $0.text(1), function: $0.text(2), day: $0.int64(3),
          amount: $0.double(4), currency: $0.text(5))
      }
    }
  }

  /// Daily cost in `[from, to)` of one function: rows billed to its account that name it by
  /// name or ARN (the two ways Cost Explorer's tag or resource grouping can name it). The
  /// account is part of the match: another account's function of the same name is another
  /// function, and usually another tenant's.
  public func functionCostSeries(of function: Function, from: EpochSeconds, to: EpochSeconds)
    throws -> [DailyCost]
  {
    try connection.withDatabase { db in
      var where_ = SQLFilter()
      where_.tenants("c.tenant_id", scope: scope)
      where_.add(
        "c.account = ? AND c.function IN (?, ?) AND c.day >= ? AND c.day < ?",
        [
          .text(function.account), .text(function.name), .text(function.arn), .integer(from),
          .integer(to),
        ])
      return try db.prepare(
        "SELECT c.day, SUM(c.amount) FROM costs c\(where_.sql) GROUP BY c.day ORDER BY c.day"
      ).rows(where_.binds) { DailyCost(day: $0.int64(0), amount: $0.double(1)) }
    }
  }

  /// The newest hour that has metrics in scope, or nil: "now" for relative metric windows.
  /// Unscoped, this is the maintained rollup window (exact, no scan of the metrics).
  public func latestMetricHour() throws -> EpochSeconds? {
    try connection.withDatabase { db in
      if scope.tenants == nil { return try FunctionRollup(db: db).anchor().latestMetricHour }
      var where_ = SQLFilter()
      if scope.tenants != nil {
        var inner = SQLFilter()
        inner.tenants("a.tenant_id", scope: scope)
        where_.add(
          "m.function_id IN (SELECT k.id FROM function_keys k WHERE k.account IN (SELECT a.account FROM accounts a\(inner.sql)))",
          inner.binds)
      }
      return try db.prepare("SELECT MAX(m.hour) FROM metrics m\(where_.sql)").first(where_.binds) {
        $0.isNull(0) ? nil : $0.int64(0)
      } ?? nil
    }
  }
}
