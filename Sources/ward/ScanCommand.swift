import ArgumentParser
import Foundation
import WardModel
import WardRules
import WardStore

/// `ward scan`: runs Ward's rules and detectors over the store and writes what they find.
struct ScanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scan",
    abstract: "Run Ward's posture rules and anomaly detectors over the store.",
    discussion: """
      Findings are upserted with source `ward`; a rule that stops firing resolves its finding \
      (recorded by `scan`). Detectors look at the last 30 days of hourly metrics and 90 days of \
      daily cost, ending at the newest data in the store.
      """)

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var policyOption: PolicyOption

  func run() throws {
    let policy = try policyOption.load()
    let store = try openStore(storeOptions.path, mode: .readWrite)
    let started = Date()
    let outcome = try WardScan(
      store: store, policy: policy, operatorName: OperatorIdentity.current(option: nil).name
    ).run()
    let elapsed = Date().timeIntervalSince(started)
    printLine(
      "scanned \(outcome.functions) functions: \(outcome.findings) findings, \(outcome.alerts) alerts; "
        + "\(outcome.summary.totalChanged) records changed"
        + (policy == nil ? "" : ", \(outcome.summary.policyChanges) by the policy")
        + " (\(String(format: "%.2f", elapsed)) s)")
  }
}

/// Streams the scan input from the store, runs the rules and detectors function by
/// function, writes the results.
///
/// Memory is bounded by the inventory and the results, not by the series: metrics arrive in
/// one ordered query, one function at a time, and per-function cost one account at a time
/// (`forEachFunctionMetrics`, `forEachAccountFunctionCosts`); each function is evaluated as
/// its rows arrive. The findings and alerts are those `Scanner.scan` gives for the whole
/// store loaded at once (`StreamedScanTests` checks that).
struct WardScan {
  let store: PostureStore
  /// Applied to every finding in the scan's transaction (`--policy`).
  var policy: TriagePolicy? = nil
  /// Who runs the scan, recorded on its run (`ward changes --runs`).
  var operatorName = "scan"

  struct Outcome {
    var functions: Int
    var findings: Int
    var alerts: Int
    var summary: ApplySummary
  }

  func run(now wallClock: EpochSeconds = EpochSeconds(Date().timeIntervalSince1970)) throws
    -> Outcome
  {
    let tenants = try store.tenants().map {
      Tenant(name: $0.name, accounts: $0.accounts, labels: $0.labels)
    }
    let functions = try store.inventory()
    // Windows end at the newest data, so a stale or demo collection still scans its last 30 days.
    let lastHour = try store.latestMetricHour() ?? UTC.hourFloor(wallClock)
    let now = min(wallClock, lastHour + UTC.hour)
    let scanner = FunctionScanner(tenants: tenants, functions: functions, now: now)
    var indexByArn: [String: Int] = [:]
    for (i, f) in functions.enumerated() { indexByArn[f.function.arn] = i }
    var findingsByFunction = [[Finding]?](repeating: nil, count: functions.count)
    var alerts: [Alert] = []
    try store.forEachFunctionMetrics(from: now - 30 * UTC.day, to: now) { arn, samples in
      guard let i = indexByArn[arn] else { return }
      findingsByFunction[i] = scanner.findings(of: functions[i], metrics: samples)
      alerts += scanner.alerts(
        functionArn: arn, account: functions[i].function.account, metrics: samples)
    }
    for i in functions.indices where findingsByFunction[i] == nil {
      findingsByFunction[i] = scanner.findings(of: functions[i], metrics: [])
    }
    let findings = functions.indices
      .sorted { functions[$0].function.arn < functions[$1].function.arn }
      .flatMap { findingsByFunction[$0] ?? [] }
    findingsByFunction = []

    let lastDay = try store.latestCostDay() ?? UTC.dayFloor(wallClock)
    let costFrom = lastDay - 89 * UTC.day
    let costTo = lastDay + UTC.day
    var arnByAccountAndName: [String: String] = [:]
    for f in functions {
      arnByAccountAndName[f.function.account + "\u{0}" + f.function.name] = f.function.arn
    }
    try store.forEachAccountFunctionCosts(from: costFrom, to: costTo) { group in
      alerts += functionCostAlerts(group, arnByAccountAndName: arnByAccountAndName, now: now)
    }
    var tenantCosts: [String: [CostSample]] = [:]
    for row in try store.costs(filter: CostFilter(from: costFrom, to: costTo)) {
      tenantCosts[row.tenant, default: []].append(
        CostSample(
          account: nil, service: "Total", day: row.day, amount: row.amount, currency: row.currency))
    }
    alerts += CostDetectors.detectTenants(tenantCosts, now: now)
    alerts = Scanner.sortedAlerts(alerts)
    let run = try store.startRun(.scan, operatorName: operatorName, now: wallClock)
    let summary = try store.applyScan(
      findings: findings, alerts: alerts, policy: policy, run: run, now: wallClock)
    try store.finishRun(
      run, summary: summary, now: max(wallClock, EpochSeconds(Date().timeIntervalSince1970)))
    return Outcome(
      functions: functions.count, findings: findings.count, alerts: alerts.count,
      summary: summary)
  }

  /// Cost anomalies of one account's functions. Cost rows name a function by name or ARN; a
  /// name means the function of that name in the row's own account (names repeat across
  /// accounts and tenants).
  private func functionCostAlerts(
    _ group: AccountFunctionCosts, arnByAccountAndName: [String: String], now: EpochSeconds
  ) -> [Alert] {
    var samplesByKey: [String: [CostSample]] = [:]
    var keys: [String] = []
    for row in group.rows {
      guard let fn = row.function else { continue }
      let key =
        ARN(fn) != nil
        ? fn
        : arnByAccountAndName[row.account + "\u{0}" + fn] ?? "\(fn) in account \(row.account)"
      if samplesByKey[key] == nil { keys.append(key) }
      samplesByKey[key, default: []].append(
        CostSample(
          account: row.account, service: "AWS Lambda", function: fn, day: row.day,
          amount: row.amount, currency: row.currency))
    }
    return keys.flatMap {
      CostDetectors.detectFunction(key: $0, samples: samplesByKey[$0] ?? [], now: now)
    }
  }
}

/// `ward rules`: the catalogue of Ward's own rules.
struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules", abstract: "List Ward's posture rules (docs/rules.md has the rationale).")

  @OptionGroup var formatOptions: FormatOptions

  func run() throws {
    let records = RuleCatalogue.entries.map { e in
      Record([
        ("id", .string(e.id)), ("category", .string(e.category.id)),
        ("severity", .string(e.severity.rawValue)),
        ("title", .string(e.title)), ("remediation", .string(e.remediation)),
      ])
    }
    printRecords(
      records, keys: ["id", "category", "severity", "title", "remediation"],
      format: formatOptions.format,
      tableColumns: ["id", "category", "severity", "title"])
  }
}
