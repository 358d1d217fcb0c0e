import CSQLite
import Foundation
import WardModel

/// The posture store: one SQLite file holding tenants, functions, findings, metrics,
/// costs and alerts.
///
/// A handle is safe to share between tasks: calls are serialised on one connection.
/// Every read is limited to the handle's `scope`; use `scoped(to:)` to narrow it.
public final class PostureStore: @unchecked Sendable {
  /// How to open the file.
  public enum Mode: Sendable, Hashable {
    /// Creates the file if needed, migrates the schema, expires risk acceptances.
    case readWrite
    /// Never writes; refuses a store whose schema is not current.
    case readOnly
  }

  /// The tenants this handle may see.
  public let scope: StoreScope
  /// Whether writes are refused.
  public var isReadOnly: Bool { connection.db.isReadOnly }

  let connection: Connection

  /// Opens (and for read-write, creates and migrates) the store at `path`.
  /// `now` is used to expire risk acceptances on a read-write open.
  public convenience init(
    path: String, mode: Mode = .readWrite, scope: StoreScope = .all, now: EpochSeconds? = nil
  ) throws {
    let db = try Database(path: path, readOnly: mode == .readOnly)
    switch mode {
    case .readWrite:
      try Migrator.migrate(db)
      let nowValue = now ?? EpochSeconds(Date().timeIntervalSince1970)
      try db.transaction {
        _ = try TriageWriter(db: db).expireRiskAcceptances(now: nowValue, source: .open)
      }
    case .readOnly:
      try Migrator.check(db)
    }
    self.init(connection: Connection(db: db), scope: scope)
  }

  init(connection: Connection, scope: StoreScope) {
    self.connection = connection
    self.scope = scope
  }

  /// A handle on the same connection that sees only `scope` (intersected with this one's).
  public func scoped(to scope: StoreScope) -> PostureStore {
    PostureStore(connection: connection, scope: self.scope.intersection(scope))
  }

  /// `PRAGMA data_version`: changes when another connection commits, so a console can
  /// tell cheaply whether to refresh.
  public func dataVersion() throws -> Int64 {
    try connection.withDatabase { try $0.pragmaInt("data_version") }
  }

  /// The schema version of the open file.
  public func schemaVersion() throws -> Int {
    try connection.withDatabase { Int(try $0.pragmaInt("user_version")) }
  }

  /// Moves risk-accepted findings whose `until` has passed back to `new`, each as an audit
  /// event by `expiry` with `source` (the console passes `.console`). Returns how many.
  @discardableResult
  public func expireRiskAcceptances(now: EpochSeconds, source: AuditSource = .open) throws -> Int {
    try connection.withDatabase { db in
      try db.transaction {
        try TriageWriter(db: db).expireRiskAcceptances(now: now, source: source)
      }
    }
  }
}

/// The connection and the lock that serialises it; shared by scoped handles.
final class Connection: @unchecked Sendable {
  let db: Database
  private let lock = NSLock()

  init(db: Database) { self.db = db }

  func withDatabase<T>(_ body: (Database) throws -> T) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body(db)
  }
}
