import WardModel

/// What one rule of a policy did (or, for a preview, would do).
public struct PolicyRuleCount: Sendable, Hashable {
  /// Findings the rule wins (it is the most specific rule that matches them).
  public var matched = 0
  /// Of those, changed to the rule's decision.
  public var changed = 0
  /// Already carrying the rule's decision.
  public var unchanged = 0
  /// Left alone: a person triaged them, the source reported a state, or they are resolved.
  public var leftAlone = 0

  public init() {}
}

/// One change a policy makes (a few are kept as examples for `ward policy check`).
public struct PolicyChange: Sendable, Hashable {
  public var findingId: String
  public var tenant: String
  public var title: String
  /// The winning rule; nil when the finding reopens because no rule matches it any more.
  public var ruleId: String?
  public var from: TriageState
  public var to: TriageState
}

/// The result of applying (or previewing) a triage policy.
public struct PolicyOutcome: Sendable, Hashable {
  public var policy: TriagePolicy
  public var now: EpochSeconds
  /// Per rule id, for the rules that won at least one finding.
  public var rules: [String: PolicyRuleCount] = [:]
  /// Findings a rule had closed that no rule in force matches now: reopened as `new`.
  public var reopened = 0
  /// The first changes, in finding-id order.
  public var examples: [PolicyChange] = []
  /// The audit batch of the changes (nil for a preview or when nothing changed).
  public var batch: String?

  /// Findings changed in all (closed by a rule, revised, or reopened).
  public var totalChanged: Int { rules.values.reduce(reopened) { $0 + $1.changed } }

  mutating func count(_ rule: String, _ update: (inout PolicyRuleCount) -> Void) {
    update(&rules[rule, default: PolicyRuleCount()])
  }
}

extension PostureStore {
  /// What ``applyPolicy(_:now:)`` would change, without changing anything.
  public func previewPolicy(_ policy: TriagePolicy, now: EpochSeconds) throws -> PolicyOutcome {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        try PolicyWriter(db: db).run(policy, candidates: .all, now: now, write: false)
      }
    }
  }

  /// Applies a standing triage policy to every finding in ONE transaction, as one batch of
  /// audit events (operator `policy`, source `policy`, each naming its rule and the policy's
  /// SHA-256). Decisions made by a person are never overridden; re-applying the same policy
  /// changes nothing. Lapsed decisions reopen first.
  public func applyPolicy(_ policy: TriagePolicy, now: EpochSeconds) throws -> PolicyOutcome {
    guard scope.tenants == nil else { throw StoreError.outOfScope("policy apply") }
    return try connection.withDatabase { db in
      try db.withBulkWriteCache {
        try db.transaction {
          _ = try TriageWriter(db: db).expireRiskAcceptances(now: now, source: .policy)
          return try PolicyWriter(db: db).run(policy, candidates: .all, now: now, write: true)
        }
      }
    }
  }
}
