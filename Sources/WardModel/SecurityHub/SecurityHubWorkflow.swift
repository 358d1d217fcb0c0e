/// The one mapping between Ward's triage states and Security Hub's workflow fields, used by
/// the ASFF reader, the ASFF export and the `BatchUpdateFindings` export alike.
public enum SecurityHubWorkflow {
  /// `Workflow.Status` for a Ward state: new → NEW; acknowledged, in-progress → NOTIFIED;
  /// resolved, false-positive → RESOLVED; risk-accepted, suppressed → SUPPRESSED.
  public static func status(for state: TriageState) -> String {
    switch state {
    case .new: "NEW"
    case .acknowledged, .inProgress: "NOTIFIED"
    case .resolved, .falsePositive: "RESOLVED"
    case .riskAccepted, .suppressed: "SUPPRESSED"
    }
  }

  /// `VerificationState` for a Ward state: FALSE_POSITIVE for false-positive, else nil
  /// (Ward's other states say nothing about whether the finding is true).
  public static func verificationState(for state: TriageState) -> String? {
    state == .falsePositive ? falsePositive : nil
  }

  /// The Ward state a Security Hub `Workflow.Status` means when a finding is first read
  /// (case-insensitive); nil for anything else.
  public static func state(forStatus status: String) -> TriageState? {
    switch status.uppercased() {
    case "NEW": .new
    case "NOTIFIED": .acknowledged
    case "SUPPRESSED": .suppressed
    case "RESOLVED": .resolved
    default: nil
    }
  }

  /// The verification state of a false positive.
  public static let falsePositive = "FALSE_POSITIVE"
  /// What clears a false positive Security Hub holds (`UNKNOWN`).
  public static let unknownVerification = "UNKNOWN"
}
