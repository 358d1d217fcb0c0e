/// What an operator may do. Each role includes the ones before it.
public enum Role: String, CaseIterable, Sendable, Codable, Comparable {
  /// Reads everything in scope; the store is opened read-only at the SQLite level.
  case viewer
  /// May also triage findings in scope.
  case triager
  /// May also import and scan.
  case admin

  /// Whether this role may change triage state, add notes or undo.
  public var canTriage: Bool { self >= .triager }
  /// Whether this role may write inventory, findings and series (import, scan).
  public var canAdminister: Bool { self == .admin }

  private var rank: Int {
    switch self {
    case .viewer: 0
    case .triager: 1
    case .admin: 2
    }
  }

  public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
