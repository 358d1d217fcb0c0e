import WardModel

/// Everything one scan reads: inventory and series in.
public struct ScanInput: Sendable {
  /// Tenants and the accounts they own.
  public var tenants: [Tenant]
  /// Every function's joined configuration and exposure.
  public var functions: [FunctionInventory]
  /// Hourly metrics by unqualified function ARN, in any order.
  public var metrics: [String: [MetricSample]]
  /// Daily cost by function ARN or function name.
  public var functionCosts: [String: [CostSample]]
  /// Daily cost by tenant name.
  public var tenantCosts: [String: [CostSample]]
  /// The scan's clock: findings are stamped with it and time windows end at it.
  public var now: EpochSeconds

  public init(
    tenants: [Tenant] = [], functions: [FunctionInventory] = [],
    metrics: [String: [MetricSample]] = [:], functionCosts: [String: [CostSample]] = [:],
    tenantCosts: [String: [CostSample]] = [:], now: EpochSeconds
  ) {
    self.tenants = tenants
    self.functions = functions
    self.metrics = metrics
    self.functionCosts = functionCosts
    self.tenantCosts = tenantCosts
    self.now = now
  }
}

/// What a scan produces: posture findings and time-bounded alerts.
public struct ScanResult: Sendable, Hashable {
  public var findings: [Finding]
  public var alerts: [Alert]

  public init(findings: [Finding] = [], alerts: [Alert] = []) {
    self.findings = findings
    self.alerts = alerts
  }
}
