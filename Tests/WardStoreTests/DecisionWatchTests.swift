import Testing
import WardModel

@testable import WardStore

/// Stale decisions (issue 13, item 3): a standing decision reopens as `new`, by `stale`,
/// naming the change, when its function changes under it; nothing else reopens it.
@Suite struct DecisionWatchTests {
  let alice = Operator(name: "alice")

  /// A store with function `orders` and its finding f1 risk-accepted by alice.
  func acceptedStore() throws -> (TempStore, PostureStore) {
    let temp = TempStore()
    let store = try temp.open()
    try store.apply(
      T.batch {
        $0.functions = [T.function("orders")]
        $0.findings = [T.finding("f1"), T.finding("f2")]
      }, now: T.now)
    try store.setState(
      findingId: "f1", to: .riskAccepted, reason: "vendor needs it", note: nil,
      until: T.now + 90 * UTC.day, by: alice, expectedVersion: 1, now: T.now + 10)
    try store.setState(
      findingId: "f2", to: .acknowledged, reason: nil, note: nil, until: nil, by: alice,
      expectedVersion: 1, now: T.now + 11)
    return (temp, store)
  }

  func reimport(_ store: PostureStore, _ change: (inout Function) -> Void) throws {
    var f = T.function("orders")
    change(&f)
    try store.apply(T.batch { $0.functions = [f] }, now: T.now + 100)
  }

  @Test func anUnchangedReimportKeepsTheDecision() throws {
    let (_, store) = try acceptedStore()
    try reimport(store) { _ in }
    #expect(try store.finding(id: "f1")?.triage.state == .riskAccepted)
  }

  @Test(arguments: ["role", "runtime", "layers"])
  func aChangedFunctionReopensTheDecisionNamingTheChange(fact: String) throws {
    let (_, store) = try acceptedStore()
    try reimport(store) { f in
      switch fact {
      case "role": f.role = "arn:aws:iam::111122223333:role/admin"
      case "runtime": f.runtime = "python3.9"
      default: f.layers = []
      }
    }
    let f1 = try #require(try store.finding(id: "f1"))
    #expect(f1.triage.state == .new)
    let event = try #require(try store.history(findingId: "f1").last)
    #expect(event.operatorName == "stale" && event.source == .import)
    #expect(event.reason?.hasPrefix("stale: \(fact) changed (") == true, "\(event.reason ?? "")")
    #expect(event.reason?.contains("(ends #") == true)
    // The open finding beside it is not a standing decision: untouched.
    #expect(try store.finding(id: "f2")?.triage.state == .acknowledged)
    // And what changed says so.
    let changes = try store.changes(.since(T.now))
    #expect(changes.tenants.first?.counts[.stale] == 1, "\(changes)")
  }

  @Test func aPublicURLOrGrantAddedLaterIsAChange() throws {
    let (_, store) = try acceptedStore()
    try store.apply(
      T.batch {
        $0.urlConfigs = [
          FunctionURLConfig(
            functionArn: T.arn("orders"), url: "https://x.lambda-url.eu-west-1.on.aws/",
            authType: "NONE", corsAllowOrigins: [])
        ]
      }, now: T.now + 100)
    let event = try #require(try store.history(findingId: "f1").last)
    #expect(
      event.reason?.contains("URL auth changed (none → NONE)") == true, "\(event.reason ?? "")")
  }

  @Test func aTenfoldRiseInInvocationsIsAChange() throws {
    let (_, store) = try acceptedStore()
    // 200 a day when decided would need 2,000; 1,500 is not enough.
    func metrics(_ perHour: Double, day: EpochSeconds) -> ImportBatch {
      T.batch {
        $0.metrics = (0..<24).map { h in
          MetricSample(
            functionArn: T.arn("orders"), hour: day + EpochSeconds(h) * 3600,
            invocations: perHour, errors: 0)
        }
      }
    }
    let day0 = UTC.dayFloor(T.now)
    try store.apply(metrics(200.0 / 24, day: day0), now: T.now + 20)
    try store.setState(
      findingId: "f1", to: .suppressed, reason: "re-decided with traffic", note: nil, until: nil,
      by: alice, expectedVersion: 2, now: T.now + 30)
    try store.apply(metrics(1_500.0 / 24, day: day0 + UTC.day), now: T.now + 40)
    #expect(try store.finding(id: "f1")?.triage.state == .suppressed)
    try store.apply(metrics(2_400.0 / 24, day: day0 + 2 * UTC.day), now: T.now + 50)
    #expect(try store.finding(id: "f1")?.triage.state == .new)
    let reason = try store.history(findingId: "f1").last?.reason ?? ""
    #expect(reason.contains("invocations rose from 200 to 2400 a day"), "\(reason)")
  }

  @Test func aNewCostAnomalyAlertFromAScanIsAChange() throws {
    let (_, store) = try acceptedStore()
    let alert = Alert(
      id: "cost-1", account: "111122223333", functionArn: T.arn("orders"), kind: "cost-anomaly",
      severity: .high, start: T.now, end: nil, title: "Function cost 5x", detail: "observed 5")
    try store.applyScan(findings: [], alerts: [alert], now: T.now + 100)
    #expect(try store.finding(id: "f1")?.triage.state == .new)
    let event = try #require(try store.history(findingId: "f1").last)
    #expect(event.source == .scan && event.reason?.contains("a cost anomaly alert") == true)
    // The same alert again is not a new change: a decision made after it stands.
    try store.setState(
      findingId: "f1", to: .riskAccepted, reason: "accepted with the cost", note: nil,
      until: T.now + 90 * UTC.day, by: alice, expectedVersion: 3, now: T.now + 200)
    try store.applyScan(findings: [], alerts: [alert], now: T.now + 300)
    #expect(try store.finding(id: "f1")?.triage.state == .riskAccepted)
  }

  @Test func aDecisionOlderThanTheWatchAdoptsABaselineAndIsWatchedFromThen() throws {
    let (temp, store) = try acceptedStore()
    let raw = RawConnection(path: temp.path)
    raw.exec("UPDATE findings SET state_watch = NULL, state_watch_invocations = NULL")
    try reimport(store) { _ in }  // adopts the current facts, changes nothing
    #expect(try store.finding(id: "f1")?.triage.state == .riskAccepted)
    #expect(raw.int("SELECT COUNT(*) FROM findings WHERE state_watch IS NOT NULL") == 1)
    try reimport(store) { $0.runtime = "nodejs18.x" }
    #expect(try store.finding(id: "f1")?.triage.state == .new)
  }
}
