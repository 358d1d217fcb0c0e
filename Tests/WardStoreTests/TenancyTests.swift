import Testing
import WardModel

@testable import WardStore

@Suite struct TenancyTests {
  @Test func unmappedAccountsGetATenantNamedByTheAccount() throws {
    let store = try TempStore().open()
    try store.apply(T.batch { $0.functions = [T.function("orders")] }, now: T.now)
    let tenants = try store.tenants()
    #expect(tenants.map(\.name) == ["111122223333"])
    #expect(tenants[0].accounts == ["111122223333"])
    #expect(tenants[0].functionCount == 1)
  }

  /// A first tenants file adds (+) its tenants and accounts; the same file again changes
  /// nothing; new labels update (~).
  @Test func aTenantsFileCountsAddedUpdatedAndUnchanged() throws {
    let store = try TempStore().open()
    let tenants = [
      Tenant(name: "acme", accounts: ["111122223333", "444455556666"]),
      Tenant(name: "globex", accounts: ["777788889999"]),
    ]
    let first = try store.apply(T.batch { $0.tenants = tenants }, now: T.now)
    #expect(first[.tenants].inserted == 2 && first[.tenants].updated == 0)
    #expect(first[.accounts].inserted == 3 && first[.accounts].updated == 0)
    let again = try store.apply(T.batch { $0.tenants = tenants }, now: T.now)
    #expect(again[.tenants].unchanged == 2 && again[.accounts].unchanged == 3)
    var relabelled = tenants
    relabelled[0].labels = ["tier": "gold"]
    let third = try store.apply(T.batch { $0.tenants = relabelled }, now: T.now)
    #expect(third[.tenants].updated == 1 && third[.tenants].unchanged == 1)
  }

  @Test func aTenantsFileMovesTheAccountsRows() throws {
    let temp = TempStore()
    let store = try temp.open()
    try store.apply(ApplyTests.fullBatch(), now: T.now)
    let s = try store.apply(
      T.batch {
        $0.tenants = [
          Tenant(name: "acme", accounts: ["111122223333"], labels: ["tier": "gold"])
        ]
      }, now: T.now)
    #expect(s[.accounts].updated == 1)
    let tenants = try store.tenants()
    #expect(tenants.map(\.name) == ["444455556666", "acme"], "the empty automatic tenant is gone")
    let acme = try #require(tenants.last)
    #expect(acme.labels == ["tier": "gold"])
    #expect(acme.functionCount == 1)
    #expect(acme.openBySeverity == [.high: 1, .critical: 1])
    #expect(acme.openByCategory[.invocation] == [.high: 1, .critical: 1])
    #expect(try store.finding(id: "f1")?.tenant == "acme")
    #expect(try store.function(arn: T.arn("orders"))?.tenant == "acme")
    #expect(try store.alerts().rows.map(\.tenant) == ["acme"])
    let raw = RawConnection(path: temp.path)
    let acmeId = raw.int("SELECT id FROM tenants WHERE name = 'acme'")
    #expect(raw.int("SELECT COUNT(*) FROM costs WHERE tenant_id <> \(acmeId)") == 0)
    #expect(raw.int("SELECT SUM(n) FROM finding_counts WHERE tenant_id = \(acmeId)") == 2)
    // New data for the account now lands in acme directly.
    try store.apply(T.batch { $0.findings = [T.finding("f9")] }, now: T.now)
    #expect(try store.finding(id: "f9")?.tenant == "acme")
  }

  @Test func anOverrideMapsTheBatchAccounts() throws {
    let store = try TempStore().open()
    try store.apply(T.batch { $0.functions = [T.function("orders")] }, now: T.now)
    try store.apply(
      T.batch { $0.findings = [T.finding("f1")] }, tenantOverride: "initech", now: T.now)
    #expect(try store.function(arn: T.arn("orders"))?.tenant == "initech")
    #expect(try store.tenants().map(\.name) == ["initech"])
  }

  @Test func aScopedHandleSeesOnlyItsTenants() throws {
    let store = try TempStore().open()
    try store.apply(ApplyTests.fullBatch(), now: T.now)
    let scoped = store.scoped(to: .only(["444455556666"]))
    #expect(try scoped.tenants().map(\.name) == ["444455556666"])
    #expect(try scoped.functions().rows.map(\.name) == ["billing"])
    #expect(try scoped.findings().rows.isEmpty)
    #expect(try scoped.alerts().rows.isEmpty)
    #expect(try scoped.function(arn: T.arn("orders")) == nil)
    #expect(try scoped.inventory().map(\.function.name) == ["billing"])
    #expect(try scoped.metricSeries(functionArn: T.arn("orders"), from: 0, to: .max).isEmpty)
    #expect(try store.metricSeries(functionArn: T.arn("orders"), from: 0, to: .max).count == 24)
    // A scoped handle cannot widen its scope.
    #expect(try scoped.scoped(to: .all).functions().rows.map(\.name) == ["billing"])
    #expect(try scoped.scoped(to: .only(["111122223333"])).functions().rows.isEmpty)
  }
}
