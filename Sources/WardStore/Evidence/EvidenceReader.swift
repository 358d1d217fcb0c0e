import Foundation
import WardModel

/// Reads an evidence pack's content for one tenant and period, inside the caller's read
/// transaction (so findings, decisions, slice and heads are one consistent picture).
struct EvidenceReader {
  let db: Database

  /// The id of tenant `name`, nil when there is none.
  func tenantId(named name: String) throws -> Int64? {
    try db.prepare("SELECT id FROM tenants WHERE name = ?").first([.text(name)]) { $0.int64(0) }
  }

  func content(tenant: String, tenantId: Int64, period: EvidencePeriod) throws
    -> EvidenceContent
  {
    let findings = try self.findings(tenantId: tenantId, period: period)
    let decisions = try self.decisions(tenantId: tenantId, period: period)
    let storeHead = try headInfo()
    guard let first = decisions.first?.seq, let last = decisions.last?.seq else {
      return EvidenceContent(
        tenant: tenant, period: period, findings: findings, decisions: [], chain: [],
        headBefore: storeHead.head, headAfter: storeHead.head, storeHead: storeHead)
    }
    let chain = try slice(first...last, tenantId: tenantId)
    let before =
      try db.prepare("SELECT seq, hash FROM audit_events WHERE seq = ?").first(
        [.integer(first - 1)]
      ) { AuditHead(seq: $0.int64(0), hash: $0.text(1)) } ?? AuditHead(seq: 0, hash: AuditHash.zero)
    let after = AuditHead(seq: last, hash: chain.last?.hash ?? AuditHash.zero)
    return EvidenceContent(
      tenant: tenant, period: period, findings: findings, decisions: decisions, chain: chain,
      headBefore: before, headAfter: after, storeHead: storeHead)
  }

  /// The head, the time of its event and the number of events.
  func headInfo() throws -> AuditHeadInfo {
    let head = try AuditLog(db: db).head()
    let at = try db.prepare("SELECT at FROM audit_events WHERE seq = ?").first(
      [.integer(head.seq)]
    ) { $0.int64(0) }
    let count = try db.prepare("SELECT COUNT(*) FROM audit_events").first { $0.int64(0) } ?? 0
    return AuditHeadInfo(head: head, at: at, eventCount: count)
  }

  private func findings(tenantId: Int64, period: EvidencePeriod) throws -> [EvidenceFinding] {
    try db.prepare(
      """
      SELECT x.id, x.account, x.region, x.function_arn, x.resource, x.category, x.severity,
        x.title, x.source, x.rule_id, x.first_seen, x.last_seen, x.state, x.state_reason,
        x.state_note, x.state_until, x.state_by, x.state_at, x.version,
        (SELECT MAX(e.seq) FROM audit_events e WHERE e.finding_id = x.id AND e.kind = 'state')
      FROM findings x
      WHERE x.tenant_id = ?1 AND ((x.first_seen < ?3 AND x.last_seen >= ?2)
        OR EXISTS (SELECT 1 FROM audit_events e
          WHERE e.finding_id = x.id AND e.at >= ?2 AND e.at < ?3))
      ORDER BY x.id
      """
    ).rows([.integer(tenantId), .integer(period.start), .integer(period.end)]) { s in
      EvidenceFinding(
        id: s.text(0), account: s.optionalText(1), region: s.optionalText(2),
        functionArn: s.optionalText(3), resource: s.text(4), category: s.text(5),
        severity: Severity(rank: s.int(6)), title: s.text(7), source: s.text(8),
        ruleId: s.text(9), firstSeen: s.int64(10), lastSeen: s.int64(11),
        triage: TriageInfo(
          state: TriageState(rawValue: s.text(12)) ?? .new, reason: s.optionalText(13),
          note: s.optionalText(14), until: s.optionalInt64(15), by: s.optionalText(16),
          at: s.optionalInt64(17), version: s.int64(18)),
        stateSeq: s.optionalInt64(19))
    }
  }

  /// The audit log's columns qualified with `e.`, in `AuditLog.columns` order.
  private static let qualifiedColumns = AuditLog.columns.split(separator: ",")
    .map { "e." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")

  private func decisions(tenantId: Int64, period: EvidencePeriod) throws -> [AuditEvent] {
    try db.prepare(
      """
      SELECT \(Self.qualifiedColumns) FROM audit_events e
      WHERE e.finding_id IN (SELECT id FROM findings WHERE tenant_id = ?)
        AND e.at >= ? AND e.at < ?
      ORDER BY e.seq
      """
    ).rows([.integer(tenantId), .integer(period.start), .integer(period.end)], AuditLog.decode)
  }

  /// Every event from `range.lowerBound` to `range.upperBound`: whole when it is on one of
  /// the tenant's findings, else only seq and hashes.
  private func slice(_ range: ClosedRange<Int64>, tenantId: Int64) throws -> [EvidenceLink] {
    try db.prepare(
      """
      SELECT \(Self.qualifiedColumns), f.tenant_id IS NOT NULL AND f.tenant_id = ?
      FROM audit_events e LEFT JOIN findings f ON f.id = e.finding_id AND e.finding_id <> ''
      WHERE e.seq BETWEEN ? AND ?
      ORDER BY e.seq
      """
    ).rows([.integer(tenantId), .integer(range.lowerBound), .integer(range.upperBound)]) { s in
      let event = AuditLog.decode(s)
      return s.int64(19) == 1
        ? .event(event) : .redacted(seq: event.seq, prevHash: event.prevHash, hash: event.hash)
    }
  }
}
