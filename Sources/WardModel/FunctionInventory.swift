/// Everything known about one function's configuration and exposure, joined: what the
/// rules engine and the function detail screen read.
public struct FunctionInventory: Sendable, Hashable {
  public var function: Function
  /// The tenant the store assigned the function's account to.
  public var tenant: String
  public var policy: [PolicyStatement]
  /// Nil when the function has no URL (or none was collected).
  public var url: FunctionURLConfig?
  public var triggers: [Trigger]
  /// API Gateway routes whose integration invokes the function.
  public var routes: [FunctionRoute]
  /// The execution role with its policies, when IAM was collected for it; nil means its
  /// permissions are unknown (not "none").
  public var executionRole: ExecutionRole? {
    didSet { permissions = executionRole.flatMap(EffectivePermissions.init(role:)) }
  }
  /// The role's effective permissions; nil when unknown (IAM not collected, or a policy the
  /// role names was not).
  public private(set) var permissions: EffectivePermissions?
  /// The buckets, queues, topics and rules that feed the function, with what was read
  /// about who may write to them.
  public var sources: [FunctionTriggerSource]

  public init(
    function: Function, tenant: String, policy: [PolicyStatement] = [],
    url: FunctionURLConfig? = nil, triggers: [Trigger] = [], routes: [FunctionRoute] = [],
    executionRole: ExecutionRole? = nil, sources: [FunctionTriggerSource] = []
  ) {
    self.function = function
    self.tenant = tenant
    self.policy = policy
    self.url = url
    self.triggers = triggers
    self.routes = routes
    self.executionRole = executionRole
    self.permissions = executionRole.flatMap(EffectivePermissions.init(role:))
    self.sources = sources
  }
}
