import WardModel

/// The Security Hub findings among a selection, with what the securityhub-updates export
/// needs to decide (``SecurityHubUpdates/plan(_:)``), and how many selected findings could
/// not be considered.
public struct SecurityHubSelection: Sendable, Hashable {
  public var decisions: [SecurityHubDecision]
  /// Selected findings that are not considered, by why (not from Security Hub, an ASFF
  /// file Security Hub is not known to hold, no identity kept).
  public var excluded: [SecurityHubSkip: Int]
}

extension PostureStore {
  /// The findings `filter` selects (in the handle's scope) as Security Hub decisions: each
  /// Security Hub finding with its identity, its state and who set it, and the states Ward
  /// decisions gave it since Security Hub's workflow was last seen to change. With
  /// `window`, a decision is in it when the finding was triaged (by a person or a policy),
  /// lapsed or went stale in the window (``ChangeSQL``, as `ward changes` counts them).
  public func securityHubDecisions(filter: FindingFilter, window: ChangeWindow? = nil) throws
    -> SecurityHubSelection
  {
    try connection.withDatabase { db in
      try db.transaction(write: false) {
        var inWindow: Set<String>? = nil
        if let window {
          var windowed = filter
          windowed.changes = ChangeSelection(kinds: [.triaged, .lapsed, .stale], window: window)
          let where_ = findingWhere(windowed)
          inWindow = Set(
            try db.prepare("SELECT x.id FROM findings x\(where_.sql)").rows(where_.binds) {
              $0.text(0)
            })
        }
        let where_ = findingWhere(filter)
        var excluded: [SecurityHubSkip: Int] = [:]
        var decisions: [SecurityHubDecision] = []
        enum Row {
          case excluded(SecurityHubSkip)
          case decision(SecurityHubDecision)
        }
        let rows = try db.prepare(
          """
          SELECT x.id, x.source, i.source, i.source_id, i.product_arn, i.workflow_status,
            i.verification_state, i.status_changed_at, x.state, x.state_reason, x.state_note,
            x.state_until, x.state_by, x.state_at,
            (SELECT group_concat(DISTINCT e.to_state) FROM audit_events e
              WHERE e.finding_id = x.id AND e.kind = 'state'
                AND e.operator NOT IN ('import', 'scan')
                AND e.at >= COALESCE(i.status_changed_at, 0))
          FROM findings x LEFT JOIN source_identities i ON i.finding_id = x.id\(where_.sql)
          ORDER BY x.id
          """
        ).rows(where_.binds) { s -> Row in
          guard s.text(1) == SourceRef.securityHub else { return .excluded(.notFromSecurityHub) }
          guard let system = s.optionalText(2) else { return .excluded(.noIdentity) }
          guard system == SourceRef.securityHub else { return .excluded(.notHeldBySecurityHub) }
          let id = s.text(0)
          let ref = SourceRef(
            system: system, id: s.text(3), productArn: s.text(4),
            workflowStatus: s.optionalText(5), verificationState: s.optionalText(6))
          let since = (s.optionalText(14) ?? "").split(separator: ",").compactMap {
            TriageState(rawValue: String($0))
          }
          return .decision(
            SecurityHubDecision(
              findingId: id, ref: ref, state: TriageState(rawValue: s.text(8)) ?? .new,
              reason: s.optionalText(9), note: s.optionalText(10), until: s.optionalInt64(11),
              decidedBy: s.optionalText(12), decidedAt: s.optionalInt64(13),
              sourceChangedAt: s.optionalInt64(7), statesSinceSeen: Set(since),
              inWindow: inWindow.map { $0.contains(id) } ?? true))
        }
        for row in rows {
          switch row {
          case .excluded(let why): excluded[why, default: 0] += 1
          case .decision(let d): decisions.append(d)
          }
        }
        return SecurityHubSelection(decisions: decisions, excluded: excluded)
      }
    }
  }
}
