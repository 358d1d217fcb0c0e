/// A customer or business unit that owns one or more cloud accounts.
public struct Tenant: Sendable, Hashable, Codable {
  /// Display and scope name (unique). Without a tenants file, the account id.
  public var name: String
  /// Cloud account ids (AWS: 12 digits) that belong to this tenant.
  public var accounts: [String]
  /// Free labels such as `owner` or `tier`.
  public var labels: [String: String]

  public init(name: String, accounts: [String], labels: [String: String] = [:]) {
    self.name = name
    self.accounts = accounts
    self.labels = labels
  }
}
