import Testing
import WardModel
import WardRules

/// Cross-tenant evidence names the other tenant only through a reference, so a reader
/// scoped to the finding's tenant sees "another tenant" and never the name.
@Test(
  arguments: RuleCases.all.filter {
    $0.ruleId.hasPrefix("WARD-XTN-") && $0.ruleId != "WARD-XTN-007"
  })
func crossTenantEvidenceNamesOtherTenantsOnlyByReference(_ c: RuleCase) throws {
  let rule = try #require(RuleCatalogue.rule(id: c.ruleId))
  let f = try #require(findings(c.fires, rule: rule).first)
  let scoped = TenantMention.render(f.evidence, visible: { $0 == "alpha" })
  #expect(!scoped.contains("beta"), "\(c.ruleId): \(scoped)")
  #expect(scoped.contains("another tenant"), "\(c.ruleId): \(scoped)")
  let unscoped = TenantMention.render(f.evidence, visible: { _ in true })
  #expect(unscoped.contains("tenant beta"), "\(c.ruleId): \(unscoped)")
}
