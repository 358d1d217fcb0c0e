import WardModel

extension PostureStore {
  /// The newest day that has any cost in scope, or nil when there is none: cost windows
  /// ("last 30 days") are relative to the data, so stale or demo collections read right.
  public func latestCostDay() throws -> EpochSeconds? {
    try connection.withDatabase { db in
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
        SELECT t.name, c.function, c.day, SUM(c.amount), MIN(c.currency)
        FROM costs c JOIN tenants t ON t.id = c.tenant_id\(where_.sql)
        GROUP BY t.name, c.function, c.day ORDER BY t.name, c.function, c.day
        """
      ).rows(where_.binds) {
        CostRow(
          tenant: $0.text(0), function: $0.text(1), day: $0.int64(2), amount: $0.double(3),
          currency: $0.text(4))
      }
    }
  }

  /// The newest hour that has metrics in scope, or nil: "now" for relative metric windows.
  public func latestMetricHour() throws -> EpochSeconds? {
    try connection.withDatabase { db in
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
