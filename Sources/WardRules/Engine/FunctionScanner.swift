import WardModel

/// Evaluates Ward's rules and metric detectors one function at a time, so a caller can
/// stream each function's metrics in and its results out instead of holding every series
/// of the store at once. `Scanner.scan` is this, applied to a whole `ScanInput`.
public struct FunctionScanner: Sendable {
  /// Scan-wide facts (tenants, shared roles and credentials); holds no metrics.
  public let context: RuleContext
  public let rules: [any Rule]

  /// A scanner over the whole inventory (the cross-tenant rules need every function).
  public init(
    tenants: [Tenant], functions: [FunctionInventory], now: EpochSeconds,
    rules: [any Rule] = RuleCatalogue.all, lifecycle: RuntimeLifecycle = .bundled
  ) {
    context = RuleContext(
      tenants: tenants, functions: functions, metrics: [:], now: now, lifecycle: lifecycle)
    self.rules = rules
  }

  /// The scan's clock.
  public var now: EpochSeconds { context.now }

  /// The findings of every rule that fires on `inventory`, in rule order, given this
  /// function's hourly metrics (any order; empty when it has none).
  public func findings(of inventory: FunctionInventory, metrics: [MetricSample]) -> [Finding] {
    let subject = RuleSubject(inventory: inventory, context: context, metrics: metrics)
    return rules.compactMap { rule in
      rule.evaluate(subject).map {
        Scanner.finding(rule.entry, $0, inventory.function, now: context.now)
      }
    }
  }

  /// The metric detectors' alerts for one function's hourly metrics.
  public func alerts(functionArn: String, account: String?, metrics: [MetricSample]) -> [Alert] {
    MetricDetectors.detect(
      functionArn: functionArn, account: account ?? ARN(functionArn)?.account, samples: metrics,
      now: context.now)
  }
}
