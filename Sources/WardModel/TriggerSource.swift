/// Trigger sources: the buckets, queues, topics and EventBridge rules that feed functions,
/// and what Ward has read about who may write to them. Each fact is optional: a fact that
/// was not collected stays unknown, and nothing is judged from it.

/// How a source reaches a function, beyond event source mappings (which are `Trigger`s).
public enum TriggerVia: String, Sendable, Hashable, Codable, CaseIterable {
  /// An S3 bucket notification configuration names the function.
  case s3Notification = "s3-notification"
  /// An SNS subscription with protocol `lambda` delivers the topic to the function.
  case snsSubscription = "sns-subscription"
  /// An EventBridge rule targets the function.
  case eventBridgeRule = "eventbridge-rule"
}

/// One source → function link read from the source's side.
public struct SourceLink: Sendable, Hashable, Codable {
  /// The bucket (`arn:aws:s3:::NAME`), topic or rule ARN.
  public var sourceArn: String
  /// Unqualified function ARN.
  public var functionArn: String
  public var via: TriggerVia
  /// What selects the events: S3 event names, or empty.
  public var detail: String

  public init(sourceArn: String, functionArn: String, via: TriggerVia, detail: String = "") {
    self.sourceArn = sourceArn
    self.functionArn = functionArn
    self.via = via
    self.detail = detail
  }
}

/// The whole list of links one response gives for one owner: a bucket's notification
/// configuration (owner: the bucket ARN), an account's SNS subscriptions (owner:
/// `ACCOUNT:REGION`), one rule's targets (owner: the rule ARN). It replaces what the store
/// held for that owner and kind.
public struct SourceLinkSet: Sendable, Hashable {
  public var via: TriggerVia
  public var owner: String
  public var links: [SourceLink]

  public init(via: TriggerVia, owner: String, links: [SourceLink]) {
    self.via = via
    self.owner = owner
    self.links = links
  }
}

/// One statement of a bucket, queue or topic policy, as far as exposure needs it.
public struct SourceStatement: Sendable, Hashable, Codable {
  public var sid: String?
  /// `Allow` or `Deny`.
  public var effect: String
  /// Normalised principals (`*`, account ids, ARNs, service principals).
  public var principals: [String]
  public var actions: [String]
  /// The Condition block as canonical JSON, empty when there is none.
  public var conditionJSON: String

  public init(
    sid: String?, effect: String, principals: [String], actions: [String],
    conditionJSON: String = ""
  ) {
    self.sid = sid
    self.effect = effect
    self.principals = principals
    self.actions = actions
    self.conditionJSON = conditionJSON
  }

  /// An Allow to everyone with no condition that grants `action` (IAM wildcards honoured).
  public func grantsEveryone(_ action: String) -> Bool {
    effect.lowercased() == "allow" && principals.contains("*") && conditionJSON.isEmpty
      && actions.contains { IAMPattern.matches($0, action, caseInsensitive: true) }
  }

  /// `sid: * s3:PutObject`.
  public var summary: String {
    "\(sid ?? "(no sid)"): \(effect) \(principals.joined(separator: ",")) \(actions.joined(separator: ","))"
      + (conditionJSON.isEmpty ? "" : " if \(conditionJSON)")
  }
}

/// An S3 public access block (bucket level). All false when none is configured.
public struct PublicAccessBlock: Sendable, Hashable, Codable {
  public var blockPublicAcls: Bool
  public var ignorePublicAcls: Bool
  public var blockPublicPolicy: Bool
  public var restrictPublicBuckets: Bool

  public init(
    blockPublicAcls: Bool = false, ignorePublicAcls: Bool = false,
    blockPublicPolicy: Bool = false, restrictPublicBuckets: Bool = false
  ) {
    self.blockPublicAcls = blockPublicAcls
    self.ignorePublicAcls = ignorePublicAcls
    self.blockPublicPolicy = blockPublicPolicy
    self.restrictPublicBuckets = restrictPublicBuckets
  }
}

/// One aspect of a source that one response tells.
public struct SourceFact: Sendable, Hashable {
  public var sourceArn: String
  public var change: Change

  public init(sourceArn: String, change: Change) {
    self.sourceArn = sourceArn
    self.change = change
  }

  public enum Change: Sendable, Hashable {
    /// The resource policy; empty when the source has none (NoSuchBucketPolicy, a queue
    /// without a Policy attribute).
    case policy([SourceStatement])
    /// S3 ACL grants to the AllUsers / AuthenticatedUsers groups (`AllUsers WRITE`).
    case aclPublicGrants([String])
    /// The bucket's public access block (all false when none is configured).
    case publicAccessBlock(PublicAccessBlock)
    /// An EventBridge rule: its state and what it matches (pattern or schedule).
    case eventRule(state: String?, selector: String)
  }
}

/// Everything read about one source; nil fields were not collected.
public struct TriggerSourceFacts: Sendable, Hashable, Codable {
  public var policy: [SourceStatement]?
  public var aclPublicGrants: [String]?
  public var publicAccessBlock: PublicAccessBlock?
  public var ruleState: String?
  public var ruleSelector: String?

  public init(
    policy: [SourceStatement]? = nil, aclPublicGrants: [String]? = nil,
    publicAccessBlock: PublicAccessBlock? = nil, ruleState: String? = nil,
    ruleSelector: String? = nil
  ) {
    self.policy = policy
    self.aclPublicGrants = aclPublicGrants
    self.publicAccessBlock = publicAccessBlock
    self.ruleState = ruleState
    self.ruleSelector = ruleSelector
  }
}

/// A source that feeds one function, as the store joins it: how it triggers the function
/// and what was read about it.
public struct FunctionTriggerSource: Sendable, Hashable, Codable {
  public var sourceArn: String
  /// How the source reaches the function (`event source mapping …`, `S3 notification …`,
  /// `SNS subscription`, `EventBridge rule`, `resource policy …`), deduplicated.
  public var via: [String]
  public var facts: TriggerSourceFacts

  public init(sourceArn: String, via: [String], facts: TriggerSourceFacts = .init()) {
    self.sourceArn = sourceArn
    self.via = via
    self.facts = facts
  }

  /// The source's service (`s3`, `sqs`, `sns`, `events`, `kinesis`, …).
  public var service: String { ARN(sourceArn)?.service ?? "unknown" }

  /// Who can write to the source, judged only from what was collected.
  public var exposure: SourceExposure { SourceExposure.judge(self) }
}

/// Whether anyone can put events into a source.
public enum SourceExposure: Sendable, Hashable {
  /// Anyone can write: the reasons, for evidence.
  case open([String])
  /// Collected, and nothing lets everyone write.
  case closed(String)
  /// Not enough was collected to tell: what is missing.
  case unknown(String)

  /// `public: …`, `not public: …`, `unknown: …`.
  public var label: String {
    switch self {
    case .open(let reasons): "public: " + reasons.joined(separator: "; ")
    case .closed(let why): "not public: " + why
    case .unknown(let missing): "unknown: " + missing
    }
  }

  static let aclWriteGroups = [
    "AllUsers WRITE", "AllUsers FULL_CONTROL",
    "AuthenticatedUsers WRITE", "AuthenticatedUsers FULL_CONTROL",
  ]

  static func judge(_ s: FunctionTriggerSource) -> SourceExposure {
    let f = s.facts
    switch s.service {
    case "s3": return bucket(f)
    case "sqs": return sendable(f, action: "sqs:SendMessage", what: "queue")
    case "sns": return sendable(f, action: "sns:Publish", what: "topic")
    default: return .unknown("Ward does not read who may write to \(s.service) sources")
    }
  }

  /// A bucket is publicly writable when its policy grants s3:PutObject to everyone without
  /// a condition (unless RestrictPublicBuckets), or its ACL grants WRITE to AllUsers or
  /// AuthenticatedUsers (unless IgnorePublicAcls).
  static func bucket(_ f: TriggerSourceFacts) -> SourceExposure {
    if f.policy == nil && f.aclPublicGrants == nil {
      return .unknown("bucket policy and ACL not collected")
    }
    let policyGrants = (f.policy ?? []).filter { $0.grantsEveryone("s3:PutObject") }
    let aclGrants = (f.aclPublicGrants ?? []).filter { aclWriteGroups.contains($0) }
    guard let block = f.publicAccessBlock else {
      if !policyGrants.isEmpty || !aclGrants.isEmpty {
        return .unknown("grants write to everyone, but the public access block was not collected")
      }
      return f.policy == nil || f.aclPublicGrants == nil
        ? .unknown("\(f.policy == nil ? "bucket policy" : "ACL") not collected")
        : .closed("no public write grant")
    }
    var reasons: [String] = []
    if !block.restrictPublicBuckets {
      reasons += policyGrants.map { "bucket policy \($0.summary)" }
    }
    if !block.ignorePublicAcls { reasons += aclGrants.map { "ACL grants \($0)" } }
    if !reasons.isEmpty {
      return .open(reasons + ["public access block does not stop it"])
    }
    if f.policy == nil || f.aclPublicGrants == nil {
      return .unknown("\(f.policy == nil ? "bucket policy" : "ACL") not collected")
    }
    return policyGrants.isEmpty && aclGrants.isEmpty
      ? .closed("no public write grant")
      : .closed("public grants stopped by the public access block")
  }

  static func sendable(_ f: TriggerSourceFacts, action: String, what: String) -> SourceExposure {
    guard let policy = f.policy else { return .unknown("\(what) policy not collected") }
    let open = policy.filter { $0.grantsEveryone(action) }
    if open.isEmpty { return .closed("no unconditioned \(action) for everyone") }
    return .open(open.map { "\(what) policy \($0.summary)" })
  }
}
