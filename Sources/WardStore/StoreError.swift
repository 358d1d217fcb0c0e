import WardModel

/// Errors the posture store throws.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
  /// SQLite refused an operation; carries SQLite's own message and the SQL, if any.
  case sqlite(code: Int32, message: String, sql: String?)
  /// A read-only open found a store whose schema is older than this build expects;
  /// open it read-write once (which migrates) or use a matching `ward`.
  case schemaOutdated(found: Int, expected: Int)
  /// The store was written by a newer build of Ward.
  case schemaTooNew(found: Int, expected: Int)
  /// A write was attempted on a store opened read-only.
  case readOnly
  /// The finding does not exist, or is outside the handle's tenant scope.
  case findingNotFound(String)
  /// A triage change was refused because someone else changed the finding first.
  case conflict(TriageConflict)
  /// A triage change is not allowed as asked (missing reason, expiry in the past, ...).
  case invalidTriage(String)
  /// The operation writes rows of every tenant (import, scan) and was refused on a handle
  /// limited to a tenant scope.
  case outOfScope(String)
  /// No run with this id is recorded.
  case runNotFound(Int64)
  /// The tenant does not exist, or is outside the handle's tenant scope (the two are not
  /// told apart, so a scoped caller learns nothing of other tenants).
  case tenantNotFound(String)

  /// Whether SQLite ran out of disk (SQLITE_FULL): the write was rolled back whole.
  public var isDiskFull: Bool {
    if case .sqlite(let code, _, _) = self { return code & 0xFF == 13 }
    return false
  }

  public var description: String {
    switch self {
    case .sqlite(let code, _, _) where code & 0xFF == 13:
      "the disk holding the store is full; this write was rolled back whole (SQLite error \(code))"
    case .sqlite(let code, let message, let sql):
      "SQLite error \(code): \(message)" + (sql.map { " (in: \($0.prefix(200)))" } ?? "")
    case .schemaOutdated(let found, let expected):
      "the store's schema is version \(found) but this ward needs \(expected); "
        + "open it once read-write to migrate it"
    case .schemaTooNew(let found, let expected):
      "the store's schema is version \(found), newer than this ward understands (\(expected))"
    case .readOnly: "the store is open read-only"
    case .findingNotFound(let id): "no finding \(id) (or it is outside your tenant scope)"
    case .conflict(let c): c.description
    case .invalidTriage(let why): "triage refused: \(why)"
    case .outOfScope(let what): "\(what) is refused on a tenant-scoped store handle"
    case .runNotFound(let id): "no run #\(id) is recorded in the store"
    case .tenantNotFound(let name): "no tenant \(name) (or it is outside your tenant scope)"
    }
  }
}

/// Who changed a finding since the caller read it, and to what.
public struct TriageConflict: Sendable, Hashable, CustomStringConvertible {
  public var findingId: String
  /// The version the caller read.
  public var expectedVersion: Int64
  /// The version now stored.
  public var currentVersion: Int64
  public var currentState: TriageState
  /// Who made the current state (`import`, `scan`, `expiry` or an operator name).
  public var changedBy: String?
  public var changedAt: EpochSeconds?
  public var reason: String?

  public var description: String {
    let who = changedBy ?? "someone"
    let when = changedAt.map { UTC.iso8601($0) } ?? "an unknown time"
    return "finding \(findingId) changed by \(who) at \(when) to \(currentState.rawValue)"
      + (reason.map { " (\($0))" } ?? "")
      + "; you saw version \(expectedVersion), it is now \(currentVersion)"
  }
}
