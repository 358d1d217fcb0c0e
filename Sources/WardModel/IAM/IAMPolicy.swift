/// One statement of an IAM identity policy or permission boundary, as Ward evaluates it.
///
/// A statement lists either `Action` or `NotAction` patterns and either `Resource` or
/// `NotResource` patterns; patterns may hold the IAM wildcards `*` and `?`.
public struct IAMStatement: Sendable, Hashable, Codable {
  /// `Allow` or `Deny`.
  public enum Effect: String, Sendable, Hashable, Codable {
    case allow = "Allow"
    case deny = "Deny"
  }

  public var sid: String?
  public var effect: Effect
  /// `Action` patterns (empty when the statement uses `NotAction`).
  public var actions: [String]
  /// `NotAction` patterns: the statement covers every action except these.
  public var notActions: [String]
  /// `Resource` patterns (empty when the statement uses `NotResource`).
  public var resources: [String]
  /// `NotResource` patterns: the statement covers every resource except these.
  public var notResources: [String]
  /// Whether the statement has a `Condition`: it may not apply to every request.
  public var hasCondition: Bool

  public init(
    sid: String? = nil, effect: Effect, actions: [String] = [], notActions: [String] = [],
    resources: [String] = [], notResources: [String] = [], hasCondition: Bool = false
  ) {
    self.sid = sid
    self.effect = effect
    self.actions = actions
    self.notActions = notActions
    self.resources = resources
    self.notResources = notResources
    self.hasCondition = hasCondition
  }
}

/// A policy document: its statements, in order.
public struct IAMPolicyDocument: Sendable, Hashable, Codable {
  public var statements: [IAMStatement]

  public init(statements: [IAMStatement]) { self.statements = statements }
}

/// An inline policy embedded in a role.
public struct IAMInlinePolicy: Sendable, Hashable, Codable {
  public var name: String
  public var document: IAMPolicyDocument

  public init(name: String, document: IAMPolicyDocument) {
    self.name = name
    self.document = document
  }
}

/// An IAM role as get-account-authorization-details describes it (RoleDetailList).
public struct IAMRole: Sendable, Hashable, Codable {
  /// `arn:aws:iam::ACCOUNT:role/PATH/NAME`.
  public var arn: String
  public var name: String
  public var account: String
  public var inlinePolicies: [IAMInlinePolicy]
  /// ARNs of the attached managed policies (AWS-managed or customer-managed).
  public var attachedPolicyArns: [String]
  /// The permissions boundary's managed policy ARN, if one is set.
  public var boundaryArn: String?

  public init(
    arn: String, name: String, account: String, inlinePolicies: [IAMInlinePolicy] = [],
    attachedPolicyArns: [String] = [], boundaryArn: String? = nil
  ) {
    self.arn = arn
    self.name = name
    self.account = account
    self.inlinePolicies = inlinePolicies
    self.attachedPolicyArns = attachedPolicyArns
    self.boundaryArn = boundaryArn
  }
}

/// A managed policy with the document of its default version (Policies list).
public struct IAMManagedPolicy: Sendable, Hashable, Codable {
  public var arn: String
  public var name: String
  public var document: IAMPolicyDocument

  public init(arn: String, name: String, document: IAMPolicyDocument) {
    self.arn = arn
    self.name = name
    self.document = document
  }
}

/// A function's execution role joined with the managed policies it names: what the
/// permission evaluator reads. Managed policies the store has no document for are listed
/// in `uncollectedPolicies`, and then the role's permissions are unknown.
public struct ExecutionRole: Sendable, Hashable, Codable {
  public var role: IAMRole
  /// Documents of the attached managed policies that were collected, by ARN.
  public var managedPolicies: [IAMManagedPolicy]
  /// The boundary's document, when a boundary is set and was collected.
  public var boundary: IAMManagedPolicy?

  public init(role: IAMRole, managedPolicies: [IAMManagedPolicy], boundary: IAMManagedPolicy?) {
    self.role = role
    self.managedPolicies = managedPolicies
    self.boundary = boundary
  }

  /// Attached or boundary policy ARNs whose documents were not collected.
  public var uncollectedPolicies: [String] {
    let known = Set(managedPolicies.map(\.arn))
    var missing = role.attachedPolicyArns.filter { !known.contains($0) }
    if let b = role.boundaryArn, boundary == nil { missing.append(b) }
    return missing
  }

  /// The identity policies with a name for evidence: inline first, then managed.
  public var namedDocuments: [(name: String, document: IAMPolicyDocument)] {
    role.inlinePolicies.map { ("inline policy \($0.name)", $0.document) }
      + managedPolicies.map { ("managed policy \($0.name)", $0.document) }
  }
}
