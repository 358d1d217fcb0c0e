import WardModel

/// State changes and notes of findings: every state change bumps `version`, and every
/// change (state or note) appends one event to the audit chain in the same transaction.
struct TriageWriter {
  let db: Database

  /// Sets the state fields of one finding and records the event. A nil note keeps the
  /// finding's latest note (the history keeps every one).
  @discardableResult
  func transition(
    findingId: String, from old: TriageState?, to new: TriageState, reason: String?,
    note: String?, until: EpochSeconds?, actor: AuditActor, at now: EpochSeconds,
    undoes: Int64? = nil, batch: String? = nil, rule: PolicyStamp? = nil
  ) throws -> AuditEvent {
    try db.prepare(
      """
      UPDATE findings SET state = ?, state_reason = ?, state_note = COALESCE(?, state_note),
        state_until = ?, state_by = ?, state_at = ?, state_rule = ?, version = version + 1,
        \(DecisionWatch.setClause(watched: DecisionWatch.watchedStates.contains(new)))
      WHERE id = ?
      """
    ).run([
      .text(new.rawValue), SQLValue(reason), SQLValue(note), SQLValue(until), .text(actor.name),
      .integer(now), SQLValue(rule?.ruleId), .text(findingId),
    ])
    return try AuditLog(db: db).append(
      kind: .state, findingId: findingId, from: old, to: new, reason: reason, note: note,
      until: until, actor: actor, at: now, undoes: undoes, batch: batch, rule: rule)
  }

  /// A new batch id for the events the caller is about to append: `b` + the seq the first
  /// of them will get (unique, since seqs are).
  func newBatch() throws -> String { "b\(try AuditLog(db: db).head().seq + 1)" }

  /// The import/scan form: `actor` is `import` or `scan` and is also the event's source.
  func transition(
    findingId: String, from old: TriageState?, to new: TriageState, reason: String?,
    note: String?, until: EpochSeconds?, by actor: String, at now: EpochSeconds
  ) throws {
    try transition(
      findingId: findingId, from: old, to: new, reason: reason, note: note, until: until,
      actor: AuditActor(system: actor, source: AuditSource(rawValue: actor) ?? .cli), at: now)
  }

  /// Records the state a finding was created in, when the source said other than `new`
  /// (a creation in `new` needs no event: replaying the log starts every finding at `new`).
  func recordCreation(
    findingId: String, state: TriageState, actor: String, at now: EpochSeconds
  ) throws {
    guard state != .new else { return }
    try AuditLog(db: db).append(
      kind: .state, findingId: findingId, from: nil, to: state, reason: "state at source",
      note: nil, until: nil,
      actor: AuditActor(system: actor, source: AuditSource(rawValue: actor) ?? .import), at: now)
  }

  /// Adds a note without changing the state or the version.
  @discardableResult
  func addNote(
    findingId: String, state: TriageState, note: String, actor: AuditActor, at now: EpochSeconds
  ) throws -> AuditEvent {
    try db.prepare("UPDATE findings SET state_note = ? WHERE id = ?").run([
      .text(note), .text(findingId),
    ])
    return try AuditLog(db: db).append(
      kind: .note, findingId: findingId, from: state, to: state, reason: nil, note: note,
      until: nil, actor: actor, at: now)
  }

  /// Closed decisions (resolved, false-positive, risk-accepted, suppressed) whose expiry has
  /// passed go back to `new`, each as an audit event by `expiry` with the source that noticed
  /// it (`open`, `import`, `scan`, ...) and a reason naming the decision it ends.
  func expireRiskAcceptances(now: EpochSeconds, source: AuditSource) throws -> Int {
    let lapsed = try db.prepare(
      """
      SELECT id, state, state_until,
        (SELECT max(seq) FROM audit_events e WHERE e.finding_id = findings.id AND e.kind = 'state')
      FROM findings
      WHERE state IN ('resolved', 'false-positive', 'risk-accepted', 'suppressed')
        AND state_until IS NOT NULL AND state_until <= ?
      ORDER BY id
      """
    ).rows([.integer(now)]) {
      (
        $0.text(0), TriageState(rawValue: $0.text(1)) ?? .riskAccepted, $0.int64(2),
        $0.optionalInt64(3)
      )
    }
    for (id, state, until, decision) in lapsed {
      let reason =
        state == .riskAccepted
        ? "risk acceptance expired" : "\(state.rawValue) lapsed"
      try transition(
        findingId: id, from: state, to: .new,
        reason: reason + " on \(UTC.date(until))" + (decision.map { " (ends #\($0))" } ?? ""),
        note: nil, until: nil, actor: AuditActor(system: "expiry", source: source), at: now)
    }
    return lapsed.count
  }
}
