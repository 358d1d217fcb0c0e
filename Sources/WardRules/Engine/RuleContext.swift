import WardModel

/// How an account relates to a tenant.
public enum AccountRelation: Sendable, Hashable {
  /// One of the tenant's own accounts.
  case sameTenant
  /// An account that belongs to a different tenant (named).
  case otherTenant(String)
  /// An account no tenant owns: outside the estate Ward knows.
  case unknown
}

/// Scan-wide facts every rule may read, computed once per scan.
public struct RuleContext: Sendable {
  public let now: EpochSeconds
  public let lifecycle: RuntimeLifecycle
  /// Hourly metrics by unqualified function ARN.
  public let metrics: [String: [MetricSample]]
  let tenantByAccount: [String: String]
  let accountsByTenant: [String: Set<String>]
  /// Tenants whose functions use each execution role ARN.
  let tenantsByRole: [String: Set<String>]
  /// Tenants whose functions hold each credential-like value (by fingerprint).
  let tenantsByCredential: [String: Set<String>]

  public init(
    tenants: [Tenant], functions: [FunctionInventory], metrics: [String: [MetricSample]],
    now: EpochSeconds, lifecycle: RuntimeLifecycle
  ) {
    self.now = now
    self.lifecycle = lifecycle
    self.metrics = metrics
    var byAccount: [String: String] = [:]
    var byTenant: [String: Set<String>] = [:]
    for tenant in tenants {
      for account in tenant.accounts {
        byAccount[account] = tenant.name
        byTenant[tenant.name, default: []].insert(account)
      }
    }
    var byRole: [String: Set<String>] = [:]
    var byCredential: [String: Set<String>] = [:]
    for inventory in functions {
      let account = inventory.function.account
      if byAccount[account] == nil { byAccount[account] = inventory.tenant }
      byTenant[inventory.tenant, default: []].insert(account)
      if let role = inventory.function.role { byRole[role, default: []].insert(inventory.tenant) }
      for variable in inventory.function.environment where variable.secretKind != nil {
        byCredential[variable.fingerprint, default: []].insert(inventory.tenant)
      }
    }
    tenantByAccount = byAccount
    accountsByTenant = byTenant
    tenantsByRole = byRole
    tenantsByCredential = byCredential
  }

  /// The tenant that owns an account, if any.
  public func tenant(ofAccount account: String) -> String? { tenantByAccount[account] }

  /// How `account` relates to `tenant`.
  public func relation(of account: String, to tenant: String) -> AccountRelation {
    if accountsByTenant[tenant]?.contains(account) == true { return .sameTenant }
    if let owner = tenantByAccount[account], owner != tenant { return .otherTenant(owner) }
    return .unknown
  }

  /// The tenants (other than `tenant`) whose functions use `role`.
  public func otherTenants(sharingRole role: String, with tenant: String) -> [String] {
    (tenantsByRole[role] ?? []).subtracting([tenant]).sorted()
  }

  /// The tenants (other than `tenant`) whose functions hold the same credential value.
  public func otherTenants(sharingCredential fingerprint: String, with tenant: String) -> [String] {
    (tenantsByCredential[fingerprint] ?? []).subtracting([tenant]).sorted()
  }
}
