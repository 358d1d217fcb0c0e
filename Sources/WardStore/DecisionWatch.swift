import WardModel

/// Stale decisions (docs/triage.md, "Stale decisions"): a risk acceptance, suppression or
/// false positive stands only while what it was made about stays the same. Its function's
/// watched facts are kept when the decision is made (or, for decisions older than the
/// watch, adopted at the next import or scan before anything is applied); after an import
/// or scan, a decision goes back to `new` as an audit event by `stale` naming the change
/// when the runtime, role or layers changed, the URL's auth type changed, a public grant
/// or a trigger was added, invocations rose tenfold (24 h, from at least 100), or a new
/// cost anomaly alert names the function.
struct DecisionWatch {
  let db: Database

  /// The states a watch stands behind (resolved is not a standing decision: the next
  /// sighting reopens it anyway).
  static let watchedStates: [TriageState] = [.riskAccepted, .suppressed, .falsePositive]
  /// A rise of invocations this many times over the decision's 24 h figure is a change...
  static let invocationRise = 10.0
  /// ...measured from at least this many invocations a day (a quiet function waking up to
  /// a few hundred calls is not a new risk).
  static let invocationFloor = 100.0
  /// The alert kind of the cost anomaly detector (WardRules' `CostDetectors.costAnomaly`).
  static let costAnomalyKind = "cost-anomaly"

  /// The watched facts of function `f` as one JSON object, keys in a fixed order so two
  /// snapshots compare as text. Public grants: Allow statements with a `*` principal and
  /// no source ARN, source account or organisation condition.
  static let factsSQL = """
    json_object(
      'runtime', f.runtime, 'role', f.role, 'layers', f.layers,
      'url_auth', (SELECT u.auth_type FROM function_urls u WHERE u.function_arn = f.arn),
      'public_grants', (SELECT COUNT(*) FROM policy_statements p WHERE p.function_arn = f.arn
        AND p.effect = 'Allow' AND p.principals LIKE '%"*"%' AND p.source_arn IS NULL
        AND p.source_account IS NULL AND p.principal_org_id IS NULL),
      'triggers', (SELECT COUNT(*) FROM triggers t WHERE t.function_arn = f.arn)
        + (SELECT COUNT(*) FROM trigger_links l WHERE l.function_arn = f.arn))
    """

  static var watchedSQL: String {
    watchedStates.map { "'\($0.rawValue)'" }.joined(separator: ", ")
  }

  /// The `SET` clause that snapshots the watch of the finding being updated (`findings`
  /// row), or clears it when `watched` is false.
  static func setClause(watched: Bool) -> String {
    guard watched else { return "state_watch = NULL, state_watch_invocations = NULL" }
    return """
      state_watch = (SELECT \(factsSQL) FROM functions f WHERE f.arn = findings.function_arn),
      state_watch_invocations = (SELECT COALESCE(a.invocations, 0) FROM functions f
        LEFT JOIN function_activity a ON a.function_arn = f.arn
        WHERE f.arn = findings.function_arn)
      """
  }

  /// Gives every watched decision that has no watch yet (made before the watch existed, or
  /// by a bulk path) its function's current facts. Run before an import applies anything,
  /// so the change the import brings is seen.
  func adoptBaselines() throws {
    try db.execute(
      """
      UPDATE findings SET \(Self.setClause(watched: true))
      WHERE state IN (\(Self.watchedSQL)) AND state_watch IS NULL AND function_arn IS NOT NULL
        AND EXISTS (SELECT 1 FROM functions f WHERE f.arn = findings.function_arn)
      """)
  }

  /// Reopens the decisions whose function changed (see the type's comment), each as an
  /// audit event by `stale` from `source`; `costAnomalies` are the functions a cost
  /// anomaly alert was newly raised on in this import or scan. Returns how many.
  func reopenStale(
    costAnomalies: Set<String>, now: EpochSeconds, source: AuditSource
  ) throws -> Int {
    let rows = try db.prepare(
      """
      WITH watched AS (
        SELECT DISTINCT function_arn FROM findings
        WHERE state IN (\(Self.watchedSQL)) AND state_watch IS NOT NULL
      ), current AS (
        SELECT f.arn, \(Self.factsSQL) AS facts, COALESCE(a.invocations, 0) AS invocations
        FROM functions f JOIN watched w ON w.function_arn = f.arn
        LEFT JOIN function_activity a ON a.function_arn = f.arn
      )
      SELECT x.id, x.state, x.function_arn, x.state_watch, c.facts, x.state_watch_invocations,
        c.invocations,
        (SELECT max(seq) FROM audit_events e WHERE e.finding_id = x.id AND e.kind = 'state')
      FROM findings x JOIN current c ON c.arn = x.function_arn
      WHERE x.state IN (\(Self.watchedSQL)) AND x.state_watch IS NOT NULL
      ORDER BY x.id
      """
    ).rows {
      (
        id: $0.text(0), state: TriageState(rawValue: $0.text(1)) ?? .riskAccepted,
        function: $0.text(2), watch: $0.text(3), facts: $0.text(4),
        watchInvocations: $0.optionalDouble(5) ?? 0, invocations: $0.double(6),
        decision: $0.optionalInt64(7)
      )
    }
    var reopened = 0
    for row in rows {
      var changes = Self.factChanges(from: row.watch, to: row.facts)
      let floor = max(row.watchInvocations, Self.invocationFloor)
      if row.invocations >= Self.invocationRise * floor {
        changes.append(
          "invocations rose from \(Int(row.watchInvocations)) to \(Int(row.invocations)) a day")
      }
      if costAnomalies.contains(row.function) { changes.append("a cost anomaly alert") }
      guard !changes.isEmpty else { continue }
      try TriageWriter(db: db).transition(
        findingId: row.id, from: row.state, to: .new,
        reason: "stale: " + changes.joined(separator: "; ")
          + (row.decision.map { " (ends #\($0))" } ?? ""),
        note: nil, until: nil, actor: AuditActor(system: "stale", source: source), at: now)
      reopened += 1
    }
    return reopened
  }

  /// What changed between two fact snapshots, in words: `role changed (a → b)`.
  static func factChanges(from old: String, to new: String) -> [String] {
    guard old != new else { return [] }
    let before = JSONText.decode([String: JSONScalar].self, old, default: [:])
    let after = JSONText.decode([String: JSONScalar].self, new, default: [:])
    var out: [String] = []
    func text(_ value: JSONScalar?) -> String { value?.text ?? "none" }
    for key in ["runtime", "role", "layers", "url_auth"] where before[key] != after[key] {
      let name = key == "url_auth" ? "URL auth" : key
      out.append("\(name) changed (\(text(before[key])) → \(text(after[key])))")
    }
    for (key, what) in [("public_grants", "a public grant"), ("triggers", "a trigger")] {
      let was = before[key]?.number ?? 0
      let now = after[key]?.number ?? 0
      if now > was { out.append("\(what) was added (\(Int(was)) → \(Int(now)))") }
    }
    return out
  }
}

/// One value of a watch snapshot: text, a number or null.
enum JSONScalar: Decodable, Hashable {
  case text(String)
  case number(Double)
  case null

  init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      self = .null
    } else if let n = try? c.decode(Double.self) {
      self = .number(n)
    } else {
      self = .text(try c.decode(String.self))
    }
  }

  var text: String? {
    switch self {
    case .text(let s): s
    case .number(let n): String(Int(n))
    case .null: nil
    }
  }

  var number: Double? {
    if case .number(let n) = self { return n }
    return nil
  }
}
