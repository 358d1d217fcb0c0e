import WardModel

/// Upserts findings by id with the reopen rules:
/// - a `failed` observation of a `resolved` finding reopens it as `new`;
///   `suppressed`, `false-positive` and `risk-accepted` stay as they are;
/// - a `passed` observation of an open finding resolves it; a `passed` one the store
///   does not have is skipped;
/// - a new finding starts in `sourceState ?? .new`;
/// - first_seen keeps the earliest, last_seen the latest.
///
/// With a recorded run, a new finding gets its id as `first_run`, and an import run notes
/// every finding it observes (``RunWriter/observe(_:tenantId:)``).
struct FindingWriter {
  let db: Database
  /// Who state changes are attributed to: `import` or `scan`.
  let actor: String
  let now: EpochSeconds
  /// The run writing, when one is being recorded.
  var run: RunHandle? = nil

  static let contentColumns = [
    "tenant_id", "account", "region", "function_arn", "resource", "resource_type", "category",
    "severity", "title", "description", "remediation", "source", "rule_id", "evidence",
    "first_seen", "last_seen", "location_uri", "location_start_line", "location_end_line",
  ]

  private static func content(_ f: Finding, tenantId: Int64, firstSeen: Int64, lastSeen: Int64)
    -> [SQLValue]
  {
    [
      .integer(tenantId), SQLValue(f.account), SQLValue(f.region), SQLValue(f.functionArn),
      .text(f.resource), SQLValue(f.resourceType), .text(f.category.rawValue),
      .integer(Int64(f.severity.rank)), .text(f.title), .text(f.description),
      .text(f.remediation), .text(f.source), .text(f.ruleId), .text(f.evidence),
      .integer(firstSeen), .integer(lastSeen), SQLValue(f.location?.uri),
      SQLValue(f.location?.startLine), SQLValue(f.location?.endLine),
    ]
  }

  func write(_ f: Finding, tenantId: Int64) throws -> UpsertOutcome {
    if let run, run.kind == .import { try RunWriter(db: db).observe(f, tenantId: tenantId) }
    return try upsert(f, tenantId: tenantId)
  }

  private func upsert(_ f: Finding, tenantId: Int64) throws -> UpsertOutcome {
    let columns = Self.contentColumns.joined(separator: ", ")
    let count = Self.contentColumns.count
    let stored = try db.prepare(
      "SELECT \(columns), state FROM findings WHERE id = ?"
    ).first([.text(f.id)]) { s in
      ((0..<count).map { s.value(Int32($0)) }, s.text(Int32(count)))
    }
    guard let (oldContent, oldStateText) = stored else {
      if f.compliance == .passed { return .skipped }
      let state = f.sourceState ?? .new
      let values =
        [.text(f.id)]
        + Self.content(f, tenantId: tenantId, firstSeen: f.firstSeen, lastSeen: f.lastSeen)
        + [.text(state.rawValue), .text(actor), .integer(now), SQLValue(run?.id)]
      try db.prepare(
        """
        INSERT INTO findings (id, \(columns), state, state_by, state_at, first_run, version)
        VALUES (\(Array(repeating: "?", count: count + 5).joined(separator: ", ")), 1)
        """
      ).run(values)
      try TriageWriter(db: db).recordCreation(findingId: f.id, state: state, actor: actor, at: now)
      return .inserted
    }
    let oldFirst = oldContent[14].int64 ?? f.firstSeen
    let oldLast = oldContent[15].int64 ?? f.lastSeen
    let newContent = Self.content(
      f, tenantId: tenantId, firstSeen: min(oldFirst, f.firstSeen),
      lastSeen: max(oldLast, f.lastSeen))
    let oldState = TriageState(rawValue: oldStateText) ?? .new
    var transition: (TriageState, String)?
    switch f.compliance {
    case .failed where oldState == .resolved: transition = (.new, "seen failing again")
    case .passed where oldState.isOpen: transition = (.resolved, "passed at source")
    default: transition = nil
    }
    if newContent == oldContent && transition == nil { return .unchanged }
    if newContent != oldContent {
      let sets = Self.contentColumns.map { "\($0) = ?" }.joined(separator: ", ")
      try db.prepare("UPDATE findings SET \(sets) WHERE id = ?").run(newContent + [.text(f.id)])
    }
    if let (state, reason) = transition {
      try TriageWriter(db: db).transition(
        findingId: f.id, from: oldState, to: state, reason: reason, note: nil, until: nil,
        by: actor, at: now)
    }
    return .updated
  }
}
