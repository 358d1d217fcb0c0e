import Foundation
import Testing
import WardModel
import WardRules
import WardStore

/// `ward scan` streams metrics and costs function by function; these tests check that it
/// writes exactly what the whole-store scan wrote before it streamed: the oracle below loads
/// the scan input the old way (every function's series in memory, one query per function)
/// and runs `Scanner.scan` on it, and the built binary's results in the store must match it
/// finding for finding (id, severity, evidence) and alert for alert (id, function, account,
/// severity, start, detail).
@Suite struct StreamedScanTests {
  @Test func streamedScanOfTheDemoStoreMatchesTheWholeStoreScan() throws {
    let path = try DemoFixture.storePath.get()
    try expectStoreMatchesWholeStoreScan(path)
  }

  @Test func streamedScanOfAScaleTierWithSharedNamesMatchesTheWholeStoreScan() throws {
    let dir = try TempDir("ward-streamed-scan")
    defer { dir.cleanup() }
    let data = dir.file("data")
    let store = dir.file("posture.db")
    _ = try ScaleTier.generate(
      into: data, accounts: 10, functionsPerAccount: 8, findings: 0, costDays: 30, seed: 3)
    try #require(try ward(["import", "--quiet", "--store", store, data]).status == 0)
    try #require(try ward(["scan", "--store", store]).status == 0)
    try expectStoreMatchesWholeStoreScan(store)
  }
}

/// Compares the scan results stored at `path` with the oracle's.
private func expectStoreMatchesWholeStoreScan(_ path: String) throws {
  let expected = try wholeStoreScan(path)
  try #require(!expected.findings.isEmpty)
  let stored = try sqliteJSON(
    path,
    """
    SELECT id, severity, evidence FROM findings
    WHERE source = 'ward' AND state <> 'resolved' ORDER BY id
    """)
  let storedFindings = stored.map {
    "\($0["id"] ?? "") \($0["severity"] ?? "") \($0["evidence"] ?? "")"
  }
  let expectedFindings = expected.findings.map {
    "\($0.id) \($0.severity.rank) \($0.evidence)"
  }.sorted()
  #expect(storedFindings.count == expectedFindings.count)
  #expect(storedFindings == expectedFindings)

  let alerts = try sqliteJSON(
    path,
    """
    SELECT id, function_arn, account, severity, start_at, detail FROM alerts
    WHERE source = 'ward' ORDER BY id
    """)
  let storedAlerts = alerts.map {
    "\($0["id"] ?? "") \($0["function_arn"] ?? "-") \($0["account"] ?? "-") "
      + "\($0["severity"] ?? "") \($0["start_at"] ?? "") \($0["detail"] ?? "")"
  }
  let expectedAlerts = expected.alerts.map {
    "\($0.id) \($0.functionArn ?? "-") \($0.account ?? "-") \($0.severity.rank) \($0.start) "
      + "\($0.detail)"
  }.sorted()
  #expect(storedAlerts == expectedAlerts)
}

/// The scan as it was before streaming (the oracle): every function's metrics loaded with
/// one query each, every cost row in memory, then `Scanner.scan` over the whole input.
private func wholeStoreScan(_ path: String) throws -> ScanResult {
  let store = try PostureStore(path: path, mode: .readOnly)
  let tenants = try store.tenants().map {
    Tenant(name: $0.name, accounts: $0.accounts, labels: $0.labels)
  }
  let functions = try store.inventory()
  let lastHour = try #require(try store.latestMetricHour())
  let now = lastHour + UTC.hour
  var metrics: [String: [MetricSample]] = [:]
  for inventory in functions {
    let series = try store.metricSeries(
      functionArn: inventory.function.arn, from: now - 30 * UTC.day, to: now)
    if !series.isEmpty { metrics[inventory.function.arn] = series }
  }
  let lastDay = try #require(try store.latestCostDay())
  let costFrom = lastDay - 89 * UTC.day
  let costTo = lastDay + UTC.day
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
  return Scanner.scan(
    ScanInput(
      tenants: tenants, functions: functions, metrics: metrics, functionCosts: functionCosts,
      tenantCosts: tenantCosts, now: now))
}

/// Rows of a read-only `sqlite3 -json` query, every value as text.
private func sqliteJSON(_ path: String, _ sql: String) throws -> [[String: String]] {
  let result = try run("/usr/bin/env", ["sqlite3", "-readonly", "-json", path, sql])
  try #require(result.status == 0, "sqlite3: \(result.stderr)")
  if result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return [] }
  return try jsonArray(result.stdout).map { row in
    row.mapValues { value in
      if let n = value as? NSNumber { return n.stringValue }
      return value as? String ?? ""
    }
  }
}
