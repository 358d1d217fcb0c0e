import Testing
import WardConsole
import WardModel
import WardStore

/// The function detail's Permissions pane and Routes section, at 80x24 like a user's
/// terminal, through the pager too.
@Suite struct PermissionsPaneTests {
  static func storeWithRole() throws -> (TempStore, PostureStore) {
    let (temp, store) = try Fixture.store()
    var b = ImportBatch(format: "test")
    b.iamRoles = [
      IAMRole(
        arn: "arn:aws:iam::\(Fixture.acme):role/orders-api-role", name: "orders-api-role",
        account: Fixture.acme,
        inlinePolicies: [
          IAMInlinePolicy(
            name: "data",
            document: IAMPolicyDocument(statements: [
              IAMStatement(effect: .allow, actions: ["s3:*"], resources: ["*"]),
              IAMStatement(
                effect: .allow, actions: ["dynamodb:GetItem", "dynamodb:PutItem"],
                resources: ["arn:aws:dynamodb:eu-west-1:\(Fixture.acme):table/orders"]),
              IAMStatement(effect: .deny, actions: ["s3:DeleteBucket"], resources: ["*"]),
            ]))
        ])
    ]
    b.apis = [ApiInfo(apiId: "a1", kind: .rest, name: "shop", account: Fixture.acme)]
    b.apiRoutes = [
      ApiRecords(
        apiId: "a1", kind: .rest,
        records: [
          ApiRoute(
            method: "POST", path: "/pay", authType: .none,
            functionArn: Fixture.arn("orders-api", Fixture.acme))
        ])
    ]
    b.apiStages = [
      ApiRecords(
        apiId: "a1", kind: .rest,
        records: [ApiStage(name: "prod", accessLogging: false, throttled: true)])
    ]
    try store.apply(b, now: Fixture.now)
    return (temp, store)
  }

  func openPermissions(_ c: HeadlessConsole) {
    c.command("tenant acme")
    c.press([.enter, .enter])
    c.press([.tab, .tab, .tab, .tab])
  }

  @Test func thePaneSummarisesByServiceAndResourceAtEightyColumns() throws {
    let (_, store) = try Self.storeWithRole()
    let c = Fixture.console(store, width: 80, height: 24)
    openPermissions(c)
    #expect(c.shows("[Permissions]"), "\(c.screenLines())")
    #expect(c.shows("inline        data"))
    #expect(c.shows("dynamodb  dynamodb:GetItem, dynamodb:PutItem"))
    #expect(c.shows("on arn:aws:dynamodb:eu-west-1:\(Fixture.acme):table/orders"))
    #expect(c.shows("s3        s3:*"))
    #expect(c.shows("except s3:DeleteBucket on *"))
    // The pager shows the pane whole.
    c.press(.char("v"))
    #expect(c.state.topKind == .pager)
    #expect(c.shows("from inline policy data"))
  }

  @Test func thePaneSaysUnknownWhenIAMWasNotCollected() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, width: 80, height: 24)
    openPermissions(c)
    #expect(c.shows("unknown: IAM was not collected"), "\(c.screenLines())")
  }

  @Test func theConfigurationPaneListsTheRoutes() throws {
    let (_, store) = try Self.storeWithRole()
    let c = Fixture.console(store, width: 120, height: 60)
    c.command("tenant acme")
    c.press([.enter, .enter])
    c.press(.char("v"))
    #expect(c.shows("POST /pay  shop (a1, rest)  auth NONE  ! no authorizer"), "\(c.screenLines())")
    #expect(c.shows("no API key  no validator"))
    #expect(c.shows("stage prod: no access log, throttled"))
  }
}
