import WardUI

/// Everything a key can ask the console to do.
public enum ActionID: String, Sendable, Hashable, CaseIterable {
  case up, down
  case pageUp = "page-up"
  case pageDown = "page-down"
  case top, bottom
  case enter, back, filter, command, sort
  case sortFlip = "sort-flip"
  case nextPane = "next-pane"
  case previousPane = "previous-pane"
  case window, redraw, help
  /// `q`: back, and quit on the top screen.
  case backOrQuit = "back-or-quit"
  /// Ctrl-C: quit from anywhere.
  case quit
  /// Ctrl-Z: suspend to the shell (refused where there is no job control, e.g. over SSH).
  case suspend
  /// `v`: the selected item in the full-screen pager.
  case view
  /// `y`: copy the selected id, ARN or URL to the clipboard (OSC 52).
  case copy
  /// `n` / `N` in the pager: next / previous search match.
  case searchNext = "search-next"
  case searchPrevious = "search-previous"
  // Mutating (triage) actions: refused centrally in read-only sessions.
  case triage, note, undo, mark
  case markAll = "mark-all"
}

/// One entry of the key registry (k9s `KeyAction`): its keys, a help text, where it
/// applies and whether it changes the store.
public struct Action: Sendable, Hashable {
  public var id: ActionID
  public var keys: [Key]
  /// Short label for the hint bar and the help screen.
  public var label: String
  /// True when the action writes to the store; the dispatcher refuses it in read-only.
  public var mutates: Bool
  /// Screens the action applies to; nil means every screen.
  public var screens: Set<ScreenKind>?

  public init(
    _ id: ActionID, keys: [Key], label: String, mutates: Bool = false,
    screens: Set<ScreenKind>? = nil
  ) {
    self.id = id
    self.keys = keys
    self.label = label
    self.mutates = mutates
    self.screens = screens
  }

  /// Whether the action is bound on `screen`.
  public func applies(to screen: ScreenKind) -> Bool { screens?.contains(screen) ?? true }
}
