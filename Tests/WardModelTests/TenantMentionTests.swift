import Testing

@testable import WardModel

@Suite struct TenantMentionTests {
  let text = "role r also used by \(TenantMention.reference(["acme", "globex", "initech"]))."

  @Test func aReaderSeesOnlyTheNamesInItsScope() {
    #expect(
      TenantMention.render(text, visible: { _ in true })
        == "role r also used by tenants acme, globex, initech.")
    #expect(
      TenantMention.render(text, visible: { $0 == "acme" })
        == "role r also used by tenant acme and other tenants.")
    #expect(
      TenantMention.render(text, visible: { _ in false }) == "role r also used by other tenants.")
    let one = "account 1 (\(TenantMention.reference(["globex"])))"
    #expect(TenantMention.render(one, visible: { _ in false }) == "account 1 (another tenant)")
    #expect(TenantMention.render(one, visible: { _ in true }) == "account 1 (tenant globex)")
  }

  @Test func aMalformedReferenceNeverRendersNames() {
    let cut = String(text.unicodeScalars.dropLast(2).map(Character.init))
    #expect(!TenantMention.render(cut, visible: { _ in false }).contains("globex"))
    #expect(TenantMention.render("plain text", visible: { _ in false }) == "plain text")
  }
}
