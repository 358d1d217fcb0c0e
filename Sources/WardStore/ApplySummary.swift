/// What one `apply` (or `applyScan`) changed, per kind of record.
public struct ApplySummary: Sendable, Hashable, CustomStringConvertible {
  /// The kinds of record a batch carries.
  public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
    case tenants, accounts, functions, patches, policies, urls, triggers, metrics, costs,
      findings, alerts, apis, roles, sources
    public static func < (a: Kind, b: Kind) -> Bool {
      allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
  }

  /// Counts for one kind.
  public struct Counts: Sendable, Hashable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    /// Records not applied, e.g. a patch for an unknown function or a passed finding
    /// the store never had.
    public var skipped = 0
    /// Records that changed state without being in the batch (scan resolutions,
    /// cleared policies or URLs).
    public var resolved = 0

    public init() {}
    public var changed: Int { inserted + updated + resolved }
  }

  public private(set) var counts: [Kind: Counts] = [:]
  /// Findings a triage policy (`--policy`) changed in the same transaction.
  public var policyChanges = 0
  /// Standing decisions this scan reopened as stale (docs/triage.md, "Stale decisions").
  public var staleDecisions = 0

  public init() {}

  public subscript(kind: Kind) -> Counts {
    get { counts[kind] ?? Counts() }
    set { counts[kind] = newValue }
  }

  /// Rows inserted, updated or resolved over all kinds: 0 for a re-applied batch.
  public var totalChanged: Int { counts.values.reduce(policyChanges) { $0 + $1.changed } }

  /// Adds another summary's counts to this one (a run's total over its files).
  public mutating func add(_ other: ApplySummary) {
    for (kind, c) in other.counts {
      self[kind].inserted += c.inserted
      self[kind].updated += c.updated
      self[kind].unchanged += c.unchanged
      self[kind].skipped += c.skipped
      self[kind].resolved += c.resolved
    }
    policyChanges += other.policyChanges
    staleDecisions += other.staleDecisions
  }

  mutating func record(_ kind: Kind, _ outcome: UpsertOutcome) {
    switch outcome {
    case .inserted: self[kind].inserted += 1
    case .updated: self[kind].updated += 1
    case .unchanged: self[kind].unchanged += 1
    case .skipped: self[kind].skipped += 1
    }
  }

  public var description: String {
    counts.keys.sorted().map { k in
      let c = self[k]
      return
        "\(k.rawValue): +\(c.inserted) ~\(c.updated) =\(c.unchanged) skipped \(c.skipped)"
        + (c.resolved > 0 ? " resolved \(c.resolved)" : "")
    }.joined(separator: "; ") + (policyChanges > 0 ? "; policy: \(policyChanges) changed" : "")
      + (staleDecisions > 0 ? "; stale decisions reopened: \(staleDecisions)" : "")
  }
}

/// What happened to one record.
enum UpsertOutcome {
  case inserted, updated, unchanged, skipped
}
