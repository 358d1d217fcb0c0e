import WardModel

/// Execution roles for the permission rules' cases, and the cases.
enum RoleRuleCases {
  static let base = Fx.clean()

  /// `inv` with an execution role whose one inline policy holds `statements`.
  static func role(
    _ inv: FunctionInventory, _ statements: [IAMStatement], boundary: [IAMStatement]? = nil
  ) -> FunctionInventory {
    inv.with { f in
      let arn = f.function.role ?? ""
      let boundaryPolicy = boundary.map {
        IAMManagedPolicy(
          arn: "arn:aws:iam::\(f.function.account):policy/cap", name: "cap",
          document: IAMPolicyDocument(statements: $0))
      }
      f.executionRole = ExecutionRole(
        role: IAMRole(
          arn: arn, name: ARN.lastPathComponent(arn), account: f.function.account,
          inlinePolicies: [
            IAMInlinePolicy(name: "p", document: IAMPolicyDocument(statements: statements))
          ], boundaryArn: boundaryPolicy?.arn),
        managedPolicies: [], boundary: boundaryPolicy)
    }
  }
  static func allow(_ actions: [String], on resources: [String] = ["*"]) -> IAMStatement {
    IAMStatement(effect: .allow, actions: actions, resources: resources)
  }
  static func deny(_ actions: [String], on resources: [String] = ["*"]) -> IAMStatement {
    IAMStatement(effect: .deny, actions: actions, resources: resources)
  }
  static let leastPrivilege = [
    allow(["s3:GetObject"], on: ["arn:aws:s3:::reports/*"]),
    allow(["logs:PutLogEvents"], on: ["arn:aws:logs:*:*:log-group:/aws/lambda/fn:*"]),
  ]
  static let publicURL = base.with { $0.url = Fx.url($0) }

  static let all: [RuleCase] = [
    RuleCase(
      ruleId: "WARD-ATS-007", fires: Scenario([role(base, [allow(["*"])])]),
      quiet: Scenario([role(base, [allow(["*"])], boundary: leastPrivilege)])),
    RuleCase(
      ruleId: "WARD-ATS-008",
      fires: Scenario([role(base, [allow(["iam:PassRole", "lambda:UpdateFunctionCode"])])]),
      // PassRole alone, or with its companion only on one function, cannot run new code.
      quiet: Scenario([
        role(
          base,
          [
            allow(["iam:PassRole"]),
            allow(["lambda:UpdateFunctionCode"], on: [Fx.arn("fn")]),
          ])
      ])),
    RuleCase(
      ruleId: "WARD-ATS-009", fires: Scenario([role(base, [allow(["s3:*"])])]),
      quiet: Scenario([role(base, [allow(["s3:*"]), deny(["s3:*"])])])),
    RuleCase(
      ruleId: "WARD-INV-007", fires: Scenario([role(publicURL, [allow(["dynamodb:*"])])]),
      quiet: Scenario([role(publicURL, leastPrivilege)])),
    RuleCase(
      ruleId: "WARD-XTN-008",
      fires: Scenario([
        role(
          base,
          [
            allow(
              ["dynamodb:GetItem"], on: ["arn:aws:dynamodb:eu-west-1:\(Fx.betaAccount):table/t"])
          ])
      ]),
      quiet: Scenario([
        role(
          base,
          [
            allow(
              ["dynamodb:GetItem"], on: ["arn:aws:dynamodb:eu-west-1:\(Fx.alphaAccount):table/t"])
          ])
      ])),
  ]
}
