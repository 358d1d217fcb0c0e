import Testing
import WardModel

@testable import WardStore

@Suite struct MetricTests {
  @Test func metricsMergeColumnsAndANullKeepsTheStoredValue() throws {
    let store = try TempStore().open()
    let arn = T.arn("orders")
    try store.apply(
      T.batch {
        $0.metrics = [MetricSample(functionArn: arn, hour: T.hour0, invocations: 10, errors: 1)]
      }, now: T.now)
    let s = try store.apply(
      T.batch {
        $0.metrics = [
          MetricSample(functionArn: arn, hour: T.hour0, errors: 2, durationP99: 812),
          MetricSample(functionArn: arn, hour: T.hour0 + 3600, invocations: 3),
        ]
      }, now: T.now)
    #expect(s[.metrics].updated == 1)
    #expect(s[.metrics].inserted == 1)
    let series = try store.metricSeries(functionArn: arn, from: T.hour0, to: T.hour0 + 7200)
    #expect(
      series == [
        MetricSample(functionArn: arn, hour: T.hour0, invocations: 10, errors: 2, durationP99: 812),
        MetricSample(functionArn: arn, hour: T.hour0 + 3600, invocations: 3),
      ])
    #expect(
      try store.metricSeries(functionArn: arn, from: T.hour0 + 3600, to: T.hour0 + 3601).count == 1)
  }

  @Test func metricsForAnUnknownFunctionAreKept() throws {
    let store = try TempStore().open()
    let arn = T.arn("not-in-inventory")
    try store.apply(
      T.batch { $0.metrics = [MetricSample(functionArn: arn, hour: T.hour0, invocations: 1)] },
      now: T.now)
    #expect(try store.metricSeries(functionArn: arn, from: 0, to: .max).count == 1)
    #expect(try store.functions().rows.isEmpty)
  }
}
