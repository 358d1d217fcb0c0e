/// A semantic colour role. Screens style text by role; a ``Theme`` decides the colours.
///
/// Role names are the keys of theme files. ``Role/all`` lists every role a theme may set.
public struct Role: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }
  public var description: String { rawValue }

  public static let background: Role = "background"
  public static let text: Role = "text"
  public static let muted: Role = "muted"
  public static let accent: Role = "accent"
  public static let border: Role = "border"
  public static let title: Role = "title"
  public static let header: Role = "header"
  public static let selection: Role = "selection"
  public static let mark: Role = "mark"
  public static let badge: Role = "badge"
  public static let key: Role = "key"
  public static let statusBar: Role = "status"
  public static let input: Role = "input"
  public static let sparkline: Role = "sparkline"
  public static let bar: Role = "bar"
  public static let ok: Role = "ok"
  public static let warn: Role = "warn"
  public static let error: Role = "error"
  public static let severityCritical: Role = "severity.critical"
  public static let severityHigh: Role = "severity.high"
  public static let severityMedium: Role = "severity.medium"
  public static let severityLow: Role = "severity.low"
  public static let severityInfo: Role = "severity.info"
  public static let stateNew: Role = "state.new"
  public static let stateAcknowledged: Role = "state.acknowledged"
  public static let stateInProgress: Role = "state.in-progress"
  public static let stateResolved: Role = "state.resolved"
  public static let stateFalsePositive: Role = "state.false-positive"
  public static let stateRiskAccepted: Role = "state.risk-accepted"
  public static let stateSuppressed: Role = "state.suppressed"

  /// Every role a theme file may name, in documentation order.
  public static let all: [Role] = [
    background, text, muted, accent, border, title, header, selection, mark, badge, key,
    statusBar, input, sparkline, bar, ok, warn, error, severityCritical, severityHigh,
    severityMedium, severityLow, severityInfo, stateNew, stateAcknowledged, stateInProgress,
    stateResolved, stateFalsePositive, stateRiskAccepted, stateSuppressed,
  ]

  /// Role for a severity id (`critical`, `high`, `medium`, `low`, `info`).
  public static func severity(_ id: String) -> Role { Role(rawValue: "severity." + id) }
  /// Role for a triage state id (`new`, `acknowledged`, ...).
  public static func state(_ id: String) -> Role { Role(rawValue: "state." + id) }
}
