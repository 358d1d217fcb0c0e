import WardModel

/// The SQL of a "what changed" window: one `UNION ALL` of every change, with columns
/// `finding_id, kind, operator, at, to_state, reason`, derived from the runs, the
/// findings' run columns and the audit log (no per-finding copy). Both boundaries are SQL
/// expressions, so `.previousRun` needs no lookup first.
struct ChangeSQL {
  let window: ChangeWindow

  /// The store's own operators; every other one is a person or `policy`.
  static let systemOperators = "'import', 'scan', 'expiry', 'stale'"
  private static let openStates = TriageState.allCases.filter(\.isOpen)
    .map { "'\($0.rawValue)'" }.joined(separator: ", ")
  private static let closedStates = TriageState.allCases.filter { !$0.isOpen }
    .map { "'\($0.rawValue)'" }.joined(separator: ", ")
  private static let previousRun = "(SELECT id FROM runs ORDER BY id DESC LIMIT 1 OFFSET 1)"

  /// `column` names a run in the window (a run column of `findings`).
  private func inWindow(_ column: String) -> (String, [SQLValue]) {
    switch window {
    case .previousRun: ("\(column) > COALESCE(\(Self.previousRun), 0)", [])
    case .afterRun(let id): ("\(column) > ?", [.integer(id)])
    case .since(let t): ("\(column) IN (SELECT id FROM runs WHERE started_at >= ?)", [.integer(t)])
    }
  }

  /// The audit event `e` is in the window.
  private var eventInWindow: (String, [SQLValue]) {
    switch window {
    case .previousRun:
      (
        """
        e.seq > COALESCE((SELECT COALESCE(audit_to, audit_from) FROM runs
          ORDER BY id DESC LIMIT 1 OFFSET 1), 0)
        """, []
      )
    case .afterRun(let id):
      (
        "e.seq > COALESCE((SELECT COALESCE(audit_to, audit_from) FROM runs WHERE id = ?), 0)",
        [.integer(id)]
      )
    case .since(let t): ("e.at >= ?", [.integer(t)])
    }
  }

  /// Every change in the window, one row each.
  var union: (sql: String, binds: [SQLValue]) {
    var parts: [String] = []
    var binds: [SQLValue] = []
    func add(_ sql: String, _ values: [SQLValue]) {
      parts.append(sql)
      binds += values
    }
    let first = inWindow("x.first_run")
    add(
      """
      SELECT x.id AS finding_id, 'new' AS kind, NULL AS operator, r.started_at AS at,
        NULL AS to_state, NULL AS reason
      FROM findings x JOIN runs r ON r.id = x.first_run WHERE \(first.0)
      """, first.1)
    let unseen = inWindow("x.unseen_run")
    add(
      """
      SELECT x.id, 'resolved', 'import', r.started_at, NULL, 'no longer seen'
      FROM findings x JOIN runs r ON r.id = x.unseen_run
      WHERE \(unseen.0) AND (x.back_run IS NULL OR x.back_run < x.unseen_run)
      """, unseen.1)
    let event = eventInWindow
    add(
      """
      SELECT e.finding_id, 'resolved', e.operator, e.at, e.to_state, e.reason
      FROM audit_events e
      WHERE e.kind = 'state' AND e.to_state = 'resolved' AND e.from_state IS NOT NULL
        AND e.operator IN ('import', 'scan') AND \(event.0)
      """, event.1)
    add(
      """
      SELECT e.finding_id, 'reopened', e.operator, e.at, e.to_state, e.reason
      FROM audit_events e
      WHERE e.kind = 'state' AND e.operator IN ('import', 'scan')
        AND e.from_state IN (\(Self.closedStates)) AND e.to_state IN (\(Self.openStates))
        AND \(event.0)
      """, event.1)
    let back = inWindow("x.back_run")
    let wasMissing = inWindow("x.unseen_run")
    add(
      """
      SELECT x.id, 'reopened', 'import', r.started_at, NULL, 'seen again'
      FROM findings x JOIN runs r ON r.id = x.back_run
      WHERE \(back.0) AND x.back_run > x.unseen_run AND NOT (\(wasMissing.0))
      """, back.1 + wasMissing.1)
    add(
      """
      SELECT e.finding_id, 'lapsed', e.operator, e.at, e.to_state, e.reason
      FROM audit_events e
      WHERE e.kind = 'state' AND e.operator = 'expiry' AND \(event.0)
      """, event.1)
    add(
      """
      SELECT e.finding_id, 'stale', e.operator, e.at, e.to_state, e.reason
      FROM audit_events e
      WHERE e.kind = 'state' AND e.operator = 'stale' AND \(event.0)
      """, event.1)
    add(
      """
      SELECT e.finding_id, 'triaged', e.operator, e.at, e.to_state, e.reason
      FROM audit_events e
      WHERE e.kind = 'state' AND e.operator NOT IN (\(Self.systemOperators)) AND \(event.0)
      """, event.1)
    return (parts.joined(separator: "\nUNION ALL\n"), binds)
  }

  /// `x.id IN (...)`: the findings with a change of `kinds` (nil: any) in the window.
  func findingClause(kinds: Set<ChangeKind>?) -> (String, [SQLValue]) {
    let (sql, binds) = union
    guard let kinds else { return ("x.id IN (SELECT c.finding_id FROM (\(sql)) c)", binds) }
    if kinds.isEmpty { return ("1 = 0", []) }
    let marks = Array(repeating: "?", count: kinds.count).joined(separator: ", ")
    return (
      "x.id IN (SELECT c.finding_id FROM (\(sql)) c WHERE c.kind IN (\(marks)))",
      binds + kinds.map(\.rawValue).sorted().map { .text($0) }
    )
  }
}
