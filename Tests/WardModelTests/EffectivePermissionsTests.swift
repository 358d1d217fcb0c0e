import Testing

@testable import WardModel

/// The permission evaluator: wildcard patterns, Allow minus Deny, NotAction/NotResource,
/// boundaries, conditions; and a property check against a brute-force evaluation.
@Suite struct EffectivePermissionsTests {
  func allow(
    _ actions: [String], on resources: [String] = ["*"], not: Bool = false,
    condition: Bool = false
  ) -> IAMStatement {
    not
      ? IAMStatement(
        effect: .allow, notActions: actions, resources: resources, hasCondition: condition)
      : IAMStatement(
        effect: .allow, actions: actions, resources: resources, hasCondition: condition)
  }
  func deny(_ actions: [String], on resources: [String] = ["*"]) -> IAMStatement {
    IAMStatement(effect: .deny, actions: actions, resources: resources)
  }
  func eval(_ statements: [IAMStatement], boundary: [IAMStatement]? = nil) -> EffectivePermissions {
    EffectivePermissions(
      documents: [("inline policy p", IAMPolicyDocument(statements: statements))],
      boundary: boundary.map { IAMPolicyDocument(statements: $0) })
  }
  func isFull(_ a: EffectivePermissions.Access) -> Bool {
    if case .full = a { return true }
    return false
  }
  func isPartial(_ a: EffectivePermissions.Access) -> Bool {
    if case .partial = a { return true }
    return false
  }

  @Test func patternsCoverOverlapAndMatch() {
    #expect(IAMPattern.covers("s3:*", "s3:Get*", caseInsensitive: true))
    #expect(!IAMPattern.covers("s3:Get*", "s3:*", caseInsensitive: true))
    #expect(IAMPattern.covers("*", "iam:PutRolePolicy", caseInsensitive: true))
    #expect(IAMPattern.covers("iam:Put*Policy", "iam:PutRolePolicy", caseInsensitive: true))
    #expect(
      !IAMPattern.covers("iam:Put*Policy", "iam:PutRolePermissionsBoundary", caseInsensitive: true))
    #expect(IAMPattern.covers("S3:GETOBJECT", "s3:GetObject", caseInsensitive: true))
    #expect(!IAMPattern.covers("arn:aws:s3:::A/*", "arn:aws:s3:::a/x", caseInsensitive: false))
    #expect(IAMPattern.overlaps("s3:Get*", "s3:*Object", caseInsensitive: true))
    #expect(!IAMPattern.overlaps("s3:Get*", "s3:Put*", caseInsensitive: true))
    #expect(IAMPattern.covers("s3:?etObject", "s3:GetObject", caseInsensitive: true))
    #expect(!IAMPattern.covers("s3:?etObject", "s3:*", caseInsensitive: true))
    #expect(IAMPattern.matches("arn:aws:s3:::b/*", "arn:aws:s3:::b/k", caseInsensitive: false))
    #expect(IAMPattern.intersection("*", "s3:*", caseInsensitive: true) == "s3:*")
    #expect(IAMPattern.intersection("ec2:*", "s3:*", caseInsensitive: true) == nil)
  }

  @Test func adminAndServiceWildcardsAreFullAccess() {
    let p = eval([allow(["*"])])
    #expect(isFull(p.access(to: "*")))
    #expect(isFull(p.access(to: "s3:*")))
    #expect(isFull(p.access(to: "iam:PassRole", on: "arn:aws:iam::1:role/x")))
    let s3 = eval([allow(["s3:*"])])
    #expect(!isFull(s3.access(to: "*")))
    #expect(isFull(s3.access(to: "s3:*")))
    #expect(s3.access(to: "dynamodb:*").grant == nil)
  }

  @Test func anExplicitDenyTakesAwayAllOrPart() {
    // Deny s3:* on *: nothing of s3 left.
    #expect(eval([allow(["s3:*"]), deny(["s3:*"])]).access(to: "s3:*").grant == nil)
    // Deny of one action: s3:* is still held, partly; that action is not.
    let p = eval([allow(["s3:*"]), deny(["s3:DeleteBucket"])])
    #expect(isPartial(p.access(to: "s3:*")))
    #expect(p.access(to: "s3:DeleteBucket").grant == nil)
    #expect(isFull(p.access(to: "s3:GetObject")))
    // Deny on one bucket: partial on *, none on that bucket, full on another.
    let b = eval([allow(["s3:*"]), deny(["s3:*"], on: ["arn:aws:s3:::secret*"])])
    #expect(isPartial(b.access(to: "s3:*")))
    #expect(b.access(to: "s3:GetObject", on: "arn:aws:s3:::secret/k").grant == nil)
    #expect(isFull(b.access(to: "s3:GetObject", on: "arn:aws:s3:::open/k")))
    // Deny iam:* under admin: admin partial, iam gone.
    let a = eval([allow(["*"]), deny(["iam:*"])])
    #expect(isPartial(a.access(to: "*")))
    #expect(a.access(to: "iam:AttachUserPolicy").grant == nil)
  }

  @Test func notActionAndNotResourceLeaveTheirPartsOut() {
    let p = eval([allow(["iam:*", "organizations:*"], not: true)])
    #expect(isPartial(p.access(to: "*")))
    #expect(isFull(p.access(to: "s3:*")))
    #expect(p.access(to: "iam:PassRole").grant == nil)
    let r = EffectivePermissions(documents: [
      (
        "inline policy r",
        IAMPolicyDocument(statements: [
          IAMStatement(effect: .allow, actions: ["s3:*"], notResources: ["arn:aws:s3:::vault/*"])
        ])
      )
    ])
    #expect(isPartial(r.access(to: "s3:*")))
    #expect(r.access(to: "s3:GetObject", on: "arn:aws:s3:::vault/k").grant == nil)
    // Deny NotAction: everything but the spared actions is denied.
    let d = eval([
      allow(["*"]), IAMStatement(effect: .deny, notActions: ["s3:GetObject"], resources: ["*"]),
    ])
    #expect(d.access(to: "*").grant == nil)
    #expect(isFull(d.access(to: "s3:GetObject")))
    #expect(d.access(to: "s3:PutObject").grant == nil)
  }

  @Test func aBoundaryCapsTheGrants() {
    let capped = eval([allow(["*"])], boundary: [allow(["s3:GetObject"], on: ["arn:aws:s3:::r/*"])])
    #expect(capped.access(to: "*").grant == nil)
    #expect(capped.access(to: "s3:*").grant == nil)
    #expect(isFull(capped.access(to: "s3:GetObject", on: "arn:aws:s3:::r/*")))
    #expect(capped.grants.map(\.action) == ["s3:GetObject"])
    // A boundary that allows everything changes nothing; its Deny still applies.
    let open = eval([allow(["s3:*"])], boundary: [allow(["*"]), deny(["s3:Delete*"])])
    #expect(isPartial(open.access(to: "s3:*")))
    #expect(open.access(to: "s3:DeleteObject").grant == nil)
    // A boundary grants nothing by itself.
    #expect(
      eval([allow(["s3:GetObject"])], boundary: [allow(["*"])]).access(to: "iam:*").grant == nil)
  }

  @Test func conditionalStatementsAreListedButNotCountedAndDoNotDeny() {
    let p = eval([allow(["s3:*"], condition: true)])
    #expect(p.access(to: "s3:*").grant == nil)
    #expect(p.grants.first?.conditional == true)
    #expect(p.summary.first?.notes == ["conditional"])
    var conditionalDeny = deny(["s3:*"])
    conditionalDeny.hasCondition = true
    #expect(isFull(eval([allow(["s3:*"]), conditionalDeny]).access(to: "s3:*")))
  }

  @Test func theSummaryGroupsByServiceAndResource() {
    let p = eval([
      allow(["s3:GetObject", "s3:PutObject"], on: ["arn:aws:s3:::b/*"]), allow(["*"]),
      allow(["dynamodb:GetItem"], on: ["arn:aws:dynamodb:*:*:table/t"]), deny(["iam:*"]),
    ])
    let lines = p.summary
    #expect(lines.map(\.service) == ["*", "dynamodb", "s3"])
    #expect(lines[0].notes == ["except iam:* on *"])
    #expect(lines[2].actions == ["s3:GetObject", "s3:PutObject"])
    #expect(lines[2].resource == "arn:aws:s3:::b/*")
  }

  @Test func unknownWhenAPolicyTheRoleNamesWasNotCollected() {
    let role = IAMRole(
      arn: "arn:aws:iam::1:role/r", name: "r", account: "1",
      attachedPolicyArns: ["arn:aws:iam::aws:policy/AmazonS3FullAccess"])
    #expect(
      EffectivePermissions(role: ExecutionRole(role: role, managedPolicies: [], boundary: nil))
        == nil)
    var bounded = role
    bounded.attachedPolicyArns = []
    bounded.boundaryArn = "arn:aws:iam::1:policy/b"
    #expect(
      EffectivePermissions(role: ExecutionRole(role: bounded, managedPolicies: [], boundary: nil))
        == nil)
    bounded.boundaryArn = nil
    #expect(
      EffectivePermissions(role: ExecutionRole(role: bounded, managedPolicies: [], boundary: nil))
        != nil)
  }

  // MARK: Property: agrees with a brute-force evaluation on concrete requests

  static let actions = [
    "s3:GetObject", "s3:PutObject", "s3:DeleteBucket", "iam:PassRole", "iam:PutRolePolicy",
    "ec2:RunInstances",
  ]
  static let actionPatterns = actions + ["*", "s3:*", "iam:*", "s3:Get*", "iam:Put*", "s3:*Object"]
  static let resources = [
    "arn:aws:s3:::a/k", "arn:aws:s3:::b/k", "arn:aws:iam::1:role/x", "arn:aws:ec2:r:1:instance/i",
  ]
  static let resourcePatterns =
    resources + ["*", "arn:aws:s3:::a/*", "arn:aws:s3:::*", "arn:aws:iam::1:*"]

  /// IAM's own decision for one concrete request.
  static func reference(
    _ action: String, _ resource: String, policy: [IAMStatement], boundary: [IAMStatement]?
  ) -> Bool {
    func applies(_ s: IAMStatement) -> Bool {
      guard !s.hasCondition else { return false }
      let a =
        s.actions.isEmpty
        ? !s.notActions.contains { IAMPattern.matches($0, action, caseInsensitive: true) }
        : s.actions.contains { IAMPattern.matches($0, action, caseInsensitive: true) }
      let r =
        s.resources.isEmpty
        ? !s.notResources.contains { IAMPattern.matches($0, resource, caseInsensitive: false) }
        : s.resources.contains { IAMPattern.matches($0, resource, caseInsensitive: false) }
      return a && r
    }
    func decide(_ statements: [IAMStatement]) -> Bool {
      statements.contains { $0.effect == .allow && applies($0) }
        && !statements.contains { $0.effect == .deny && applies($0) }
    }
    return decide(policy) && (boundary.map(decide) ?? true)
  }

  @Test func agreesWithBruteForceOnConcreteRequests() {
    var rng = SeededGenerator(seed: 0x5EED_1A4D)
    func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
    func some<T>(_ xs: [T]) -> [T] { (0...(Int(rng.next() % 2))).map { _ in pick(xs) } }
    func statement(allowNot: Bool) -> IAMStatement {
      let effect: IAMStatement.Effect = rng.next() % 3 == 0 ? .deny : .allow
      // NotAction/NotResource only on Allows: a partial Deny NotAction is over-approximated.
      let notAction = allowNot && effect == .allow && rng.next() % 5 == 0
      let notResource = allowNot && effect == .allow && !notAction && rng.next() % 6 == 0
      // Exact patterns need prefix wildcards only (`s3:*Object` partly overlaps `s3:Get*`).
      let prefixActions = Self.actionPatterns.filter { $0 != "s3:*Object" }
      return IAMStatement(
        effect: effect, actions: notAction ? [] : some(prefixActions),
        notActions: notAction ? some(prefixActions) : [],
        resources: notResource ? [] : some(Self.resourcePatterns),
        notResources: notResource ? some(Self.resourcePatterns) : [],
        hasCondition: rng.next() % 8 == 0)
    }
    var mismatches: [String] = []
    for round in 0..<300 {
      let policy = (0..<(1 + Int(rng.next() % 4))).map { _ in statement(allowNot: true) }
      let boundary: [IAMStatement]? =
        rng.next() % 3 == 0
        ? (0..<(1 + Int(rng.next() % 2))).map { _ in statement(allowNot: false) } : nil
      let p = eval(policy, boundary: boundary)
      for a in Self.actions {
        for r in Self.resources {
          let expected = Self.reference(a, r, policy: policy, boundary: boundary)
          let got = isFull(p.access(to: a, on: r))
          if expected != got, mismatches.count < 5 {
            mismatches.append(
              "round \(round) \(a) on \(r): expected \(expected), got \(got); policy \(policy); boundary \(boundary as Any)"
            )
          }
        }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches)")
  }
}

/// SplitMix64: a reproducible generator for the property test.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
