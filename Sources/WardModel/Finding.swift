/// A security finding: from a scanner (Security Hub, Prowler, Checkov) or Ward's rules.
public struct Finding: Sendable, Hashable, Codable {
  /// Stable id: the same problem on the same resource from the same source always gets
  /// the same id, so re-imports and re-scans update rather than duplicate.
  public var id: String
  /// Account of the resource; nil for infrastructure-as-code findings with no account.
  public var account: String?
  public var region: String?
  /// Unqualified ARN of the function this finding is about, if it is about one.
  public var functionArn: String?
  /// The resource the finding names (an ARN, or `file:resource` for IaC).
  public var resource: String
  /// Resource type such as `AwsLambdaFunction` or `AWS::Lambda::Function`.
  public var resourceType: String?
  public var category: Category
  public var severity: Severity
  public var title: String
  public var description: String
  public var remediation: String
  /// Producer: `ward`, `securityhub`, `prowler`, `checkov`.
  public var source: String
  /// Check or rule id at the source (e.g. `Lambda.1`, `awslambda_function_url_public`).
  public var ruleId: String
  /// What fired it (field, statement or value; secrets redacted), as text or JSON.
  public var evidence: String
  public var firstSeen: EpochSeconds
  public var lastSeen: EpochSeconds
  /// Whether this observation says the problem is present (`failed`) or fixed (`passed`).
  public var compliance: Compliance
  /// The state the source reported, used when the finding is first seen
  /// (ASFF Workflow.Status, OCSF status_id). Nil means `new`.
  public var sourceState: TriageState?
  /// The finding's identity at its source (Security Hub's Id and ProductArn), when the
  /// source has one Ward can send decisions back to.
  public var sourceRef: SourceRef?
  /// The file and lines the finding points at (Checkov, SARIF), when the source gave them.
  public var location: SourceLocation?

  public init(
    id: String, account: String?, region: String?, functionArn: String?, resource: String,
    resourceType: String? = nil, category: Category, severity: Severity, title: String,
    description: String = "", remediation: String = "", source: String, ruleId: String,
    evidence: String = "", firstSeen: EpochSeconds, lastSeen: EpochSeconds,
    compliance: Compliance = .failed, sourceState: TriageState? = nil,
    sourceRef: SourceRef? = nil,
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.account = account
    self.region = region
    self.functionArn = functionArn
    self.resource = resource
    self.resourceType = resourceType
    self.category = category
    self.severity = severity
    self.title = title
    self.description = description
    self.remediation = remediation
    self.source = source
    self.ruleId = ruleId
    self.evidence = evidence
    self.firstSeen = firstSeen
    self.lastSeen = lastSeen
    self.compliance = compliance
    self.sourceState = sourceState
    self.sourceRef = sourceRef
    self.location = location
  }

  /// Whether an observation reports the problem present or gone.
  public enum Compliance: String, Sendable, Hashable, Codable {
    case failed
    case passed
  }
}
