import WardModel

/// What the permission rules ask of a function's effective permissions (see
/// ``EffectivePermissions``). All of them answer nothing when the permissions are unknown.
enum RolePermissions {
  /// Services whose wildcard grant on every resource is a data-wide grant.
  static let dataServices = ["s3", "dynamodb"]

  /// Actions that let the role raise its own or another principal's privileges when
  /// granted on every resource. `iam:PassRole` counts only together with a way to run code
  /// under the passed role (see ``passRoleCompanions``).
  static let escalationActions = [
    "iam:AttachUserPolicy", "iam:AttachRolePolicy", "iam:AttachGroupPolicy",
    "iam:PutUserPolicy", "iam:PutRolePolicy", "iam:PutGroupPolicy", "iam:CreatePolicyVersion",
    "iam:CreateAccessKey", "sts:AssumeRole",
  ]
  static let passRoleCompanions = ["lambda:CreateFunction", "lambda:UpdateFunctionCode"]

  /// One over-broad grant, described for evidence.
  struct Broad: Hashable {
    var what: String
    var access: EffectivePermissions.Access

    var text: String {
      guard let g = access.grant else { return what }
      var t = "\(what) via \(g.action) on \(g.resource) (\(g.source))"
      if case .partial(_, let left) = access {
        t += ", except " + left.map { "\($0.action) on \($0.resource)" }.joined(separator: ", ")
      }
      return t
    }
  }

  /// `*` on `*`, when held.
  static func admin(_ p: EffectivePermissions) -> Broad? {
    let a = p.access(to: "*")
    return a.grant == nil ? nil : Broad(what: "* on *", access: a)
  }

  /// Each `SERVICE:*` on `*` held (services in `exclude` left out), from grants whose
  /// action is a whole service.
  static func serviceWide(_ p: EffectivePermissions, only: [String]? = nil, exclude: [String] = [])
    -> [Broad]
  {
    var services: [String] = only ?? []
    if only == nil {
      for g in p.grants where !g.conditional && g.service != "*" {
        if g.action.lowercased() == "\(g.service):*", !services.contains(g.service) {
          services.append(g.service)
        }
      }
    }
    return services.filter { !exclude.contains($0) }.sorted().compactMap { service in
      let a = p.access(to: "\(service):*")
      return a.grant == nil ? nil : Broad(what: "\(service):* on *", access: a)
    }
  }

  /// The privilege-escalation actions held on `*`.
  static func escalation(_ p: EffectivePermissions) -> [Broad] {
    var out = escalationActions.compactMap { action -> Broad? in
      let a = p.access(to: action)
      return a.grant == nil ? nil : Broad(what: "\(action) on *", access: a)
    }
    let pass = p.access(to: "iam:PassRole")
    if pass.grant != nil {
      for companion in passRoleCompanions {
        let a = p.access(to: companion)
        if a.grant != nil {
          out.append(Broad(what: "iam:PassRole on *", access: pass))
          out.append(Broad(what: "\(companion) on *", access: a))
          break
        }
      }
    }
    return out
  }

  /// A hit naming the function's role and each over-broad grant; nil when there is none.
  static func hit(_ s: RuleSubject, _ broad: [Broad]) -> RuleHit? {
    guard !broad.isEmpty else { return nil }
    return RuleHit(
      evidence: "role \(s.function.role ?? ""): " + broad.map(\.text).joined(separator: "; "))
  }

  /// Everything over-broad the role holds: admin alone when it is admin (it covers the
  /// rest), else service-wide, escalation and data-wide grants.
  static func overBroad(_ p: EffectivePermissions) -> [Broad] {
    if let admin = admin(p) { return [admin] }
    var seen = Set<String>()
    return (serviceWide(p) + escalation(p)).filter { seen.insert($0.what).inserted }
  }
}

extension FunctionInventory {
  /// Every way in that needs no credentials: the public input paths plus API Gateway
  /// routes with no authorizer, described for evidence.
  var unauthenticatedPaths: [String] {
    publicInputPaths + routes.filter(\.isOpen).map { "route \($0.label) with no authorizer" }
  }
}
