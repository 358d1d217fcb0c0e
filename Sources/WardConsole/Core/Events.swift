import WardUI

/// Something that happened: input, a finished load, a data change.
public enum ConsoleEvent: Sendable {
  case key(Key)
  case resize(width: Int, height: Int)
  /// A query finished; `screen` is the id of the screen that asked (nil: the console).
  case loaded(LoadResult, screen: Int?)
  /// `PRAGMA data_version` changed: re-query what is visible.
  case dataChanged
  /// The runner switched the theme.
  case themeChanged(String)
  /// The runner could not load a theme.
  case themeFailed(String)
}

/// Work for the runner; the results come back as events.
public enum Effect: Sendable, Hashable {
  /// Run a query and send back `.loaded(result, screen:)`.
  case load(Query, screen: Int?)
  case quit
  /// Load and apply a theme; send back `.themeChanged` or `.themeFailed`.
  case setTheme(String)
  /// Repaint the whole terminal (Ctrl-L).
  case redraw
}
