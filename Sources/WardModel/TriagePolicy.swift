/// A standing triage policy: rules that close matching findings (`ward-policy.yaml`, or a
/// Prowler mutelist mapped onto the same rules; docs/triage.md).
public struct TriagePolicy: Sendable, Hashable {
  /// The file as the user named it.
  public var path: String
  /// Lower-case hex SHA-256 of the file's bytes, recorded on every change a rule makes.
  public var sha256: String
  /// The rules, in file order (the order breaks specificity ties).
  public var rules: [TriageRule]

  public init(path: String, sha256: String, rules: [TriageRule]) {
    self.path = path
    self.sha256 = sha256
    self.rules = rules
  }

  /// The rules still in force at `now` (an expired rule changes nothing), most specific
  /// first, ties in file order: the first that matches a finding is the one that wins.
  public func rulesInForce(at now: EpochSeconds) -> [TriageRule] {
    rules.enumerated()
      .filter { $0.element.expires.map { $0 > now } ?? true }
      .sorted {
        ($0.element.match.specificity, -$0.offset) > ($1.element.match.specificity, -$1.offset)
      }
      .map(\.element)
  }
}

/// One rule: which findings it matches and the decision it records for them.
public struct TriageRule: Sendable, Hashable {
  /// Unique within the file; named on every audit event the rule causes.
  public var id: String
  public var match: TriageRuleMatch
  /// `suppressed`, `risk-accepted` or `false-positive`.
  public var state: TriageState
  public var reason: String
  /// Who answers for the decision (a team or person).
  public var owner: String
  /// When the decision lapses (the finding reopens as `new`); required for risk-accepted.
  public var expires: EpochSeconds?
  /// Where the rule starts in its file (`line:column`), for messages.
  public var place: String

  /// The states a rule may set.
  public static let allowedStates: [TriageState] = [.suppressed, .riskAccepted, .falsePositive]

  public init(
    id: String, match: TriageRuleMatch, state: TriageState, reason: String, owner: String,
    expires: EpochSeconds? = nil, place: String = ""
  ) {
    self.id = id
    self.match = match
    self.state = state
    self.reason = reason
    self.owner = owner
    self.expires = expires
    self.place = place
  }
}

/// What a rule matches. Every field that is set must match (AND); a list matches when any
/// of its entries does (OR). Text matchers are globs: `*` any run, `?` one character,
/// everything else literal and case-sensitive, over the whole value.
public struct TriageRuleMatch: Sendable, Hashable {
  /// Tenant names.
  public var tenants: [String] = []
  /// Account ids.
  public var accounts: [String] = []
  public var regions: [String] = []
  public var categories: [Category] = []
  public var severities: [Severity] = []
  /// Producers: `ward`, `securityhub`, `prowler`, `checkov`.
  public var sources: [String] = []
  /// Rule or check ids at the source (`WARD-*`, `Lambda.1`, `awslambda_*`).
  public var rules: [String] = []
  /// The finding's resource or its function's ARN.
  public var resources: [String] = []
  /// The function's name (the name part of its ARN).
  public var functions: [String] = []
  /// Tenant labels (`tier: sandbox`): every key must be present with a matching value.
  public var labels: [String: String] = [:]
  /// The function's tags: every key must be present with a matching value.
  public var tags: [String: String] = [:]

  public init() {}

  /// How many things the rule constrains: each set field counts one, each label and tag
  /// one. The most specific matching rule wins.
  public var specificity: Int {
    let lists = [tenants, accounts, regions, sources, rules, resources, functions]
    return lists.filter { !$0.isEmpty }.count + (categories.isEmpty ? 0 : 1)
      + (severities.isEmpty ? 0 : 1) + labels.count + tags.count
  }

  /// Whether nothing is constrained (such a rule would match every finding).
  public var isEmpty: Bool { specificity == 0 }
}
