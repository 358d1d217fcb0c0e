import WardModel

/// The rule and policy file an audit event or a finding's state came from.
struct PolicyStamp: Sendable, Hashable {
  var ruleId: String
  var policySHA256: String
}

/// Decides and applies a triage policy inside the caller's transaction: ONE query over the
/// findings picks each finding's winning rule (most specific first, ties in file order, as
/// ``TriagePolicy/rulesInForce(at:)`` orders them); the changes are then written through
/// ``TriageWriter`` as one batch of audit events naming rule and policy.
///
/// A rule may close a finding that is `new` and was not put there by a person, and may
/// revise or reopen what a policy rule set before; anything else (a person's decision, a
/// state the source reported, a resolved finding) is left alone and counted.
struct PolicyWriter {
  let db: Database

  /// Which findings to consider.
  enum Candidates {
    /// Every finding (`ward policy apply`, `ward scan --policy`).
    case all
    /// These ids only (the findings of one imported file).
    case ids([String])
  }

  /// Who is not a person: the store's own actors (see ``AuditActor/init(system:source:)``).
  static let systemActors = ["import", "scan", "expiry", Self.actor]
  /// The operator name policy changes are recorded under.
  static let actor = "policy"

  func run(
    _ policy: TriagePolicy, candidates: Candidates, now: EpochSeconds, write: Bool,
    exampleLimit: Int = 20
  ) throws -> PolicyOutcome {
    let rules = policy.rulesInForce(at: now)
    var outcome = PolicyOutcome(policy: policy, now: now)
    if case .ids(let ids) = candidates, ids.isEmpty { return outcome }
    let decisions = try decide(rules, candidates: candidates)
    var pending: [(Decision, TriageRule?)] = []
    for d in decisions {
      let rule = d.winner.map { rules[$0] }
      let eligible =
        d.stateBy == Self.actor
        || (d.state == .new && (d.stateBy.map(Self.systemActors.contains) ?? true))
      if let rule {
        outcome.count(rule.id) { $0.matched += 1 }
        guard eligible else {
          outcome.count(rule.id) { $0.leftAlone += 1 }
          continue
        }
        let same =
          d.stateBy == Self.actor && d.stateRule == rule.id && d.state == rule.state
          && d.until == rule.expires && d.reason == rule.reason
        if same {
          outcome.count(rule.id) { $0.unchanged += 1 }
          continue
        }
        outcome.count(rule.id) { $0.changed += 1 }
      } else {
        // Set by a rule that no longer matches it (edited, removed or expired): reopen.
        guard d.stateBy == Self.actor, !d.state.isOpen else { continue }
        outcome.reopened += 1
      }
      if outcome.examples.count < exampleLimit {
        let (tenant, title) = try describe(d.id)
        outcome.examples.append(
          PolicyChange(
            findingId: d.id, tenant: tenant, title: title, ruleId: rule?.id, from: d.state,
            to: rule?.state ?? .new))
      }
      pending.append((d, rule))
    }
    guard write, !pending.isEmpty else { return outcome }
    let triage = TriageWriter(db: db)
    let batch = try triage.newBatch()
    outcome.batch = batch
    for (d, rule) in pending {
      let stamp = PolicyStamp(
        ruleId: rule?.id ?? d.stateRule ?? "?", policySHA256: policy.sha256)
      try triage.transition(
        findingId: d.id, from: d.state, to: rule?.state ?? .new,
        reason: rule?.reason ?? "policy rule \(stamp.ruleId) no longer matches", note: nil,
        until: rule?.expires, actor: AuditActor(system: Self.actor, source: .policy), at: now,
        batch: batch, rule: stamp)
    }
    return outcome
  }

  /// One finding the policy may act on, as stored.
  struct Decision {
    var id: String
    var state: TriageState
    var stateBy: String?
    var stateRule: String?
    var reason: String?
    var until: EpochSeconds?
    /// Index into the rules in force of the first (winning) rule that matches.
    var winner: Int?
  }

  /// Every candidate finding some rule matches or a rule set before, with its winner.
  private func decide(_ rules: [TriageRule], candidates: Candidates) throws -> [Decision] {
    // The CASE picks the winner among the rows the WHERE lets through (any rule matches, or
    // a rule set the state before), so it is evaluated only for those.
    let conditions = rules.map { TriageRuleSQL($0.match) }
    let cases = conditions.enumerated().map { "WHEN \($0.element.sql) THEN \($0.offset)" }
    let winner = cases.isEmpty ? "NULL" : "CASE \(cases.joined(separator: " ")) END"
    let any = (conditions.map { "(\($0.sql))" } + ["f.state_by = '\(Self.actor)'"])
      .joined(separator: " OR ")
    let binds = conditions.flatMap(\.binds) + conditions.flatMap(\.binds)
    var restriction = ""
    if case .ids(let ids) = candidates {
      try db.execute(
        "CREATE TEMP TABLE IF NOT EXISTS policy_candidates (id TEXT PRIMARY KEY); "
          + "DELETE FROM temp.policy_candidates;")
      let insert = try db.prepare("INSERT OR IGNORE INTO temp.policy_candidates (id) VALUES (?)")
      for id in ids { try insert.run([.text(id)]) }
      restriction = "f.id IN (SELECT id FROM temp.policy_candidates) AND "
    }
    let sql = """
      SELECT f.id, f.state, f.state_by, f.state_rule, f.state_reason, f.state_until, \(winner)
      FROM findings f
      WHERE \(restriction)(\(any))
      ORDER BY f.id
      """
    return try db.prepare(sql).rows(binds) {
      Decision(
        id: $0.text(0), state: TriageState(rawValue: $0.text(1)) ?? .new,
        stateBy: $0.optionalText(2), stateRule: $0.optionalText(3), reason: $0.optionalText(4),
        until: $0.optionalInt64(5), winner: $0.optionalInt(6))
    }
  }

  /// A finding's tenant and title, for the few changes shown as examples.
  private func describe(_ id: String) throws -> (String, String) {
    try db.prepare(
      "SELECT t.name, f.title FROM findings f JOIN tenants t ON t.id = f.tenant_id WHERE f.id = ?"
    ).first([.text(id)]) { ($0.text(0), $0.text(1)) } ?? ("?", "?")
  }
}
