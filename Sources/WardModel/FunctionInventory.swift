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
  /// The buckets, queues, topics and rules that feed the function, with what was read
  /// about who may write to them.
  public var sources: [FunctionTriggerSource]

  public init(
    function: Function, tenant: String, policy: [PolicyStatement] = [],
    url: FunctionURLConfig? = nil, triggers: [Trigger] = [], routes: [FunctionRoute] = [],
    sources: [FunctionTriggerSource] = []
  ) {
    self.function = function
    self.tenant = tenant
    self.policy = policy
    self.url = url
    self.triggers = triggers
    self.routes = routes
    self.sources = sources
  }
}
