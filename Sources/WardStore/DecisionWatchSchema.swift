/// Migration 14: what a standing decision was made about. When a finding is risk-accepted,
/// suppressed or marked a false positive, `state_watch` keeps the facts of its function
/// that the decision rests on (runtime, role, layers, URL auth, public grants, triggers:
/// ``DecisionWatch/factsSQL``) and `state_watch_invocations` its invocations of the last
/// 24 h; a later import or scan that finds them changed reopens the decision as stale.
enum DecisionWatchSchema {
  /// Migration: self-contained, appended after the existing ones.
  static let migration = """
    ALTER TABLE findings ADD COLUMN state_watch TEXT;
    ALTER TABLE findings ADD COLUMN state_watch_invocations REAL;
    """
}
