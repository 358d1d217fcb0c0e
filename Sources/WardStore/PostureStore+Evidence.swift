import WardModel

extension PostureStore {
  /// What an evidence pack for `tenant` and `period` holds (see ``EvidenceContent``), read
  /// in one transaction. Throws ``StoreError/tenantNotFound(_:)`` when the tenant does not
  /// exist or is outside the handle's scope. The chain slice redacts every event that is
  /// not on one of the tenant's findings, whatever the handle's scope.
  public func evidence(tenant: String, period: EvidencePeriod) throws -> EvidenceContent {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        let reader = EvidenceReader(db: db)
        guard scope.allows(tenant), let id = try reader.tenantId(named: tenant) else {
          throw StoreError.tenantNotFound(tenant)
        }
        return try reader.content(tenant: tenant, tenantId: id, period: period)
      }
    }
  }

  /// Appends "an evidence pack was written" to the audit chain, by `actor` with source
  /// `cli` (kind `evidence`, see ``EvidenceRecord``). Needs a read-write handle whose scope
  /// allows the record's tenant.
  @discardableResult
  public func recordEvidence(_ record: EvidenceRecord, by actor: Operator, now: EpochSeconds)
    throws -> AuditEvent
  {
    try connection.withDatabase { db in
      try db.transaction {
        guard scope.allows(record.tenant),
          try EvidenceReader(db: db).tenantId(named: record.tenant) != nil
        else { throw StoreError.tenantNotFound(record.tenant) }
        return try AuditLog(db: db).append(
          kind: .evidence, findingId: "", from: nil, to: .new, reason: EvidenceRecord.reason,
          note: record.note, until: nil, actor: AuditActor(actor, source: .cli), at: now)
      }
    }
  }

  /// The head with the time of its event and the number of events, for
  /// `ward audit head --json`.
  public func auditHeadInfo() throws -> AuditHeadInfo {
    try connection.withDatabase { db in
      try db.transaction(write: false) { try EvidenceReader(db: db).headInfo() }
    }
  }
}
