import Foundation
import WardModel

extension PostureStore {
  /// Changes a finding's triage state with optimistic concurrency.
  ///
  /// - Parameters:
  ///   - expectedVersion: the `version` the operator saw; if the stored version differs,
  ///     throws `StoreError.conflict` naming who changed it, when and to what.
  ///   - reason: required for resolved, false-positive, risk-accepted and suppressed.
  ///   - until: required for risk-accepted, and must be in the future.
  /// - Returns: the finding's new version.
  @discardableResult
  public func setState(
    findingId: String, to state: TriageState, reason: String?, note: String?,
    until: EpochSeconds?, by actor: Operator, expectedVersion: Int64, now: EpochSeconds
  ) throws -> Int64 {
    let trimmedReason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
    if state.requiresReason && (trimmedReason ?? "").isEmpty {
      throw StoreError.invalidTriage("\(state.rawValue) needs a reason")
    }
    if state.requiresExpiry {
      guard let until else { throw StoreError.invalidTriage("\(state.rawValue) needs an expiry") }
      guard until > now else { throw StoreError.invalidTriage("the expiry must be in the future") }
    }
    return try connection.withDatabase { db in
      try db.transaction {
        var filter = SQLFilter()
        filter.add("id = ?", [.text(findingId)])
        filter.tenants("tenant_id", scope: scope)
        guard
          let current = try db.prepare(
            "SELECT state, version, state_by, state_at, state_reason FROM findings\(filter.sql)"
          ).first(
            filter.binds,
            {
              (
                TriageState(rawValue: $0.text(0)) ?? .new, $0.int64(1), $0.optionalText(2),
                $0.optionalInt64(3), $0.optionalText(4)
              )
            })
        else { throw StoreError.findingNotFound(findingId) }
        guard current.1 == expectedVersion else {
          throw StoreError.conflict(
            TriageConflict(
              findingId: findingId, expectedVersion: expectedVersion, currentVersion: current.1,
              currentState: current.0, changedBy: current.2, changedAt: current.3,
              reason: current.4))
        }
        try TriageWriter(db: db).transition(
          findingId: findingId, from: current.0, to: state, reason: trimmedReason, note: note,
          until: state.requiresExpiry ? until : nil, by: actor.name, at: now)
        return current.1 + 1
      }
    }
  }
}
