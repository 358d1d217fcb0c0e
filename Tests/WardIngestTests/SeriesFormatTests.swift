import Foundation
import Testing
import WardModel

@testable import WardIngest

@Suite struct SeriesFormatTests {
  let context = ImportContext(account: "111122223333", region: "eu-west-1", functionName: "orders")
  var arn: String { context.functionArn! }

  @Test func metricDataByCollectIdsFillsZerosForCounts() throws {
    let json = """
      {"MetricDataResults":[
       {"Id":"invocations","Label":"Invocations","Timestamps":["2025-06-01T02:00:00+00:00","2025-06-01T00:00:00+00:00"],"Values":[10.0,5.0],"StatusCode":"Complete"},
       {"Id":"errors","Label":"Errors","Timestamps":[],"Values":[],"StatusCode":"Complete"},
       {"Id":"duration_p99","Label":"Duration","Timestamps":[1748739600],"Values":[812.5],"StatusCode":"Complete"}],
       "Messages":[]}
      """
    let batch = try Fixture.read(json: json, context: context)
    #expect(batch.metrics.count == 3)
    let h0 = UTC.parse("2025-06-01T00:00:00Z")!
    #expect(batch.metrics[0] == MetricSample(functionArn: arn, hour: h0, invocations: 5, errors: 0))
    #expect(
      batch.metrics[1]
        == MetricSample(
          functionArn: arn, hour: h0 + 3600, invocations: 0, errors: 0, durationP99: 812.5))
    #expect(batch.metrics[2].invocations == 10)
    #expect(batch.metrics[2].durationP99 == nil)
  }

  @Test func subHourPointsAggregateAndDynamicLabelsNameTheFunction() throws {
    let json = """
      {"MetricDataResults":[
       {"Id":"m1","Label":"payments Invocations","Timestamps":["2025-06-01T00:50:00Z","2025-06-01T00:10:00Z"],"Values":[3,4]},
       {"Id":"m2","Label":"payments Duration","Timestamps":["2025-06-01T00:50:00Z","2025-06-01T00:10:00Z"],"Values":[100,300]},
       {"Id":"duration_max","Label":"payments Duration","Timestamps":["2025-06-01T00:50:00Z","2025-06-01T00:10:00Z"],"Values":[100,300]}]}
      """
    let batch = try Fixture.read(
      json: json, context: ImportContext(account: "111122223333", region: "eu-west-1"))
    let s = try #require(batch.metrics.first)
    #expect(batch.metrics.count == 1)
    #expect(s.functionArn == "arn:aws:lambda:eu-west-1:111122223333:function:payments")
    #expect(s.invocations == 7)
    #expect(s.durationAvg == 200)
    #expect(s.durationMax == 300)
  }

  @Test func nonLambdaMetricsAreRefused() throws {
    let e = try #require(
      Fixture.error(
        Array(
          try String(
            contentsOfFile: Fixture.path("real/aws-cli/cloudwatch_get-metric-data.example1.json"),
            encoding: .utf8
          ).utf8),
        name: "m.json", context: context))
    #expect(e.description.hasPrefix("m.json: $ at 1:1: no AWS/Lambda metric recognised"))
    #expect(
      Fixture.error(
        Array(
          try String(
            contentsOfFile: Fixture.path(
              "real/aws-cli/cloudwatch_get-metric-statistics.example1.json"), encoding: .utf8
          ).utf8),
        context: context) != nil)
  }

  @Test func custodianMetricStatistics() throws {
    let batch = try Fixture.read(
      "real/cloud-custodian/tests/data/placebo/test_lambda_policy_metrics/monitoring.GetMetricStatistics_1.json",
      context: context)
    #expect(batch.format == "aws-cloudwatch-get-metric-statistics")
    #expect(batch.metrics.first?.errors == 0)
    #expect(batch.metrics.first?.hour == UTC.parse("2016-05-30T10:00:00Z"))
    let other = try Fixture.read(
      "real/cloud-custodian/tests/data/placebo/test_aws_lambda_set_concurrency_expr/monitoring.GetMetricStatistics_1.json",
      context: context)
    #expect(!other.metrics.isEmpty)
  }

  @Test func costExplorerDocsExampleWithTagGroups() throws {
    let batch = try Fixture.read(
      "real/aws-cli/ce_get-cost-and-usage.example1.json", context: context)
    #expect(batch.costs.count == 2)
    #expect(batch.costs[0].service == "Amazon Simple Storage Service")
    #expect(batch.costs[0].amount == 40.3543773134)  // UnblendedCost preferred
    #expect(batch.costs[0].day == UTC.parse("2017-09-01"))
    #expect(batch.costs[0].account == "111122223333")
    #expect(batch.costs[0].function == nil)  // Environment tag is not a function tag
  }

  @Test func costByLinkedAccountAndFunctionTag() throws {
    let json = """
      {"GroupDefinitions":[{"Type":"DIMENSION","Key":"LINKED_ACCOUNT"},{"Type":"TAG","Key":"Function"}],
       "ResultsByTime":[{"TimePeriod":{"Start":"2025-06-01","End":"2025-06-02"},"Total":{},"Estimated":true,
        "Groups":[{"Keys":["444455556666","Function$orders"],"Metrics":{"BlendedCost":{"Amount":"1.5","Unit":"USD"},"AmortizedCost":{"Amount":"1.25","Unit":"USD"}}},
                  {"Keys":["444455556666","Function$"],"Metrics":{"UnblendedCost":{"Amount":"0","Unit":"USD"}}}]},
        {"TimePeriod":{"Start":"2025-06-02","End":"2025-06-03"},"Total":{"UnblendedCost":{"Amount":"9.5","Unit":"USD"}},"Groups":[]}]}
      """
    let batch = try Fixture.read(json: json)
    #expect(batch.costs.count == 3)
    #expect(
      batch.costs[0]
        == CostSample(
          account: "444455556666", service: "AWS Lambda", function: "orders",
          day: UTC.parse("2025-06-01")!, amount: 1.25))
    #expect(batch.costs[1].function == nil)
    #expect(batch.costs[2].service == "Total")
    #expect(batch.costs[2].amount == 9.5)
  }
}
