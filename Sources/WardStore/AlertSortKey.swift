/// Columns the console's alert timeline can sort by.
public enum AlertSortKey: String, Sendable, Hashable, CaseIterable {
  /// When the alert started (the timeline's default, newest first).
  case start
  case severity
  /// How long it lasted; ongoing alerts (no end yet) sort as the longest.
  case duration
  case kind
  case tenant
  case function

  /// The SQL order for this key (alerts `a`, tenants `t`), before the tie-break.
  func orderBy(ascending: Bool) -> String {
    let direction = ascending ? "ASC" : "DESC"
    switch self {
    case .start: return "a.start_at \(direction)"
    case .severity: return "a.severity \(direction), a.start_at DESC"
    case .duration:
      return
        "(a.end_at IS NULL) \(direction), (a.end_at - a.start_at) \(direction), a.start_at DESC"
    case .kind: return "a.kind \(direction), a.start_at DESC"
    case .tenant: return "t.name \(direction), a.start_at DESC"
    case .function: return "a.function_arn \(direction), a.start_at DESC"
    }
  }
}
