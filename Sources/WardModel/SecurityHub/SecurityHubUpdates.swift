/// A Security Hub finding's Ward decision, as the store holds it: the input of
/// ``SecurityHubUpdates/plan(_:)``.
public struct SecurityHubDecision: Sendable, Hashable {
  /// Ward's finding id.
  public var findingId: String
  /// The finding's Security Hub identity and the workflow Security Hub held when last read.
  public var ref: SourceRef
  public var state: TriageState
  public var reason: String?
  public var note: String?
  public var until: EpochSeconds?
  /// Who set the state (`state_by`): a person, `policy`, `expiry`, `stale` or `import`.
  public var decidedBy: String?
  public var decidedAt: EpochSeconds?
  /// When an import last saw Security Hub's workflow change (nil: unchanged since the
  /// identity was first recorded).
  public var sourceChangedAt: EpochSeconds?
  /// The states Ward's own decisions set since Security Hub's workflow was last seen to
  /// change (or ever, when it never was): an earlier export may have sent any of them.
  public var statesSinceSeen: Set<TriageState>
  /// Whether the decision falls in the export's `--since` window (true without one).
  public var inWindow: Bool

  public init(
    findingId: String, ref: SourceRef, state: TriageState, reason: String? = nil,
    note: String? = nil, until: EpochSeconds? = nil, decidedBy: String?,
    decidedAt: EpochSeconds?, sourceChangedAt: EpochSeconds? = nil,
    statesSinceSeen: Set<TriageState> = [], inWindow: Bool = true
  ) {
    self.findingId = findingId
    self.ref = ref
    self.state = state
    self.reason = reason
    self.note = note
    self.until = until
    self.decidedBy = decidedBy
    self.decidedAt = decidedAt
    self.sourceChangedAt = sourceChangedAt
    self.statesSinceSeen = statesSinceSeen
    self.inWindow = inWindow
  }

  /// Whether the state is Security Hub's own: set by an import (the state at source when
  /// first read, or a reopen because Security Hub reported it failing again).
  public var stateIsFromSource: Bool { decidedBy == "import" }
}

/// One `BatchUpdateFindings` request body: up to ``SecurityHubUpdates/maxIdentifiers``
/// findings of one region that get the same workflow, verification state and note.
public struct SecurityHubUpdateRequest: Sendable, Hashable {
  /// One entry of `FindingIdentifiers`.
  public struct Identifier: Sendable, Hashable {
    public var id: String
    public var productArn: String
  }

  /// The region the request must be sent to (the findings' product ARN region).
  public var region: String
  public var identifiers: [Identifier]
  /// `Workflow.Status`.
  public var status: String
  /// `VerificationState`, when the decision sets one.
  public var verificationState: String?
  /// `Note.Text` and `Note.UpdatedBy`; nil when the decision has nothing to say.
  public var noteText: String?
  public var updatedBy: String
}

/// Why a finding got no update.
public enum SecurityHubSkip: String, Sendable, Hashable, CaseIterable, Comparable {
  /// Not a Security Hub finding (Ward's own, Prowler, Checkov).
  case notFromSecurityHub = "not from Security Hub"
  /// An ASFF finding Security Hub is not known to hold (a bare list or single finding of
  /// another product, such as Prowler's `-M json-asff` output).
  case notHeldBySecurityHub = "ASFF not read from Security Hub (not a get-findings response)"
  /// A Security Hub finding imported before Ward kept Security Hub's Id and ProductArn.
  case noIdentity = "no Security Hub Id/ProductArn: imported before Ward kept them (re-import)"
  /// Held by Security Hub in another region than the one asked for (`--region`).
  case otherRegion = "in another region than --region"
  /// No decision in the `--since` window.
  case notInWindow = "no decision in the --since window"
  /// The state is the one Security Hub reported (set by an import).
  case stateFromSecurityHub = "state is Security Hub's own"
  /// Security Hub already holds the mapped workflow (and verification state).
  case alreadyHeld = "Security Hub already holds it"
  /// Security Hub's workflow changed after Ward's decision: Security Hub's is newer.
  case changedInSecurityHub = "Security Hub changed it after Ward's decision"

  public static func < (a: Self, b: Self) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// The `BatchUpdateFindings` requests that bring Security Hub in line with Ward's decisions.
public struct SecurityHubUpdates: Sendable, Hashable {
  /// `BatchUpdateFindings` takes at most 100 finding identifiers per request.
  public static let maxIdentifiers = 100

  public var requests: [SecurityHubUpdateRequest]
  /// Findings left out, by why.
  public var skipped: [SecurityHubSkip: Int]

  /// How many finding identifiers the requests carry.
  public var identifierCount: Int { requests.reduce(0) { $0 + $1.identifiers.count } }

  /// Decides which decisions to send and groups them: findings of one region with the
  /// same workflow, verification state, note and operator share a request (≤ 100 each),
  /// requests ordered by region, then by their first finding id. A decision is sent when it
  /// is in the window, was made in Ward (not imported), and Security Hub is not known to
  /// hold it already, unless Security Hub changed the finding after the decision.
  public static func plan(_ decisions: [SecurityHubDecision]) -> SecurityHubUpdates {
    struct Key: Hashable {
      var region, status: String
      var verification, note: String?
      var by: String
    }
    var skipped: [SecurityHubSkip: Int] = [:]
    var groups: [Key: [SecurityHubUpdateRequest.Identifier]] = [:]
    for d in decisions.sorted(by: { $0.findingId < $1.findingId }) {
      if let skip = skipReason(d) {
        skipped[skip, default: 0] += 1
        continue
      }
      let key = Key(
        region: d.ref.region, status: SecurityHubWorkflow.status(for: d.state),
        verification: verificationUpdate(d),
        note: SecurityHubNote.text(state: d.state, reason: d.reason, note: d.note, until: d.until),
        by: SecurityHubNote.updatedBy(d.decidedBy))
      groups[key, default: []].append(.init(id: d.ref.id, productArn: d.ref.productArn))
    }
    var requests: [SecurityHubUpdateRequest] = []
    for (key, ids) in groups {
      for start in stride(from: 0, to: ids.count, by: maxIdentifiers) {
        requests.append(
          SecurityHubUpdateRequest(
            region: key.region,
            identifiers: Array(ids[start..<min(ids.count, start + maxIdentifiers)]),
            status: key.status, verificationState: key.verification, noteText: key.note,
            updatedBy: key.by))
      }
    }
    requests.sort {
      ($0.region, $0.identifiers[0].id, $0.identifiers[0].productArn)
        < ($1.region, $1.identifiers[0].id, $1.identifiers[0].productArn)
    }
    return SecurityHubUpdates(requests: requests, skipped: skipped)
  }

  /// Why `d` gets no update; nil when it gets one.
  public static func skipReason(_ d: SecurityHubDecision) -> SecurityHubSkip? {
    if !d.inWindow { return .notInWindow }
    if d.stateIsFromSource { return .stateFromSecurityHub }
    if isHeld(d) { return .alreadyHeld }
    if let changed = d.sourceChangedAt, let decided = d.decidedAt, decided < changed {
      return .changedInSecurityHub
    }
    return nil
  }

  /// Whether Security Hub is known to hold `d`'s workflow and verification state: it did
  /// when last read, and no Ward decision since then went elsewhere (an earlier export may
  /// have sent that one).
  static func isHeld(_ d: SecurityHubDecision) -> Bool {
    func held(_ state: TriageState) -> Bool {
      guard d.ref.workflowStatus?.uppercased() == SecurityHubWorkflow.status(for: state) else {
        return false
      }
      let seenFalsePositive =
        d.ref.verificationState?.uppercased() == SecurityHubWorkflow.falsePositive
      return seenFalsePositive == (state == .falsePositive)
    }
    return held(d.state) && d.statesSinceSeen.allSatisfy(held)
  }

  /// `VerificationState` to send: FALSE_POSITIVE for a false positive; UNKNOWN for any
  /// other state when Security Hub holds (or may hold, from an earlier export) a false
  /// positive; else none.
  static func verificationUpdate(_ d: SecurityHubDecision) -> String? {
    if let v = SecurityHubWorkflow.verificationState(for: d.state) { return v }
    let seen = d.ref.verificationState?.uppercased() == SecurityHubWorkflow.falsePositive
    return seen || d.statesSinceSeen.contains(.falsePositive)
      ? SecurityHubWorkflow.unknownVerification : nil
  }
}
