import WardModel

/// A period of whole UTC days: from 00:00 of the first day up to (not including) 00:00 of
/// the day after the last.
public struct EvidencePeriod: Sendable, Hashable {
  /// The first instant in the period.
  public var start: EpochSeconds
  /// The first instant after the period.
  public var end: EpochSeconds

  public init(start: EpochSeconds, end: EpochSeconds) {
    self.start = start
    self.end = end
  }

  /// Whether `t` falls inside the period.
  public func contains(_ t: EpochSeconds) -> Bool { t >= start && t < end }
}

/// A finding as an evidence pack lists it: what it is, when it was seen, and its current
/// triage state with the version and the audit event that set that state.
public struct EvidenceFinding: Sendable, Hashable {
  public var id: String
  public var account: String?
  public var region: String?
  public var functionArn: String?
  public var resource: String
  public var category: String
  public var severity: Severity
  public var title: String
  public var source: String
  public var ruleId: String
  public var firstSeen: EpochSeconds
  public var lastSeen: EpochSeconds
  /// The current triage state, as stored on the finding.
  public var triage: TriageInfo
  /// Seq of the finding's latest `state` event (at any time, inside the period or not);
  /// nil when it has none (it is then `new`).
  public var stateSeq: Int64?
}

/// One event of an evidence pack's chain slice: whole (an event on one of the pack
/// tenant's findings), or only its links (any other event: another tenant's, a session, an
/// earlier pack), so a reader of the pack sees nothing of other tenants and can still
/// follow every link from the first event of the slice to the last.
public enum EvidenceLink: Sendable, Hashable {
  case event(AuditEvent)
  case redacted(seq: Int64, prevHash: String, hash: String)

  public var seq: Int64 {
    switch self {
    case .event(let e): e.seq
    case .redacted(let seq, _, _): seq
    }
  }

  public var prevHash: String {
    switch self {
    case .event(let e): e.prevHash
    case .redacted(_, let prevHash, _): prevHash
    }
  }

  public var hash: String {
    switch self {
    case .event(let e): e.hash
    case .redacted(_, _, let hash): hash
    }
  }
}

/// The head of the audit chain with the time of its event and the number of events.
public struct AuditHeadInfo: Sendable, Hashable {
  public var head: AuditHead
  /// The time of the head event; nil for an empty log.
  public var at: EpochSeconds?
  /// Rows in the audit log (equal to the head's seq in an intact log).
  public var eventCount: Int64

  public init(head: AuditHead, at: EpochSeconds?, eventCount: Int64) {
    self.head = head
    self.at = at
    self.eventCount = eventCount
  }
}

/// Everything an evidence pack holds for one tenant and period, read in one transaction.
public struct EvidenceContent: Sendable {
  public var tenant: String
  public var period: EvidencePeriod
  /// The tenant's findings seen in the period (first seen before its end and last seen at
  /// or after its start) or with an audit event in it, by id.
  public var findings: [EvidenceFinding]
  /// Every audit event on those findings in the period, oldest first.
  public var decisions: [AuditEvent]
  /// The contiguous chain from the first decision's seq to the last one's (empty without
  /// decisions).
  public var chain: [EvidenceLink]
  /// The chain's end just before the slice (seq 0 and zeros when the slice starts at #1).
  public var headBefore: AuditHead
  /// The chain's end at the slice's last event (equal to `headBefore` for an empty slice).
  public var headAfter: AuditHead
  /// The store's head when the pack was read.
  public var storeHead: AuditHeadInfo
}
