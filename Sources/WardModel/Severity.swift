/// How bad a finding or alert is. Ordered from `info` (lowest) to `critical` (highest).
public enum Severity: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
  case critical, high, medium, low, info

  /// 4 for critical down to 0 for info; higher is worse.
  public var rank: Int {
    switch self {
    case .critical: 4
    case .high: 3
    case .medium: 2
    case .low: 1
    case .info: 0
    }
  }

  /// A one-letter label, so severity is never shown by colour alone.
  public var letter: Character {
    switch self {
    case .critical: "C"
    case .high: "H"
    case .medium: "M"
    case .low: "L"
    case .info: "I"
    }
  }

  /// The severity for a rank (clamped to 0...4).
  public init(rank: Int) {
    switch rank {
    case ...0: self = .info
    case 1: self = .low
    case 2: self = .medium
    case 3: self = .high
    default: self = .critical
    }
  }

  /// Parses common spellings from scanners: `CRITICAL`, `High`, `informational`, `moderate`.
  public init?(lenient text: String) {
    switch text.lowercased() {
    case "critical", "crit", "fatal": self = .critical
    case "high", "error": self = .high
    case "medium", "moderate", "warning", "warn": self = .medium
    case "low": self = .low
    case "info", "informational", "information", "none", "unknown": self = .info
    default: return nil
    }
  }

  /// Severities from worst to least.
  public static let worstFirst: [Severity] = [.critical, .high, .medium, .low, .info]

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
