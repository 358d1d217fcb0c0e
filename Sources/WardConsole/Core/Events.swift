import WardModel
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
  /// A ``StoreWrite`` finished; `screen` is the id of the screen it was made from.
  case written(WriteOutcome, screen: Int?)
  /// The wall clock (the engine sends it before each key), for checks such as "the expiry
  /// is in the future"; the data clock (``DataClock``) is a different thing.
  case wallClock(EpochSeconds)
}

/// Work for the runner; the results come back as events.
public enum Effect: Sendable, Hashable {
  /// Run a query and send back `.loaded(result, screen:)`.
  case load(Query, screen: Int?)
  /// A ``ScreenOutput/preview(_:)``: run like `.load`, but it may wait for the next frame
  /// or non-movement event, and a newer preview for the same screen replaces it.
  case preview(Query, screen: Int?)
  case quit
  /// Load and apply a theme; send back `.themeChanged` or `.themeFailed`.
  case setTheme(String)
  /// Repaint the whole terminal (Ctrl-L).
  case redraw
  /// Give the terminal back to the shell until it resumes us (Ctrl-Z), then repaint.
  case suspend
  /// Make a change to the store as the session's operator and send back
  /// `.written(outcome, screen:)`.
  case write(StoreWrite, screen: Int?)
  /// Put this (already sanitised) text on the terminal's clipboard (OSC 52).
  case copy(String)
}
