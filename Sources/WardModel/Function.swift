/// One serverless function's configuration, as the inventory (list-functions,
/// get-function-configuration, get-function) reports it.
///
/// Identity is the unqualified ARN. Tenant is not a property: the store assigns it
/// from the account.
public struct Function: Sendable, Hashable, Codable {
  /// Unqualified ARN, `arn:aws:lambda:REGION:ACCOUNT:function:NAME`.
  public var arn: String
  public var name: String
  public var account: String
  public var region: String
  /// Runtime id such as `python3.12`; nil for container images.
  public var runtime: String?
  public var handler: String?
  public var memoryMB: Int?
  public var timeoutSeconds: Int?
  /// Execution role ARN.
  public var role: String?
  public var architectures: [String]
  /// `Zip` or `Image`.
  public var packageType: String?
  /// `Active` or `PassThrough`.
  public var tracingMode: String?
  public var vpcId: String?
  public var subnetIds: [String]
  public var securityGroupIds: [String]
  public var layers: [Layer]
  /// Customer-managed KMS key for environment variables; nil means the AWS-managed key.
  public var kmsKeyArn: String?
  /// DeadLetterConfig.TargetArn.
  public var deadLetterTarget: String?
  /// On-failure destination of asynchronous invocations (event invoke config).
  public var onFailureDestination: String?
  /// Reserved concurrency; nil when none is set.
  public var reservedConcurrency: Int?
  /// CloudWatch log group (LoggingConfig.LogGroup, default `/aws/lambda/NAME`).
  public var logGroup: String?
  /// Retention of the log group in days; nil when unset (never expire) or unknown.
  public var logRetentionDays: Int?
  public var lastModified: EpochSeconds?
  /// The attached code signing config (get-function-code-signing-config); nil when none is
  /// attached or when it was not collected: `codeSigningKnown` tells which.
  public var codeSigningConfigArn: String?
  /// Whether get-function-code-signing-config was read for this function. False means the
  /// code-signing state is unknown, and no rule may treat it as absent.
  public var codeSigningKnown: Bool
  /// Function state (`Active`, `Pending`, `Failed`, ...).
  public var state: String?
  /// SnapStart ApplyOn (`PublishedVersions` or `None`).
  public var snapStart: String?
  /// TenancyConfig.TenantIsolationMode (`PER_TENANT`) when set.
  public var tenantIsolationMode: String?
  public var environment: [EnvironmentVariable]
  public var tags: [String: String]

  public init(
    arn: String, name: String, account: String, region: String, runtime: String? = nil,
    handler: String? = nil, memoryMB: Int? = nil, timeoutSeconds: Int? = nil, role: String? = nil,
    architectures: [String] = [], packageType: String? = nil, tracingMode: String? = nil,
    vpcId: String? = nil, subnetIds: [String] = [], securityGroupIds: [String] = [],
    layers: [Layer] = [], kmsKeyArn: String? = nil, deadLetterTarget: String? = nil,
    onFailureDestination: String? = nil, reservedConcurrency: Int? = nil, logGroup: String? = nil,
    logRetentionDays: Int? = nil, lastModified: EpochSeconds? = nil,
    codeSigningConfigArn: String? = nil, codeSigningKnown: Bool = false, state: String? = nil,
    snapStart: String? = nil,
    tenantIsolationMode: String? = nil, environment: [EnvironmentVariable] = [],
    tags: [String: String] = [:]
  ) {
    self.arn = arn
    self.name = name
    self.account = account
    self.region = region
    self.runtime = runtime
    self.handler = handler
    self.memoryMB = memoryMB
    self.timeoutSeconds = timeoutSeconds
    self.role = role
    self.architectures = architectures
    self.packageType = packageType
    self.tracingMode = tracingMode
    self.vpcId = vpcId
    self.subnetIds = subnetIds
    self.securityGroupIds = securityGroupIds
    self.layers = layers
    self.kmsKeyArn = kmsKeyArn
    self.deadLetterTarget = deadLetterTarget
    self.onFailureDestination = onFailureDestination
    self.reservedConcurrency = reservedConcurrency
    self.logGroup = logGroup
    self.logRetentionDays = logRetentionDays
    self.lastModified = lastModified
    self.codeSigningConfigArn = codeSigningConfigArn
    self.codeSigningKnown = codeSigningKnown
    self.state = state
    self.snapStart = snapStart
    self.tenantIsolationMode = tenantIsolationMode
    self.environment = environment
    self.tags = tags
  }
}

/// A Lambda layer attached to a function.
public struct Layer: Sendable, Hashable, Codable {
  /// Layer version ARN, `arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION`.
  public var arn: String
  public var codeSize: Int?

  public init(arn: String, codeSize: Int? = nil) {
    self.arn = arn
    self.codeSize = codeSize
  }

  /// The account that publishes the layer (the fifth ARN field), if the ARN parses.
  public var account: String? { ARN(arn)?.account }
}

/// An environment variable as Ward keeps it: never the value.
///
/// The importer computes the fingerprint, the redacted preview and the secret
/// classification from the value, then drops the value.
public struct EnvironmentVariable: Sendable, Hashable, Codable {
  public var name: String
  /// `sha256:` and the first 16 hex digits of SHA-256 of the value: equal values match.
  public var fingerprint: String
  /// A redacted preview such as `AKIA…(20)`; never enough to recover a secret.
  public var preview: String
  /// What the value looks like, if it looks like a credential.
  public var secretKind: SecretKind?
  /// Shannon entropy of the value in bits per character.
  public var entropy: Double
  /// Length of the value in characters.
  public var length: Int

  public init(
    name: String, fingerprint: String, preview: String, secretKind: SecretKind?,
    entropy: Double, length: Int
  ) {
    self.name = name
    self.fingerprint = fingerprint
    self.preview = preview
    self.secretKind = secretKind
    self.entropy = entropy
    self.length = length
  }
}
