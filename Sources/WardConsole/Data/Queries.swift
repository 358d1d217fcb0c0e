import WardModel
import WardStore

/// A read the console asks its data source for. Every list query names one window of
/// rows, never a whole table.
public enum Query: Sendable, Hashable {
  case clock
  case tenantNames
  case overview
  case functions(FunctionsQuery)
  case functionDetail(arn: String)
  case findings(FindingsQuery)
  case findingDetail(id: String)
  /// The id and version of every finding matching the filter (read a page at a time, at
  /// most ``ConsoleDataSource/markLimit``), for `*`.
  case findingVersions(FindingFilter)
  case alerts(AlertsQuery)
  case costs
  /// What changed in a window, per tenant (`:changes`).
  case changes(ChangeWindow)
  /// What `u` would undo for this operator (how many findings), before asking.
  case lastTriageBatch(Operator)
}

/// One window of the functions table.
public struct FunctionsQuery: Sendable, Hashable {
  public var tenant: String?
  public var text: String?
  public var sort: FunctionSortKey
  public var ascending: Bool
  public var offset: Int
  public var limit: Int
}

/// One window of the findings table.
public struct FindingsQuery: Sendable, Hashable {
  public var filter: FindingFilter
  public var sort: FindingSortKey
  public var ascending: Bool
  public var offset: Int
  public var limit: Int
}

/// One window of the alert timeline.
public struct AlertsQuery: Sendable, Hashable {
  public var filter: AlertFilter
  public var sort: AlertSortKey
  public var ascending: Bool
  public var offset: Int
  public var limit: Int
}

/// A tenant's line on the overview.
public struct TenantOverview: Sendable, Hashable {
  public var summary: TenantSummary
  /// Posture score 0–100 (see ``PostureScore``).
  public var score: Int
  /// Invocations per 24 h, the last 7 × 24 h up to the newest metric hour, oldest first.
  public var invocationsDaily: [Double]
  /// Account-level cost per day, the last 7 days, oldest first.
  public var costDaily: [Double]
  public var activeAlerts: Int
}

/// A function list row with its runtime's lifecycle stage (nil when supported or unknown).
public struct FunctionListRow: Sendable, Hashable {
  public var row: FunctionTableRow
  public var runtimeStatus: String?
}

/// Everything the function detail screen shows.
public struct FunctionDetailData: Sendable, Hashable {
  public var inventory: FunctionInventory?
  public var runtimeStatus: String?
  /// Its findings, worst first (first 200).
  public var findings: [FindingRow]
  /// Hourly metrics of the last 30 days, oldest first.
  public var metrics: [MetricSample]
  /// Daily cost of the last 30 days, oldest first.
  public var dailyCost: [DailyCost]
  /// Its alerts, newest first (first 200).
  public var alerts: [AlertRow]
}

/// A finding with its history, for the detail pane.
public struct FindingDetailData: Sendable, Hashable {
  public var finding: StoredFinding?
  /// Every audit event of the finding (state changes and notes), oldest first.
  public var history: [AuditEvent]
}

/// A tenant's cost line.
public struct TenantCost: Sendable, Hashable {
  public var tenant: String
  /// The last 30 days, oldest first.
  public var daily: [Double]
  /// The last 4 weeks (7-day sums), oldest first.
  public var weekly: [Double]
  public var currency: String
}

/// A function's week-over-week cost change.
public struct CostMover: Sendable, Hashable {
  public var tenant: String
  /// The account billed; with ``function`` it names one function (names repeat across
  /// accounts).
  public var account: String
  /// The function as the cost data names it (a name or an ARN).
  public var function: String
  /// The functions in the store this cost belongs to (account and name or ARN), sorted;
  /// empty when the store has no such function, more than one when the name repeats across
  /// regions of the account.
  public var functionArns: [String] = []
  public var thisWeek: Double
  public var lastWeek: Double
  public var change: Double { thisWeek - lastWeek }
}

/// The costs screen's data.
public struct CostsData: Sendable, Hashable {
  public var tenants: [TenantCost]
  /// Biggest absolute week-over-week changes first (top 50).
  public var movers: [CostMover]
}

/// What a query returned.
public enum LoadResult: Sendable, Hashable {
  case clock(DataClock)
  case tenantNames([String])
  case overview([TenantOverview])
  case functions(FunctionsQuery, total: Int, rows: [FunctionListRow])
  case functionDetail(FunctionDetailData)
  case findings(FindingsQuery, total: Int, rows: [FindingRow])
  case findingDetail(FindingDetailData)
  /// The findings matching `filter` with their versions; `total` counts all matches, which
  /// may exceed `targets.count` when the mark limit was reached.
  case findingVersions(FindingFilter, targets: [TriageTarget], total: Int)
  case alerts(AlertsQuery, total: Int, rows: [AlertRow])
  case costs(CostsData)
  case changes(ChangeReport)
  /// The operator's last undoable triage action; nil: nothing to undo.
  case lastTriageBatch(Operator, TriageBatchSummary?)
  case failure(String)
}
