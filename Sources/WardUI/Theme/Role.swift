/// A semantic colour role. Screens style text by role; a ``Theme`` decides the colours.
///
/// The raw values are the keys of theme files. A plain enum (not a string wrapper) so that
/// ``Style`` and ``Cell`` are trivially copyable: a 200×50 canvas copies and hashes 10,000
/// of them per frame.
public enum Role: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  case background
  case text
  case muted
  case accent
  case border
  case title
  case header
  case selection
  case mark
  case badge
  case key
  case statusBar = "status"
  case input
  case sparkline
  case bar
  case ok
  case warn
  case error
  case severityCritical = "severity.critical"
  case severityHigh = "severity.high"
  case severityMedium = "severity.medium"
  case severityLow = "severity.low"
  case severityInfo = "severity.info"
  case stateNew = "state.new"
  case stateAcknowledged = "state.acknowledged"
  case stateInProgress = "state.in-progress"
  case stateResolved = "state.resolved"
  case stateFalsePositive = "state.false-positive"
  case stateRiskAccepted = "state.risk-accepted"
  case stateSuppressed = "state.suppressed"

  public var description: String { rawValue }

  /// Every role a theme file may name, in documentation order.
  public static var all: [Role] { allCases }

  /// Role for a severity id (`critical`, `high`, `medium`, `low`, `info`); `.text` for an
  /// unknown id.
  public static func severity(_ id: String) -> Role { Role(rawValue: "severity." + id) ?? .text }
  /// Role for a triage state id (`new`, `acknowledged`, `in-progress`, ...); `.text` for an
  /// unknown id.
  public static func state(_ id: String) -> Role { Role(rawValue: "state." + id) ?? .text }
}
