/// One function's invocation metrics for one hour.
///
/// Every metric is optional: one get-metric-data file may carry only some of them, and
/// the store merges columns. A metric absent from a file that asked for it counts as 0
/// (Lambda emits no datapoint for an empty period); importers fill those zeros.
public struct MetricSample: Sendable, Hashable, Codable {
  public var functionArn: String
  /// Start of the hour (epoch seconds, a multiple of 3600).
  public var hour: EpochSeconds
  public var invocations: Double?
  public var errors: Double?
  public var throttles: Double?
  /// Duration in milliseconds.
  public var durationAvg: Double?
  public var durationP99: Double?
  public var durationMax: Double?
  public var coldStarts: Double?
  public var maxConcurrency: Double?

  public init(
    functionArn: String, hour: EpochSeconds, invocations: Double? = nil, errors: Double? = nil,
    throttles: Double? = nil, durationAvg: Double? = nil, durationP99: Double? = nil,
    durationMax: Double? = nil, coldStarts: Double? = nil, maxConcurrency: Double? = nil
  ) {
    self.functionArn = functionArn
    self.hour = hour
    self.invocations = invocations
    self.errors = errors
    self.throttles = throttles
    self.durationAvg = durationAvg
    self.durationP99 = durationP99
    self.durationMax = durationMax
    self.coldStarts = coldStarts
    self.maxConcurrency = maxConcurrency
  }
}

/// Cost for one day, for one account and service, optionally one function.
public struct CostSample: Sendable, Hashable, Codable {
  /// Linked account, or nil when the file does not say (the import context supplies it).
  public var account: String?
  /// Service name as Cost Explorer prints it (e.g. `AWS Lambda`); `Total` when ungrouped.
  public var service: String
  /// Unqualified function ARN or function name when cost is per function (resource or tag
  /// grouping); nil for account- or service-level cost.
  public var function: String?
  /// Start of the UTC day.
  public var day: EpochSeconds
  public var amount: Double
  public var currency: String

  public init(
    account: String?, service: String, function: String? = nil, day: EpochSeconds,
    amount: Double, currency: String = "USD"
  ) {
    self.account = account
    self.service = service
    self.function = function
    self.day = day
    self.amount = amount
    self.currency = currency
  }
}

/// A time-bounded anomaly or incident on the alert timeline.
public struct Alert: Sendable, Hashable, Codable {
  /// Stable id (detector, subject and start), so re-running a detector is idempotent.
  public var id: String
  public var account: String?
  /// Tenant name, when an alert is about a whole tenant rather than one account.
  public var tenant: String?
  public var functionArn: String?
  /// Detector kind, e.g. `invocation-spike`, `error-burst`, `throttle-storm`,
  /// `duration-regression`, `cold-start-surge`, `cost-anomaly`.
  public var kind: String
  public var severity: Severity
  public var start: EpochSeconds
  /// End of the anomaly; nil while it is still going on.
  public var end: EpochSeconds?
  public var title: String
  /// The numbers behind it (observed, baseline, score), as text.
  public var detail: String
  /// Producer: `ward` for detectors, or an importer name.
  public var source: String

  public init(
    id: String, account: String?, tenant: String? = nil, functionArn: String?, kind: String,
    severity: Severity, start: EpochSeconds, end: EpochSeconds?, title: String, detail: String,
    source: String = "ward"
  ) {
    self.id = id
    self.account = account
    self.tenant = tenant
    self.functionArn = functionArn
    self.kind = kind
    self.severity = severity
    self.start = start
    self.end = end
    self.title = title
    self.detail = detail
    self.source = source
  }
}
