import WardModel

/// What kind of command a run was.
public enum RunKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// `ward import` (and the demo store's build).
  case `import`
  /// `ward scan`.
  case scan
  /// `ward policy apply`.
  case policy
}

/// A run as started: what ``PostureStore/finishRun(_:files:failed:summary:now:)`` and the
/// writes in between need to know about it.
public struct RunHandle: Sendable, Hashable {
  /// The run's id (1, 2, 3, ...).
  public var id: Int64
  public var kind: RunKind
}

/// One recorded run: when, by whom, over which files, and what it counted.
public struct RunRecord: Sendable, Hashable {
  public var id: Int64
  public var kind: RunKind
  /// The operator who ran the command (`demo` for the demo store's build).
  public var operatorName: String
  public var startedAt: EpochSeconds
  /// Nil while running, or when the run was interrupted (a crash, `kill -9`).
  public var finishedAt: EpochSeconds?
  /// The store's newest metric hour when the run finished (the console's "data as of").
  public var dataHour: EpochSeconds?
  /// The paths named on the command line, as typed.
  public var files: [String]
  /// Files imported and files that failed (imports; 0 for scans and policy applies).
  public var fileCount: Int
  public var failedCount: Int
  /// Findings the run inserted, updated, resolved (a scan's "rule no longer fires"), and
  /// found missing from a scope it covered (imports, see docs/triage.md).
  public var findingsNew: Int
  public var findingsUpdated: Int
  public var findingsResolved: Int
  public var findingsUnseen: Int
  /// Findings a triage policy changed in the run.
  public var policyChanges: Int
  /// Records of every kind the run inserted, updated or resolved.
  public var recordsChanged: Int
  /// The audit head's seq when the run started and finished (nil while running).
  public var auditFrom: Int64
  public var auditTo: Int64?
}
