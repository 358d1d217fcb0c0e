import Testing
import WardModel

@testable import WardStore

@Suite struct ApplyTests {
  static func fullBatch() -> ImportBatch {
    T.batch { b in
      b.functions = [T.function("orders"), T.function("billing", account: "444455556666")]
      b.functionPatches = [
        FunctionPatch(functionArn: T.arn("orders"), change: .reservedConcurrency(5)),
        FunctionPatch(functionArn: T.arn("ghost"), change: .reservedConcurrency(1)),
      ]
      b.policies = [
        FunctionPolicy(
          functionArn: T.arn("orders"),
          statements: [
            PolicyStatement(
              functionArn: T.arn("orders"), sid: "pub", effect: "Allow", principals: ["*"],
              actions: ["lambda:InvokeFunctionUrl"], functionUrlAuthType: "NONE")
          ])
      ]
      b.urlConfigs = [
        FunctionURLConfig(
          functionArn: T.arn("orders"), url: "https://x.lambda-url", authType: "NONE")
      ]
      b.triggers = [
        Trigger(
          id: "uuid-1", functionArn: T.arn("orders"),
          sourceArn: "arn:aws:sqs:eu-west-1:111122223333:q")
      ]
      b.metrics = (0..<24).map {
        MetricSample(
          functionArn: T.arn("orders"), hour: T.hour0 + Int64($0) * 3600, invocations: 10)
      }
      b.costs = [
        CostSample(
          account: "111122223333", service: "AWS Lambda", day: UTC.dayFloor(T.now), amount: 1.5)
      ]
      b.findings = [T.finding("f1"), T.finding("f2", severity: .critical)]
      b.alerts = [
        Alert(
          id: "a1", account: "111122223333", functionArn: T.arn("orders"), kind: "error-burst",
          severity: .high, start: T.now - 7200, end: nil, title: "Errors", detail: "12 vs 1")
      ]
    }
  }

  @Test func reapplyingTheSameBatchChangesNothing() throws {
    let temp = TempStore()
    let store = try temp.open()
    let first = try store.apply(Self.fullBatch(), now: T.now)
    #expect(first[.functions].inserted == 2)
    #expect(first[.patches].updated == 1)
    #expect(first[.patches].skipped == 1)
    #expect(first[.metrics].inserted == 24)
    #expect(first[.findings].inserted == 2)

    let raw = RawConnection(path: temp.path)
    let before = raw.snapshot()
    let dataVersion = raw.int("PRAGMA data_version")
    let second = try store.apply(Self.fullBatch(), now: T.now + 60)
    #expect(second.totalChanged == 0, "\(second)")
    #expect(second[.functions].unchanged == 2)
    #expect(second[.metrics].unchanged == 24)
    #expect(second[.findings].unchanged == 2)
    #expect(raw.snapshot() == before)
    #expect(raw.int("PRAGMA data_version") == dataVersion)
  }

  @Test func inventoryRoundTripsThroughTheStore() throws {
    let temp = TempStore()
    let store = try temp.open()
    try store.apply(Self.fullBatch(), now: T.now)
    let inv = try #require(try store.function(arn: T.arn("orders")))
    var expected = T.function("orders")
    expected.reservedConcurrency = 5
    #expect(inv.function == expected)
    #expect(inv.tenant == "111122223333")
    #expect(inv.policy.first?.isPublicPrincipal == true)
    #expect(inv.url?.isPublic == true)
    #expect(inv.triggers.map(\.id) == ["uuid-1"])
    #expect(try store.inventory().count == 2)
    #expect(try store.inventory(tenant: "444455556666").map(\.function.name) == ["billing"])
  }

  @Test func inventoryReimportKeepsPatchedAspects() throws {
    let store = try TempStore().open()
    try store.apply(Self.fullBatch(), now: T.now)
    let again = try store.apply(T.batch { $0.functions = [T.function("orders")] }, now: T.now)
    #expect(again.totalChanged == 0)
    #expect(try store.function(arn: T.arn("orders"))?.function.reservedConcurrency == 5)
    try store.apply(
      T.batch {
        $0.functionPatches = [
          FunctionPatch(functionArn: T.arn("orders"), change: .reservedConcurrency(nil))
        ]
      }, now: T.now)
    #expect(try store.function(arn: T.arn("orders"))?.function.reservedConcurrency == nil)
  }

  /// Three code-signing states: not collected, collected with none, attached; an inventory
  /// re-import (which carries no code-signing field) keeps the collected state.
  @Test func codeSigningStateIsKeptAcrossInventoryReimport() throws {
    let store = try TempStore().open()
    try store.apply(T.batch { $0.functions = [T.function("orders")] }, now: T.now)
    var f = try #require(try store.function(arn: T.arn("orders"))?.function)
    #expect(!f.codeSigningKnown && f.codeSigningConfigArn == nil)
    let none = T.batch {
      $0.functionPatches = [
        FunctionPatch(functionArn: T.arn("orders"), change: .codeSigning(configArn: nil))
      ]
    }
    #expect(try store.apply(none, now: T.now).totalChanged == 1)
    #expect(try store.apply(none, now: T.now).totalChanged == 0)
    try store.apply(T.batch { $0.functions = [T.function("orders")] }, now: T.now)
    f = try #require(try store.function(arn: T.arn("orders"))?.function)
    #expect(f.codeSigningKnown && f.codeSigningConfigArn == nil)
    let csc = "arn:aws:lambda:eu-west-1:111122223333:code-signing-config:csc-1"
    try store.apply(
      T.batch {
        $0.functionPatches = [
          FunctionPatch(functionArn: T.arn("orders"), change: .codeSigning(configArn: csc))
        ]
      }, now: T.now)
    f = try #require(try store.function(arn: T.arn("orders"))?.function)
    #expect(f.codeSigningKnown && f.codeSigningConfigArn == csc)
  }

  @Test func withoutPolicyAndWithoutURLClearThem() throws {
    let store = try TempStore().open()
    try store.apply(Self.fullBatch(), now: T.now)
    let summary = try store.apply(
      T.batch {
        $0.functionsWithoutPolicy = [T.arn("orders")]
        $0.functionsWithoutURL = [T.arn("orders")]
      }, now: T.now)
    #expect(summary[.policies].updated == 1)
    #expect(summary[.urls].resolved == 1)
    let inv = try #require(try store.function(arn: T.arn("orders")))
    #expect(inv.policy.isEmpty)
    #expect(inv.url == nil)
  }

  @Test func aFailingBatchLeavesTheStoreUnchanged() throws {
    let temp = TempStore()
    let store = try temp.open()
    try store.apply(Self.fullBatch(), now: T.now)
    let raw = RawConnection(path: temp.path)
    // Inject a constraint violation that fires on the last kind the batch writes.
    raw.exec(
      """
      CREATE TRIGGER injected_failure BEFORE INSERT ON alerts WHEN NEW.kind = 'boom'
      BEGIN SELECT RAISE(ABORT, 'injected failure'); END;
      """)
    let before = raw.snapshot()
    var bad = Self.fullBatch()
    bad.functions.append(T.function("payments"))
    bad.findings.append(T.finding("f3"))
    bad.findings[0].lastSeen = T.now
    bad.metrics.append(MetricSample(functionArn: T.arn("payments"), hour: T.hour0, errors: 1))
    bad.alerts.append(
      Alert(
        id: "a-boom", account: "111122223333", functionArn: nil, kind: "boom", severity: .low,
        start: T.now, end: nil, title: "x", detail: ""))
    #expect {
      try store.apply(bad, now: T.now)
    } throws: { error in
      guard case StoreError.sqlite(_, let message, _) = error else { return false }
      return message.contains("injected failure")
    }
    #expect(raw.snapshot() == before)
  }

  @Test func costsAndAlertsUpsertByKey() throws {
    let store = try TempStore().open()
    try store.apply(Self.fullBatch(), now: T.now)
    var batch = Self.fullBatch()
    batch.costs[0].amount = 2.0
    batch.alerts[0].end = T.now
    let s = try store.apply(batch, now: T.now)
    #expect(s[.costs].updated == 1)
    #expect(s[.alerts].updated == 1)
    let day = UTC.dayFloor(T.now)
    #expect(
      try store.costSeries(tenant: "111122223333", from: day, to: day + UTC.day)
        == [DailyCost(day: day, amount: 2.0)])
    #expect(try store.alerts().rows.map(\.alert.end) == [T.now])
  }
}
