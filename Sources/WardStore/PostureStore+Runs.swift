import WardModel

extension PostureStore {
  /// Records the start of a run (an import, a scan or a policy apply) and returns its
  /// handle: pass it to the writes of the run and then to ``finishRun``. Runs are the
  /// boundaries ``changes(since:tenants:)`` measures from.
  public func startRun(
    _ kind: RunKind, operatorName: String, files: [String] = [], now: EpochSeconds
  ) throws -> RunHandle {
    guard scope.tenants == nil else { throw StoreError.outOfScope("run") }
    return try connection.withDatabase { db in
      try db.transaction {
        try RunWriter(db: db).start(kind, operatorName: operatorName, files: files, now: now)
      }
    }
  }

  /// Records the end of `run` with its totals, in one transaction. For an import, closes
  /// the run's sightings first: findings of the scopes it covered that it did not see are
  /// marked no longer seen (unless `failed` > 0), and missing ones it saw again are marked
  /// back (docs/triage.md, "What changed"). Returns the recorded run.
  @discardableResult
  public func finishRun(
    _ run: RunHandle, files: Int = 0, failed: Int = 0, summary: ApplySummary = ApplySummary(),
    now: EpochSeconds
  ) throws -> RunRecord {
    guard scope.tenants == nil else { throw StoreError.outOfScope("run") }
    return try connection.withDatabase { db in
      try db.transaction {
        let writer = RunWriter(db: db)
        let unseen = try writer.closeSightings(run, anyFailed: failed > 0)
        try writer.finish(
          run, fileCount: files, failedCount: failed, summary: summary, unseen: unseen, now: now)
        return try db.prepare("SELECT \(RunWriter.columns) FROM runs WHERE id = ?").first(
          [.integer(run.id)], RunWriter.decode)!
      }
    }
  }

  /// Forgets a run that wrote nothing (every file of an import failed), so the store is
  /// left as it was: its row and its sightings go.
  public func discardRun(_ run: RunHandle) throws {
    guard scope.tenants == nil else { throw StoreError.outOfScope("run") }
    try connection.withDatabase { db in
      try db.transaction {
        _ = try RunWriter(db: db).closeSightings(run, anyFailed: true, write: false)
        try db.prepare("DELETE FROM runs WHERE id = ?").run([.integer(run.id)])
      }
    }
  }

  /// The recorded runs, newest first, at most `limit`.
  public func runs(limit: Int = 1000) throws -> [RunRecord] {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        try db.prepare("SELECT \(RunWriter.columns) FROM runs ORDER BY id DESC LIMIT ?").rows(
          [.integer(Int64(max(0, limit)))], RunWriter.decode)
      }
    }
  }

  /// The run with this id, if recorded.
  public func run(id: Int64) throws -> RunRecord? {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        try db.prepare("SELECT \(RunWriter.columns) FROM runs WHERE id = ?").first(
          [.integer(id)], RunWriter.decode)
      }
    }
  }
}
