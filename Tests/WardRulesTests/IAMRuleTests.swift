import Testing
import WardModel

@testable import WardRules

/// The permission rules beyond their one firing and one quiet case: unknown permissions
/// raise nothing, admin covers the narrower rules, the toxic chain's evidence.
@Suite struct IAMRuleTests {
  typealias C = RoleRuleCases
  static let permissionRules = [
    "WARD-ATS-007", "WARD-ATS-008", "WARD-ATS-009", "WARD-INV-007", "WARD-XTN-008",
  ]

  func fired(_ inv: FunctionInventory, others: [FunctionInventory] = []) -> [Finding] {
    let input = ScanInput(tenants: Fx.tenants, functions: [inv] + others, metrics: [:], now: Fx.now)
    return Scanner.findings(input, rules: RuleCatalogue.all, lifecycle: .bundled)
      .filter { $0.functionArn == inv.function.arn }
  }

  @Test func unknownPermissionsRaiseNothing() {
    // A public function whose role name says Admin, but whose policies were never read.
    let unknownRole = C.publicURL.with {
      $0.function.role = "arn:aws:iam::\(Fx.alphaAccount):role/AdminRole"
      $0.executionRole = ExecutionRole(
        role: IAMRole(
          arn: $0.function.role!, name: "AdminRole", account: Fx.alphaAccount,
          attachedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"]),
        managedPolicies: [], boundary: nil)
    }
    #expect(unknownRole.permissions == nil)
    let rules = Set(fired(unknownRole).map(\.ruleId))
    #expect(rules.isDisjoint(with: Self.permissionRules), "\(rules)")
    // The name heuristic still speaks while the policies are unknown …
    #expect(rules.contains("WARD-INJ-001"))
    // … and falls silent once they are read (the real grants are judged instead).
    let known = C.role(unknownRole, C.leastPrivilege)
    #expect(!Set(fired(known).map(\.ruleId)).contains("WARD-INJ-001"))
  }

  @Test func anAdminRoleIsReportedOnceNotThreeTimes() {
    let rules = fired(C.role(C.base, [C.allow(["*"])])).map(\.ruleId)
    #expect(rules.filter { Self.permissionRules.contains($0) } == ["WARD-ATS-007"])
  }

  @Test func serviceWideAndEscalationWildcardsAreRecognised() throws {
    let f = fired(C.role(C.base, [C.allow(["iam:Put*Policy", "kms:*", "dynamodb:*"])]))
    let admin = try #require(f.first { $0.ruleId == "WARD-ATS-007" })
    #expect(admin.evidence.contains("kms:* on *") && !admin.evidence.contains("dynamodb"))
    let escalation = try #require(f.first { $0.ruleId == "WARD-ATS-008" })
    #expect(escalation.evidence.contains("iam:PutRolePolicy on * via iam:Put*Policy on *"))
    let data = try #require(f.first { $0.ruleId == "WARD-ATS-009" })
    #expect(data.evidence.contains("dynamodb:* on *"))
    // NotAction: everything but IAM is still admin-like for every other service.
    let notIAM = C.role(
      C.base, [IAMStatement(effect: .allow, notActions: ["iam:*"], resources: ["*"])])
    let evidence = try #require(fired(notIAM).first { $0.ruleId == "WARD-ATS-007" }).evidence
    #expect(evidence.contains("* on *") && evidence.contains("except iam:* on *"), "\(evidence)")
  }

  @Test func theToxicChainNamesTheWayInTheFunctionTheRoleAndTheGrant() throws {
    let routed = C.base.with {
      $0.routes = [RuleCases.route($0)]
    }
    let f = try #require(
      fired(C.role(routed, [C.allow(["s3:*"])])).first { $0.ruleId == "WARD-INV-007" })
    #expect(f.severity == .critical)
    #expect(
      f.evidence
        == "route POST /pay on shop (api1) with no authorizer → function fn → role arn:aws:iam::\(Fx.alphaAccount):role/fn-role → s3:* on * via s3:* on * (inline policy p)"
    )
    // An authorizer on the route breaks the chain.
    let guarded = C.base.with { $0.routes = [RuleCases.route($0, auth: .awsIAM)] }
    #expect(!fired(C.role(guarded, [C.allow(["s3:*"])])).contains { $0.ruleId == "WARD-INV-007" })
  }
}
