import WardModel

/// The catalogue entry of a rule: what it is, why it matters, how to fix it.
public struct RuleEntry: Sendable, Hashable {
  /// Stable id such as `WARD-INV-001`; part of every finding id the rule produces.
  public var id: String
  public var category: Category
  /// Default severity. Rules with a severity ladder report the worst rung here.
  public var severity: Severity
  /// When the severity depends on the evidence, how (shown in the catalogue).
  public var severityNote: String?
  public var title: String
  public var rationale: String
  public var remediation: String

  public init(
    id: String, category: Category, severity: Severity, severityNote: String? = nil,
    title: String, rationale: String, remediation: String
  ) {
    self.id = id
    self.category = category
    self.severity = severity
    self.severityNote = severityNote
    self.title = title
    self.rationale = rationale
    self.remediation = remediation
  }
}

/// What a rule found on one function: the evidence, and a severity when it differs
/// from the catalogue default.
public struct RuleHit: Sendable, Hashable {
  /// The field, statement or value that fired the rule; secrets only as name, preview
  /// and fingerprint.
  public var evidence: String
  /// Overrides `RuleEntry.severity` for this hit (severity ladders).
  public var severity: Severity?

  public init(evidence: String, severity: Severity? = nil) {
    self.evidence = evidence
    self.severity = severity
  }

  /// A hit listing every piece of evidence (joined by `; `), or nil when there is none.
  public static func listing(_ evidence: [String]) -> RuleHit? {
    evidence.isEmpty ? nil : RuleHit(evidence: evidence.joined(separator: "; "))
  }
}

/// One function as a rule sees it: its inventory plus the scan-wide context.
public struct RuleSubject: Sendable {
  public var inventory: FunctionInventory
  public var context: RuleContext
  /// This function's hourly metrics (any order; may be empty).
  public var metrics: [MetricSample]

  /// A subject whose metrics are looked up in the context's metrics by ARN.
  public init(inventory: FunctionInventory, context: RuleContext) {
    self.init(
      inventory: inventory, context: context,
      metrics: context.metrics[inventory.function.arn] ?? [])
  }

  /// A subject with its own metrics (a streamed scan: the context holds none).
  public init(inventory: FunctionInventory, context: RuleContext, metrics: [MetricSample]) {
    self.inventory = inventory
    self.context = context
    self.metrics = metrics
  }

  public var function: Function { inventory.function }
  public var tenant: String { inventory.tenant }
  /// How an account relates to this function's tenant.
  public func relation(of account: String) -> AccountRelation {
    context.relation(of: account, to: inventory.tenant)
  }
}

/// A posture rule: one function in, at most one hit out.
public protocol Rule: Sendable {
  var entry: RuleEntry { get }
  /// Returns a hit when the rule fires on the subject, nil otherwise.
  func evaluate(_ subject: RuleSubject) -> RuleHit?
}
