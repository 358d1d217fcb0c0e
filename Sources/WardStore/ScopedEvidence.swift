import WardModel

extension StoreScope {
  /// Ward's rules whose evidence named other tenants in plain text before evidence held
  /// ``TenantMention`` references.
  static let legacyTenantNamingRules: Set<String> = [
    "WARD-XTN-001", "WARD-XTN-002", "WARD-XTN-003", "WARD-XTN-004", "WARD-XTN-005",
    "WARD-XTN-006",
  ]

  /// Evidence as a reader in this scope may see it: tenant references rendered with only
  /// the tenants in scope named. Evidence written by an older Ward (names in plain text)
  /// is withheld from scoped readers until `ward scan` rewrites it.
  func evidence(_ text: String, ruleId: String) -> String {
    if TenantMention.hasReference(text) { return TenantMention.render(text, visible: allows) }
    if tenants != nil, Self.legacyTenantNamingRules.contains(ruleId) {
      return "involves another tenant (written by an older Ward; `ward scan` refreshes it)"
    }
    return text
  }
}
