import Testing
import WardModel

@testable import WardStore

/// Evidence is rendered per reader: a handle scoped to acme reads "another tenant" where
/// the evidence refers to globex, and never evidence from an older Ward that names it.
@Suite struct ScopedEvidenceTests {
  @Test func aScopedReaderNeverReadsAnotherTenantsNameInEvidence() throws {
    let (_, store) = try ScopeIsolationTests.twoTenantStore()
    var current = T.finding("xtn-new", account: ScopeIsolationTests.acme, function: "orders")
    current.ruleId = "WARD-XTN-006"
    current.evidence = "API_TOKEN also held by \(TenantMention.reference(["globex", "acme"]))"
    var legacy = T.finding("xtn-old", account: ScopeIsolationTests.acme, function: "orders")
    legacy.ruleId = "WARD-XTN-003"
    legacy.evidence = "account 444455556666 (tenant globex) in Allow lambda:InvokeFunction"
    try store.apply(T.batch { $0.findings = [current, legacy] }, now: T.now)

    let acme = store.scoped(to: .only(["acme"]))
    let scoped = try #require(try acme.finding(id: "xtn-new")).finding.evidence
    #expect(scoped == "API_TOKEN also held by tenant acme and another tenant")
    let old = try #require(try acme.finding(id: "xtn-old")).finding.evidence
    #expect(!old.contains("globex") && old.contains("another tenant"), "\(old)")

    // An unscoped reader (an admin, a local CLI) sees the names.
    #expect(
      try store.finding(id: "xtn-new")?.finding.evidence
        == "API_TOKEN also held by tenants globex, acme")
    #expect(try store.finding(id: "xtn-old")?.finding.evidence == legacy.evidence)
  }
}
