import WardModel

extension PostureStore {
  /// Audit events matching `filter`, oldest first: those after seq `after`, at most `limit`
  /// (page with the last seq you got). Limited to findings in the handle's scope.
  public func auditLog(
    filter: AuditFilter = AuditFilter(), after: Int64 = 0, limit: Int = 1000
  ) throws -> [AuditEvent] {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        try AuditLog(db: db).events(filter, scope: scope, after: after, limit: limit)
      }
    }
  }

  /// The current end of the chain, to record somewhere the store's writers cannot reach.
  public func auditHead() throws -> AuditHead {
    try connection.withDatabase { db in
      try db.transaction(write: false) { try AuditLog(db: db).head() }
    }
  }

  /// Checks the whole chain: seqs without gaps, each prev_hash the previous hash, each hash
  /// the SHA-256 of its event, and the end equal to `audit_head`. With `head` (a hash
  /// recorded earlier), also that the log still contains it, i.e. extends that head.
  /// Reads in one snapshot, so concurrent appends do not disturb it.
  public func verifyAudit(head: String? = nil) throws -> AuditVerification {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        try AuditLog(db: db).verify(expectedHead: head?.lowercased())
      }
    }
  }
}
