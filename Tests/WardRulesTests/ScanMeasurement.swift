import Foundation
import Testing
import WardModel
import WardRules

/// Synthetic estate: `count` functions in 60 tenants, each with 720 hours of metrics
/// (series arrays shared between functions to keep memory flat at 100×).
func syntheticEstate(functions count: Int) -> ScanInput {
  let tenants = (0..<60).map { Tenant(name: "t\($0)", accounts: [String(100_000_000_000 + $0)]) }
  let series = (0..<16).map { calmSeries(seed: UInt64($0 + 1)) }
  var functions: [FunctionInventory] = []
  var metrics: [String: [MetricSample]] = [:]
  functions.reserveCapacity(count)
  for i in 0..<count {
    let t = tenants[i % tenants.count]
    var inv = Fx.clean("f\(i)", account: t.accounts[0], tenant: t.name)
    if i % 3 == 0 { inv.url = Fx.url(inv) }
    if i % 5 == 0 { inv.function.runtime = "python3.8" }
    if i % 7 == 0 {
      inv.function.environment = [Fx.variable("DB_PASSWORD", .namedCredential)]
    }
    functions.append(inv)
    metrics[inv.function.arn] = series[i % series.count]
  }
  return ScanInput(tenants: tenants, functions: functions, metrics: metrics, now: Fx.now)
}

/// Not a timed test: prints scan medians at 1×, 10×, 100× of 660 functions × 720 h.
/// Run with `WARD_MEASURE=1 swift test -c release --filter scanMeasurement`.
@Test(.enabled(if: ProcessInfo.processInfo.environment["WARD_MEASURE"] != nil))
func scanMeasurement() {
  for (factor, runs) in [(1, 7), (10, 5), (100, 3)] {
    let input = syntheticEstate(functions: 660 * factor)
    var times: [Double] = []
    var findings = 0
    var alerts = 0
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      let result = Scanner.scan(input)
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
      findings = result.findings.count
      alerts = result.alerts.count
    }
    times.sort()
    print(
      "scan \(660 * factor) functions × 720 h: median \(times[times.count / 2]) ms over \(runs) runs (min \(times[0]), max \(times[times.count - 1])); \(findings) findings, \(alerts) alerts"
    )
    #expect(findings > 0)
  }
}
