extension PostureStore {
  /// Prepares a finished store for read-only use by many viewers: folds the write-ahead log
  /// into the main file, switches to a rollback journal (a read-only open then needs no
  /// `-wal`/`-shm` files and never touches the directory), and refreshes planner statistics.
  public func sealForReadOnlyUse() throws {
    try connection.withDatabase { db in
      try db.execute("PRAGMA optimize")
      try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
      try db.execute("PRAGMA journal_mode = DELETE")
    }
  }
}
