/// Replaces the set of rows that share some key columns (one API's routes, one bucket's
/// notification links) with a new set, writing nothing when they are equal, so re-applying
/// the same response changes nothing.
struct RowSetReplacer {
  let db: Database
  let table: String
  /// The columns that name the set (e.g. `api_id`).
  let keyColumns: [String]
  /// The other columns, compared and written.
  let columns: [String]
  /// How stored rows are ordered to compare with `rows` (the caller sorts the same way).
  let order: String

  /// Replaces the rows whose key columns equal `keys` with `rows` (in `columns` order).
  func replace(keys: [SQLValue], rows: [[SQLValue]]) throws -> UpsertOutcome {
    let list = columns.joined(separator: ", ")
    let keyWhere = keyColumns.map { "\($0) = ?" }.joined(separator: " AND ")
    let stored = try db.prepare("SELECT \(list) FROM \(table) WHERE \(keyWhere) ORDER BY \(order)")
      .rows(keys) { s in (0..<columns.count).map { s.value(Int32($0)) } }
    if stored == rows { return .unchanged }
    try db.prepare("DELETE FROM \(table) WHERE \(keyWhere)").run(keys)
    let all = keyColumns + columns
    let marks = Array(repeating: "?", count: all.count).joined(separator: ", ")
    let insert = try db.prepare(
      "INSERT INTO \(table) (\(all.joined(separator: ", "))) VALUES (\(marks)) ON CONFLICT DO NOTHING"
    )
    for row in rows { _ = try insert.run(keys + row) }
    return stored.isEmpty ? .inserted : .updated
  }
}
