import Foundation
import Testing
import WardModel

@testable import WardStore

/// Standing triage policy: matchers, precedence, re-application, audit, import in the same
/// transaction, and decisions that lapse.
@Suite struct TriagePolicyTests {
  static let acme = "111122223333"
  static let globex = "444455556666"
  let alice = Operator(name: "alice")

  /// Two tenants (acme: sandbox, globex: gold), a function each, and five findings.
  func seeded() throws -> (TempStore, PostureStore) {
    let temp = TempStore()
    let store = try temp.open()
    try store.apply(
      T.batch { b in
        b.tenants = [
          Tenant(name: "acme-dev", accounts: [Self.acme], labels: ["tier": "sandbox"]),
          Tenant(name: "globex", accounts: [Self.globex], labels: ["tier": "gold"]),
        ]
        b.functions = [
          T.function("legacy-orders", account: Self.acme),
          T.function("billing", account: Self.globex, region: "us-east-1"),
        ]
        b.findings = [
          T.finding(
            "f1", account: Self.acme, function: "legacy-orders", category: .monitoring,
            severity: .low, source: "prowler"),
          T.finding(
            "f2", account: Self.acme, function: "legacy-orders", category: .secrets,
            severity: .critical, source: "ward"),
          T.finding(
            "f3", account: Self.globex, function: nil, severity: .medium, source: "checkov"),
          T.finding(
            "f4", account: Self.globex, function: "billing", category: .monitoring,
            severity: .low, source: "securityhub"),
          T.finding(
            "f5", account: Self.globex, function: "billing", category: .dos, severity: .high,
            source: "prowler"),
        ]
      }, now: T.now)
    // billing is in us-east-1; the findings builder put f4 and f5 in eu-west-1.
    RawConnection(path: temp.path).exec(
      "UPDATE findings SET region = 'us-east-1', function_arn = '\(T.arn("billing", account: Self.globex, region: "us-east-1"))' WHERE id IN ('f4', 'f5')"
    )
    return (temp, store)
  }

  func policy(_ rules: [TriageRule], sha: String = String(repeating: "ab", count: 32))
    -> TriagePolicy
  {
    TriagePolicy(path: "ward-policy.yaml", sha256: sha, rules: rules)
  }

  func rule(
    _ id: String, state: TriageState = .suppressed, expires: EpochSeconds? = nil,
    reason: String = "accepted pattern", _ fill: (inout TriageRuleMatch) -> Void
  ) -> TriageRule {
    var m = TriageRuleMatch()
    fill(&m)
    return TriageRule(
      id: id, match: m, state: state, reason: reason, owner: "sec", expires: expires)
  }

  /// The ids a one-rule policy would close.
  func matched(_ store: PostureStore, _ fill: (inout TriageRuleMatch) -> Void) throws -> [String] {
    try store.previewPolicy(policy([rule("r", fill)]), now: T.now).examples.map(\.findingId)
  }

  @Test func eachMatcherSelectsOnlyWhatItNames() throws {
    let (_, store) = try seeded()
    #expect(try matched(store) { $0.tenants = ["acme-*"] } == ["f1", "f2"])
    #expect(try matched(store) { $0.accounts = [Self.globex] } == ["f3", "f4", "f5"])
    #expect(try matched(store) { $0.regions = ["us-*"] } == ["f4", "f5"])
    #expect(try matched(store) { $0.categories = [.monitoring, .dos] } == ["f1", "f4", "f5"])
    #expect(try matched(store) { $0.severities = [.critical, .medium] } == ["f2", "f3"])
    #expect(try matched(store) { $0.sources = ["prowler"] } == ["f1", "f5"])
    #expect(try matched(store) { $0.rules = ["rule-f?"] } == ["f1", "f2", "f3", "f4", "f5"])
    #expect(try matched(store) { $0.rules = ["rule-f[1]"] } == [])  // `[` is literal
    #expect(try matched(store) { $0.resources = ["main.tf:*"] } == ["f3"])
    #expect(try matched(store) { $0.resources = ["*:function:billing"] } == ["f4", "f5"])
    #expect(try matched(store) { $0.functions = ["legacy-*"] } == ["f1", "f2"])
    #expect(try matched(store) { $0.labels = ["tier": "sandbox"] } == ["f1", "f2"])
    #expect(try matched(store) { $0.labels = ["owner": "*"] } == [])
    #expect(try matched(store) { $0.tags = ["team": "core"] } == ["f1", "f2", "f4", "f5"])
    // Matchers AND together.
    #expect(
      try matched(store) {
        $0.labels = ["tier": "gold"]
        $0.sources = ["prowler"]
      } == ["f5"])
  }

  @Test func aPersonsDecisionIsNeverOverridden() throws {
    let (_, store) = try seeded()
    try store.setState(
      findingId: "f1", to: .acknowledged, reason: nil, note: nil, until: nil, by: alice,
      expectedVersion: 1, now: T.now)
    try store.setState(
      findingId: "f2", to: .new, reason: nil, note: nil, until: nil, by: alice,
      expectedVersion: 1, now: T.now)
    let outcome = try store.applyPolicy(
      policy([rule("acme") { $0.tenants = ["acme-dev"] }]), now: T.now)
    #expect(
      outcome.rules["acme"]
        == {
          var c = PolicyRuleCount()
          c.matched = 2
          c.leftAlone = 2
          return c
        }())
    #expect(try store.finding(id: "f1")?.triage.state == .acknowledged)
    #expect(try store.finding(id: "f2")?.triage.state == .new)
  }

  @Test func theMostSpecificRuleWinsAndTiesGoToFileOrder() throws {
    let (_, store) = try seeded()
    let broad = rule("broad", state: .suppressed) { $0.tenants = ["*"] }
    let narrow = rule("narrow", state: .falsePositive) {
      $0.tenants = ["*"]
      $0.sources = ["prowler"]
    }
    let tieFirst = rule("tie-first", state: .suppressed) { $0.severities = [.low] }
    let tieSecond = rule("tie-second", state: .falsePositive) { $0.categories = [.monitoring] }
    let outcome = try store.applyPolicy(
      policy([tieFirst, narrow, tieSecond, broad]), now: T.now)
    #expect(outcome.rules["narrow"]?.changed == 2)  // f1, f5: two matchers beat one
    #expect(outcome.rules["tie-first"]?.changed == 1)  // f4: low and monitoring, first wins
    #expect(outcome.rules["tie-second"] == nil)
    #expect(outcome.rules["broad"]?.changed == 2)  // f2, f3
    #expect(try store.finding(id: "f1")?.triage.state == .falsePositive)
    #expect(try store.finding(id: "f4")?.triage.state == .suppressed)
  }

  @Test func reapplyingChangesNothingAndEditsReviseOrReopen() throws {
    let (temp, store) = try seeded()
    let first = policy([rule("low") { $0.severities = [.low] }])
    #expect(try store.applyPolicy(first, now: T.now).totalChanged == 2)
    let raw = RawConnection(path: temp.path)
    let events = raw.int("SELECT count(*) FROM audit_events")
    let again = try store.applyPolicy(first, now: T.now + 60)
    #expect(again.totalChanged == 0 && again.batch == nil && again.rules["low"]?.unchanged == 2)
    #expect(raw.int("SELECT count(*) FROM audit_events") == events)
    // A new reason is a revised decision: recorded again.
    let edited = policy([rule("low", reason: "new reason") { $0.severities = [.low] }])
    #expect(try store.applyPolicy(edited, now: T.now + 120).rules["low"]?.changed == 2)
    // A rule removed from the file no longer holds its findings closed.
    let other = policy([rule("crit") { $0.severities = [.critical] }])
    let outcome = try store.applyPolicy(other, now: T.now + 180)
    #expect(outcome.reopened == 2 && outcome.rules["crit"]?.changed == 1)
    #expect(try store.finding(id: "f1")?.triage.state == .new)
    #expect(
      try store.history(findingId: "f1").last?.reason == "policy rule low no longer matches")
  }

  @Test func everyChangeIsOneBatchNamingRuleAndPolicyAndTheChainVerifies() throws {
    let (temp, store) = try seeded()
    let sha = String(repeating: "0f", count: 32)
    let outcome = try store.applyPolicy(
      policy(
        [
          rule("gold", state: .riskAccepted, expires: T.now + 86_400) {
            $0.labels = ["tier": "gold"]
          }
        ], sha: sha), now: T.now)
    let events = try store.auditLog(filter: AuditFilter(source: .policy))
    #expect(events.count == 3)
    #expect(
      events.allSatisfy {
        $0.batch == outcome.batch && $0.rule == "gold" && $0.policySHA256 == sha
          && $0.operatorName == "policy" && $0.until == T.now + 86_400
      })
    #expect(try store.verifyAudit().isIntact)
    // The rule and the policy are hashed: editing either is caught.
    let raw = RawConnection(path: temp.path)
    raw.exec("DROP TRIGGER audit_events_no_update")
    raw.exec("UPDATE audit_events SET rule_id = 'other' WHERE seq = \(events[0].seq)")
    #expect(try store.verifyAudit().problem?.seq == events[0].seq)
  }

  @Test func importWithAPolicyClosesNewFindingsInTheSameTransaction() throws {
    let (_, store) = try seeded()
    let p = policy([rule("sandbox") { $0.labels = ["tier": "sandbox"] }])
    let summary = try store.apply(
      T.batch {
        $0.findings = [T.finding("f6", account: Self.acme), T.finding("f7", account: Self.globex)]
      },
      policy: p, now: T.now)
    #expect(summary.policyChanges == 1)
    #expect(try store.finding(id: "f6")?.triage.state == .suppressed)
    #expect(try store.finding(id: "f7")?.triage.state == .new)
    // Only the file's own findings: f1 and f2 (also sandbox) wait for `ward policy apply`.
    #expect(try store.finding(id: "f1")?.triage.state == .new)
    // A scan with the policy covers every finding.
    let scanned = try store.applyScan(findings: [], alerts: [], policy: p, now: T.now)
    #expect(scanned.policyChanges == 1)  // f1; f2 (source ward) was resolved by the scan
  }

  @Test func anyClosedDecisionLapsesAndNamesTheDecisionItEnds() throws {
    let (temp, store) = try seeded()
    try store.setState(
      findingId: "f3", to: .suppressed, reason: "noise", note: nil, until: T.now + 3600,
      by: alice, expectedVersion: 1, now: T.now)
    let decision = try #require(try store.history(findingId: "f3").last)
    #expect(throws: StoreError.self) {
      try store.setState(
        findingId: "f4", to: .acknowledged, reason: nil, note: nil, until: T.now + 3600,
        by: alice, expectedVersion: 1, now: T.now)
    }
    let p = policy([rule("low", expires: T.now + 7200) { $0.severities = [.low] }])
    _ = try store.applyPolicy(p, now: T.now)
    // Listed as expiring within two hours, not within thirty minutes.
    var soon = FindingFilter()
    soon.expiringBy = T.now + 7200
    #expect(try store.findings(filter: soon).rows.map(\.id).sorted() == ["f1", "f3", "f4"])
    soon.expiringBy = T.now + 1800
    #expect(try store.findings(filter: soon).rows.isEmpty)
    // An open of the store after the expiry reopens them, by `expiry`.
    _ = try PostureStore(path: temp.path, now: T.now + 7200)
    let lapsed = try #require(try store.history(findingId: "f3").last)
    #expect(lapsed.operatorName == "expiry" && lapsed.to == .new && lapsed.source == .open)
    #expect(
      lapsed.reason == "suppressed lapsed on \(UTC.date(T.now + 3600)) (ends #\(decision.seq))")
    #expect(try store.finding(id: "f1")?.triage.state == .new)
    // The expired rule no longer closes anything.
    #expect(try store.applyPolicy(p, now: T.now + 7200).totalChanged == 0)
    #expect(try store.verifyAudit().isIntact)
  }
}
