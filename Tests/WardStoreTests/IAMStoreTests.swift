import Testing
import WardModel

@testable import WardStore

/// IAM roles and managed policies: stored, joined to the function by its role ARN when
/// read, re-applied without change, and pages importable in any order.
@Suite struct IAMStoreTests {
  static let account = "111122223333"
  static let admin = IAMManagedPolicy(
    arn: "arn:aws:iam::aws:policy/AdministratorAccess", name: "AdministratorAccess",
    document: IAMPolicyDocument(statements: [
      IAMStatement(effect: .allow, actions: ["*"], resources: ["*"])
    ]))

  static func rolePage() -> ImportBatch {
    T.batch { b in
      b.functions = [T.function("orders", account: account)]
      b.iamRoles = [
        IAMRole(
          arn: "arn:aws:iam::\(account):role/orders", name: "orders", account: account,
          inlinePolicies: [
            IAMInlinePolicy(
              name: "no-iam",
              document: IAMPolicyDocument(statements: [
                IAMStatement(effect: .deny, actions: ["iam:*"], resources: ["*"])
              ]))
          ], attachedPolicyArns: [admin.arn])
      ]
    }
  }

  @Test func theRoleIsJoinedToItsFunctionOnceItsPolicyArrives() throws {
    let temp = TempStore()
    let store = try temp.open()
    try store.apply(Self.rolePage(), now: T.now)
    // The managed policy's page has not arrived: the role is known, its permissions not.
    var inventory = try #require(try store.inventory().first)
    #expect(inventory.executionRole?.uncollectedPolicies == [Self.admin.arn])
    #expect(inventory.permissions == nil)
    try store.apply(T.batch { $0.iamPolicies = [Self.admin] }, now: T.now)
    inventory = try #require(try store.inventory().first)
    let p = try #require(inventory.permissions)
    #expect(p.access(to: "iam:PassRole").grant == nil)
    #expect(p.access(to: "s3:*").grant?.source == "managed policy AdministratorAccess")
    #expect(
      try store.executionRole(forFunction: T.arn("orders", account: Self.account))
        == inventory.executionRole)
    // Re-applying both pages changes nothing.
    #expect(try store.apply(Self.rolePage(), now: T.now)[.roles].changed == 0)
    #expect(
      try store.apply(T.batch { $0.iamPolicies = [Self.admin] }, now: T.now)[.roles].changed == 0)
  }

  @Test func aFunctionWhoseRoleWasNeverCollectedHasUnknownPermissions() throws {
    let temp = TempStore()
    let store = try temp.open()
    try store.apply(
      T.batch { $0.functions = [T.function("orders", account: Self.account)] }, now: T.now)
    let inventory = try #require(try store.inventory().first)
    #expect(inventory.executionRole == nil && inventory.permissions == nil)
    #expect(try store.executionRole(forFunction: inventory.function.arn) == nil)
  }
}
