import Testing
import WardModel

@testable import WardStore

/// The per-function rollups behind the console's function table must always equal the
/// from-scratch aggregates.
@Suite struct FunctionRollupTests {
  static let accounts = ["111122223333", "444455556666", "777788889999"]
  static let names = (0..<12).map { "fn\($0)" }

  /// Random imports (inventory, metrics, costs, alerts, findings), triage, tenant moves
  /// and scans. Amounts are multiples of 1/4 so sums are exact in any order.
  static func churn(_ store: PostureStore, seed: UInt64, steps: Int, check: () throws -> Void)
    throws
  {
    var rng = SeededGenerator(seed: seed)
    func account() -> String { accounts.randomElement(using: &rng)! }
    func name() -> String { names.randomElement(using: &rng)! }
    var newestHour = T.hour0
    for step in 0..<steps {
      let now = T.now + Int64(step) * 60
      switch Int.random(in: 0..<12, using: &rng) {
      case 0..<2:
        let functions = (0..<Int.random(in: 1...4, using: &rng)).map { _ in
          T.function(name(), account: account())
        }
        try store.apply(T.batch { $0.functions = functions }, now: now)
      case 2..<4:
        if Int.random(in: 0..<3, using: &rng) == 0 { newestHour += 3600 }
        let metrics = (0..<Int.random(in: 1...30, using: &rng)).map { _ in
          MetricSample(
            functionArn: T.arn(name(), account: account()),
            hour: newestHour - 3600 * Int64.random(in: 0..<40, using: &rng),
            invocations: Double(Int.random(in: 0..<100, using: &rng)),
            errors: Bool.random(using: &rng) ? Double(Int.random(in: 0..<5, using: &rng)) : nil)
        }
        try store.apply(T.batch { $0.metrics = metrics }, now: now)
      case 4..<6:
        let costs = (0..<Int.random(in: 1...10, using: &rng)).map { _ in
          let a = account()
          let n = name()
          let function: String? =
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: n
            case 1: T.arn(n, account: a)
            default: nil
            }
          return CostSample(
            account: a, service: "AWS Lambda", function: function,
            day: UTC.dayFloor(newestHour) - UTC.day * Int64.random(in: -1..<40, using: &rng),
            amount: Double(Int.random(in: 0..<400, using: &rng)) / 4)
        }
        try store.apply(T.batch { $0.costs = costs }, now: now)
      case 6:
        let alerts = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
          let a = account()
          return Alert(
            id: "a\(Int.random(in: 0..<20, using: &rng))", account: a,
            functionArn: T.arn(name(), account: a), kind: "error-burst", severity: .high,
            start: newestHour - 3600 * Int64.random(in: 0..<100, using: &rng), end: nil,
            title: "t", detail: "d")
        }
        if Bool.random(using: &rng) {
          try store.apply(T.batch { $0.alerts = alerts }, now: now)
        } else {
          try store.applyScan(findings: [], alerts: alerts, now: now)
        }
      case 7..<9:
        let findings = (0..<Int.random(in: 1...15, using: &rng)).map { _ in
          T.finding(
            "f\(Int.random(in: 0..<80, using: &rng))", account: account(),
            function: Int.random(in: 0..<6, using: &rng) == 0 ? nil : name(),
            severity: Severity.allCases.randomElement(using: &rng)!, seen: now,
            compliance: Int.random(in: 0..<5, using: &rng) == 0 ? .passed : .failed)
        }
        try store.apply(T.batch { $0.findings = findings }, now: now)
      case 9:
        let id = "f\(Int.random(in: 0..<80, using: &rng))"
        guard let f = try store.finding(id: id) else { continue }
        let state = TriageState.allCases.randomElement(using: &rng)!
        // Only a closed state may carry an expiry.
        _ = try store.setState(
          findingId: id, to: state, reason: "r", note: nil, until: state.isOpen ? nil : now + 300,
          by: Operator(name: "op"), expectedVersion: f.triage.version, now: now)
      case 10:
        try store.apply(
          T.batch {
            $0.tenants = [
              Tenant(name: ["acme", "globex"].randomElement(using: &rng)!, accounts: [account()])
            ]
          }, now: now)
      default:
        try store.applyScan(findings: [], alerts: [], now: now)
      }
      if step % 10 == 9 { try check() }
    }
    try check()
  }

  /// The window the console's clock gives an unscoped store.
  static func consoleWindow(_ store: PostureStore) throws -> PostureStore.FunctionTableWindow {
    let metricsTo = (try store.latestMetricHour() ?? 0) + 3600
    let costTo =
      (try store.latestCostDay() ?? UTC.dayFloor(try store.latestMetricHour() ?? 0)) + UTC.day
    return .init(
      metricsFrom: metricsTo - UTC.day, metricsTo: metricsTo, costFrom: costTo - 30 * UTC.day,
      costTo: costTo)
  }

  static func table(
    _ store: PostureStore, fromRollup: Bool, sort: FunctionSortKey,
    window: PostureStore.FunctionTableWindow
  ) throws -> [FunctionTableRow] {
    try store.connection.withDatabase { db in
      try store.functionTable(
        db, fromRollup: fromRollup, filter: FunctionFilter(), sort: sort, ascending: false,
        window: window, offset: 0, limit: 10_000)
    }
  }

  @Test(arguments: [UInt64(3), 99, 2026])
  func rollupsEqualFromScratchAggregates(seed: UInt64) throws {
    let temp = TempStore()
    let store = try temp.open()
    let raw = RawConnection(path: temp.path)
    var compared = 0
    try Self.churn(store, seed: seed, steps: 200) {
      let open = raw.rows(
        """
        SELECT function_arn, tenant_id, SUM(severity = 0), SUM(severity = 1),
          SUM(severity = 2), SUM(severity = 3), SUM(severity = 4)
        FROM findings WHERE function_arn IS NOT NULL
          AND state IN ('new', 'acknowledged', 'in-progress')
        GROUP BY function_arn, tenant_id ORDER BY function_arn, tenant_id
        """)
      #expect(
        raw.rows("SELECT * FROM function_open_findings ORDER BY function_arn, tenant_id") == open)
      let window = try Self.consoleWindow(store)
      let bounds = try store.connection.withDatabase { try FunctionRollup(db: $0).bounds() }
      #expect(bounds == window, "the rollup covers the console's window")
      for sort in [FunctionSortKey.cost, .invocations, .findings, .lastAlert] {
        let fromRollup = try Self.table(store, fromRollup: true, sort: sort, window: window)
        let fromScratch = try Self.table(store, fromRollup: false, sort: sort, window: window)
        #expect(fromRollup == fromScratch, "sort \(sort)")
        compared += fromRollup.count
      }
      // The public read takes the rollup for this window and agrees too.
      #expect(
        try store.functionTable(
          sort: .cost, ascending: false, window: window, offset: 0, limit: 10_000)
          == Self.table(store, fromRollup: false, sort: .cost, window: window))
    }
    #expect(compared > 0)
    // The data really exercised every column.
    #expect(raw.int("SELECT COUNT(*) FROM function_activity WHERE invocations > 0") > 0)
    #expect(raw.int("SELECT COUNT(*) FROM function_activity WHERE cost IS NOT NULL") > 0)
    #expect(raw.int("SELECT COUNT(*) FROM function_activity WHERE last_alert IS NOT NULL") > 0)
    #expect(raw.int("SELECT COUNT(*) FROM function_open_findings") > 0)
  }

  @Test func anotherWindowIsAggregatedFromScratch() throws {
    let store = try TempStore().open()
    let arn = T.arn("orders")
    try store.apply(
      T.batch {
        $0.functions = [T.function("orders")]
        $0.metrics = (0..<48).map {
          MetricSample(functionArn: arn, hour: T.hour0 + Int64($0) * 3600, invocations: 1)
        }
      }, now: T.now)
    let newest = T.hour0 + 47 * 3600
    let window = PostureStore.FunctionTableWindow(
      metricsFrom: newest - 9 * 3600, metricsTo: newest - 3600, costFrom: 0, costTo: 1)
    let rows = try store.functionTable(window: window, offset: 0, limit: 10)
    #expect(rows.map(\.invocations) == [8])
    #expect(rows.map(\.cost) == [nil])
  }

  @Test func reapplyingMetricsCostsAndAlertsWritesNothing() throws {
    let temp = TempStore()
    let store = try temp.open()
    let arn = T.arn("orders")
    let batch = T.batch {
      $0.functions = [T.function("orders")]
      $0.metrics = [MetricSample(functionArn: arn, hour: T.hour0, invocations: 5, errors: 1)]
      $0.costs = [
        CostSample(
          account: "111122223333", service: "AWS Lambda", function: "orders",
          day: UTC.dayFloor(T.hour0), amount: 1.5)
      ]
      $0.alerts = [
        Alert(
          id: "a1", account: "111122223333", functionArn: arn, kind: "error-burst",
          severity: .high, start: T.hour0, end: nil, title: "t", detail: "d")
      ]
      $0.findings = [T.finding("f1")]
    }
    try store.apply(batch, now: T.now)
    let raw = RawConnection(path: temp.path)
    #expect(
      raw.rows("SELECT invocations, errors, cost FROM function_activity") == [
        ["5.0", "1.0", "1.5"]
      ])
    let before = raw.snapshot()
    let dataVersion = raw.int("PRAGMA data_version")
    try store.apply(batch, now: T.now + 60)
    try store.applyScan(findings: [], alerts: batch.alerts, now: T.now + 60)
    #expect(raw.snapshot() == before)
    #expect(raw.int("PRAGMA data_version") == dataVersion)
  }

  @Test func migratingAnOlderStoreFillsTheRollups() throws {
    let temp = TempStore()
    let store = try temp.open()
    try Self.churn(store, seed: 5, steps: 60) {}
    let raw = RawConnection(path: temp.path)
    let open = raw.rows("SELECT * FROM function_open_findings ORDER BY 1")
    let activity = raw.rows("SELECT * FROM function_activity ORDER BY 1")
    let window = raw.rows("SELECT * FROM function_activity_window")
    #expect(!open.isEmpty && !activity.isEmpty)
    raw.exec(
      """
      DROP VIEW function_activity_bounds; DROP TABLE function_activity_window;
      DROP TABLE function_activity; DROP TABLE function_open_findings;
      DROP TRIGGER function_open_findings_on_insert; DROP TRIGGER function_open_findings_on_delete;
      DROP TRIGGER function_open_findings_on_update; DROP TRIGGER function_activity_on_alert_insert;
      DROP TRIGGER function_activity_on_alert_delete; DROP TRIGGER function_activity_on_alert_update;
      """)
    raw.rewind(to: Schema.migrations.firstIndex(of: FunctionRollupSchema.migration)!)
    _ = try temp.open()
    #expect(raw.rows("SELECT * FROM function_open_findings ORDER BY 1") == open)
    #expect(raw.rows("SELECT * FROM function_activity ORDER BY 1") == activity)
    #expect(raw.rows("SELECT * FROM function_activity_window") == window)
  }
}
