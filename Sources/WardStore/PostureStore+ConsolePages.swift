import WardModel

/// Columns the console's function table can sort by.
public enum FunctionSortKey: String, Sendable, Hashable, CaseIterable {
  case name, tenant, region, runtime
  /// Open findings weighted by severity (critical 1000, high 100, medium 10, low 1).
  case findings
  case invocations, errors, cost
  case lastAlert = "last-alert"
}

/// A function row of the console's table, with its 24 h metrics, 30 d cost and last alert.
public struct FunctionTableRow: Sendable, Hashable {
  public var name: String
  public var tenant: String
  public var region: String
  public var arn: String
  public var runtime: String?
  /// Open findings by severity.
  public var openBySeverity: [Severity: Int]
  public var invocations: Double
  public var errors: Double
  /// Nil when no cost row names the function.
  public var cost: Double?
  public var lastAlert: EpochSeconds?
}

/// Columns the console's findings table can sort by.
public enum FindingSortKey: String, Sendable, Hashable, CaseIterable {
  case severity
  case lastSeen = "last-seen"
  case tenant, category, state, source, title
}

/// Reads shaped for the console: one visible page at a time (LIMIT/OFFSET over a sorted
/// query) plus counts, so a screen can show "row 12 of 5,203" without loading a table.
extension PostureStore {
  /// Time windows of the function table's metric and cost columns.
  public struct FunctionTableWindow: Sendable, Hashable {
    /// Metrics in `[metricsFrom, metricsTo)`.
    public var metricsFrom: EpochSeconds
    public var metricsTo: EpochSeconds
    /// Cost days in `[costFrom, costTo)`.
    public var costFrom: EpochSeconds
    public var costTo: EpochSeconds
    public init(
      metricsFrom: EpochSeconds, metricsTo: EpochSeconds, costFrom: EpochSeconds,
      costTo: EpochSeconds
    ) {
      self.metricsFrom = metricsFrom
      self.metricsTo = metricsTo
      self.costFrom = costFrom
      self.costTo = costTo
    }
  }

  private func functionWhere(_ filter: FunctionFilter) -> SQLFilter {
    var where_ = SQLFilter()
    where_.tenants("f.tenant_id", scope: scope, names: filter.tenants)
    where_.oneOf("f.region", filter.regions.map { $0.sorted().map { .text($0) } })
    where_.oneOf("f.runtime", filter.runtimes.map { $0.sorted().map { .text($0) } })
    if let text = filter.nameContains, !text.isEmpty {
      where_.add("f.name LIKE ? ESCAPE '\\'", [.text(likePattern(containing: text))])
    }
    return where_
  }

  /// How many functions match `filter` (within the scope).
  public func functionCount(filter: FunctionFilter = FunctionFilter()) throws -> Int {
    try connection.withDatabase { db in
      let where_ = functionWhere(filter)
      return try db.prepare("SELECT COUNT(*) FROM functions f\(where_.sql)").first(
        where_.binds, { $0.int(0) }) ?? 0
    }
  }

  /// Rows `offset ..< offset+limit` of the function table sorted by `sort` (ties by tenant,
  /// name, ARN).
  public func functionTable(
    filter: FunctionFilter = FunctionFilter(), sort: FunctionSortKey = .name,
    ascending: Bool = true, window: FunctionTableWindow, offset: Int, limit: Int
  ) throws -> [FunctionTableRow] {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        let where_ = functionWhere(filter)
        let direction = ascending ? "ASC" : "DESC"
        let order: String =
          switch sort {
          case .name: "f.name \(direction)"
          case .tenant: "t.name \(direction)"
          case .region: "f.region \(direction)"
          case .runtime: "COALESCE(f.runtime, '') \(direction)"
          case .findings: "COALESCE(fc.weight, 0) \(direction)"
          case .invocations: "inv \(direction)"
          case .errors: "err \(direction)"
          case .cost: "COALESCE(c.cost, 0) \(direction)"
          case .lastAlert: "COALESCE(la.last_alert, 0) \(direction)"
          }
        let open = TriageState.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }
          .joined(separator: ", ")
        let sql = """
          SELECT f.name, t.name, f.region, f.arn, f.runtime,
            COALESCE(fc.c4, 0), COALESCE(fc.c3, 0), COALESCE(fc.c2, 0), COALESCE(fc.c1, 0),
            COALESCE(fc.c0, 0),
            COALESCE((SELECT SUM(x.invocations) FROM metrics x
              WHERE x.function_id = k.id AND x.hour >= ? AND x.hour < ?), 0) AS inv,
            COALESCE((SELECT SUM(x.errors) FROM metrics x
              WHERE x.function_id = k.id AND x.hour >= ? AND x.hour < ?), 0) AS err,
            c.cost, la.last_alert
          FROM functions f JOIN tenants t ON t.id = f.tenant_id
          LEFT JOIN (
            SELECT tenant_id, function_arn,
              SUM(CASE WHEN severity = 4 THEN 1 ELSE 0 END) AS c4,
              SUM(CASE WHEN severity = 3 THEN 1 ELSE 0 END) AS c3,
              SUM(CASE WHEN severity = 2 THEN 1 ELSE 0 END) AS c2,
              SUM(CASE WHEN severity = 1 THEN 1 ELSE 0 END) AS c1,
              SUM(CASE WHEN severity = 0 THEN 1 ELSE 0 END) AS c0,
              SUM(CASE severity WHEN 4 THEN 1000 WHEN 3 THEN 100 WHEN 2 THEN 10
                WHEN 1 THEN 1 ELSE 0 END) AS weight
            FROM findings WHERE function_arn IS NOT NULL AND state IN (\(open))
            GROUP BY tenant_id, function_arn
          ) fc ON fc.function_arn = f.arn AND fc.tenant_id = f.tenant_id
          LEFT JOIN function_keys k ON k.arn = f.arn
          LEFT JOIN (
            SELECT tenant_id, function, SUM(amount) AS cost FROM costs
            WHERE function <> '' AND day >= ? AND day < ? GROUP BY tenant_id, function
          ) c ON c.tenant_id = f.tenant_id AND (c.function = f.name OR c.function = f.arn)
          LEFT JOIN (
            SELECT tenant_id, function_arn, MAX(start_at) AS last_alert FROM alerts
            WHERE function_arn IS NOT NULL GROUP BY tenant_id, function_arn
          ) la ON la.function_arn = f.arn AND la.tenant_id = f.tenant_id\(where_.sql)
          ORDER BY \(order), t.name, f.name, f.arn LIMIT ? OFFSET ?
          """
        let binds: [SQLValue] =
          [
            .integer(window.metricsFrom), .integer(window.metricsTo),
            .integer(window.metricsFrom), .integer(window.metricsTo), .integer(window.costFrom),
            .integer(window.costTo),
          ] + where_.binds + [.integer(Int64(max(0, limit))), .integer(Int64(max(0, offset)))]
        return try db.prepare(sql).rows(binds) { s in
          var counts: [Severity: Int] = [:]
          for (index, severity) in Severity.worstFirst.enumerated() {
            let n = s.int(Int32(5 + index))
            if n > 0 { counts[severity] = n }
          }
          return FunctionTableRow(
            name: s.text(0), tenant: s.text(1), region: s.text(2), arn: s.text(3),
            runtime: s.optionalText(4), openBySeverity: counts, invocations: s.double(10),
            errors: s.double(11), cost: s.optionalDouble(12), lastAlert: s.optionalInt64(13))
        }
      }
    }
  }

  private func findingWhere(_ filter: FindingFilter) -> SQLFilter {
    var where_ = SQLFilter()
    where_.tenants("x.tenant_id", scope: scope, names: filter.tenants)
    if let function = filter.function {
      if function.hasPrefix("arn:") {
        where_.add("x.function_arn = ?", [.text(function)])
      } else {
        where_.add(
          "x.function_arn IN (SELECT arn FROM functions WHERE name = ?)", [.text(function)])
      }
    }
    where_.oneOf("x.category", filter.categories.map { $0.sorted().map { .text($0.rawValue) } })
    where_.oneOf(
      "x.severity", filter.severities.map { $0.sorted().map { .integer(Int64($0.rank)) } })
    where_.oneOf("x.state", filter.states.map { $0.map(\.rawValue).sorted().map { .text($0) } })
    where_.oneOf("x.source", filter.sources.map { $0.sorted().map { .text($0) } })
    if let text = filter.text, !text.isEmpty {
      let pattern = SQLValue.text(likePattern(containing: text))
      where_.add(
        "(x.title LIKE ? ESCAPE '\\' OR x.resource LIKE ? ESCAPE '\\')", [pattern, pattern])
    }
    return where_
  }

  /// How many findings match `filter`.
  public func findingCount(filter: FindingFilter = FindingFilter()) throws -> Int {
    try connection.withDatabase { db in
      let where_ = findingWhere(filter)
      return try db.prepare("SELECT COUNT(*) FROM findings x\(where_.sql)").first(
        where_.binds, { $0.int(0) }) ?? 0
    }
  }

  /// Rows `offset ..< offset+limit` of the findings matching `filter`, sorted by `sort`
  /// (ties: severity worst first, last seen newest first, id).
  public func findingTable(
    filter: FindingFilter = FindingFilter(), sort: FindingSortKey = .severity,
    ascending: Bool = false, offset: Int, limit: Int
  ) throws -> [FindingRow] {
    try connection.withDatabase { db in
      let where_ = findingWhere(filter)
      let direction = ascending ? "ASC" : "DESC"
      let order: String =
        switch sort {
        case .severity: "x.severity \(direction)"
        case .lastSeen: "x.last_seen \(direction)"
        case .tenant: "t.name \(direction)"
        case .category: "x.category \(direction)"
        case .state: "x.state \(direction)"
        case .source: "x.source \(direction)"
        case .title: "x.title \(direction)"
        }
      return try db.prepare(
        """
        SELECT \(Self.findingRowColumns)
        FROM findings x JOIN tenants t ON t.id = x.tenant_id\(where_.sql)
        ORDER BY \(order), x.severity DESC, x.last_seen DESC, x.id LIMIT ? OFFSET ?
        """
      ).rows(
        where_.binds + [.integer(Int64(max(0, limit))), .integer(Int64(max(0, offset)))],
        Self.decodeFindingRow)
    }
  }

  private func alertWhere(_ filter: AlertFilter) -> SQLFilter {
    var where_ = SQLFilter()
    where_.tenants("a.tenant_id", scope: scope, names: filter.tenants)
    if let arn = filter.functionArn { where_.add("a.function_arn = ?", [.text(arn)]) }
    where_.oneOf("a.kind", filter.kinds.map { $0.sorted().map { .text($0) } })
    if let s = filter.minimumSeverity { where_.add("a.severity >= ?", [.integer(Int64(s.rank))]) }
    if let since = filter.since { where_.add("a.start_at >= ?", [.integer(since)]) }
    return where_
  }

  /// How many alerts match `filter`.
  public func alertCount(filter: AlertFilter = AlertFilter()) throws -> Int {
    try connection.withDatabase { db in
      let where_ = alertWhere(filter)
      return try db.prepare("SELECT COUNT(*) FROM alerts a\(where_.sql)").first(
        where_.binds, { $0.int(0) }) ?? 0
    }
  }

  /// Rows `offset ..< offset+limit` of the alerts matching `filter`, newest first.
  public func alertTable(filter: AlertFilter = AlertFilter(), offset: Int, limit: Int) throws
    -> [AlertRow]
  {
    try connection.withDatabase { db in
      let where_ = alertWhere(filter)
      return try db.prepare(
        """
        SELECT a.id, a.account, t.name, a.function_arn, a.kind, a.severity, a.start_at,
          a.end_at, a.title, a.detail, a.source
        FROM alerts a JOIN tenants t ON t.id = a.tenant_id\(where_.sql)
        ORDER BY a.start_at DESC, a.id LIMIT ? OFFSET ?
        """
      ).rows(where_.binds + [.integer(Int64(max(0, limit))), .integer(Int64(max(0, offset)))]) {
        AlertRow(
          alert: Alert(
            id: $0.text(0), account: $0.optionalText(1), tenant: $0.text(2),
            functionArn: $0.optionalText(3), kind: $0.text(4),
            severity: Severity(rank: $0.int(5)), start: $0.int64(6), end: $0.optionalInt64(7),
            title: $0.text(8), detail: $0.text(9), source: $0.text(10)),
          tenant: $0.text(2))
      }
    }
  }

  /// Alerts per tenant that started at or before `now` and are still going on after
  /// `since` (default `now`): no end, or ending after it.
  public func activeAlertCounts(now: EpochSeconds, since: EpochSeconds? = nil) throws
    -> [String: Int]
  {
    try connection.withDatabase { db in
      var where_ = SQLFilter()
      where_.tenants("a.tenant_id", scope: scope)
      where_.add(
        "a.start_at <= ? AND (a.end_at IS NULL OR a.end_at > ?)",
        [
          .integer(now), .integer(since ?? now),
        ])
      var out: [String: Int] = [:]
      for (name, n) in try db.prepare(
        """
        SELECT t.name, COUNT(*) FROM alerts a JOIN tenants t ON t.id = a.tenant_id\(where_.sql)
        GROUP BY t.name
        """
      ).rows(where_.binds, { ($0.text(0), $0.int(1)) }) {
        out[name] = n
      }
      return out
    }
  }

  /// Invocations per tenant per 24-hour bucket in `[from, to)`, keyed by the bucket start
  /// (`from + k·86400`, so a bucket ending at the newest hour is complete); buckets without
  /// metrics are absent.
  public func tenantDailyInvocations(from: EpochSeconds, to: EpochSeconds) throws
    -> [String: [EpochSeconds: Double]]
  {
    try connection.withDatabase { db in
      var where_ = SQLFilter()
      where_.tenants("a.tenant_id", scope: scope)
      where_.add("x.hour >= ? AND x.hour < ?", [.integer(from), .integer(to)])
      var out: [String: [EpochSeconds: Double]] = [:]
      for (name, day, n) in try db.prepare(
        """
        SELECT t.name, ? + ((x.hour - ?) / 86400) * 86400 AS day, SUM(x.invocations)
        FROM function_keys k JOIN accounts a ON a.account = k.account
        JOIN tenants t ON t.id = a.tenant_id
        CROSS JOIN metrics x ON x.function_id = k.id\(where_.sql)
        GROUP BY t.name, day
        """
      ).rows(
        [.integer(from), .integer(from)] + where_.binds, { ($0.text(0), $0.int64(1), $0.double(2)) }
      ) {
        out[name, default: [:]][day] = n
      }
      return out
    }
  }
}
