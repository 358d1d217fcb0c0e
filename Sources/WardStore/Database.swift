import CSQLite
import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One SQLite connection: pragmas, a statement cache and transactions.
///
/// Not thread-safe by itself; `PostureStore` serialises access with a lock.
final class Database {
  let handle: OpaquePointer
  let isReadOnly: Bool
  private var cache: [String: Statement] = [:]
  private var inTransaction = false

  /// Opens `path`; read-write creates the file, read-only never writes to it.
  init(path: String, readOnly: Bool) throws {
    var db: OpaquePointer?
    let flags =
      (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE))
      | SQLITE_OPEN_NOMUTEX
    let rc = sqlite3_open_v2(path, &db, flags, nil)
    guard rc == SQLITE_OK, let db else {
      let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      sqlite3_close_v2(db)
      throw StoreError.sqlite(code: rc, message: "\(message): \(path)", sql: nil)
    }
    handle = db
    isReadOnly = readOnly
    sqlite3_extended_result_codes(db, 1)
    do {
      try execute("PRAGMA busy_timeout = 5000")
      try execute("PRAGMA foreign_keys = ON")
      if !readOnly {
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
      }
    } catch {
      cache.removeAll()
      sqlite3_close_v2(db)
      throw error
    }
  }

  deinit {
    cache.removeAll()
    sqlite3_close_v2(handle)
  }

  /// Runs one or more statements that take no parameters (DDL, pragmas).
  func execute(_ sql: String) throws {
    var errmsg: UnsafeMutablePointer<CChar>?
    let rc = sqlite3_exec(handle, sql, nil, nil, &errmsg)
    if rc != SQLITE_OK {
      let message = errmsg.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
      sqlite3_free(errmsg)
      throw StoreError.sqlite(code: rc, message: message, sql: sql)
    }
  }

  /// A cached prepared statement for `sql` (reset, bindings kept until the next bind).
  func prepare(_ sql: String) throws -> Statement {
    if let s = cache[sql] {
      s.reset()
      return s
    }
    let s = try Statement(db: handle, sql: sql)
    cache[sql] = s
    return s
  }

  /// Runs `body` in one transaction: BEGIN IMMEDIATE for writes (so the write lock is
  /// taken up front and busy_timeout applies), DEFERRED for reads. Rolls back on error.
  /// A nested call joins the outer transaction.
  func transaction<T>(write: Bool = true, _ body: () throws -> T) throws -> T {
    if inTransaction { return try body() }
    if write && isReadOnly { throw StoreError.readOnly }
    if write { try beginImmediate() } else { try execute("BEGIN DEFERRED") }
    inTransaction = true
    inTransactionLost = false
    defer { inTransaction = false }
    do {
      let result = try body()
      if inTransactionLost { throw Self.transactionLostError }
      try execute("COMMIT")
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// The page cache a bulk write gets (256 MiB): a policy apply or scan that rewrites
  /// 100k+ wide finding rows spends most of its time re-reading pages the default 2 MiB
  /// cache evicted (docs/performance.md, "Policy apply").
  static let bulkWriteCacheKiB: Int64 = 262_144

  /// Runs `body` with the page cache raised to ``bulkWriteCacheKiB`` and then puts the
  /// connection's cache size back. SQLite grows the cache only as pages are read, so a
  /// small write costs nothing more.
  func withBulkWriteCache<T>(_ body: () throws -> T) throws -> T {
    let before = try pragmaInt("cache_size")
    try execute("PRAGMA cache_size = -\(Self.bulkWriteCacheKiB)")
    defer { try? execute("PRAGMA cache_size = \(before)") }
    return try body()
  }

  /// Runs `body` inside the open transaction as one savepoint: on error only `body`'s
  /// writes are undone and the error is rethrown, the rest of the transaction stands.
  /// If SQLite ended the whole transaction itself (disk full, I/O error), the error is
  /// rethrown and the transaction is marked lost: later savepoints refuse to run (they
  /// would write in autocommit) and the enclosing transaction throws instead of committing.
  func savepoint<T>(_ body: () throws -> T) throws -> T {
    precondition(inTransaction, "a savepoint needs an open transaction")
    if inTransactionLost { throw Self.transactionLostError }
    try execute("SAVEPOINT one_file")
    do {
      let result = try body()
      try execute("RELEASE one_file")
      return result
    } catch {
      if sqlite3_get_autocommit(handle) != 0 {
        inTransactionLost = true
        throw error
      }
      try execute("ROLLBACK TO one_file")
      try execute("RELEASE one_file")
      throw error
    }
  }

  /// Set when SQLite rolled back the whole transaction inside a ``savepoint(_:)``: the
  /// enclosing ``transaction(write:_:)`` must not commit.
  private(set) var inTransactionLost = false

  private static let transactionLostError = StoreError.sqlite(
    code: SQLITE_ABORT, message: "SQLite rolled back the whole transaction after an error", sql: nil
  )

  /// BEGIN IMMEDIATE, waiting out ordinary contention: busy_timeout waits up to 5 s per
  /// attempt, and a still-busy database is retried with a short, jittered backoff for up to
  /// `lockWaitSeconds` before the error reaches the caller.
  private func beginImmediate() throws {
    let deadline =
      DispatchTime.now().uptimeNanoseconds + UInt64(Self.lockWaitSeconds) * 1_000_000_000
    var backoffMicros: UInt32 = 1_000
    while true {
      do {
        try execute("BEGIN IMMEDIATE")
        return
      } catch StoreError.sqlite(let code, _, _)
        where code & 0xff == SQLITE_BUSY
        && DispatchTime.now().uptimeNanoseconds < deadline
      {
        usleep(backoffMicros + UInt32.random(in: 0...backoffMicros))
        backoffMicros = min(backoffMicros * 2, 50_000)
      }
    }
  }

  /// How long a write waits for the lock in total before reporting SQLITE_BUSY.
  static let lockWaitSeconds = 120

  /// Rows changed by the most recent statement.
  var changes: Int { Int(sqlite3_changes(handle)) }

  /// Reads an integer pragma such as `user_version` or `data_version`.
  func pragmaInt(_ name: String) throws -> Int64 {
    try prepare("PRAGMA \(name)").first { $0.int64(0) } ?? 0
  }
}
