import Foundation
import WardModel

/// Where an audit event came from.
public enum AuditSource: String, Sendable, Hashable, Codable, CaseIterable {
  /// The interactive console (its triage dialog).
  case console
  /// `ward triage`, `ward note` and other scripted commands.
  case cli
  /// `ward scan`: a rule stopped firing (resolved) or fired again (reopened), or an expiry
  /// noticed during the scan.
  case scan
  /// `ward import`: a source said passed/failed, or an expiry noticed during the import.
  case `import`
  /// A read-write open of the store noticed an expired risk acceptance.
  case open
  /// A triage policy rule (`ward policy apply`, or `--policy` on import and scan); the
  /// event names the rule and the policy file's SHA-256.
  case policy
}

/// What an audit event records.
public enum AuditKind: String, Sendable, Hashable, Codable {
  /// The finding's triage state was set (possibly to the same state, with a new reason).
  case state
  /// A note was added; the state is unchanged (`from == to`).
  case note
  /// An operator's console session started or ended (see ``SessionRecord``). The finding
  /// id is empty, `from` is nil and `to` is `new` (unused); `reason` is `session start` or
  /// `session end` and `note` carries TERM, window size and, at the end, the duration.
  case session
  /// An evidence pack was written (see ``EvidenceRecord``). Like a session it names no
  /// finding: the finding id is empty, `from` is nil and `to` is `new` (unused); `reason` is
  /// `evidence pack` and `note` names the tenant, the period, the counts, the chain slice
  /// and the SHA-256 of the pack's manifest.
  case evidence
}

/// One row of the append-only, hash-chained audit log.
public struct AuditEvent: Sendable, Hashable, Codable {
  /// Position in the log: 1, 2, 3, ... with no gaps.
  public var seq: Int64
  public var kind: AuditKind
  public var findingId: String
  /// The state before; nil when the event records the state a finding was created in.
  public var from: TriageState?
  public var to: TriageState
  public var reason: String?
  public var note: String?
  /// Expiry of a risk acceptance.
  public var until: EpochSeconds?
  /// Operator name, or `import`, `scan`, `expiry` for changes the store made itself.
  public var operatorName: String
  /// SSH client address of the operator, when known.
  public var address: String?
  /// SHA256 fingerprint of the operator's SSH key, when known.
  public var keyFingerprint: String?
  public var source: AuditSource
  public var at: EpochSeconds
  /// The seq of the event this one undoes, for an undo.
  public var undoes: Int64?
  /// Hex SHA-256 of the previous event (64 zeros for the first).
  public var prevHash: String
  /// Hex SHA-256 of this event's canonical encoding (see docs/audit.md).
  public var hash: String
  /// The triage action this event is part of: every event of one console or CLI triage
  /// (one `t` on N findings, one `u`) names the same batch id; nil for events made before
  /// batches existed and for imports, scans, expiries and sessions.
  public var batch: String? = nil
  /// The policy rule that made this change (source `policy`); nil otherwise.
  public var rule: String? = nil
  /// Hex SHA-256 of the policy file the rule came from.
  public var policySHA256: String? = nil

  /// An event as read back from an export (an evidence pack's chain file), to recompute
  /// its hash offline with ``recomputedHash``.
  public init(
    seq: Int64, kind: AuditKind, findingId: String, from: TriageState?, to: TriageState,
    reason: String?, note: String?, until: EpochSeconds?, operatorName: String,
    address: String?, keyFingerprint: String?, source: AuditSource, at: EpochSeconds,
    undoes: Int64?, prevHash: String, hash: String, batch: String? = nil, rule: String? = nil,
    policySHA256: String? = nil
  ) {
    self.seq = seq
    self.kind = kind
    self.findingId = findingId
    self.from = from
    self.to = to
    self.reason = reason
    self.note = note
    self.until = until
    self.operatorName = operatorName
    self.address = address
    self.keyFingerprint = keyFingerprint
    self.source = source
    self.at = at
    self.undoes = undoes
    self.prevHash = prevHash
    self.hash = hash
    self.batch = batch
    self.rule = rule
    self.policySHA256 = policySHA256
  }

  /// The SHA-256 of this event's canonical encoding, computed now with the store's own
  /// function (docs/audit.md); equal to ``hash`` when the event is intact. ``hash`` itself is
  /// not part of the encoding.
  public var recomputedHash: String { AuditHash.hash(self) }
}

/// Narrows `auditLog(filter:)`. Nil fields do not filter.
public struct AuditFilter: Sendable, Hashable {
  public var findingId: String?
  public var operatorName: String?
  /// Events at or after this instant.
  public var since: EpochSeconds?
  public var source: AuditSource?

  public init(
    findingId: String? = nil, operatorName: String? = nil, since: EpochSeconds? = nil,
    source: AuditSource? = nil
  ) {
    self.findingId = findingId
    self.operatorName = operatorName
    self.since = since
    self.source = source
  }
}

/// The last event of the log, as recorded in `audit_head`.
public struct AuditHead: Sendable, Hashable, Codable, CustomStringConvertible {
  /// Seq of the last event (0 for an empty log).
  public var seq: Int64
  /// Its hash (64 zeros for an empty log).
  public var hash: String

  public init(seq: Int64, hash: String) {
    self.seq = seq
    self.hash = hash
  }

  /// `SEQ:HASH`, the form `ward audit head` prints and `ward audit verify --head` reads.
  public var description: String { "\(seq):\(hash)" }

  /// Reads `SEQ:HASH` or `SEQ HASH` (hash in any case); nil when it is neither.
  public init?(parsing text: String) {
    let parts = text.trimmingCharacters(in: .whitespaces).split(
      whereSeparator: { $0 == " " || $0 == ":" })
    guard parts.count == 2, let seq = Int64(parts[0]), seq >= 0 else { return nil }
    let hash = parts[1].lowercased()
    guard hash.count == 64, hash.allSatisfy({ $0.isHexDigit }) else { return nil }
    self.init(seq: seq, hash: hash)
  }
}

/// The result of checking the whole chain.
public struct AuditVerification: Sendable, Hashable {
  /// Events read.
  public var eventCount: Int64
  /// The head recorded in `audit_head`.
  public var head: AuditHead
  /// The first problem found in the chain, nil when the chain is intact.
  public var problem: AuditProblem?
  /// With a recorded head: how many events were appended after it (0 when the log still
  /// ends there).
  public var appendedAfterRecorded: Int64?
  /// Findings whose stored state is not the replay of their events (at most
  /// ``AuditVerifier/mismatchLimit``), and how many there are in all.
  public var stateMismatches: [StateMismatch] = []
  public var stateMismatchCount: Int64 = 0

  /// True when the chain is intact and every finding's state is explained by its events.
  public var isIntact: Bool { problem == nil && stateMismatchCount == 0 }
}

/// A finding whose `findings.state` no audit event explains.
public struct StateMismatch: Sendable, Hashable, CustomStringConvertible {
  public var findingId: String
  /// The state stored on the finding.
  public var stored: String
  /// The state its events replay to (`new` when it has no state event).
  public var replayed: String

  public var description: String {
    "finding \(findingId) is \(stored) but its audit events replay to \(replayed)"
  }
}

/// The first thing wrong with the chain.
public struct AuditProblem: Sendable, Hashable, CustomStringConvertible {
  /// The seq of the first bad (or missing) event.
  public var seq: Int64
  public var reason: String

  public var description: String { "event #\(seq): \(reason)" }
}
