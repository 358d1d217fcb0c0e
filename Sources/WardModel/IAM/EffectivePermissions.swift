/// What an execution role may do: its identity policies' Allow statements, minus explicit
/// Denies, intersected with the permissions boundary when one is set.
///
/// The result is a list of ``Grant``s (an action pattern on a resource pattern, with the
/// parts a Deny or a NotAction/NotResource takes away). Statements with a `Condition` are
/// kept apart: a conditional Allow is listed as conditional (rules do not count it), and a
/// conditional Deny is not subtracted (it may not apply). Where two wildcard patterns only
/// partly overlap, the evaluator keeps the wider answer (see ``IAMPattern/intersection``).
public struct EffectivePermissions: Sendable, Hashable {
  /// An action pattern granted on a resource pattern, except where `exceptions` say.
  public struct Grant: Sendable, Hashable {
    public var action: String
    public var resource: String
    /// Action/resource pairs inside the grant that are not allowed.
    public var exceptions: [Region]
    /// Whether the Allow carries a Condition.
    public var conditional: Bool
    /// Where the Allow comes from (`inline policy NAME`, `managed policy NAME`).
    public var source: String

    /// The service prefix of the action (`s3`), or `*` for every service.
    public var service: String {
      let lower = action.lowercased()
      guard let colon = lower.firstIndex(of: ":") else { return "*" }
      let prefix = String(lower[..<colon])
      return prefix.contains("*") ? "*" : prefix
    }
  }

  /// An action pattern on a resource pattern.
  public struct Region: Sendable, Hashable {
    public var action: String
    public var resource: String

    public init(action: String, resource: String) {
      self.action = action
      self.resource = resource
    }
  }

  /// How much of an action on a resource the role holds.
  public enum Access: Sendable, Hashable {
    /// Granted on the whole resource pattern, by `grant`.
    case full(Grant)
    /// Granted, but Denies or NotAction/NotResource take out `exceptions`.
    case partial(Grant, exceptions: [Region])
    case none

    /// The grant behind a full or partial access.
    public var grant: Grant? {
      switch self {
      case .full(let g), .partial(let g, _): g
      case .none: nil
      }
    }
  }

  /// Every grant, unconditional and conditional, in policy order.
  public let grants: [Grant]

  /// Evaluates identity policies `documents` (named for evidence) under `boundary`.
  public init(
    documents: [(name: String, document: IAMPolicyDocument)], boundary: IAMPolicyDocument? = nil
  ) {
    var grants: [Grant] = []
    var denies: [(Region, [Region])] = []
    for (name, document) in documents {
      for s in document.statements {
        let pieces = Self.regions(of: s)
        switch s.effect {
        case .allow:
          grants += pieces.map {
            Grant(
              action: $0.0.action, resource: $0.0.resource, exceptions: $0.1,
              conditional: s.hasCondition, source: name)
          }
        case .deny where !s.hasCondition: denies += pieces
        case .deny: break
        }
      }
    }
    if let boundary { grants = Self.intersect(grants, with: boundary) }
    for deny in denies { grants = grants.flatMap { Self.subtract(deny, from: $0) } }
    var seen = Set<Grant>()
    self.grants = grants.filter { seen.insert($0).inserted }
  }

  /// The role's permissions when every policy it names was collected; nil (unknown)
  /// otherwise.
  public init?(role: ExecutionRole) {
    guard role.uncollectedPolicies.isEmpty else { return nil }
    self.init(documents: role.namedDocuments, boundary: role.boundary?.document)
  }

  /// How much of `action` (a name or pattern such as `s3:*`) on `resource` the role holds
  /// unconditionally: full if one grant covers it with nothing taken out, else partial if
  /// one covers it with some parts denied, else none.
  public func access(to action: String, on resource: String = "*") -> Access {
    var best: Access = .none
    for g in grants where !g.conditional {
      guard IAMPattern.covers(g.action, action, caseInsensitive: true),
        IAMPattern.covers(g.resource, resource, caseInsensitive: false)
      else { continue }
      let touching = g.exceptions.filter {
        IAMPattern.overlaps($0.action, action, caseInsensitive: true)
          && IAMPattern.overlaps($0.resource, resource, caseInsensitive: false)
      }
      if touching.isEmpty { return .full(g) }
      let blocked = touching.contains {
        IAMPattern.covers($0.action, action, caseInsensitive: true)
          && IAMPattern.covers($0.resource, resource, caseInsensitive: false)
      }
      if !blocked, case .none = best { best = .partial(g, exceptions: touching) }
    }
    return best
  }

  // MARK: Evaluation

  /// A statement as regions, each with the parts its NotAction/NotResource leave out.
  static func regions(of s: IAMStatement) -> [(Region, [Region])] {
    let actions = s.actions.isEmpty ? ["*"] : s.actions
    let resources = s.resources.isEmpty ? ["*"] : s.resources
    let left =
      s.notActions.map { Region(action: $0, resource: "*") }
      + s.notResources.map { Region(action: "*", resource: $0) }
    return actions.flatMap { a in resources.map { r in (Region(action: a, resource: r), left) } }
  }

  /// `grants` limited to what `boundary` allows, minus what it denies.
  static func intersect(_ grants: [Grant], with boundary: IAMPolicyDocument) -> [Grant] {
    var limits: [(Region, [Region])] = []
    var denies: [(Region, [Region])] = []
    for s in boundary.statements where !s.hasCondition {
      if s.effect == .allow { limits += regions(of: s) } else { denies += regions(of: s) }
    }
    var out: [Grant] = []
    for g in grants {
      for (limit, left) in limits {
        guard
          let a = IAMPattern.intersection(g.action, limit.action, caseInsensitive: true),
          let r = IAMPattern.intersection(g.resource, limit.resource, caseInsensitive: false)
        else { continue }
        var narrowed = g
        narrowed.action = a
        narrowed.resource = r
        narrowed.exceptions = (g.exceptions + left).filter { touches($0, narrowed) }
        out.append(narrowed)
      }
    }
    for deny in denies { out = out.flatMap { subtract(deny, from: $0) } }
    return out
  }

  /// `grant` minus a Deny region (itself minus the parts its NotAction/NotResource leave).
  static func subtract(_ deny: (Region, [Region]), from grant: Grant) -> [Grant] {
    let (region, left) = deny
    guard touches(region, grant) else { return [grant] }
    let whole =
      IAMPattern.covers(region.action, grant.action, caseInsensitive: true)
      && IAMPattern.covers(region.resource, grant.resource, caseInsensitive: false)
    if whole && left.isEmpty { return [] }
    if whole {
      // Deny NotAction/NotResource over the whole grant: only the spared parts survive.
      return left.compactMap { spared in
        guard
          let a = IAMPattern.intersection(grant.action, spared.action, caseInsensitive: true),
          let r = IAMPattern.intersection(grant.resource, spared.resource, caseInsensitive: false)
        else { return nil }
        var kept = grant
        kept.action = a
        kept.resource = r
        kept.exceptions = grant.exceptions.filter { touches($0, kept) }
        return kept
      }
    }
    var reduced = grant
    let taken = Region(
      action: IAMPattern.intersection(grant.action, region.action, caseInsensitive: true)
        ?? region.action,
      resource: IAMPattern.intersection(grant.resource, region.resource, caseInsensitive: false)
        ?? region.resource)
    if !reduced.exceptions.contains(taken) { reduced.exceptions.append(taken) }
    return [reduced]
  }

  static func touches(_ region: Region, _ grant: Grant) -> Bool {
    IAMPattern.overlaps(region.action, grant.action, caseInsensitive: true)
      && IAMPattern.overlaps(region.resource, grant.resource, caseInsensitive: false)
  }
}

extension EffectivePermissions.Grant {
  /// `s3:* on * (except s3:DeleteBucket on *) [conditional] from inline policy data`.
  public var label: String {
    var text = "\(action) on \(resource)"
    if !exceptions.isEmpty {
      text +=
        " (except " + exceptions.map { "\($0.action) on \($0.resource)" }.joined(separator: ", ")
        + ")"
    }
    if conditional { text += " [conditional]" }
    return text + " from \(source)"
  }
}
