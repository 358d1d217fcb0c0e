import Testing
import WardModel
import WardRules

func findings(_ scenario: Scenario, rule: any Rule) -> [Finding] {
  let input = ScanInput(
    tenants: Fx.tenants, functions: scenario.functions, metrics: scenario.metrics, now: Fx.now)
  return Scanner.findings(input, rules: [rule], lifecycle: .bundled)
    .filter { $0.functionArn == scenario.target }
}

@Test(arguments: RuleCases.all)
func ruleFiresOnItsCase(_ c: RuleCase) throws {
  let rule = try #require(RuleCatalogue.rule(id: c.ruleId))
  let found = findings(c.fires, rule: rule)
  #expect(found.count == 1)
  let f = try #require(found.first)
  #expect(f.ruleId == c.ruleId)
  #expect(f.id == StableID.make("ward", [c.ruleId, c.fires.target]))
  #expect(f.severity == (c.severity ?? rule.entry.severity))
  #expect(f.category == rule.entry.category)
  #expect(!f.evidence.isEmpty)
  #expect(f.source == "ward" && f.compliance == .failed)
  #expect(f.firstSeen == Fx.now && f.lastSeen == Fx.now)
}

@Test(arguments: RuleCases.all)
func ruleStaysQuietOnItsCleanCase(_ c: RuleCase) throws {
  let rule = try #require(RuleCatalogue.rule(id: c.ruleId))
  #expect(findings(c.quiet, rule: rule).isEmpty)
}

@Test func everyRuleHasACase() {
  let cased = Set(RuleCases.all.map(\.ruleId))
  #expect(cased == Set(RuleCatalogue.entries.map(\.id)))
  #expect(cased.count == RuleCases.all.count)
}

/// A function whose code-signing config was never collected is unknown, not unsigned.
@Test func noCodeSigningStaysQuietWhenNotCollected() throws {
  let rule = try #require(RuleCatalogue.rule(id: "WARD-DEP-003"))
  let unknown = Fx.clean().with {
    $0.function.codeSigningConfigArn = nil
    $0.function.codeSigningKnown = false
  }
  #expect(findings(Scenario([unknown]), rule: rule).isEmpty)
}

@Test func cleanFunctionHasNoFindings() {
  let result = Scanner.scan(ScanInput(tenants: Fx.tenants, functions: [Fx.clean()], now: Fx.now))
  #expect(result.findings.map(\.ruleId) == [])
}

@Test func runtimeSeverityClimbsTheLadder() throws {
  let rule = try #require(RuleCatalogue.rule(id: "WARD-DEP-001"))
  func severity(_ runtime: String, at now: EpochSeconds = Fx.now) -> Severity? {
    let input = ScanInput(
      tenants: Fx.tenants, functions: [Fx.clean().with { $0.function.runtime = runtime }], now: now)
    return Scanner.findings(input, rules: [rule], lifecycle: .bundled).first?.severity
  }
  // At 2026-11-29: python3.12 deprecates 2028 (none), nodejs22.x on 2027-04-30 (>90 d: none),
  // ruby3.3 on 2027-03-31 (low from 2026-12-31), python3.9 deprecated 2025-12-15 (medium),
  // nodejs14.x create-blocked 2024-01-09 (high), python3.6 update-blocked (critical).
  #expect(severity("python3.12") == nil)
  #expect(severity("nodejs22.x") == nil)
  #expect(severity("ruby3.3") == nil)
  #expect(severity("ruby3.3", at: UTC.parse("2027-01-15")!) == .low)
  #expect(severity("ruby3.3", at: UTC.parse("2027-04-01")!) == .medium)
  #expect(severity("python3.9") == .medium)
  #expect(severity("nodejs14.x") == .high)
  #expect(severity("python3.6") == .critical)
}

@Test func secretEvidenceNeverCarriesValues() throws {
  let rule = try #require(RuleCatalogue.rule(id: "WARD-SEC-001"))
  let v = EnvironmentVariable(
    name: "AWS_KEY", fingerprint: "sha256:0123456789abcdef", preview: "AKIA…(20)",
    secretKind: .awsAccessKeyId, entropy: 3.9, length: 20)
  let f = try #require(
    findings(Scenario([Fx.clean().with { $0.function.environment = [v] }]), rule: rule).first)
  #expect(f.evidence.contains("AWS_KEY"))
  #expect(f.evidence.contains("AKIA…(20)"))
  #expect(f.evidence.contains("sha256:0123456789abcdef"))
}

@Test func namedCredentialUnderAVagueNameIsMedium() throws {
  // (Under a name that says password or secret it is high: QuietHygieneTests.)
  let rule = try #require(RuleCatalogue.rule(id: "WARD-SEC-001"))
  let f = try #require(
    findings(
      Scenario([
        Fx.clean().with { $0.function.environment = [Fx.variable("AUTH_KEY", .namedCredential)] }
      ]),
      rule: rule
    ).first)
  #expect(f.severity == .medium)
}

@Test func tenantComesFromInventoryWhenTenantsListIsEmpty() {
  // Without a tenants list, beta's account is only known from its functions.
  let alpha = Fx.clean().with {
    $0.triggers = [Fx.trigger($0, source: "arn:aws:sqs:eu-west-1:\(Fx.betaAccount):q")]
  }
  let beta = Fx.clean("b", account: Fx.betaAccount, tenant: "beta")
  let result = Scanner.findings(
    ScanInput(functions: [alpha, beta], now: Fx.now), rules: RuleCatalogue.all,
    lifecycle: .bundled)
  let ids = result.filter { $0.functionArn == alpha.function.arn }.map(\.ruleId)
  #expect(ids.contains("WARD-XTN-004"))
  #expect(!ids.contains("WARD-ATS-001"))
}
