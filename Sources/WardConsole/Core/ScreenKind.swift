/// The console's screens.
public enum ScreenKind: String, Sendable, Hashable, CaseIterable {
  case overview, functions
  case functionDetail = "function"
  case findings
  /// One finding full-screen (Enter on a finding in a function's Findings pane).
  case findingDetail = "finding"
  case alerts, costs, help
  /// What changed since the previous run, per tenant (`:changes`).
  case changes
  /// The full-screen pager (`v`).
  case pager

  /// Title shown in the header breadcrumb.
  public var title: String {
    switch self {
    case .overview: "Overview"
    case .functions: "Functions"
    case .functionDetail: "Function"
    case .findings: "Findings"
    case .findingDetail: "Finding"
    case .alerts: "Alerts"
    case .costs: "Costs"
    case .help: "Help"
    case .changes: "Changes"
    case .pager: "View"
    }
  }
}
