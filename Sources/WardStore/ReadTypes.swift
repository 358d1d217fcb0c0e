import WardModel

/// Where the next page starts: the sort key of the last row of the previous page.
/// Opaque to callers; pass it back as `after:`.
public struct PageCursor: Sendable, Hashable {
  let values: [SQLValue]
}

/// One page of rows and the cursor of the next page (nil at the end).
public struct Page<Row: Sendable>: Sendable {
  public var rows: [Row]
  public var next: PageCursor?
}

/// A tenant with its posture at a glance (read from the rollup, not from findings).
public struct TenantSummary: Sendable, Hashable {
  public var name: String
  public var accounts: [String]
  public var labels: [String: String]
  public var functionCount: Int
  /// Open findings (new, acknowledged, in-progress) by severity.
  public var openBySeverity: [Severity: Int]
  /// Open findings by category and severity.
  public var openByCategory: [Category: [Severity: Int]]

  /// Closed decisions (any closed state with an expiry) that lapse within
  /// ``expiryHorizon`` of now.
  public var expiringSoon = 0
  /// How far ahead the overview counts lapsing decisions: 14 days.
  public static let expiryHorizon: EpochSeconds = 14 * UTC.day

  /// All open findings.
  public var openTotal: Int { openBySeverity.values.reduce(0, +) }

  public init(
    name: String, accounts: [String], labels: [String: String], functionCount: Int,
    openBySeverity: [Severity: Int], openByCategory: [Category: [Severity: Int]]
  ) {
    self.name = name
    self.accounts = accounts
    self.labels = labels
    self.functionCount = functionCount
    self.openBySeverity = openBySeverity
    self.openByCategory = openByCategory
  }
}

/// Narrows `functions(filter:after:limit:)`. Nil fields do not filter.
public struct FunctionFilter: Sendable, Hashable {
  public var tenants: Set<String>?
  public var regions: Set<String>?
  public var runtimes: Set<String>?
  /// Case-insensitive substring of the function name.
  public var nameContains: String?

  public init(
    tenants: Set<String>? = nil, regions: Set<String>? = nil, runtimes: Set<String>? = nil,
    nameContains: String? = nil
  ) {
    self.tenants = tenants
    self.regions = regions
    self.runtimes = runtimes
    self.nameContains = nameContains
  }
}

/// A function in a list, with its open findings by severity.
public struct FunctionRow: Sendable, Hashable {
  public var name: String
  public var tenant: String
  public var account: String
  public var region: String
  public var arn: String
  public var runtime: String?
  public var memoryMB: Int?
  public var openBySeverity: [Severity: Int]
}

/// Narrows `findings(filter:after:limit:)`. Nil fields do not filter.
public struct FindingFilter: Sendable, Hashable {
  public var tenants: Set<String>?
  /// A function name or unqualified ARN.
  public var function: String?
  public var categories: Set<Category>?
  public var severities: Set<Severity>?
  public var states: Set<TriageState>?
  public var sources: Set<String>?
  /// Substring (case-insensitive) of the title, resource, rule id, description or the
  /// function's name.
  public var text: String?
  /// Only closed decisions that lapse at or before this instant (`--expiring 14d`).
  public var expiringBy: EpochSeconds? = nil
  /// Only closed decisions that lapse within this many seconds of the query's wall-clock
  /// time (the console's `expiring:14d`, which stays the same filter as time passes).
  public var expiringWithin: EpochSeconds? = nil
  /// Only findings that changed in a window (`changed:` and `since:` in the console).
  public var changes: ChangeSelection? = nil

  public init(
    tenants: Set<String>? = nil, function: String? = nil, categories: Set<Category>? = nil,
    severities: Set<Severity>? = nil, states: Set<TriageState>? = nil,
    sources: Set<String>? = nil, text: String? = nil
  ) {
    self.tenants = tenants
    self.function = function
    self.categories = categories
    self.severities = severities
    self.states = states
    self.sources = sources
    self.text = text
  }

  /// Only open findings (new, acknowledged, in-progress).
  public static var open: FindingFilter {
    FindingFilter(states: Set(TriageState.allCases.filter(\.isOpen)))
  }
}

/// A finding in a list.
public struct FindingRow: Sendable, Hashable {
  public var id: String
  public var tenant: String
  public var account: String?
  public var region: String?
  public var functionArn: String?
  public var resource: String
  public var category: Category
  public var severity: Severity
  public var title: String
  public var source: String
  public var ruleId: String
  public var state: TriageState
  public var firstSeen: EpochSeconds
  public var lastSeen: EpochSeconds
  /// Pass to `setState(expectedVersion:)`.
  public var version: Int64
  /// When the finding's closed decision lapses (it reopens as `new`); nil when it does not.
  public var until: EpochSeconds? = nil
}

/// The triage fields of a stored finding.
public struct TriageInfo: Sendable, Hashable {
  public var state: TriageState
  public var reason: String?
  public var note: String?
  public var until: EpochSeconds?
  /// `import`, `scan`, `expiry` or an operator name.
  public var by: String?
  public var at: EpochSeconds?
  public var version: Int64
}

/// A finding with its tenant and triage state.
public struct StoredFinding: Sendable, Hashable {
  public var finding: Finding
  public var tenant: String
  public var triage: TriageInfo
}

/// One entry of a finding's triage history.
public struct TriageEvent: Sendable, Hashable {
  public var at: EpochSeconds
  public var actor: String
  public var oldState: TriageState?
  public var newState: TriageState
  public var reason: String?
  public var note: String?
  public var until: EpochSeconds?
}

/// Narrows `alerts(filter:after:limit:)`.
public struct AlertFilter: Sendable, Hashable {
  public var tenants: Set<String>?
  public var functionArn: String?
  public var kinds: Set<String>?
  public var minimumSeverity: Severity?
  /// Alerts starting at or after this instant.
  public var since: EpochSeconds?
  /// Exactly these severities (the console's `sev:`).
  public var severities: Set<Severity>?
  /// Substring (case-insensitive) of the alert's function's name.
  public var functionName: String?
  /// Substring (case-insensitive) of the title, detail or kind.
  public var text: String?

  public init(
    tenants: Set<String>? = nil, functionArn: String? = nil, kinds: Set<String>? = nil,
    minimumSeverity: Severity? = nil, since: EpochSeconds? = nil,
    severities: Set<Severity>? = nil, functionName: String? = nil, text: String? = nil
  ) {
    self.tenants = tenants
    self.functionArn = functionArn
    self.kinds = kinds
    self.minimumSeverity = minimumSeverity
    self.since = since
    self.severities = severities
    self.functionName = functionName
    self.text = text
  }
}

/// An alert with the tenant it belongs to.
public struct AlertRow: Sendable, Hashable {
  public var alert: Alert
  public var tenant: String
}

/// Narrows `costs(filter:)`: a day range is required so a read never loads the table.
public struct CostFilter: Sendable, Hashable {
  public var tenants: Set<String>?
  /// Function name or ARN as the cost file named it.
  public var function: String?
  public var from: EpochSeconds
  /// Exclusive end.
  public var to: EpochSeconds

  public init(
    tenants: Set<String>? = nil, function: String? = nil, from: EpochSeconds, to: EpochSeconds
  ) {
    self.tenants = tenants
    self.function = function
    self.from = from
    self.to = to
  }
}

/// Cost of one day, per tenant and (when the file had it) per function.
public struct CostRow: Sendable, Hashable {
  public var tenant: String
  /// The account the cost was billed to. Function names repeat across accounts, so a
  /// function's cost is always matched by account and name (or ARN), never by name alone.
  public var account: String
  /// Nil for account/service-level cost.
  public var function: String?
  public var day: EpochSeconds
  public var amount: Double
  public var currency: String
}

/// One point of a daily cost series.
public struct DailyCost: Sendable, Hashable {
  public var day: EpochSeconds
  public var amount: Double
}
