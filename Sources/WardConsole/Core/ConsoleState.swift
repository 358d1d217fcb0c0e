import WardModel
import WardUI

/// A screen on the navigation stack with the id its loads are routed by.
public struct StackEntry: Sendable {
  public var id: Int
  public var model: any ScreenModel
}

/// The line editor at the bottom: a `/` filter or a `:` command.
public struct InputLine: Sendable, Hashable {
  public enum Purpose: Sendable, Hashable { case filter, command }
  public var purpose: Purpose
  public var field: TextInput
  /// Earlier entries Up/Down recall, oldest first, and which one is shown (nil: the text
  /// being typed).
  public var history: [String] = []
  public var historyIndex: Int?

  /// Up (`step` -1) or Down (+1) through ``history``; past the newest, back to empty.
  mutating func recall(_ step: Int) {
    guard !history.isEmpty else { return }
    let next = (historyIndex ?? history.count) + step
    if next >= history.count {
      historyIndex = nil
      field = TextInput(
        text: "", suggestions: field.suggestions, maxLength: field.maxLength,
        placeholder: field.placeholder)
      return
    }
    historyIndex = max(0, next)
    field = TextInput(
      text: history[historyIndex!], suggestions: field.suggestions, maxLength: field.maxLength,
      placeholder: field.placeholder)
  }
}

/// A status-line message.
public struct StatusMessage: Sendable, Hashable {
  public var text: String
  public var isError: Bool
}

/// The whole console state. Changed only by ``Console/update(_:_:)``.
public struct ConsoleState: Sendable {
  public var width: Int
  public var height: Int
  public var policy: ConsolePolicy
  public var registry: ActionRegistry
  public var clock = DataClock()
  public var stack: [StackEntry] = []
  public var nextScreenID = 1
  public var input: InputLine?
  /// The triage or note dialog, when open; it takes every key.
  public var dialog: ConsoleDialog?
  /// The wall clock as last told by the engine (``ConsoleEvent/wallClock(_:)``).
  public var wallClock: EpochSeconds = 0
  public var status: StatusMessage?
  public var themeName: String
  /// Theme names `:theme` completes.
  public var themeNames: [String]
  /// Tenant names `:tenant` completes (from the scoped store).
  public var tenantNames: [String] = []
  /// The filters submitted on each kind of screen, oldest first (at most 20), for Up/Down.
  public var filterHistory: [ScreenKind: [String]] = [:]
  public var quitRequested = false

  /// Smallest usable size.
  public static let minimumWidth = 60
  public static let minimumHeight = 16

  public init(
    width: Int, height: Int, policy: ConsolePolicy, themeName: String = "default",
    themeNames: [String] = [], registry: ActionRegistry = .standard
  ) {
    self.width = width
    self.height = height
    self.policy = policy
    self.themeName = themeName
    self.themeNames = themeNames
    self.registry = registry
  }

  /// Whether the terminal is below the minimum size.
  public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

  /// The top screen's kind.
  public var topKind: ScreenKind { stack.last?.model.kind ?? .overview }

  /// The area screens draw in: everything but the header row and the two footer rows.
  public var body: Rect { Rect(x: 0, y: 1, width: width, height: max(0, height - 3)) }

  /// Context for screen calls.
  public func context(glyphs: GlyphSet = .unicode) -> ScreenContext {
    ScreenContext(
      body: body, clock: clock, policy: policy, glyphs: glyphs, tenantNames: tenantNames)
  }
}
