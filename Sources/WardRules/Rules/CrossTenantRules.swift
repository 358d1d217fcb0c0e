import WardModel

// Evidence names tenants only through `TenantMention` references, which every read renders
// for its scope.

/// WARD-XTN-001: one execution role used by functions of different tenants.
struct SharedExecutionRoleRule: Rule {
  let entry = RuleEntry(
    id: "WARD-XTN-001", category: .crossTenant, severity: .critical,
    title: "Execution role shared with another tenant's functions",
    rationale:
      "Functions that share a role share every permission: a bug or injection in one tenant's function reads and writes the other tenant's data.",
    remediation: "Give each tenant's functions their own role, scoped to that tenant's resources.")

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard let role = s.function.role else { return nil }
    let others = s.context.otherTenants(sharingRole: role, with: s.tenant)
    guard !others.isEmpty else { return nil }
    return RuleHit(evidence: "role \(role) also used by \(TenantMention.reference(others))")
  }
}

/// WARD-XTN-002: the execution role lives in another tenant's account.
struct RoleInOtherTenantAccountRule: Rule {
  let entry = RuleEntry(
    id: "WARD-XTN-002", category: .crossTenant, severity: .high,
    title: "Execution role in another tenant's account",
    rationale:
      "The function runs with credentials from another tenant's account: it acts inside that tenant's boundary, and that tenant's administrators control what it can do.",
    remediation: "Use a role in the function's own account.")

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard let role = s.function.role, let account = ARN(role)?.account, !account.isEmpty,
      case .otherTenant(let owner) = s.relation(of: account)
    else { return nil }
    return RuleHit(
      evidence: "role \(role): account \(account) belongs to \(TenantMention.reference([owner]))")
  }
}

/// WARD-XTN-003: the resource policy names another tenant's account.
struct PolicyOtherTenantRule: Rule {
  let entry = RuleEntry(
    id: "WARD-XTN-003", category: .crossTenant, severity: .high,
    title: "Resource policy grants another tenant's account",
    rationale:
      "A principal, SourceAccount or SourceArn in another tenant's account lets that tenant (or its resources) invoke this tenant's function: data can cross the boundary.",
    remediation: "Remove the grant; share through an explicit, reviewed integration instead.")

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    var hits: [String] = []
    for st in s.inventory.allowStatements {
      var accounts = st.principalAccounts
      if let a = st.sourceAccount { accounts.append(a) }
      if let arn = st.sourceArn, let a = ARN(arn)?.account, !a.isEmpty { accounts.append(a) }
      for a in Set(accounts).sorted() {
        if case .otherTenant(let owner) = s.relation(of: a) {
          hits.append("account \(a) (\(TenantMention.reference([owner]))) in \(st.evidenceText)")
        }
      }
    }
    return .listing(hits)
  }
}

/// WARD-XTN-004: an event source in another tenant's account.
struct TriggerOtherTenantRule: Rule {
  let entry = RuleEntry(
    id: "WARD-XTN-004", category: .crossTenant, severity: .high,
    title: "Event source in another tenant's account",
    rationale:
      "The function consumes a queue, stream or table owned by another tenant: that tenant's data flows into this tenant's code and whatever it writes to.",
    remediation:
      "Move the source into the tenant's account or replace the mapping with a reviewed integration."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    var hits: [String] = []
    for t in s.inventory.triggers {
      if let a = t.sourceAccount, case .otherTenant(let owner) = s.relation(of: a) {
        hits.append("mapping \(t.id): \(t.sourceArn) (\(TenantMention.reference([owner])))")
      }
    }
    return .listing(hits)
  }
}

/// WARD-XTN-005: a layer published from another tenant's account.
struct LayerOtherTenantRule: Rule {
  let entry = RuleEntry(
    id: "WARD-XTN-005", category: .crossTenant, severity: .high,
    title: "Layer from another tenant's account",
    rationale:
      "Another tenant can publish code that runs inside this tenant's function, with its role and its events.",
    remediation:
      "Publish the layer in the tenant's own account (or a shared, separately governed tooling account)."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    var hits: [String] = []
    for l in s.function.layers {
      if let a = l.account, case .otherTenant(let owner) = s.relation(of: a) {
        hits.append("layer \(l.arn) (\(TenantMention.reference([owner])))")
      }
    }
    return .listing(hits)
  }
}

/// WARD-XTN-006: the same credential value held by functions of different tenants.
struct SharedCredentialRule: Rule {
  let entry = RuleEntry(
    id: "WARD-XTN-006", category: .crossTenant, severity: .high,
    title: "Credential shared with another tenant's functions",
    rationale:
      "Two tenants' functions hold the same credential-like value (equal fingerprints): whatever it unlocks is reachable from both tenants, and one tenant's leak is the other's.",
    remediation: "Issue a separate credential per tenant and rotate the shared one.")

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    var hits: [String] = []
    for v in s.function.environment where v.secretKind != nil {
      let others = s.context.otherTenants(sharingCredential: v.fingerprint, with: s.tenant)
      if !others.isEmpty {
        hits.append("\(evidenceText(v)) also held by \(TenantMention.reference(others))")
      }
    }
    return .listing(hits)
  }
}

/// WARD-XTN-007: a multi-tenant function without Lambda tenant isolation.
struct SharedFunctionNoIsolationRule: Rule {
  /// Tag whose value names the tenants a function serves (comma-separated).
  static let tenantsTag = "ward:tenants"
  let entry = RuleEntry(
    id: "WARD-XTN-007", category: .crossTenant, severity: .medium,
    title: "Function serves several tenants without tenant isolation mode",
    rationale:
      "A function tagged `ward:tenants` with more than one tenant reuses execution environments across tenants unless TenancyConfig.TenantIsolationMode is PER_TENANT: data left in /tmp or memory by one tenant's request is visible to the next tenant's.",
    remediation:
      "Set TenancyConfig.TenantIsolationMode to PER_TENANT and pass TenantId on invoke, or deploy one function per tenant."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard let value = s.function.tags[Self.tenantsTag] else { return nil }
    let names = value.split(separator: ",").map { $0.trimmingCharacters() }.filter { !$0.isEmpty }
    guard Set(names).count > 1, s.function.tenantIsolationMode?.uppercased() != "PER_TENANT"
    else { return nil }
    return RuleHit(
      evidence:
        "tag \(Self.tenantsTag)=\(value); TenantIsolationMode=\(s.function.tenantIsolationMode ?? "(unset)")"
    )
  }
}

extension Substring {
  /// Removes leading and trailing spaces (no Foundation needed).
  fileprivate func trimmingCharacters() -> String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
