import Testing
import WardModel

@testable import WardStore

/// Two tenants with one of everything each; a handle scoped to `acme` must see nothing of
/// `globex` through any public read, and no write may touch a `globex` finding.
@Suite struct ScopeIsolationTests {
  static let acme = "111122223333"
  static let globex = "444455556666"
  static let day0 = UTC.dayFloor(T.now) - 3 * UTC.day

  /// A store with tenants acme and globex, each with a function, findings (one triaged
  /// with a note), hourly metrics, tenant and function costs and an open alert.
  static func twoTenantStore() throws -> (TempStore, PostureStore) {
    let temp = TempStore()
    let store = try temp.open()
    let batch = T.batch { b in
      b.tenants = [
        Tenant(name: "acme", accounts: [acme]), Tenant(name: "globex", accounts: [globex]),
      ]
      for (account, fn) in [(acme, "orders"), (globex, "ledger")] {
        b.functions.append(T.function(fn, account: account))
        b.findings.append(T.finding("\(fn)-f1", account: account, function: fn))
        b.findings.append(
          T.finding("\(fn)-f2", account: account, function: fn, severity: .critical))
        for h in 0..<48 {
          b.metrics.append(
            MetricSample(
              functionArn: T.arn(fn, account: account), hour: T.hour0 + Int64(h) * 3600,
              invocations: 10, errors: 1))
        }
        for d in 0..<3 {
          let day = day0 + Int64(d) * UTC.day
          b.costs.append(CostSample(account: account, service: "Total", day: day, amount: 5))
          b.costs.append(
            CostSample(account: account, service: "AWS Lambda", function: fn, day: day, amount: 2))
        }
        b.apis.append(
          ApiInfo(apiId: "\(fn)-api", kind: .rest, name: "\(fn)-shop", account: account))
        b.apiRoutes.append(
          ApiRecords(
            apiId: "\(fn)-api", kind: .rest,
            records: [
              ApiRoute(
                method: "POST", path: "/\(fn)", authType: .none,
                functionArn: T.arn(fn, account: account))
            ]))
        b.apiStages.append(
          ApiRecords(
            apiId: "\(fn)-api", kind: .rest,
            records: [ApiStage(name: "prod", accessLogging: false, throttled: false)]))
        b.iamRoles.append(
          IAMRole(
            arn: "arn:aws:iam::\(account):role/\(fn)", name: fn, account: account,
            inlinePolicies: [
              IAMInlinePolicy(
                name: "\(fn)-data",
                document: IAMPolicyDocument(statements: [
                  IAMStatement(effect: .allow, actions: ["s3:*"], resources: ["*"])
                ]))
            ]))
        let bucket = "arn:aws:s3:::\(fn)-uploads"
        b.sourceLinks.append(
          SourceLinkSet(
            via: .s3Notification, owner: bucket,
            links: [
              SourceLink(
                sourceArn: bucket, functionArn: T.arn(fn, account: account), via: .s3Notification)
            ]))
        b.sourceFacts.append(SourceFact(sourceArn: bucket, change: .aclPublicGrants([])))
        b.alerts.append(
          Alert(
            id: "\(fn)-spike", account: account, functionArn: T.arn(fn, account: account),
            kind: "invocation-spike", severity: .high, start: T.now - 7200, end: nil,
            title: "spike \(fn)", detail: "d"))
      }
    }
    try store.apply(batch, now: T.now)
    let boss = Operator(name: "boss")
    for id in ["orders-f1", "ledger-f1"] {
      try store.setState(
        findingId: id, to: .acknowledged, reason: nil, note: "seen", until: nil, by: boss,
        expectedVersion: 1, now: T.now)
    }
    return (temp, store)
  }

  /// Every public read on an acme-scoped handle, as text, so one check covers them all.
  static func everyRead(_ s: PostureStore) throws -> [String: String] {
    let window = PostureStore.FunctionTableWindow(
      metricsFrom: 0, metricsTo: .max, costFrom: 0, costTo: .max)
    var out: [String: String] = [:]
    out["tenants"] = "\(try s.tenants())"
    out["functions"] = "\(try s.functions(limit: 1000).rows)"
    out["function(arn:)"] = "\(try s.function(arn: T.arn("ledger", account: globex)) as Any)"
    out["inventory"] = "\(try s.inventory())"
    out["inventory(tenant:)"] = "\(try s.inventory(tenant: "globex"))"
    out["findings"] = "\(try s.findings(limit: 1000).rows)"
    out["findings(tenants:)"] =
      "\(try s.findings(filter: FindingFilter(tenants: ["globex"]), limit: 1000).rows)"
    out["finding(id:)"] = "\(try s.finding(id: "ledger-f1") as Any)"
    out["alerts"] = "\(try s.alerts(limit: 1000).rows)"
    out["costs"] = "\(try s.costs(filter: CostFilter(from: 0, to: .max)))"
    out["costs(function:)"] =
      "\(try s.costs(filter: CostFilter(function: "ledger", from: 0, to: .max)))"
    out["costSeries(tenant:)"] = "\(try s.costSeries(tenant: "globex", from: 0, to: .max))"
    out["costSeries(function:)"] = "\(try s.costSeries(function: "ledger", from: 0, to: .max))"
    out["functionCosts"] = "\(try s.functionCosts(from: 0, to: .max))"
    out["functionCosts(function:)"] =
      "\(try s.functionCosts(function: "ledger", from: 0, to: .max))"
    out["metricSeries"] =
      "\(try s.metricSeries(functionArn: T.arn("ledger", account: globex), from: 0, to: .max))"
    out["latestCostDay"] = "\(try s.latestCostDay() as Any)"
    out["latestMetricHour"] = "\(try s.latestMetricHour() as Any)"
    out["functionCount"] = "\(try s.functionCount())"
    out["functionTable"] = "\(try s.functionTable(window: window, offset: 0, limit: 1000))"
    out["findingCount"] = "\(try s.findingCount())"
    out["findingTable"] = "\(try s.findingTable(offset: 0, limit: 1000))"
    out["findingTable(text:)"] =
      "\(try s.findingTable(filter: FindingFilter(text: "ledger"), offset: 0, limit: 1000))"
    out["alertCount"] = "\(try s.alertCount())"
    out["alertTable"] = "\(try s.alertTable(offset: 0, limit: 1000))"
    out["activeAlertCounts"] = "\(try s.activeAlertCounts(now: T.now))"
    out["tenantDailyInvocations"] = "\(try s.tenantDailyInvocations(from: 0, to: .max))"
    out["routes(forFunction:)"] =
      "\(try s.routes(forFunction: T.arn("ledger", account: globex)))"
    out["executionRole(forFunction:)"] =
      "\(try s.executionRole(forFunction: T.arn("ledger", account: globex)) as Any)"
    out["triggerSources(forFunction:)"] =
      "\(try s.triggerSources(forFunction: T.arn("ledger", account: globex)))"
    out["auditLog"] = "\(try s.auditLog())"
    out["history"] = "\(try s.history(findingId: "ledger-f1"))"
    out["findingHistory"] = "\(try s.findingHistory(id: "ledger-f1"))"
    return out
  }

  @Test func anUnscopedHandleSeesBothTenantsThroughEveryRead() throws {
    let (_, store) = try Self.twoTenantStore()
    let reads = try Self.everyRead(store)
    // The fixture really has globex rows for the reads that can show them.
    for name in [
      "tenants", "functions", "function(arn:)", "inventory", "findings", "finding(id:)", "alerts",
      "costs", "functionCosts", "functionTable", "findingTable", "alertTable", "activeAlertCounts",
      "tenantDailyInvocations", "auditLog", "history", "routes(forFunction:)",
      "executionRole(forFunction:)",
      "triggerSources(forFunction:)",
    ] {
      #expect(reads[name]!.contains("globex") || reads[name]!.contains("ledger"), "\(name)")
    }
    #expect(
      try store.metricSeries(functionArn: T.arn("ledger", account: Self.globex), from: 0, to: .max)
        .count == 48)
    #expect(try store.costSeries(function: "ledger", from: 0, to: .max).count == 3)
  }

  @Test func aScopedHandleSeesNothingOfAnotherTenantThroughAnyRead() throws {
    let (_, store) = try Self.twoTenantStore()
    let acmeOnly = store.scoped(to: .only(["acme"]))
    for (name, text) in try Self.everyRead(acmeOnly) {
      #expect(!text.contains("globex"), "\(name) shows globex: \(text.prefix(300))")
      #expect(!text.contains("ledger"), "\(name) shows globex's function: \(text.prefix(300))")
      #expect(!text.contains(Self.globex), "\(name) shows globex's account")
    }
    #expect(try acmeOnly.functionCount() == 1)
    #expect(try acmeOnly.findingCount() == 2)
    #expect(try acmeOnly.alertCount() == 1)
    #expect(try acmeOnly.activeAlertCounts(now: T.now) == ["acme": 1])
    #expect(try acmeOnly.costSeries(function: "ledger", from: 0, to: .max).isEmpty)
    #expect(try acmeOnly.costSeries(from: 0, to: .max).map(\.amount) == [5, 5, 5])
    #expect(Set(try acmeOnly.tenantDailyInvocations(from: T.hour0, to: .max).keys) == ["acme"])
    #expect(try acmeOnly.auditLog().allSatisfy { $0.findingId.hasPrefix("orders") })
    // The scoped handle still sees its own tenant through each read.
    #expect(try acmeOnly.functions().rows.map(\.name) == ["orders"])
    #expect(try acmeOnly.history(findingId: "orders-f1").count == 1)
    #expect(
      try acmeOnly.routes(forFunction: T.arn("orders", account: Self.acme)).map(\.label)
        == ["POST /orders on orders-shop (orders-api)"])
    #expect(
      try acmeOnly.executionRole(forFunction: T.arn("orders", account: Self.acme))?.role.name
        == "orders")
    #expect(
      try acmeOnly.triggerSources(forFunction: T.arn("orders", account: Self.acme)).map(\.sourceArn)
        == ["arn:aws:s3:::orders-uploads"])
  }

  @Test func anEmptyScopeSeesNothingAtAll() throws {
    let (_, store) = try Self.twoTenantStore()
    let none = store.scoped(to: .only([]))
    #expect(try none.tenants().isEmpty)
    #expect(try none.findingCount() == 0)
    #expect(try none.functionCount() == 0)
    #expect(try none.auditLog().isEmpty)
    #expect(try none.latestCostDay() == nil)
    #expect(try none.latestMetricHour() == nil)
  }

  @Test func aScopedHandleCannotTriageAnotherTenantsFinding() throws {
    let (temp, store) = try Self.twoTenantStore()
    let acmeOnly = store.scoped(to: .only(["acme"]))
    let eve = Operator(name: "eve")
    let raw = RawConnection(path: temp.path)
    let before = raw.snapshot()
    #expect(throws: StoreError.findingNotFound("ledger-f2")) {
      try acmeOnly.setState(
        findingId: "ledger-f2", to: .resolved, reason: "x", note: nil, until: nil, by: eve,
        expectedVersion: 1, now: T.now)
    }
    let bulk = try acmeOnly.setState(
      [TriageTarget(findingId: "ledger-f2", expectedVersion: 1)], to: .resolved, reason: "x",
      note: nil, until: nil, by: eve, now: T.now)
    #expect(bulk.map(\.outcome) == [.notFound])
    #expect(throws: StoreError.findingNotFound("ledger-f2")) {
      try acmeOnly.addNote(findingId: "ledger-f2", note: "hi", by: eve, now: T.now)
    }
    #expect(raw.snapshot() == before, "nothing was written")
  }

  @Test func undoOnAScopedHandleOnlyConsidersFindingsInScope() throws {
    let (_, store) = try Self.twoTenantStore()
    let mallory = Operator(name: "mallory")
    // mallory's latest triage is in globex; an acme handle must neither undo nor name it.
    try store.setState(
      findingId: "orders-f2", to: .acknowledged, reason: nil, note: nil, until: nil, by: mallory,
      expectedVersion: 1, now: T.now)
    try store.setState(
      findingId: "ledger-f2", to: .acknowledged, reason: nil, note: nil, until: nil, by: mallory,
      expectedVersion: 1, now: T.now + 1)
    let acmeOnly = store.scoped(to: .only(["acme"]))
    let undone = try acmeOnly.undoLastTriage(by: mallory, now: T.now + 2)
    #expect(undone.findingId == "orders-f2")
    #expect(try store.finding(id: "ledger-f2")?.triage.state == .acknowledged)
  }

  @Test func importAndScanAreRefusedOnAScopedHandle() throws {
    let (_, store) = try Self.twoTenantStore()
    let acmeOnly = store.scoped(to: .only(["acme"]))
    #expect(throws: StoreError.outOfScope("import")) {
      try acmeOnly.apply(T.batch { $0.findings = [T.finding("x")] }, now: T.now)
    }
    #expect(throws: StoreError.outOfScope("scan")) {
      try acmeOnly.applyScan(findings: [], alerts: [], now: T.now)
    }
  }

  @Test func functionTableCountsOnlyFindingsAndAlertsOfTheFunctionsTenant() throws {
    let (_, store) = try Self.twoTenantStore()
    // A globex finding and alert that name acme's function (a cross-tenant report).
    try store.apply(
      T.batch { b in
        var f = T.finding("cross", account: Self.globex, function: nil, severity: .critical)
        f.functionArn = T.arn("orders", account: Self.acme)
        b.findings = [f]
        b.alerts = [
          Alert(
            id: "cross-alert", account: Self.globex,
            functionArn: T.arn("orders", account: Self.acme),
            kind: "invocation-spike", severity: .high, start: T.now, end: nil, title: "t",
            detail: "d")
        ]
      }, now: T.now)
    let acmeOnly = store.scoped(to: .only(["acme"]))
    let window = PostureStore.FunctionTableWindow(
      metricsFrom: 0, metricsTo: .max, costFrom: 0, costTo: .max)
    let row = try #require(try acmeOnly.functionTable(window: window, offset: 0, limit: 10).first)
    #expect(row.openBySeverity == [.critical: 1, .high: 1], "globex's finding is not counted")
    #expect(row.lastAlert == T.now - 7200, "globex's alert is not shown")
  }
}
