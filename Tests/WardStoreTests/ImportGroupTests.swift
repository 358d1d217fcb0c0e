import Testing
import WardModel

@testable import WardStore

/// Many files in one transaction (`withImportGroup`): each file is still all or nothing,
/// and the group's store is the store the files would give applied one by one.
@Suite struct ImportGroupTests {
  /// A second file: another account's function, a newer metric hour (moves the rollup
  /// window), cost filed under a function name that also exists in the first account.
  static func secondBatch() -> ImportBatch {
    T.batch { b in
      b.functions = [T.function("orders", account: "444455556666")]
      let arn = T.arn("orders", account: "444455556666")
      b.metrics = (0..<30).map {
        MetricSample(functionArn: arn, hour: T.hour0 + Int64($0) * 3600, invocations: 3, errors: 1)
      }
      b.costs = [
        CostSample(
          account: "444455556666", service: "AWS Lambda", function: "orders",
          day: UTC.dayFloor(T.now), amount: 2.25)
      ]
      b.findings = [T.finding("f9", severity: .high)]
    }
  }

  /// A file that fails on the last kind it writes, after writing every other kind.
  static func failingBatch() -> ImportBatch {
    var bad = ApplyTests.fullBatch()
    bad.functions.append(T.function("payments"))
    bad.findings.append(T.finding("f3"))
    bad.metrics.append(MetricSample(functionArn: T.arn("payments"), hour: T.hour0, errors: 1))
    bad.costs.append(
      CostSample(
        account: "111122223333", service: "AWS Lambda", function: "payments",
        day: UTC.dayFloor(T.now), amount: 9))
    bad.alerts.append(
      Alert(
        id: "a-boom", account: "111122223333", functionArn: nil, kind: "boom", severity: .low,
        start: T.now, end: nil, title: "x", detail: ""))
    return bad
  }

  static let injectFailure = """
    CREATE TRIGGER injected_failure BEFORE INSERT ON alerts WHEN NEW.kind = 'boom'
    BEGIN SELECT RAISE(ABORT, 'injected failure'); END;
    """

  @Test func aBadFileInsideAGroupRollsBackAloneAndTheRestEqualsFileByFile() throws {
    let reference = TempStore()
    let one = try reference.open()
    RawConnection(path: reference.path).exec(Self.injectFailure)
    try one.apply(ApplyTests.fullBatch(), now: T.now)
    try one.apply(Self.secondBatch(), now: T.now)

    let grouped = TempStore()
    let store = try grouped.open()
    RawConnection(path: grouped.path).exec(Self.injectFailure)
    var failure: String? = nil
    let summaries = try store.withImportGroup(now: T.now) { group in
      var out: [ApplySummary] = []
      out.append(try group.apply(ApplyTests.fullBatch()))
      do {
        _ = try group.apply(Self.failingBatch())
      } catch StoreError.sqlite(_, let message, _) {
        failure = message
      }
      out.append(try group.apply(Self.secondBatch()))
      return out
    }
    #expect(failure?.contains("injected failure") == true)
    #expect(summaries.count == 2)
    #expect(summaries[0][.functions].inserted == 2)
    #expect(summaries[1][.findings].inserted == 1)
    let raw = RawConnection(path: grouped.path)
    #expect(raw.int("SELECT COUNT(*) FROM functions WHERE name = 'payments'") == 0)
    #expect(raw.int("SELECT COUNT(*) FROM findings WHERE id = 'f3'") == 0)
    #expect(raw.int("SELECT COUNT(*) FROM costs WHERE function = 'payments'") == 0)
    // Same rows in every table, the rollups included: deferring the rollup refresh to the
    // end of the group gives what refreshing after each file gave.
    #expect(raw.snapshot() == RawConnection(path: reference.path).snapshot())
    #expect(raw.int("SELECT COUNT(*) FROM function_activity WHERE cost = 2.25") == 1)
  }

  @Test func theRefreshOfCostByAccountLeavesNothingAFullRefreshWouldChange() throws {
    let temp = TempStore()
    let store = try temp.open()
    try store.withImportGroup(now: T.now) { group in
      _ = try group.apply(ApplyTests.fullBatch())
      _ = try group.apply(Self.secondBatch())
    }
    // A third file: more cost for `orders` in the second account only.
    var more = Self.secondBatch()
    more.costs[0].day -= 86_400
    more.costs[0].amount = 1
    try store.apply(more, now: T.now)
    let raw = RawConnection(path: temp.path)
    let before = raw.rows("SELECT * FROM function_activity ORDER BY function_arn")
    raw.exec(FunctionRollupSchema.refreshSQL(filter: "1 = 1"))
    #expect(raw.rows("SELECT * FROM function_activity ORDER BY function_arn") == before)
    #expect(raw.int("SELECT COUNT(*) FROM function_activity WHERE cost = 3.25") == 1)
  }

  @Test func theDataHourInsideAGroupIncludesItsOwnFiles() throws {
    let temp = TempStore()
    let store = try temp.open()
    let hour = try store.withImportGroup(now: T.now) { group in
      _ = try group.apply(Self.secondBatch())
      return try group.latestMetricHour()
    }
    #expect(hour == T.hour0 + 29 * 3600)
    #expect(try store.latestMetricHour() == hour)
  }

  @Test func theRuntimeRefreshReadsCostThroughTheAccountFunctionDayIndex() throws {
    let temp = TempStore()
    let store = try temp.open()
    try store.apply(ApplyTests.fullBatch(), now: T.now)
    let raw = RawConnection(path: temp.path)
    for filter in ["1 = 1", "f.arn IN (SELECT value FROM json_each(?))"] {
      let plan = raw.rows(
        "EXPLAIN QUERY PLAN " + FunctionRollupSchema.runtimeRefreshSQL(filter: filter)
      ).map { $0.last ?? "" }
      #expect(
        plan.contains { $0.contains("SEARCH c USING INDEX costs_by_account_function_day") },
        "\(plan)")
      #expect(!plan.contains { $0.hasPrefix("SCAN c") }, "\(plan)")
    }
  }
}
