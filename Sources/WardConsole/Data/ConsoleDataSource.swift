import WardModel
import WardStore

/// Tells the lifecycle stage of a runtime at an instant, e.g. `deprecated`; nil when the
/// runtime is supported or unknown. The executable wires it to WardRules'
/// `RuntimeLifecycle` (WardConsole may not import WardRules).
public typealias RuntimeStatusProvider =
  @Sendable (_ runtime: String, _ at: EpochSeconds) ->
  String?

/// Runs ``Query`` values against a (scoped) store. The only place the console reads data.
public struct ConsoleDataSource: Sendable {
  public let store: PostureStore
  public let runtimeStatus: RuntimeStatusProvider?

  public init(store: PostureStore, runtimeStatus: RuntimeStatusProvider? = nil) {
    self.store = store
    self.runtimeStatus = runtimeStatus
  }

  /// Runs `query`; a store error becomes `.failure` so the screen can say so.
  public func run(_ query: Query, clock: DataClock) -> LoadResult {
    do {
      return try load(query, clock: clock)
    } catch {
      return .failure("store: \(error)")
    }
  }

  private func status(_ runtime: String?, clock: DataClock) -> String? {
    guard let runtime, let runtimeStatus else { return nil }
    return runtimeStatus(runtime, clock.now)
  }

  private func load(_ query: Query, clock: DataClock) throws -> LoadResult {
    switch query {
    case .clock:
      return .clock(
        DataClock(
          latestMetricHour: try store.latestMetricHour(), latestCostDay: try store.latestCostDay()))
    case .tenantNames:
      return .tenantNames(try store.tenants().map(\.name))
    case .overview:
      return .overview(try overview(clock: clock))
    case .functions(let q):
      let filter = FunctionFilter(
        tenants: q.tenant.map { [$0] }, nameContains: q.text?.isEmpty == false ? q.text : nil)
      let window = PostureStore.FunctionTableWindow(
        metricsFrom: clock.metricsEnd - UTC.day, metricsTo: clock.metricsEnd,
        costFrom: clock.costEnd - 30 * UTC.day, costTo: clock.costEnd)
      let total = try store.functionCount(filter: filter)
      let rows = try store.functionTable(
        filter: filter, sort: q.sort, ascending: q.ascending, window: window, offset: q.offset,
        limit: q.limit)
      return .functions(
        q, total: total,
        rows: rows.map { FunctionListRow(row: $0, runtimeStatus: status($0.runtime, clock: clock)) }
      )
    case .functionDetail(let arn):
      let inventory = try store.function(arn: arn)
      let end = clock.metricsEnd
      let findings = try store.findings(filter: FindingFilter(function: arn), limit: 200).rows
      let metrics = try store.metricSeries(functionArn: arn, from: end - 30 * UTC.day, to: end)
      var cost: [DailyCost] = []
      if let f = inventory?.function {
        let from = clock.costEnd - 30 * UTC.day
        cost = try store.functionCostSeries(of: f, from: from, to: clock.costEnd)
      }
      let alerts = try store.alerts(filter: AlertFilter(functionArn: arn), limit: 200).rows
      return .functionDetail(
        FunctionDetailData(
          inventory: inventory,
          runtimeStatus: status(inventory?.function.runtime, clock: clock), findings: findings,
          metrics: metrics, dailyCost: cost, alerts: alerts))
    case .findings(let q):
      let total = try store.findingCount(filter: q.filter)
      let rows = try store.findingTable(
        filter: q.filter, sort: q.sort, ascending: q.ascending, offset: q.offset, limit: q.limit)
      return .findings(q, total: total, rows: rows)
    case .findingDetail(let id):
      return .findingDetail(
        FindingDetailData(
          finding: try store.finding(id: id), history: try store.history(findingId: id)))
    case .findingVersions(let filter):
      return try findingVersions(filter)
    case .alerts(let q):
      return .alerts(
        q, total: try store.alertCount(filter: q.filter),
        rows: try store.alertTable(
          filter: q.filter, sort: q.sort, ascending: q.ascending, offset: q.offset,
          limit: q.limit))
    case .costs:
      return .costs(try costs(clock: clock))
    case .changes(let window):
      return .changes(try store.changes(window))
    case .lastTriageBatch(let actor):
      return .lastTriageBatch(actor, try store.lastTriageBatch(by: actor))
    }
  }

  /// Most findings `*` marks at once; beyond it the operator is asked to narrow the filter.
  public static let markLimit = 5000

  /// Ids and versions of the findings matching `filter`, by keyset pages of 500.
  private func findingVersions(_ filter: FindingFilter) throws -> LoadResult {
    var targets: [TriageTarget] = []
    var cursor: PageCursor?
    repeat {
      let page = try store.findings(
        filter: filter, after: cursor, limit: min(500, Self.markLimit - targets.count))
      targets += page.rows.map { TriageTarget(findingId: $0.id, expectedVersion: $0.version) }
      cursor = page.next
    } while cursor != nil && targets.count < Self.markLimit
    let total =
      targets.count < Self.markLimit ? targets.count : try store.findingCount(filter: filter)
    return .findingVersions(filter, targets: targets, total: total)
  }

  private func overview(clock: DataClock) throws -> [TenantOverview] {
    let days = (0..<7).map { clock.costEnd - EpochSeconds(7 - $0) * UTC.day }
    let metricDays = (0..<7).map {
      clock.metricsEnd - EpochSeconds(7 - $0) * UTC.day  // rolling 24 h windows
    }
    let invocations = try store.tenantDailyInvocations(
      from: metricDays[0], to: metricDays[6] + UTC.day)
    var cost: [String: [EpochSeconds: Double]] = [:]
    for row in try store.costs(filter: CostFilter(from: days[0], to: clock.costEnd)) {
      cost[row.tenant, default: [:]][row.day, default: 0] += row.amount
    }
    // Active, or ended within the last 7 days: an incident from yesterday still matters.
    let alerts = try store.activeAlertCounts(now: clock.now, since: clock.now - 7 * 86_400)
    return try store.tenants().map { t in
      TenantOverview(
        summary: t,
        score: PostureScore.score(openBySeverity: t.openBySeverity, functions: t.functionCount),
        invocationsDaily: metricDays.map { invocations[t.name]?[$0] ?? 0 },
        costDaily: days.map { cost[t.name]?[$0] ?? 0 }, activeAlerts: alerts[t.name] ?? 0)
    }
  }

  private func costs(clock: DataClock) throws -> CostsData {
    let end = clock.costEnd
    let days = (0..<30).map { end - EpochSeconds(30 - $0) * UTC.day }
    var byTenant: [String: [EpochSeconds: Double]] = [:]
    var currency: [String: String] = [:]
    for row in try store.costs(filter: CostFilter(from: days[0], to: end)) {
      byTenant[row.tenant, default: [:]][row.day, default: 0] += row.amount
      currency[row.tenant] = row.currency
    }
    let tenants = try store.tenants().map { t -> TenantCost in
      let daily = days.map { byTenant[t.name]?[$0] ?? 0 }
      let weekly = (0..<4).map { w in daily[(2 + w * 7)..<(2 + (w + 1) * 7)].reduce(0, +) }
      return TenantCost(
        tenant: t.name, daily: daily, weekly: weekly, currency: currency[t.name] ?? "USD")
    }
    var weeks:
      [String: (tenant: String, account: String, function: String, this: Double, last: Double)] =
        [:]
    for row in try store.functionCosts(from: end - 14 * UTC.day, to: end) {
      guard let function = row.function else { continue }
      // By account too: the same function name in two accounts is two functions.
      let key = row.tenant + "\u{0}" + row.account + "\u{0}" + function
      var entry = weeks[key] ?? (row.tenant, row.account, function, 0, 0)
      if row.day >= end - 7 * UTC.day { entry.this += row.amount } else { entry.last += row.amount }
      weeks[key] = entry
    }
    let movers = weeks.values
      .map {
        CostMover(
          tenant: $0.tenant, account: $0.account, function: $0.function, thisWeek: $0.this,
          lastWeek: $0.last)
      }
      .sorted {
        abs($0.change) != abs($1.change)
          ? abs($0.change) > abs($1.change) : $0.function < $1.function
      }
    // Only the movers shown are matched to their functions (Enter opens one).
    let shown = try movers.prefix(50).map { mover -> CostMover in
      var mover = mover
      mover.functionArns = try store.functionARNs(account: mover.account, nameOrArn: mover.function)
      return mover
    }
    return CostsData(tenants: tenants, movers: shown)
  }
}
