import WardUI

/// What the dispatcher decided for a key.
public enum Dispatch: Sendable, Hashable {
  /// Run this action.
  case run(ActionID)
  /// The policy refused the action; show the message on the status line.
  case refused(String)
  /// No action is bound to the key on this screen.
  case unbound
}

/// The one place every key binding lives. Read-only is enforced here, below the screens,
/// so no screen can forget it (k9s #3822).
public struct ActionRegistry: Sendable, Hashable {
  public private(set) var actions: [Action]

  public init(actions: [Action]) { self.actions = actions }

  /// The list screens, which sort.
  static let sortable: Set<ScreenKind> = [.overview, .functions, .findings, .alerts, .costs]
  /// The screens with more than one pane (Findings: the detail; Costs: the top movers).
  static let withPanes: Set<ScreenKind> = [.functionDetail, .findings, .costs]

  /// The console's bindings.
  public static let standard = ActionRegistry(actions: [
    Action(.up, keys: [.up, .char("k")], label: "up"),
    Action(.down, keys: [.down, .char("j")], label: "down"),
    Action(.pageUp, keys: [.pageUp, .ctrl("b")], label: "page up"),
    Action(.pageDown, keys: [.pageDown, .ctrl("f")], label: "page down"),
    Action(.top, keys: [.char("g"), .home], label: "first row"),
    Action(.bottom, keys: [.char("G"), .end], label: "last row"),
    Action(.enter, keys: [.enter], label: "open"),
    Action(.back, keys: [.escape], label: "back (never quits)"),
    Action(.backOrQuit, keys: [.char("q")], label: "back; quit on the top screen"),
    Action(
      .filter, keys: [.char("/")], label: "filter (pager: search)",
      screens: [.overview, .functions, .findings, .alerts, .costs, .pager]),
    Action(.command, keys: [.char(":")], label: "command"),
    Action(.sort, keys: [.char("s")], label: "sort column", screens: sortable),
    Action(.sortFlip, keys: [.char("S")], label: "flip sort", screens: sortable),
    Action(
      .nextPane, keys: [.tab, .char("l"), .right], label: "next pane", screens: withPanes),
    Action(
      .previousPane, keys: [.backTab, .char("h"), .left], label: "previous pane",
      screens: withPanes),
    Action(
      .window, keys: [.char("w")], label: "24h / 7d / 30d",
      screens: [.functionDetail, .costs]),
    Action(.redraw, keys: [.ctrl("l")], label: "redraw"),
    Action(
      .view, keys: [.char("v")], label: "view in the pager",
      screens: [.findings, .functionDetail, .findingDetail, .alerts]),
    Action(
      .copy, keys: [.char("y")], label: "copy id / ARN (OSC 52)",
      screens: [.functions, .functionDetail, .findings, .findingDetail, .alerts]),
    Action(.searchNext, keys: [.char("n")], label: "next match", screens: [.pager]),
    Action(.searchPrevious, keys: [.char("N")], label: "previous match", screens: [.pager]),
    Action(.help, keys: [.char("?")], label: "help"),
    Action(
      .triage, keys: [.char("t")], label: "triage", mutates: true,
      screens: [.findings, .functionDetail]),
    Action(
      .note, keys: [.char("n")], label: "note", mutates: true,
      screens: [.findings, .functionDetail]),
    Action(
      .undo, keys: [.char("u")], label: "undo triage", mutates: true,
      screens: [.findings, .functionDetail]),
    // Marks are view state: they work in read-only and demo sessions; only `t` writes.
    Action(.mark, keys: [.char(" ")], label: "mark", screens: [.findings]),
    Action(.markAll, keys: [.char("*")], label: "mark all in filter", screens: [.findings]),
    Action(.quit, keys: [.ctrl("c")], label: "quit"),
    Action(.suspend, keys: [.ctrl("z")], label: "suspend to the shell"),
  ])

  /// The action bound to `key` on `screen`, if any.
  public func action(for key: Key, on screen: ScreenKind) -> Action? {
    actions.first { $0.applies(to: screen) && $0.keys.contains(key) }
  }

  /// The action registered under `id`.
  public func action(_ id: ActionID) -> Action? { actions.first { $0.id == id } }

  /// Decides what `key` does on `screen` under `policy`.
  public func dispatch(_ key: Key, on screen: ScreenKind, policy: ConsolePolicy) -> Dispatch {
    guard let action = action(for: key, on: screen) else { return .unbound }
    if action.mutates, let refusal = Self.refusal(of: action, under: policy) {
      return .refused(refusal)
    }
    return .run(action.id)
  }

  /// Why `policy` refuses the mutating `action`, or nil when it may run: read-only and
  /// demo sessions, a role without triage, and a session with no known operator (whose
  /// changes could not be attributed) are all refused here, and only here.
  public static func refusal(of action: Action, under policy: ConsolePolicy) -> String? {
    guard action.mutates else { return nil }
    if policy.refusesMutation { return "read-only: \(action.label) is disabled" }
    if !policy.canTriage { return "your role cannot triage" }
    if policy.operator == nil {
      return "no operator identity for this session: \(action.label) is disabled"
    }
    return nil
  }

  /// Actions that apply on `screen`, in registry order (for help and hints).
  public func actions(on screen: ScreenKind) -> [Action] {
    actions.filter { $0.applies(to: screen) }
  }

  /// Two actions bound to the same key on a common screen: a registry bug.
  public func conflicts() -> [(Key, ActionID, ActionID)] {
    var out: [(Key, ActionID, ActionID)] = []
    for (i, a) in actions.enumerated() {
      for b in actions[(i + 1)...] {
        for key in a.keys where b.keys.contains(key) {
          let overlap = ScreenKind.allCases.contains { a.applies(to: $0) && b.applies(to: $0) }
          if overlap { out.append((key, a.id, b.id)) }
        }
      }
    }
    return out
  }
}
