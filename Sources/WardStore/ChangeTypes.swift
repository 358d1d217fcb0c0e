import WardModel

/// What happened to a finding in a "what changed" window (docs/triage.md).
public enum ChangeKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// Inserted by a run in the window.
  case new
  /// Resolved by the store (a source said passed, a Ward rule stopped firing), or no
  /// longer seen by an import that covered its scope.
  case resolved
  /// Reopened by an import or scan (seen failing again), or seen again after an import
  /// had found it missing.
  case reopened
  /// A closed decision whose expiry passed (operator `expiry`).
  case lapsed
  /// A standing decision reopened because its function changed (operator `stale`).
  case stale
  /// A state change by a person or a policy rule (operator named).
  case triaged
}

/// Where a "what changed" window starts; it always ends now.
public enum ChangeWindow: Sendable, Hashable {
  /// After the run before the newest one: what the newest run, and everything since the
  /// one before it, changed. With one run, since the store began.
  case previousRun
  /// After this run finished (0: since the store began).
  case afterRun(Int64)
  /// At or after this instant.
  case since(EpochSeconds)
}

/// Findings that changed in a window, for a findings filter (the console's drill-down).
public struct ChangeSelection: Sendable, Hashable {
  /// The kinds of change; nil: any.
  public var kinds: Set<ChangeKind>?
  public var window: ChangeWindow

  public init(kinds: Set<ChangeKind>? = nil, window: ChangeWindow = .previousRun) {
    self.kinds = kinds
    self.window = window
  }
}

/// One tenant's changes: distinct findings per kind, and state changes by operator.
public struct TenantChanges: Sendable, Hashable {
  public var tenant: String
  /// Findings per kind (a finding may count in more than one kind).
  public var counts: [ChangeKind: Int]
  /// Findings a person or a policy changed the state of, by operator name.
  public var byOperator: [String: Int]
  /// Distinct findings with any change.
  public var findings: Int

  public init(
    tenant: String, counts: [ChangeKind: Int] = [:], byOperator: [String: Int] = [:],
    findings: Int = 0
  ) {
    self.tenant = tenant
    self.counts = counts
    self.byOperator = byOperator
    self.findings = findings
  }

  /// The count of one kind (0 when none).
  public subscript(kind: ChangeKind) -> Int { counts[kind] ?? 0 }
}

/// What changed since a boundary, per tenant in scope (tenants with no change left out).
public struct ChangeReport: Sendable, Hashable {
  /// The window as asked.
  public var window: ChangeWindow
  /// The run the window starts after; nil when it starts at a date or at the beginning.
  public var afterRun: RunRecord?
  /// Runs that started in the window, oldest first.
  public var runs: [RunRecord]
  public var tenants: [TenantChanges]
}

/// One change of one finding, for the details list.
public struct ChangeRow: Sendable, Hashable {
  public var kind: ChangeKind
  public var tenant: String
  public var findingId: String
  public var severity: Severity
  /// The finding's state now.
  public var state: TriageState
  public var title: String
  /// Who made the change: an operator, `policy`, `import`, `scan` or `expiry`.
  public var operatorName: String?
  /// When: the audit event's time, or the start of the run that inserted or missed it.
  public var at: EpochSeconds
  /// The state the change set, for state changes.
  public var toState: TriageState?
  /// The recorded reason (`passed at source`, `no longer seen`, a person's reason, ...).
  public var reason: String?
}
