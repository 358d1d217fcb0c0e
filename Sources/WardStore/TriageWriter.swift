import WardModel

/// State changes of findings: every one bumps `version` and appends to `finding_events`.
struct TriageWriter {
  let db: Database

  /// Sets the state fields of one finding and records the event.
  func transition(
    findingId: String, from old: TriageState?, to new: TriageState, reason: String?,
    note: String?, until: EpochSeconds?, by actor: String, at now: EpochSeconds
  ) throws {
    try db.prepare(
      """
      UPDATE findings SET state = ?, state_reason = ?, state_note = ?, state_until = ?,
        state_by = ?, state_at = ?, version = version + 1
      WHERE id = ?
      """
    ).run([
      .text(new.rawValue), SQLValue(reason), SQLValue(note), SQLValue(until), .text(actor),
      .integer(now), .text(findingId),
    ])
    try db.prepare(
      """
      INSERT INTO finding_events (finding_id, at, actor, old_state, new_state, reason, note, until_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """
    ).run([
      .text(findingId), .integer(now), .text(actor), SQLValue(old?.rawValue), .text(new.rawValue),
      SQLValue(reason), SQLValue(note), SQLValue(until),
    ])
  }

  /// Risk acceptances whose expiry has passed go back to `new`.
  func expireRiskAcceptances(now: EpochSeconds) throws -> Int {
    let ids = try db.prepare(
      """
      SELECT id FROM findings
      WHERE state = 'risk-accepted' AND state_until IS NOT NULL AND state_until <= ?
      """
    ).rows([.integer(now)]) { $0.text(0) }
    for id in ids {
      try transition(
        findingId: id, from: .riskAccepted, to: .new, reason: "risk acceptance expired",
        note: nil, until: nil, by: "expiry", at: now)
    }
    return ids.count
  }
}
