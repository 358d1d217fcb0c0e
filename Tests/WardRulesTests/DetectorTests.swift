import Testing
import WardModel
import WardRules

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// 30 days of hourly metrics with a daily cycle (±60%) and noise, ending the hour before now.
func calmSeries(
  seed: UInt64, arn: String = Fx.arn("fn"), plant: (Int, inout MetricSample) -> Void = { _, _ in }
)
  -> [MetricSample]
{
  var rng = SplitMix64(state: seed)
  return Fx.hourly(arn, hours: 720) { i, h in
    let hod = Double((h / 3600) % 24)
    let base = 1000 * (1 + 0.6 * sin(2 * .pi * hod / 24))
    let inv = (base * (1 + 0.08 * rng.normal())).rounded()
    var m = MetricSample(
      functionArn: arn, hour: h, invocations: inv,
      errors: max(0, (2 + 1.5 * rng.normal()).rounded()), throttles: 0,
      durationAvg: 120 * (1 + 0.05 * rng.normal()), durationP99: 200 * (1 + 0.05 * rng.normal()),
      coldStarts: max(0, (5 + 2 * rng.normal()).rounded()))
    plant(i, &m)
    return m
  }
}

let plantedStart = 600
func hourAt(_ i: Int) -> EpochSeconds { UTC.hourFloor(Fx.now) - UTC.hour * EpochSeconds(720 - i) }

func detect(_ samples: [MetricSample]) -> [Alert] {
  MetricDetectors.detect(
    functionArn: Fx.arn("fn"), account: Fx.alphaAccount, samples: samples, now: Fx.now)
}

@Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
func calmDailyCycleRaisesNoAlert(seed: UInt64) {
  #expect(detect(calmSeries(seed: seed)).map(\.kind) == [])
}

/// A planted anomaly at hours 600..<600+hours is found once, at the right hour.
func expectSingleAlert(
  _ kind: String, hours: Int, seed: UInt64 = 42, plant: @escaping (inout MetricSample) -> Void
) throws {
  let samples = calmSeries(seed: seed) { i, m in
    if i >= plantedStart && i < plantedStart + hours { plant(&m) }
  }
  let alerts = detect(samples)
  #expect(alerts.map(\.kind) == [kind])
  let a = try #require(alerts.first)
  #expect(a.start == hourAt(plantedStart))
  #expect(a.end == hourAt(plantedStart + hours))
  #expect(a.id == StableID.make("alert", [kind, Fx.arn("fn"), String(hourAt(plantedStart))]))
  #expect(a.functionArn == Fx.arn("fn") && a.account == Fx.alphaAccount && a.source == "ward")
  #expect(a.detail.contains("baseline median"))
}

@Test func invocationSpikeIsFoundAtItsHour() throws {
  try expectSingleAlert(MetricDetectors.invocationSpike, hours: 3) { $0.invocations! *= 8 }
}

@Test func errorBurstIsFoundAtItsHour() throws {
  try expectSingleAlert(MetricDetectors.errorBurst, hours: 2) {
    $0.errors = ($0.invocations! * 0.3).rounded()
  }
}

@Test func throttleStormIsFoundAtItsHour() throws {
  try expectSingleAlert(MetricDetectors.throttleStorm, hours: 3) { $0.throttles = 500 }
}

@Test func durationRegressionIsFoundAtItsHour() throws {
  try expectSingleAlert(MetricDetectors.durationRegression, hours: 4) { $0.durationP99! *= 3 }
}

@Test func shortDurationBlipIsNotARegression() {
  let samples = calmSeries(seed: 42) { i, m in
    if i == plantedStart || i == plantedStart + 1 { m.durationP99! *= 3 }
  }
  #expect(detect(samples).isEmpty)
}

@Test func coldStartSurgeIsFoundAtItsHour() throws {
  try expectSingleAlert(MetricDetectors.coldStartSurge, hours: 2) { $0.coldStarts = 200 }
}

@Test func anomalyReachingTheNewestHourIsOngoing() throws {
  let samples = calmSeries(seed: 9) { i, m in if i >= 718 { m.invocations! *= 10 } }
  let a = try #require(detect(samples).first)
  #expect(a.kind == MetricDetectors.invocationSpike)
  #expect(a.start == hourAt(718))
  #expect(a.end == nil)
}

@Test func missingHoursCountAsZeroInvocations() {
  // A function that is idle at night (no datapoints) and busy by day: no alert.
  let samples = calmSeries(seed: 11).filter { (($0.hour / 3600) % 24) >= 8 }
  #expect(detect(samples).isEmpty)
}

/// 30 days of cost ending yesterday, weekends cheaper, with noise.
func dailyCost(
  seed: UInt64, level: Double, function: String? = nil, plant: (Int) -> Double? = { _ in nil }
) -> [CostSample] {
  var rng = SplitMix64(state: seed)
  let last = UTC.dayFloor(Fx.now) - UTC.day
  return (0..<30).map { i in
    let day = last - UTC.day * EpochSeconds(29 - i)
    let weekday = (day / UTC.day + 4) % 7  // 0 = Sunday
    let weekly = (weekday == 0 || weekday == 6) ? 0.7 : 1.0
    let amount = plant(i) ?? level * weekly * (1 + 0.05 * rng.normal())
    return CostSample(
      account: Fx.alphaAccount, service: "AWS Lambda", function: function, day: day,
      amount: amount)
  }
}

func dayAt(_ i: Int) -> EpochSeconds { UTC.dayFloor(Fx.now) - UTC.day * EpochSeconds(30 - i) }

@Test func functionCostAnomalyIsFoundOnItsDayAndResolvedToTheARN() throws {
  let fn = Fx.clean()
  let costs = ["fn": dailyCost(seed: 3, level: 10, function: "fn") { $0 == 25 ? 60 : nil }]
  let alerts = CostDetectors.detectFunctions(costs, functions: [fn.function], now: Fx.now)
  #expect(alerts.count == 1)
  let a = try #require(alerts.first)
  #expect(a.kind == CostDetectors.costAnomaly)
  #expect(a.functionArn == fn.function.arn)
  #expect(a.start == dayAt(25) && a.end == dayAt(26))
  #expect(a.id == StableID.make("alert", ["cost-anomaly", fn.function.arn, String(dayAt(25))]))
}

@Test func tenantCostSpikeIsDenialOfWallet() throws {
  let costs = ["alpha": dailyCost(seed: 5, level: 200) { $0 == 27 || $0 == 28 ? 1500 : nil }]
  let alerts = CostDetectors.detectTenants(costs, now: Fx.now)
  #expect(alerts.count == 1)
  let a = try #require(alerts.first)
  #expect(a.tenant == "alpha" && a.functionArn == nil)
  #expect(a.start == dayAt(27) && a.end == dayAt(29))
  #expect(a.severity == .medium)
  #expect(a.title.contains("denial of wallet"))
}

@Test(arguments: [UInt64(1), 2, 3, 4])
func calmCostRaisesNoAlert(seed: UInt64) {
  let costs = ["alpha": dailyCost(seed: seed, level: 200)]
  #expect(CostDetectors.detectTenants(costs, now: Fx.now).isEmpty)
  let fcosts = ["fn": dailyCost(seed: seed + 100, level: 3, function: "fn")]
  #expect(CostDetectors.detectFunctions(fcosts, functions: [], now: Fx.now).isEmpty)
}

@Test func scanRunsDetectorsOverInput() {
  let input = ScanInput(
    tenants: Fx.tenants, functions: [Fx.clean()],
    metrics: [Fx.arn("fn"): calmSeries(seed: 1) { i, m in if i == 650 { m.throttles = 900 } }],
    tenantCosts: ["alpha": dailyCost(seed: 2, level: 100) { $0 == 20 ? 900 : nil }], now: Fx.now)
  let kinds = Scanner.scan(input).alerts.map(\.kind)
  #expect(kinds == [CostDetectors.costAnomaly, MetricDetectors.throttleStorm])
}
