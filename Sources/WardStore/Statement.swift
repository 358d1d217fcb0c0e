import CSQLite

/// A prepared statement with typed bind and column helpers.
///
/// Indexes are 1-based for binds (as in SQLite) and 0-based for columns.
final class Statement {
  let handle: OpaquePointer
  let sql: String
  private let db: OpaquePointer

  init(db: OpaquePointer, sql: String) throws {
    var stmt: OpaquePointer?
    let rc = sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
    guard rc == SQLITE_OK, let stmt else {
      throw StoreError.sqlite(code: rc, message: String(cString: sqlite3_errmsg(db)), sql: sql)
    }
    self.db = db
    self.handle = stmt
    self.sql = sql
  }

  deinit { sqlite3_finalize(handle) }

  // MARK: Binding

  func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }
  func bind(_ index: Int32, _ value: Double) { sqlite3_bind_double(handle, index, value) }
  func bindNull(_ index: Int32) { sqlite3_bind_null(handle, index) }

  func bind(_ index: Int32, _ value: String) {
    var s = value
    s.withUTF8 { buf in
      if let base = buf.baseAddress, buf.count > 0 {
        base.withMemoryRebound(to: CChar.self, capacity: buf.count) { chars in
          _ = sqlite3_bind_text(handle, index, chars, Int32(buf.count), ward_sqlite_transient())
        }
      } else {
        // An empty string is text, not NULL: SQLite needs a non-null pointer for that.
        _ = sqlite3_bind_text(handle, index, "", 0, ward_sqlite_transient())
      }
    }
  }

  func bind(_ index: Int32, _ value: Double?) {
    if let value { bind(index, value) } else { bindNull(index) }
  }

  func bind(_ index: Int32, _ value: SQLValue) {
    switch value {
    case .null: bindNull(index)
    case .integer(let i): bind(index, i)
    case .real(let d): bind(index, d)
    case .text(let s): bind(index, s)
    }
  }

  /// Clears previous bindings and binds `values` to parameters 1...n.
  func bind(_ values: [SQLValue]) {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    for (i, v) in values.enumerated() { bind(Int32(i + 1), v) }
  }

  // MARK: Stepping

  /// Steps once; true when a row is available.
  @discardableResult
  func step() throws -> Bool {
    let rc = sqlite3_step(handle)
    switch rc {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default:
      let message = String(cString: sqlite3_errmsg(db))
      sqlite3_reset(handle)
      throw StoreError.sqlite(code: rc, message: message, sql: sql)
    }
  }

  func reset() { sqlite3_reset(handle) }

  /// Runs to completion with `values` bound; returns the number of rows changed.
  @discardableResult
  func run(_ values: [SQLValue] = []) throws -> Int {
    bind(values)
    defer { sqlite3_reset(handle) }
    while try step() {}
    return Int(sqlite3_changes(db))
  }

  /// Runs with `values` bound and maps every row.
  func rows<T>(_ values: [SQLValue] = [], _ map: (Statement) throws -> T) throws -> [T] {
    bind(values)
    defer { sqlite3_reset(handle) }
    var out: [T] = []
    while try step() { out.append(try map(self)) }
    return out
  }

  /// Runs with `values` bound and maps the first row, if any.
  func first<T>(_ values: [SQLValue] = [], _ map: (Statement) throws -> T) throws -> T? {
    bind(values)
    defer { sqlite3_reset(handle) }
    return try step() ? try map(self) : nil
  }

  // MARK: Columns

  func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }
  func int64(_ i: Int32) -> Int64 { sqlite3_column_int64(handle, i) }
  func int(_ i: Int32) -> Int { Int(sqlite3_column_int64(handle, i)) }
  func double(_ i: Int32) -> Double { sqlite3_column_double(handle, i) }
  func text(_ i: Int32) -> String {
    guard let p = sqlite3_column_text(handle, i) else { return "" }
    let n = Int(sqlite3_column_bytes(handle, i))
    return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
  }
  func optionalInt64(_ i: Int32) -> Int64? { isNull(i) ? nil : int64(i) }
  func optionalInt(_ i: Int32) -> Int? { isNull(i) ? nil : int(i) }
  func optionalDouble(_ i: Int32) -> Double? { isNull(i) ? nil : double(i) }
  func optionalText(_ i: Int32) -> String? { isNull(i) ? nil : text(i) }

  func value(_ i: Int32) -> SQLValue {
    switch sqlite3_column_type(handle, i) {
    case SQLITE_NULL: .null
    case SQLITE_INTEGER: .integer(int64(i))
    case SQLITE_FLOAT: .real(double(i))
    default: .text(text(i))
    }
  }

  var columnCount: Int32 { sqlite3_column_count(handle) }
}
