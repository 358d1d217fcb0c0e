/// Where a finding stands in triage.
public enum TriageState: String, CaseIterable, Codable, Sendable, Hashable {
  case new
  case acknowledged
  case inProgress = "in-progress"
  case resolved
  case falsePositive = "false-positive"
  case riskAccepted = "risk-accepted"
  case suppressed

  /// Whether the finding still counts against posture (needs attention or work).
  public var isOpen: Bool {
    switch self {
    case .new, .acknowledged, .inProgress: true
    case .resolved, .falsePositive, .riskAccepted, .suppressed: false
    }
  }

  /// Whether moving to this state needs a reason.
  public var requiresReason: Bool {
    switch self {
    case .resolved, .falsePositive, .riskAccepted, .suppressed: true
    case .new, .acknowledged, .inProgress: false
    }
  }

  /// Whether moving to this state needs an expiry date.
  public var requiresExpiry: Bool { self == .riskAccepted }
}
