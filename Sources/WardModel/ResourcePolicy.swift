/// One statement of a function's resource-based policy (from get-policy).
public struct PolicyStatement: Sendable, Hashable, Codable {
  /// Unqualified ARN of the function the policy belongs to.
  public var functionArn: String
  public var sid: String?
  /// `Allow` or `Deny`.
  public var effect: String
  /// Principals, normalised: `*`, an account id, a role/user ARN, or a service such as
  /// `s3.amazonaws.com`.
  public var principals: [String]
  public var actions: [String]
  /// The statement's Condition block, as canonical JSON text (empty when absent).
  public var conditionJSON: String
  /// AWS:SourceArn / aws:SourceArn condition value, if any.
  public var sourceArn: String?
  /// AWS:SourceAccount condition value, if any.
  public var sourceAccount: String?
  /// aws:PrincipalOrgID condition value, if any.
  public var principalOrgId: String?
  /// lambda:FunctionUrlAuthType condition value, if any.
  public var functionUrlAuthType: String?

  public init(
    functionArn: String, sid: String?, effect: String, principals: [String], actions: [String],
    conditionJSON: String = "", sourceArn: String? = nil, sourceAccount: String? = nil,
    principalOrgId: String? = nil, functionUrlAuthType: String? = nil
  ) {
    self.functionArn = functionArn
    self.sid = sid
    self.effect = effect
    self.principals = principals
    self.actions = actions
    self.conditionJSON = conditionJSON
    self.sourceArn = sourceArn
    self.sourceAccount = sourceAccount
    self.principalOrgId = principalOrgId
    self.functionUrlAuthType = functionUrlAuthType
  }

  /// Whether any principal is everyone (`*`).
  public var isPublicPrincipal: Bool { principals.contains("*") }

  /// Service principals (`*.amazonaws.com`).
  public var servicePrincipals: [String] { principals.filter { $0.hasSuffix(".amazonaws.com") } }

  /// Account ids named by account or ARN principals.
  public var principalAccounts: [String] {
    principals.compactMap { p in
      if p.count == 12, p.allSatisfy(\.isNumber) { return p }
      return ARN(p)?.account.isEmpty == false ? ARN(p)?.account : nil
    }
  }
}

/// A function's whole resource policy. An import replaces the previous statements.
public struct FunctionPolicy: Sendable, Hashable, Codable {
  public var functionArn: String
  public var statements: [PolicyStatement]
  public var revisionId: String?

  public init(functionArn: String, statements: [PolicyStatement], revisionId: String? = nil) {
    self.functionArn = functionArn
    self.statements = statements
    self.revisionId = revisionId
  }
}

/// A function URL (get-function-url-config).
public struct FunctionURLConfig: Sendable, Hashable, Codable {
  public var functionArn: String
  public var url: String
  /// `NONE` or `AWS_IAM`.
  public var authType: String
  public var corsAllowOrigins: [String]
  public var corsAllowMethods: [String]
  /// `BUFFERED` or `RESPONSE_STREAM`.
  public var invokeMode: String?

  public init(
    functionArn: String, url: String, authType: String, corsAllowOrigins: [String] = [],
    corsAllowMethods: [String] = [], invokeMode: String? = nil
  ) {
    self.functionArn = functionArn
    self.url = url
    self.authType = authType
    self.corsAllowOrigins = corsAllowOrigins
    self.corsAllowMethods = corsAllowMethods
    self.invokeMode = invokeMode
  }

  /// Whether anyone can call the URL without AWS credentials.
  public var isPublic: Bool { authType.uppercased() == "NONE" }
}

/// An event source mapping or other trigger (list-event-source-mappings).
public struct Trigger: Sendable, Hashable, Codable {
  /// Mapping UUID (or another stable id for non-mapping triggers).
  public var id: String
  public var functionArn: String
  /// ARN of the queue, stream, topic, bucket or table.
  public var sourceArn: String
  /// `Enabled`, `Disabled`, ...
  public var state: String?
  public var batchSize: Int?
  /// DestinationConfig.OnFailure.Destination.
  public var onFailureDestination: String?
  /// Whether FilterCriteria restricts which events reach the function.
  public var hasFilterCriteria: Bool
  public var maximumRetryAttempts: Int?

  public init(
    id: String, functionArn: String, sourceArn: String, state: String? = nil,
    batchSize: Int? = nil, onFailureDestination: String? = nil, hasFilterCriteria: Bool = false,
    maximumRetryAttempts: Int? = nil
  ) {
    self.id = id
    self.functionArn = functionArn
    self.sourceArn = sourceArn
    self.state = state
    self.batchSize = batchSize
    self.onFailureDestination = onFailureDestination
    self.hasFilterCriteria = hasFilterCriteria
    self.maximumRetryAttempts = maximumRetryAttempts
  }

  /// The AWS service of the source (`sqs`, `kinesis`, `dynamodb`, `kafka`, `s3`, `sns`, ...).
  public var sourceService: String { ARN(sourceArn)?.service ?? "unknown" }
  /// The account of the source, when its ARN carries one.
  public var sourceAccount: String? {
    guard let a = ARN(sourceArn)?.account, !a.isEmpty else { return nil }
    return a
  }
}
