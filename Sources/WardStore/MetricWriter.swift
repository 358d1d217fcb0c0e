import CSQLite
import WardModel

/// The hot path: upserts hourly metric samples with one prepared statement per outcome.
///
/// A sample for a new (function, hour) is one INSERT. For an existing one, an UPDATE
/// merges columns (a NULL in the batch keeps the stored value) and writes only if some
/// column differs, so a re-applied batch changes nothing.
struct MetricWriter {
  let db: Database

  static let insertSQL = """
    INSERT INTO metrics (function_id, hour, invocations, errors, throttles, duration_avg,
      duration_p99, duration_max, cold_starts, max_concurrency)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
    ON CONFLICT (function_id, hour) DO NOTHING
    """

  static let mergeSQL: String = {
    let columns = [
      "invocations", "errors", "throttles", "duration_avg", "duration_p99", "duration_max",
      "cold_starts", "max_concurrency",
    ]
    let merged = columns.enumerated().map { i, c in (c, "COALESCE(?\(i + 3), \(c))") }
    return "UPDATE metrics SET " + merged.map { "\($0.0) = \($0.1)" }.joined(separator: ", ")
      + " WHERE function_id = ?1 AND hour = ?2 AND ("
      + merged.map { "\($0.0) IS NOT \($0.1)" }.joined(separator: " OR ") + ")"
  }()

  /// Writes `samples`; counts inserted, updated (merged) and unchanged rows.
  func write(_ samples: [MetricSample]) throws -> ApplySummary.Counts {
    var counts = ApplySummary.Counts()
    guard !samples.isEmpty else { return counts }
    let ids = try functionIds(for: samples)
    let insert = try db.prepare(Self.insertSQL)
    let merge = try db.prepare(Self.mergeSQL)
    var lastArn = ""
    var lastId: Int64 = 0
    for s in samples {
      if s.functionArn != lastArn {
        lastArn = s.functionArn
        lastId = ids[s.functionArn]!
      }
      bind(insert, s, id: lastId)
      try stepDone(insert)
      if db.changes > 0 {
        counts.inserted += 1
        continue
      }
      bind(merge, s, id: lastId)
      try stepDone(merge)
      if db.changes > 0 { counts.updated += 1 } else { counts.unchanged += 1 }
    }
    return counts
  }

  @inline(__always)
  private func bind(_ stmt: Statement, _ s: MetricSample, id: Int64) {
    let h = stmt.handle
    sqlite3_bind_int64(h, 1, id)
    sqlite3_bind_int64(h, 2, s.hour)
    bindOptional(h, 3, s.invocations)
    bindOptional(h, 4, s.errors)
    bindOptional(h, 5, s.throttles)
    bindOptional(h, 6, s.durationAvg)
    bindOptional(h, 7, s.durationP99)
    bindOptional(h, 8, s.durationMax)
    bindOptional(h, 9, s.coldStarts)
    bindOptional(h, 10, s.maxConcurrency)
  }

  @inline(__always)
  private func bindOptional(_ h: OpaquePointer, _ i: Int32, _ v: Double?) {
    if let v { sqlite3_bind_double(h, i, v) } else { sqlite3_bind_null(h, i) }
  }

  @inline(__always)
  private func stepDone(_ stmt: Statement) throws {
    let rc = sqlite3_step(stmt.handle)
    sqlite3_reset(stmt.handle)
    if rc != SQLITE_DONE {
      throw StoreError.sqlite(
        code: rc, message: String(cString: sqlite3_errmsg(db.handle)), sql: stmt.sql)
    }
  }

  /// The compact id of every ARN in `samples`, creating keys for ARNs not seen before.
  private func functionIds(for samples: [MetricSample]) throws -> [String: Int64] {
    var ids: [String: Int64] = [:]
    let create = try db.prepare(
      "INSERT INTO function_keys (arn, account) VALUES (?, ?) ON CONFLICT (arn) DO NOTHING")
    let lookup = try db.prepare("SELECT id FROM function_keys WHERE arn = ?")
    var last = ""
    for s in samples where s.functionArn != last {
      last = s.functionArn
      if ids[last] != nil { continue }
      try create.run([.text(last), .text(ARN(last)?.account ?? "")])
      ids[last] = try lookup.first([.text(last)]) { $0.int64(0) }
    }
    return ids
  }
}
