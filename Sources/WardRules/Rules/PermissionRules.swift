import WardModel

// Rules on the execution role's effective permissions (iam get-account-authorization-details
// read by Ward). Each returns nothing when the permissions are unknown: IAM not collected,
// or a policy the role names missing from what was collected.

/// WARD-ATS-007: the role is an administrator or holds a whole service on every resource.
struct AdminRoleRule: Rule {
  let entry = RuleEntry(
    id: "WARD-ATS-007", category: .attackSurface, severity: .high,
    title: "Execution role grants admin or a whole service on every resource",
    rationale:
      "Whatever runs in the function (its code, its dependencies, an injected payload) acts with the role's permissions. `*` on `*` is the whole account; `SERVICE:*` on `*` is every action of that service on every resource, including deleting and reconfiguring them. Data services (S3, DynamoDB) are reported by WARD-ATS-009; an admin role is reported here only, since it covers the escalation and data-wide grants.",
    remediation:
      "Replace the grant with the actions the function calls on the resources it uses (IAM Access Analyzer can generate the policy from CloudTrail), or cap the role with a permissions boundary."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard let p = s.inventory.permissions else { return nil }
    if let admin = RolePermissions.admin(p) { return RolePermissions.hit(s, [admin]) }
    return RolePermissions.hit(
      s, RolePermissions.serviceWide(p, exclude: RolePermissions.dataServices))
  }
}

/// WARD-ATS-008: the role can raise privileges.
struct PrivilegeEscalationRoleRule: Rule {
  let entry = RuleEntry(
    id: "WARD-ATS-008", category: .attackSurface, severity: .high,
    title: "Execution role can escalate privileges",
    rationale:
      "With `iam:Attach*Policy`, `iam:Put*Policy`, `iam:CreatePolicyVersion`, `iam:CreateAccessKey` or `sts:AssumeRole` on `*`, or `iam:PassRole` together with `lambda:CreateFunction`/`UpdateFunctionCode`, code in the function can grant itself (or a new function, user or key) more than the role holds: one bug becomes account takeover. Admin roles are reported by WARD-ATS-007 instead.",
    remediation:
      "Remove the IAM and STS write actions from the role, or scope them to named resources (iam:PassRole to the one role the function must pass, with an iam:PassedToService condition)."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard let p = s.inventory.permissions, RolePermissions.admin(p) == nil else { return nil }
    return RolePermissions.hit(s, RolePermissions.escalation(p))
  }
}

/// WARD-ATS-009: the role reads and writes every bucket or table.
struct DataWideRoleRule: Rule {
  let entry = RuleEntry(
    id: "WARD-ATS-009", category: .attackSurface, severity: .medium,
    title: "Execution role grants s3:* or dynamodb:* on every resource",
    rationale:
      "A data-wide grant lets the function read, overwrite and delete every bucket or table in the account (and every tenant's data in a shared account), not only its own. Admin roles are reported by WARD-ATS-007 instead.",
    remediation:
      "Grant the object or item actions the function uses (s3:GetObject, dynamodb:GetItem …) on its own bucket or table ARNs."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard let p = s.inventory.permissions, RolePermissions.admin(p) == nil else { return nil }
    return RolePermissions.hit(
      s, RolePermissions.serviceWide(p, only: RolePermissions.dataServices))
  }
}

/// WARD-INV-007: the toxic combination, anyone can call the function and its role is
/// over-broad.
struct PublicOverBroadRoleRule: Rule {
  let entry = RuleEntry(
    id: "WARD-INV-007", category: .invocation, severity: .critical,
    title: "Function anyone can call holds an over-broad role",
    rationale:
      "A way in that needs no credentials (function URL AuthType NONE, a resource policy open to `*`, an API Gateway permission with no SourceArn, a route with no authorizer) leads to a function whose role is admin, service-wide, data-wide or can escalate: an attacker who finds one bug in the function gets those permissions. The evidence gives the chain: way in, function, role, grant.",
    remediation:
      "Break the chain at both ends: require auth on the way in (AWS_IAM, an authorizer, a scoped policy) and cut the role to what the function needs."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard let p = s.inventory.permissions else { return nil }
    let broad = RolePermissions.overBroad(p)
    let ways = s.inventory.unauthenticatedPaths
    guard !broad.isEmpty, !ways.isEmpty else { return nil }
    return RuleHit(
      evidence:
        "\(ways.joined(separator: " | ")) → function \(s.function.name) → role \(s.function.role ?? "") → "
        + broad.map(\.text).joined(separator: "; "))
  }
}

/// WARD-XTN-008: the role grants actions on another tenant's resources.
struct RoleGrantsOtherTenantRule: Rule {
  let entry = RuleEntry(
    id: "WARD-XTN-008", category: .crossTenant, severity: .high,
    title: "Execution role grants access to another tenant's resources",
    rationale:
      "An Allow whose resource ARN is in another tenant's account lets this tenant's function act on that tenant's data (the other account's resource policy permitting): the tenant boundary rests on a policy in someone else's account.",
    remediation:
      "Remove the grant, or move the shared resource into a separately governed account with an explicit, reviewed integration."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard let p = s.inventory.permissions else { return nil }
    var hits: [String] = []
    for g in p.grants where !g.conditional {
      guard let account = ARN(g.resource)?.account, !account.isEmpty,
        case .otherTenant(let owner) = s.relation(of: account)
      else { continue }
      let text =
        "\(g.action) on \(g.resource) (account \(account), \(TenantMention.reference([owner]))) from \(g.source)"
      if !hits.contains(text) { hits.append(text) }
    }
    return .listing(hits)
  }
}
