import Foundation
import Testing
import WardModel

@testable import WardIngest

/// Reading ward-policy.yaml and Prowler mutelists into triage rules.
@Suite struct TriagePolicyReaderTests {
  func read(_ text: String) throws(ReadError) -> TriagePolicy {
    try TriagePolicyReader.read(bytes: Array(text.utf8), path: "p.yaml")
  }

  func error(_ text: String) -> String? {
    do {
      _ = try read(text)
      return nil
    } catch {
      return error.named("p.yaml").description
    }
  }

  @Test func everyMatcherIsRead() throws {
    let policy = try read(
      """
      version: 1
      rules:
        - id: all
          match:
            tenant: "acme-*"
            account: "111122223333"
            region: [eu-west-1, us-east-1]
            category: monitoring
            severity: [low, info]
            source: prowler
            rule: "awslambda_*"
            resource: "arn:aws:lambda:*"
            function: "legacy-*"
            labels: {tier: sandbox}
            tags: {env: dev}
          state: risk-accepted
          reason: "sandbox"
          owner: platform
          expires: 2027-06-30
      """)
    let rule = try #require(policy.rules.first)
    #expect(rule.id == "all")
    #expect(rule.state == .riskAccepted)
    #expect(rule.expires == UTC.parse("2027-06-30"))
    #expect(rule.place == "line 3:5")
    let m = rule.match
    #expect(m.tenants == ["acme-*"])
    #expect(m.accounts == ["111122223333"])
    #expect(m.regions == ["eu-west-1", "us-east-1"])
    #expect(m.categories == [.monitoring])
    #expect(m.severities == [.low, .info])
    #expect(m.sources == ["prowler"] && m.rules == ["awslambda_*"])
    #expect(m.resources == ["arn:aws:lambda:*"] && m.functions == ["legacy-*"])
    #expect(m.labels == ["tier": "sandbox"] && m.tags == ["env": "dev"])
    #expect(m.specificity == 11)
    #expect(policy.sha256.count == 64)
  }

  @Test func errorsNameLineAndColumn() {
    let head = "rules:\n  - id: r\n"
    #expect(
      error(
        head + "    match: {sevrity: low}\n    state: suppressed\n    reason: x\n    owner: o\n")
        == "p.yaml: line 3:13: rule r: match: unknown key sevrity (expected one of account, category, function, labels, region, resource, rule, severity, source, tags, tenant)"
    )
    #expect(
      error(head + "    match: {severity: low}\n    state: suppressed\n    owner: o\n")
        == "p.yaml: line 2:5: rule r: reason is required")
    #expect(
      error(
        head + "    match: {severity: low}\n    state: risk-accepted\n    reason: x\n    owner: o\n"
      )
        == "p.yaml: line 2:5: rule r: risk-accepted needs expires: YYYY-MM-DD")
    #expect(
      error(head + "    match: {severity: low}\n    state: resolved\n    reason: x\n    owner: o\n")
        == "p.yaml: line 4:12: rule r: state resolved is not one of suppressed, risk-accepted, false-positive"
    )
    #expect(
      error(
        head + "    match: {severity: loud}\n    state: suppressed\n    reason: x\n    owner: o\n")
        == "p.yaml: line 3:23: rule r: match: severity loud is not one of critical, high, medium, low, info"
    )
    #expect(
      error(head + "    match: {}\n    state: suppressed\n    reason: x\n    owner: o\n")?.contains(
        "line 3:12: rule r: match is empty") == true)
    #expect(
      error(
        head
          + "    match: {severity: low}\n    state: suppressed\n    reason: x\n    owner: o\n    expires: soon\n"
      )
        == "p.yaml: line 7:14: rule r: expires: expected YYYY-MM-DD, got soon")
    let twice = "    match: {severity: low}\n    state: suppressed\n    reason: x\n    owner: o\n"
    #expect(
      error(head + twice + "  - id: r\n" + twice)
        == "p.yaml: line 7:5: rule id r is used twice (first at line 2:5)")
    #expect(
      error(head + "    match: {severity: low}\n    state: suppressed\n    state: suppressed\n")?
        .contains("invalid YAML: a mapping gives state twice") == true)
    #expect(error("rules: [\n")?.hasPrefix("p.yaml: line ") == true)
    #expect(error("tenants: []\n")?.contains("expected a top-level rules: list") == true)
  }

  @Test func theDemoPolicyReads() throws {
    let path = Fixture.root + "/../../demo-data/ward-policy.yaml"
    let policy = try TriagePolicyReader.load(path: path)
    #expect(
      policy.rules.map(\.id) == [
        "no-vpc-by-design", "bronze-low-monitoring", "wingtip-dlq-via-destinations",
        "org-trail-data-events",
      ])
    // The most specific rule comes first; equal ones keep file order.
    #expect(
      policy.rulesInForce(at: UTC.parse("2026-12-01")!).map(\.id) == [
        "wingtip-dlq-via-destinations", "bronze-low-monitoring", "org-trail-data-events",
        "no-vpc-by-design",
      ])
    // After 2027-03-01 the risk acceptance is no longer in force.
    #expect(
      !policy.rulesInForce(at: UTC.parse("2027-03-02")!).map(\.id).contains("no-vpc-by-design"))
  }

  @Test func prowlersOwnMutelistFixtureReads() throws {
    let policy = try TriagePolicyReader.load(
      path: Fixture.path("prowler-mutelist/aws_mutelist.yaml"))
    #expect(
      policy.rules.map(\.id) == [
        "mutelist:123456789012:iam_user_hardware_mfa_enabled", "mutelist:123456789012:*",
        "mutelist:098765432109:s3_bucket_object_versioning",
      ])
    let mfa = policy.rules[0]
    #expect(mfa.state == .suppressed && mfa.owner == "prowler-mutelist")
    #expect(mfa.match.sources == ["prowler"] && mfa.match.accounts == ["123456789012"])
    #expect(mfa.match.rules == ["*iam_user_hardware_mfa_enabled*"])
    #expect(mfa.match.regions == ["*us-east-1*"])
    #expect(mfa.match.resources == ["*user-1*", "*user-2*"])
    let any = policy.rules[1]
    #expect(any.match.rules.isEmpty && any.match.regions.isEmpty)
    #expect(any.match.resources == ["*test*"])
    let logs = policy.rules[2]
    #expect(logs.match.resources == ["*ci-logs*", "*logs*", "*?*-logs*"])
  }

  @Test func mutelistEntriesMapOnlyWhereAGlobMeansTheSame() throws {
    func glob(_ p: String) throws(ReadError) -> String {
      try MutelistReader.glob(fromSearch: p, place: "line 1:1")
    }
    #expect(try glob("^prod-.*$") == "prod-*")
    #expect(try glob("*-logs") == "*-logs*")
    #expect(try glob("a\\.b") == "*a.b*")
    #expect(throws: ReadError.self) { try glob("a|b") }
    #expect(throws: ReadError.self) { try glob("[0-9]+") }
    let lambda = try read(
      """
      Mutelist:
        Accounts:
          "*":
            Checks:
              "lambda_function_url_public":
                Regions: ["*"]
                Resources: ["*"]
                Tags: ["environment=dev"]
      """)
    // Prowler's own mapping of lambda_* check names to awslambda_*.
    #expect(lambda.rules[0].match.rules == ["*awslambda_function_url_public*"])
    #expect(lambda.rules[0].match.tags == ["environment": "dev*"])
    #expect(lambda.rules[0].match.accounts.isEmpty)
    #expect(
      error(
        """
        Mutelist:
          Accounts:
            "*":
              Checks:
                "*":
                  Regions: ["*"]
                  Resources: ["*"]
                  Exceptions: {Accounts: ["111122223333"]}
        """)?.contains("line 8:23: account * check *: Exceptions are not supported") == true)
    #expect(
      error(
        """
        Mutelist:
          Accounts:
            "1":
              Checks: {}
            "1":
              Checks: {}
        """)?.contains("a mapping gives 1 twice") == true)
  }
}
