/// Everything one input file contributed, ready for the store to write in one transaction.
///
/// Importers produce it; the store applies it. Collections an input format does not
/// carry stay empty.
public struct ImportBatch: Sendable, Hashable {
  /// The detected format, e.g. `aws-lambda-list-functions`, `asff`, `prowler-ocsf`.
  public var format: String
  public var tenants: [Tenant] = []
  /// Full function configurations (list-functions, get-function-configuration, get-function).
  public var functions: [Function] = []
  /// Changes to one field of an already-known function.
  public var functionPatches: [FunctionPatch] = []
  public var policies: [FunctionPolicy] = []
  /// Functions known to have no resource policy (a ResourceNotFoundException response).
  public var functionsWithoutPolicy: [String] = []
  public var urlConfigs: [FunctionURLConfig] = []
  /// Functions known to have no URL.
  public var functionsWithoutURL: [String] = []
  public var triggers: [Trigger] = []
  /// API Gateway APIs (get-rest-apis, get-apis).
  public var apis: [ApiInfo] = []
  /// One API's full route list (get-resources --embed methods, get-routes).
  public var apiRoutes: [ApiRecords<ApiRoute>] = []
  /// One HTTP API's Lambda integrations (get-integrations).
  public var apiIntegrations: [ApiRecords<ApiIntegration>] = []
  /// One API's stages (get-stages).
  public var apiStages: [ApiRecords<ApiStage>] = []
  /// IAM roles (get-account-authorization-details RoleDetailList).
  public var iamRoles: [IAMRole] = []
  /// Managed policies with their default-version documents (the Policies list).
  public var iamPolicies: [IAMManagedPolicy] = []
  /// What a response tells about a bucket, queue, topic or rule that feeds functions.
  public var sourceFacts: [SourceFact] = []
  /// Source → function links read from the source's side (notifications, subscriptions,
  /// rule targets), each list replacing its owner's.
  public var sourceLinks: [SourceLinkSet] = []
  public var metrics: [MetricSample] = []
  public var costs: [CostSample] = []
  public var findings: [Finding] = []
  public var alerts: [Alert] = []
  /// The file carries no time of its own (a Checkov report): its findings are dated when
  /// applied, at the store's data hour (the newest metric hour, else the import's hour),
  /// never by the file's modification time.
  public var undatedFindings = false

  public init(format: String) { self.format = format }

  /// Whether the file contributed nothing at all.
  public var isEmpty: Bool { recordCount == 0 }

  /// How many records of every kind the file holds.
  public var recordCount: Int {
    tenants.count + functions.count + functionPatches.count + policies.count
      + functionsWithoutPolicy.count + urlConfigs.count + functionsWithoutURL.count
      + triggers.count + metrics.count + costs.count + findings.count + alerts.count
      + apis.count + apiRoutes.reduce(0) { $0 + max(1, $1.records.count) }
      + apiIntegrations.reduce(0) { $0 + max(1, $1.records.count) }
      + apiStages.reduce(0) { $0 + max(1, $1.records.count) }
      + iamRoles.count + iamPolicies.count + sourceFacts.count
      + sourceLinks.reduce(0) { $0 + max(1, $1.links.count) }
  }
}

/// A partial update to a known function, from responses that carry one aspect only.
public struct FunctionPatch: Sendable, Hashable {
  /// Unqualified function ARN.
  public var functionArn: String
  public var change: Change

  public init(functionArn: String, change: Change) {
    self.functionArn = functionArn
    self.change = change
  }

  /// The aspect that changes.
  public enum Change: Sendable, Hashable {
    /// get-function-concurrency: nil clears it.
    case reservedConcurrency(Int?)
    /// get-function-event-invoke-config: DestinationConfig.OnFailure.Destination.
    case onFailureDestination(String?)
    /// logs describe-log-groups: retention in days, nil for never-expire.
    case logRetention(logGroup: String, days: Int?)
    /// get-function-code-signing-config: the attached config's ARN, nil when none is
    /// attached. Either way the code-signing state becomes known.
    case codeSigning(configArn: String?)
  }
}
