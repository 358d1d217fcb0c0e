import WardModel

extension PostureStore {
  static let findingRowColumns = """
    x.id, t.name, x.account, x.region, x.function_arn, x.resource, x.category, x.severity,
    x.title, x.source, x.rule_id, x.state, x.first_seen, x.last_seen, x.version, x.state_until
    """

  /// A page of findings: severity (worst first), then last seen (newest first), then id.
  public func findings(
    filter: FindingFilter = FindingFilter(), after: PageCursor? = nil, limit: Int = 200
  ) throws -> Page<FindingRow> {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        var where_ = findingWhere(filter)
        if let after, after.values.count == 3 {
          let (sev, seen, id) = (after.values[0], after.values[1], after.values[2])
          where_.add(
            """
            (x.severity < ? OR (x.severity = ? AND (x.last_seen < ?
              OR (x.last_seen = ? AND x.id > ?))))
            """, [sev, sev, seen, seen, id])
        }
        let rows = try db.prepare(
          """
          SELECT \(Self.findingRowColumns)
          FROM findings x JOIN tenants t ON t.id = x.tenant_id\(where_.sql)
          ORDER BY x.severity DESC, x.last_seen DESC, x.id LIMIT ?
          """
        ).rows(where_.binds + [.integer(Int64(limit))], Self.decodeFindingRow)
        let next =
          rows.count == limit
          ? rows.last.map {
            PageCursor(values: [
              .integer(Int64($0.severity.rank)), .integer($0.lastSeen), .text($0.id),
            ])
          } : nil
        return Page(rows: rows, next: next)
      }
    }
  }

  static func decodeFindingRow(_ s: Statement) -> FindingRow {
    FindingRow(
      id: s.text(0), tenant: s.text(1), account: s.optionalText(2), region: s.optionalText(3),
      functionArn: s.optionalText(4), resource: s.text(5),
      category: Category(rawValue: s.text(6)) ?? .monitoring, severity: Severity(rank: s.int(7)),
      title: s.text(8), source: s.text(9), ruleId: s.text(10),
      state: TriageState(rawValue: s.text(11)) ?? .new, firstSeen: s.int64(12),
      lastSeen: s.int64(13), version: s.int64(14), until: s.optionalInt64(15))
  }

  /// One finding with its triage state (and its ``SourceRef`` when the store keeps one);
  /// nil if unknown or out of scope.
  public func finding(id: String) throws -> StoredFinding? {
    try connection.withDatabase { db in
      var where_ = SQLFilter()
      where_.add("x.id = ?", [.text(id)])
      where_.tenants("x.tenant_id", scope: scope)
      return try db.prepare(
        """
        SELECT x.id, t.name, x.account, x.region, x.function_arn, x.resource, x.resource_type,
          x.category, x.severity, x.title, x.description, x.remediation, x.source, x.rule_id,
          x.evidence, x.first_seen, x.last_seen, x.state, x.state_reason, x.state_note,
          x.state_until, x.state_by, x.state_at, x.version, i.source, i.source_id,
          i.product_arn, i.workflow_status, i.verification_state, x.location_uri,
          x.location_start_line, x.location_end_line
        FROM findings x JOIN tenants t ON t.id = x.tenant_id
        LEFT JOIN source_identities i ON i.finding_id = x.id\(where_.sql)
        """
      ).first(where_.binds) { s in
        let state = TriageState(rawValue: s.text(17)) ?? .new
        let finding = Finding(
          id: s.text(0), account: s.optionalText(2), region: s.optionalText(3),
          functionArn: s.optionalText(4), resource: s.text(5), resourceType: s.optionalText(6),
          category: Category(rawValue: s.text(7)) ?? .monitoring,
          severity: Severity(rank: s.int(8)), title: s.text(9), description: s.text(10),
          remediation: s.text(11), source: s.text(12), ruleId: s.text(13),
          evidence: scope.evidence(s.text(14), ruleId: s.text(13)),
          firstSeen: s.int64(15), lastSeen: s.int64(16),
          compliance: state == .resolved ? .passed : .failed,
          sourceRef: s.optionalText(24).map {
            SourceRef(
              system: $0, id: s.text(25), productArn: s.text(26),
              workflowStatus: s.optionalText(27), verificationState: s.optionalText(28))
          },
          location: s.optionalText(29).map {
            SourceLocation(uri: $0, startLine: s.optionalInt(30), endLine: s.optionalInt(31))
          })
        return StoredFinding(
          finding: finding, tenant: s.text(1),
          triage: TriageInfo(
            state: state, reason: s.optionalText(18), note: s.optionalText(19),
            until: s.optionalInt64(20), by: s.optionalText(21), at: s.optionalInt64(22),
            version: s.int64(23)))
      }
    }
  }
}
