import Testing
import WardModel

@testable import WardStore

/// Security Hub identities (issue 15, item 5): kept with the finding at import, unchanged by
/// a re-import, followed when Security Hub's workflow changes, and read back for the
/// BatchUpdateFindings export.
@Suite struct SourceIdentityTests {
  let alice = Operator(name: "alice")

  static func shub(
    _ n: Int, workflow: String? = "NEW", verification: String? = nil,
    compliance: Finding.Compliance = .failed, system: String = SourceRef.securityHub
  ) -> Finding {
    var f = T.finding(
      "shub-\(n)", source: "securityhub", compliance: compliance,
      sourceState: workflow.flatMap(SecurityHubWorkflow.state(forStatus:)))
    f.sourceRef = SourceRef(
      system: system,
      id:
        "arn:aws:securityhub:eu-west-1:111122223333:subscription/aws-foundational-security-best-practices/v/1.0.0/Lambda.1/finding/\(n)",
      productArn: "arn:aws:securityhub:eu-west-1::product/aws/securityhub",
      workflowStatus: workflow, verificationState: verification)
    return f
  }

  func identities(_ temp: TempStore) -> [[String]] {
    RawConnection(path: temp.path).rows(
      """
      SELECT finding_id, source, source_id, product_arn, workflow_status, verification_state,
        status_changed_at FROM source_identities ORDER BY finding_id
      """)
  }

  @Test func importKeepsTheIdentityAndAReimportWritesNothing() throws {
    let temp = TempStore()
    let store = try temp.open()
    let batch = T.batch("asff") {
      $0.findings = [Self.shub(1), Self.shub(2, workflow: "SUPPRESSED"), T.finding("prow-1")]
    }
    try store.apply(batch, now: T.now)
    let rows = identities(temp)
    #expect(rows.map { $0[0] } == ["shub-1", "shub-2"])
    #expect(rows[0][2].hasSuffix("/finding/1") && rows[0][3].hasSuffix("product/aws/securityhub"))
    #expect(rows.map { $0[4] } == ["NEW", "SUPPRESSED"])
    #expect(rows.map { $0[6] } == ["∅", "∅"])
    let read = try #require(try store.finding(id: "shub-1")?.finding.sourceRef)
    #expect(read == Self.shub(1).sourceRef)
    #expect(try store.finding(id: "prow-1")?.finding.sourceRef == nil)

    let before = RawConnection(path: temp.path).snapshot()
    let summary = try store.apply(batch, now: T.now + 3600)
    #expect(summary[.findings].unchanged == 3)
    #expect(RawConnection(path: temp.path).snapshot() == before)
  }

  @Test func aChangedWorkflowIsFollowedAndDated() throws {
    let temp = TempStore()
    let store = try temp.open()
    try store.apply(T.batch("asff") { $0.findings = [Self.shub(1)] }, now: T.now)
    try store.apply(
      T.batch("asff") {
        $0.findings = [Self.shub(1, workflow: "RESOLVED", verification: "FALSE_POSITIVE")]
      },
      now: T.now + 100)
    #expect(identities(temp)[0][4...] == ["RESOLVED", "FALSE_POSITIVE", "\(T.now + 100)"])
    // A file that does not say the workflow keeps what was read, and its time.
    try store.apply(
      T.batch("asff") { $0.findings = [Self.shub(1, workflow: nil)] }, now: T.now + 200)
    #expect(identities(temp)[0][4...] == ["RESOLVED", "FALSE_POSITIVE", "\(T.now + 100)"])
    // Ward's state is still what Security Hub said when it was first read.
    #expect(try store.finding(id: "shub-1")?.triage.state == .new)
  }

  @Test func aPassedFindingTheStoreNeverHadKeepsNoIdentity() throws {
    let temp = TempStore()
    let store = try temp.open()
    try store.apply(
      T.batch("asff") { $0.findings = [Self.shub(1, compliance: .passed)] }, now: T.now)
    #expect(identities(temp).isEmpty)
  }

  @Test func decisionsSayWhoSetTheStateAndWhatSecurityHubHeld() throws {
    let temp = TempStore()
    let store = try temp.open()
    try store.apply(
      T.batch("asff") {
        $0.findings = [
          Self.shub(1), Self.shub(2, workflow: "NOTIFIED"), Self.shub(3, system: SourceRef.asff),
          T.finding("prow-1"),
        ]
      }, now: T.now)
    // A Security Hub finding imported before identities were kept.
    RawConnection(path: temp.path).exec(
      "INSERT INTO findings (id, tenant_id, resource, category, severity, title, description, remediation, source, rule_id, evidence, first_seen, last_seen, state) SELECT 'shub-old', tenant_id, resource, category, severity, title, description, remediation, source, rule_id, evidence, first_seen, last_seen, 'new' FROM findings WHERE id = 'shub-1'"
    )
    try store.setState(
      findingId: "shub-1", to: .riskAccepted, reason: "vendor fix due", note: nil,
      until: T.now + 90 * UTC.day, by: alice, expectedVersion: 1, now: T.now + 10)

    let selection = try store.securityHubDecisions(filter: FindingFilter())
    #expect(
      selection.excluded == [.notFromSecurityHub: 1, .notHeldBySecurityHub: 1, .noIdentity: 1])
    let byId = Dictionary(uniqueKeysWithValues: selection.decisions.map { ($0.findingId, $0) })
    #expect(Set(byId.keys) == ["shub-1", "shub-2"])
    let d1 = try #require(byId["shub-1"])
    #expect(
      d1.decidedBy == "alice" && d1.state == .riskAccepted && d1.statesSinceSeen == [.riskAccepted])
    #expect(d1.ref.workflowStatus == "NEW" && d1.inWindow)
    let d2 = try #require(byId["shub-2"])
    #expect(d2.decidedBy == "import" && d2.statesSinceSeen.isEmpty)

    var plan = SecurityHubUpdates.plan(selection.decisions)
    #expect(plan.requests.count == 1 && plan.requests[0].status == "SUPPRESSED")
    #expect(plan.skipped == [.stateFromSecurityHub: 1])

    // Security Hub applied it; the next import reads SUPPRESSED: nothing left to send.
    try store.apply(
      T.batch("asff") { $0.findings = [Self.shub(1, workflow: "SUPPRESSED")] }, now: T.now + 20)
    plan = SecurityHubUpdates.plan(
      try store.securityHubDecisions(filter: FindingFilter()).decisions)
    #expect(plan.requests.isEmpty && plan.skipped[.alreadyHeld] == 1)

    // alice takes it back: Security Hub holds SUPPRESSED, Ward says new.
    try store.setState(
      findingId: "shub-1", to: .new, reason: nil, note: nil, until: nil, by: alice,
      expectedVersion: 2, now: T.now + 30)
    plan = SecurityHubUpdates.plan(
      try store.securityHubDecisions(filter: FindingFilter()).decisions)
    #expect(plan.requests.map(\.status) == ["NEW"])
  }

  @Test func theWindowSelectsDecisionsMadeInIt() throws {
    let temp = TempStore()
    let store = try temp.open()
    try store.apply(T.batch("asff") { $0.findings = [Self.shub(1), Self.shub(2)] }, now: T.now)
    try store.setState(
      findingId: "shub-1", to: .suppressed, reason: "test account", note: nil, until: nil,
      by: alice, expectedVersion: 1, now: T.now + 10)
    try store.setState(
      findingId: "shub-2", to: .suppressed, reason: "test account", note: nil, until: nil,
      by: alice, expectedVersion: 1, now: T.now + 50)
    let window = try store.securityHubDecisions(filter: FindingFilter(), window: .since(T.now + 20))
    #expect(window.decisions.filter(\.inWindow).map(\.findingId) == ["shub-2"])
    let plan = SecurityHubUpdates.plan(window.decisions)
    #expect(plan.identifierCount == 1 && plan.skipped == [.notInWindow: 1])
  }

  @Test func migrationFifteenRunsAgainOnAnOlderStore() throws {
    let temp = TempStore()
    let version = Schema.migrations.firstIndex(of: SourceIdentitySchema.migration)! + 1
    #expect(version == 15)
    do {
      let store = try temp.open()
      try store.apply(T.batch("asff") { $0.findings = [Self.shub(1)] }, now: T.now)
    }
    let raw = RawConnection(path: temp.path)
    raw.rewind(to: version - 1)
    #expect(raw.int("SELECT COUNT(*) FROM sqlite_master WHERE name = 'source_identities'") == 0)
    let store = try temp.open()
    #expect(raw.int("PRAGMA user_version") == Schema.latestVersion)
    // The finding is still there, without an identity until it is imported again.
    #expect(try store.finding(id: "shub-1")?.finding.sourceRef == nil)
    try store.apply(T.batch("asff") { $0.findings = [Self.shub(1)] }, now: T.now + 10)
    #expect(try store.finding(id: "shub-1")?.finding.sourceRef?.workflowStatus == "NEW")
  }
}
