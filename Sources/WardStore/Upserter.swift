/// Insert-or-update of one row keyed by some columns, writing only when a value differs,
/// so re-applying the same data changes nothing.
struct Upserter {
  let db: Database
  let table: String
  let keyColumns: [String]
  let valueColumns: [String]

  private var keyWhere: String { keyColumns.map { "\($0) = ?" }.joined(separator: " AND ") }

  /// Writes `values` (in `valueColumns` order) for `keys`. `keep` names value columns
  /// whose stored value is kept when the new value is NULL.
  func upsert(keys: [SQLValue], values: [SQLValue], keep: Set<String> = []) throws
    -> UpsertOutcome
  {
    let exists =
      try db.prepare("SELECT 1 FROM \(table) WHERE \(keyWhere)").first(keys) { _ in true }
      ?? false
    if !exists {
      let columns = keyColumns + valueColumns
      let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
      try db.prepare(
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(marks))"
      ).run(keys + values)
      return .inserted
    }
    let newValue: (String) -> String = { c in keep.contains(c) ? "COALESCE(?, \(c))" : "?" }
    let sets = valueColumns.map { "\($0) = \(newValue($0))" }.joined(separator: ", ")
    let differs = valueColumns.map { "\($0) IS NOT \(newValue($0))" }.joined(separator: " OR ")
    let changed = try db.prepare(
      "UPDATE \(table) SET \(sets) WHERE \(keyWhere) AND (\(differs))"
    ).run(values + keys + values)
    return changed > 0 ? .updated : .unchanged
  }
}
