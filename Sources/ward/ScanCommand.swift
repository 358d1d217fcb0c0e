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

  func run() throws {
    let store = try openStore(storeOptions.path, mode: .readWrite)
    let started = Date()
    let outcome = try WardScan(store: store).run()
    let elapsed = Date().timeIntervalSince(started)
    print(
      "scanned \(outcome.functions) functions: \(outcome.findings) findings, \(outcome.alerts) alerts; "
        + "\(outcome.summary.totalChanged) records changed (\(String(format: "%.2f", elapsed)) s)")
  }
}

/// Loads the scan input from the store, runs the rules, writes the results.
struct WardScan {
  let store: PostureStore

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
    var metrics: [String: [MetricSample]] = [:]
    for inventory in functions {
      let series = try store.metricSeries(
        functionArn: inventory.function.arn, from: now - 30 * UTC.day, to: now)
      if !series.isEmpty { metrics[inventory.function.arn] = series }
    }
    let lastDay = try store.latestCostDay() ?? UTC.dayFloor(wallClock)
    let costFrom = lastDay - 89 * UTC.day
    let costTo = lastDay + UTC.day
    // Cost rows name a function by name or ARN; a name means the function of that name in
    // the row's own account (names repeat across accounts and tenants).
    var arnByAccountAndName: [String: String] = [:]
    for f in functions {
      arnByAccountAndName[f.function.account + "\u{0}" + f.function.name] = f.function.arn
    }
    var functionCosts: [String: [CostSample]] = [:]
    for row in try store.functionCosts(from: costFrom, to: costTo) {
      guard let fn = row.function else { continue }
      let key =
        ARN(fn) != nil
        ? fn : arnByAccountAndName[row.account + "\u{0}" + fn] ?? "\(fn) in account \(row.account)"
      functionCosts[key, default: []].append(
        CostSample(
          account: row.account, service: "AWS Lambda", function: fn, day: row.day,
          amount: row.amount, currency: row.currency))
    }
    var tenantCosts: [String: [CostSample]] = [:]
    for row in try store.costs(filter: CostFilter(from: costFrom, to: costTo)) {
      tenantCosts[row.tenant, default: []].append(
        CostSample(
          account: nil, service: "Total", day: row.day, amount: row.amount, currency: row.currency))
    }
    let input = ScanInput(
      tenants: tenants, functions: functions, metrics: metrics, functionCosts: functionCosts,
      tenantCosts: tenantCosts, now: now)
    let result = Scanner.scan(input)
    let summary = try store.applyScan(
      findings: result.findings, alerts: result.alerts, now: wallClock)
    return Outcome(
      functions: functions.count, findings: result.findings.count, alerts: result.alerts.count,
      summary: summary)
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
