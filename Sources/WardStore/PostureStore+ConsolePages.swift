import Foundation
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
  ///
  /// When `window` is the one the per-function rollups cover (the 24 h and 30 days ending
  /// at the store's newest metric hour and cost day, as the console's clock derives them
  /// for an unscoped store), this reads the rollups; otherwise it aggregates from scratch
  /// with the same definitions.
  public func functionTable(
    filter: FunctionFilter = FunctionFilter(), sort: FunctionSortKey = .name,
    ascending: Bool = true, window: FunctionTableWindow, offset: Int, limit: Int
  ) throws -> [FunctionTableRow] {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        let fromRollup = try FunctionRollup(db: db).bounds() == window
        return try functionTable(
          db, fromRollup: fromRollup, filter: filter, sort: sort, ascending: ascending,
          window: window, offset: offset, limit: limit)
      }
    }
  }

  /// The function table from the rollups or, with `fromRollup` false, aggregated from
  /// scratch for `window` (tests compare the two).
  func functionTable(
    _ db: Database, fromRollup: Bool, filter: FunctionFilter, sort: FunctionSortKey,
    ascending: Bool, window: FunctionTableWindow, offset: Int, limit: Int
  ) throws -> [FunctionTableRow] {
    let where_ = functionWhere(filter)
    let direction = ascending ? "ASC" : "DESC"
    let order: String =
      switch sort {
      case .name: "f.name \(direction)"
      case .tenant: "t.name \(direction)"
      case .region: "f.region \(direction)"
      case .runtime: "COALESCE(f.runtime, '') \(direction)"
      case .findings: "COALESCE(o.c4 * 1000 + o.c3 * 100 + o.c2 * 10 + o.c1, 0) \(direction)"
      case .invocations: "COALESCE(a.invocations, 0) \(direction)"
      case .errors: "COALESCE(a.errors, 0) \(direction)"
      case .cost: "COALESCE(a.cost, 0) \(direction)"
      case .lastAlert: "COALESCE(a.last_alert, 0) \(direction)"
      }
    let sources: (prefix: String, open: String, activity: String)
    var binds: [SQLValue] = []
    if fromRollup {
      sources = ("", "function_open_findings", "function_activity")
    } else {
      let open = FunctionRollupSchema.openStates
      sources = (
        """
        WITH w AS (SELECT ? AS metrics_from, ? AS metrics_to, ? AS cost_from, ? AS cost_to),
        open_now (function_arn, tenant_id, c0, c1, c2, c3, c4) AS (
          SELECT function_arn, tenant_id,
            \((0...4).map { "SUM(severity = \($0))" }.joined(separator: ", "))
          FROM findings WHERE function_arn IS NOT NULL AND state IN (\(open))
          GROUP BY function_arn, tenant_id),
        activity_now (function_arn, invocations, errors, cost, last_alert) AS (
          SELECT f.arn, \(FunctionRollupSchema.activityColumns(costIndexHint: CostActivitySchema.hint))
          FROM functions f CROSS JOIN w LEFT JOIN function_keys k ON k.arn = f.arn)

        """, "open_now", "activity_now"
      )
      binds = [
        .integer(window.metricsFrom), .integer(window.metricsTo), .integer(window.costFrom),
        .integer(window.costTo),
      ]
    }
    let sql = """
      \(sources.prefix)SELECT f.name, t.name, f.region, f.arn, f.runtime,
        COALESCE(o.c4, 0), COALESCE(o.c3, 0), COALESCE(o.c2, 0), COALESCE(o.c1, 0),
        COALESCE(o.c0, 0), COALESCE(a.invocations, 0), COALESCE(a.errors, 0), a.cost,
        a.last_alert
      FROM functions f JOIN tenants t ON t.id = f.tenant_id
      LEFT JOIN \(sources.open) o ON o.function_arn = f.arn AND o.tenant_id = f.tenant_id
      LEFT JOIN \(sources.activity) a ON a.function_arn = f.arn\(where_.sql)
      ORDER BY \(order), t.name, f.name, f.arn LIMIT ? OFFSET ?
      """
    binds += where_.binds + [.integer(Int64(max(0, limit))), .integer(Int64(max(0, offset)))]
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

  /// The findings filter. With `inRankOrder`, the state term is kept off the state index
  /// (`+x.state`), so a page sorted worst first walks `findings_by_rank` and stops after
  /// `offset + limit` rows instead of sorting every match (the open states are most of a
  /// store).
  func findingWhere(_ filter: FindingFilter, inRankOrder: Bool = false) -> SQLFilter {
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
    where_.oneOf(
      inRankOrder ? "+x.state" : "x.state",
      filter.states.map { $0.map(\.rawValue).sorted().map { .text($0) } })
    where_.oneOf("x.source", filter.sources.map { $0.sorted().map { .text($0) } })
    let wallNow = EpochSeconds(Date().timeIntervalSince1970)
    let horizons = [filter.expiringBy, filter.expiringWithin.map { wallNow + $0 }].compactMap { $0 }
    if let by = horizons.min() {
      let closed = TriageState.allCases.filter { !$0.isOpen }.map { "'\($0.rawValue)'" }
      where_.add(
        "x.state IN (\(closed.joined(separator: ", "))) AND x.state_until IS NOT NULL "
          + "AND x.state_until <= ?", [.integer(by)])
    }
    if let changes = filter.changes {
      let (sql, binds) = ChangeSQL(window: changes.window).findingClause(kinds: changes.kinds)
      where_.add(sql, binds)
    }
    if let text = filter.text, !text.isEmpty {
      let pattern = SQLValue.text(likePattern(containing: text))
      where_.add(
        """
        (x.title LIKE ? ESCAPE '\\' OR x.resource LIKE ? ESCAPE '\\' OR x.rule_id LIKE ? ESCAPE '\\'
          OR x.description LIKE ? ESCAPE '\\'
          OR x.function_arn IN (SELECT arn FROM functions WHERE name LIKE ? ESCAPE '\\'))
        """, Array(repeating: pattern, count: 5))
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
      let where_ = findingWhere(filter, inRankOrder: sort == .severity && !ascending)
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
      // The tie-break alone when it is the sort: a repeated `x.severity` term makes SQLite
      // sort the rank index's output again ("temp b-tree for right part of ORDER BY").
      let tieBreak = "x.severity DESC, x.last_seen DESC, x.id"
      let orderBy = sort == .severity && !ascending ? tieBreak : "\(order), \(tieBreak)"
      return try db.prepare(
        """
        SELECT \(Self.findingRowColumns)
        FROM findings x JOIN tenants t ON t.id = x.tenant_id\(where_.sql)
        ORDER BY \(orderBy) LIMIT ? OFFSET ?
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
    where_.oneOf(
      "a.severity", filter.severities.map { $0.sorted().map { .integer(Int64($0.rank)) } })
    if let name = filter.functionName, !name.isEmpty {
      where_.add(
        "a.function_arn IN (SELECT arn FROM functions WHERE name LIKE ? ESCAPE '\\')",
        [.text(likePattern(containing: name))])
    }
    if let text = filter.text, !text.isEmpty {
      let pattern = SQLValue.text(likePattern(containing: text))
      where_.add(
        "(a.title LIKE ? ESCAPE '\\' OR a.detail LIKE ? ESCAPE '\\' OR a.kind LIKE ? ESCAPE '\\')",
        [pattern, pattern, pattern])
    }
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

  /// Rows `offset ..< offset+limit` of the alerts matching `filter`, ordered by `sort`
  /// (default: newest first), ties by start (newest first) and id.
  public func alertTable(
    filter: AlertFilter = AlertFilter(), sort: AlertSortKey = .start, ascending: Bool = false,
    offset: Int, limit: Int
  ) throws -> [AlertRow] {
    try connection.withDatabase { db in
      let where_ = alertWhere(filter)
      return try db.prepare(
        """
        SELECT a.id, a.account, t.name, a.function_arn, a.kind, a.severity, a.start_at,
          a.end_at, a.title, a.detail, a.source
        FROM alerts a JOIN tenants t ON t.id = a.tenant_id\(where_.sql)
        ORDER BY \(sort.orderBy(ascending: ascending)), a.id LIMIT ? OFFSET ?
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
