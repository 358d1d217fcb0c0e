import WardModel

/// Runs Ward's rules over the inventory and its detectors over metrics and cost.
public enum Scanner {
  /// Scans with every catalogue rule and the bundled runtime lifecycle table.
  public static func scan(_ input: ScanInput) -> ScanResult {
    scan(input, rules: RuleCatalogue.all, lifecycle: .bundled)
  }

  /// Scans with the given rules and lifecycle table (tests, alternative tables).
  public static func scan(
    _ input: ScanInput, rules: [any Rule], lifecycle: RuntimeLifecycle
  ) -> ScanResult {
    ScanResult(
      findings: findings(input, rules: rules, lifecycle: lifecycle), alerts: alerts(input))
  }

  /// Posture findings: one per rule and function it fires on, sorted by function then rule.
  public static func findings(
    _ input: ScanInput, rules: [any Rule], lifecycle: RuntimeLifecycle
  ) -> [Finding] {
    let scanner = FunctionScanner(
      tenants: input.tenants, functions: input.functions, now: input.now, rules: rules,
      lifecycle: lifecycle)
    return input.functions.sorted(by: { $0.function.arn < $1.function.arn }).flatMap {
      scanner.findings(of: $0, metrics: input.metrics[$0.function.arn] ?? [])
    }
  }

  /// Alerts from every detector, sorted by start then id.
  public static func alerts(_ input: ScanInput) -> [Alert] {
    var accountByArn: [String: String] = [:]
    for inv in input.functions { accountByArn[inv.function.arn] = inv.function.account }
    let scanner = FunctionScanner(
      tenants: [], functions: [], now: input.now, rules: [], lifecycle: .bundled)
    var out: [Alert] = []
    for arn in input.metrics.keys.sorted() {
      out += scanner.alerts(
        functionArn: arn, account: accountByArn[arn], metrics: input.metrics[arn] ?? [])
    }
    out += CostDetectors.detectFunctions(
      input.functionCosts, functions: input.functions.map(\.function), now: input.now)
    out += CostDetectors.detectTenants(input.tenantCosts, now: input.now)
    return sortedAlerts(out)
  }

  /// Alerts in the order a scan reports them: by start, then id.
  public static func sortedAlerts(_ alerts: [Alert]) -> [Alert] {
    alerts.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
  }

  /// The finding a rule hit becomes.
  static func finding(_ entry: RuleEntry, _ hit: RuleHit, _ f: Function, now: EpochSeconds)
    -> Finding
  {
    Finding(
      id: StableID.make("ward", [entry.id, f.arn]), account: f.account, region: f.region,
      functionArn: f.arn, resource: f.arn, resourceType: "AwsLambdaFunction",
      category: entry.category, severity: hit.severity ?? entry.severity, title: entry.title,
      description: entry.rationale, remediation: entry.remediation, source: "ward",
      ruleId: entry.id, evidence: hit.evidence, firstSeen: now, lastSeen: now,
      compliance: .failed)
  }
}
