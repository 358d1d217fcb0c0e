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

  /// Checks the whole story: seqs from 1 without gaps, each prev_hash the previous hash,
  /// each hash the SHA-256 of its event, no event more than
  /// ``AuditVerifier/clockTolerance`` seconds before the one it follows, the end equal to
  /// `audit_head`, and every finding's state equal to the replay of its events. With
  /// `head` (a hash recorded earlier), also that the log still contains it.
  public func verifyAudit(head: String? = nil) throws -> AuditVerification {
    try verify(head.map { AuditVerifier.Recorded(seq: nil, hash: $0.lowercased()) })
  }

  /// Like ``verifyAudit(head:)`` with a head recorded as `SEQ:HASH`: event SEQ must still
  /// have HASH, and the result says how many events were appended after it.
  public func verifyAudit(recorded: AuditHead) throws -> AuditVerification {
    try verify(AuditVerifier.Recorded(seq: recorded.seq, hash: recorded.hash.lowercased()))
  }

  private func verify(_ recorded: AuditVerifier.Recorded?) throws -> AuditVerification {
    try connection.withDatabase { db in
      try db.transaction(write: false) { try AuditVerifier(db: db).verify(recorded: recorded) }
    }
  }
}
