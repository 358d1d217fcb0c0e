import WardModel

/// What the console may do in this session, fixed at start.
///
/// The action registry consults it before any action runs: a mutating action in a
/// read-only (or demo) session is refused there, whatever screen asked for it.
public struct ConsolePolicy: Sendable, Hashable {
  /// No writes at all: triage keys answer "read-only: <action> is disabled".
  public var readOnly: Bool
  /// The bundled demo dataset; always read-only.
  public var demo: Bool
  /// Whether this operator's role may triage (read-write sessions only); without it every
  /// mutating action answers "your role cannot triage".
  public var canTriage: Bool
  /// Who is at the keyboard (name, SSH address, key fingerprint), recorded on every
  /// triage event; nil when unknown (then triage is refused).
  public var `operator`: Operator?
  /// Whether Ctrl-Z may suspend to a shell. False over SSH (ForceCommand has no job-control
  /// shell to resume Ward, so a suspended session would hang).
  public var canSuspend = true

  public init(
    readOnly: Bool, demo: Bool = false, canTriage: Bool = false, operator: Operator? = nil
  ) {
    self.readOnly = readOnly || demo
    self.demo = demo
    self.canTriage = canTriage
    self.operator = `operator`
  }

  /// The operator's name, for the header.
  public var operatorName: String? { `operator`?.name }

  /// A read-only session (the safe default).
  public static let readOnlyViewer = ConsolePolicy(readOnly: true)

  /// Whether mutating actions are refused.
  public var refusesMutation: Bool { readOnly || demo }

  /// The header badge text, nil in a read-write session. Text, so it survives monochrome.
  public var badge: String? {
    if demo { return "DEMO · READ-ONLY" }
    if readOnly { return "READ-ONLY" }
    return nil
  }
}
