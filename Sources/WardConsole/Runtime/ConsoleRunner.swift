import Foundation
import WardStore
import WardUI

/// What the console needs from a terminal. WardTerminal's `Terminal` has exactly these
/// members, so the executable only adds `extension Terminal: ConsoleTerminal {}`.
public protocol ConsoleTerminal: AnyObject {
  var width: Int { get }
  var height: Int { get }
  var glyphs: GlyphSet { get }
  var theme: Theme { get set }
  func draw(_ canvas: Canvas)
  func invalidate()
  func readKey(timeoutMs: Int32) -> Key?
  /// Puts `text` (already sanitised: no control characters) on the clipboard of the
  /// terminal the operator sits at, with OSC 52 (works over SSH; inside tmux it needs
  /// `set -g set-clipboard on`).
  func copyToClipboard(_ text: String)
}

extension ConsoleTerminal {
  /// Writes ``Clipboard/osc52(_:)`` straight to standard output after the frame: ncurses
  /// does not know the sequence and does not need to (it moves no cursor). WardTerminal's
  /// `Terminal` may implement this itself.
  public func copyToClipboard(_ text: String) {
    FileHandle.standardOutput.write(Data(Clipboard.osc52(text).utf8))
  }
}

/// Start-up choices for the console.
public struct ConsoleOptions: Sendable {
  public var policy: ConsolePolicy
  public var themes: ThemeLocator
  /// The theme to start with (see ``ThemeLocator/initialName(option:environment:)``).
  public var themeName: String
  /// Runtime lifecycle stages (wire to WardRules' `RuntimeLifecycle`).
  public var runtimeStatus: RuntimeStatusProvider?
  /// How often to check the store for changes.
  public var pollIntervalMs: Int32
  /// End the session after this many seconds without a key press (nil: never).
  public var idleTimeoutSeconds: Int?

  public init(
    policy: ConsolePolicy, themes: ThemeLocator, themeName: String = "default",
    runtimeStatus: RuntimeStatusProvider? = nil, pollIntervalMs: Int32 = 1000,
    idleTimeoutSeconds: Int? = nil
  ) {
    self.policy = policy
    self.themes = themes
    self.themeName = themeName
    self.runtimeStatus = runtimeStatus
    self.pollIntervalMs = pollIntervalMs
    self.idleTimeoutSeconds = idleTimeoutSeconds
  }
}

/// Why ``ConsoleRunner/run(store:options:terminal:)`` returned.
public enum ConsoleExit: Sendable, Hashable {
  /// The operator quit.
  case quit
  /// No key arrived for ``ConsoleOptions/idleTimeoutSeconds``.
  case idleTimeout(seconds: Int)
}

/// The terminal loop: read a key (or time out), update, draw; poll `data_version` about
/// once a second.
public enum ConsoleRunner {
  /// Runs the console until the operator quits or, with
  /// ``ConsoleOptions/idleTimeoutSeconds``, until no key arrived for that long. The
  /// terminal must already be open; the caller restores it afterwards (and prints a
  /// message for an idle timeout).
  @discardableResult
  public static func run(store: PostureStore, options: ConsoleOptions, terminal: ConsoleTerminal)
    -> ConsoleExit
  {
    let (theme, themeError) = options.themes.loadOrFallback(options.themeName)
    terminal.theme = theme
    let state = ConsoleState(
      width: terminal.width, height: terminal.height, policy: options.policy,
      themeName: theme.name, themeNames: options.themes.availableThemes())
    let engine = ConsoleEngine(
      state: state, source: ConsoleDataSource(store: store, runtimeStatus: options.runtimeStatus),
      applyTheme: { [weak terminal] name in
        do {
          terminal?.theme = try options.themes.load(name)
          return nil
        } catch { return "theme: \(error)" }
      })
    if let themeError {
      engine.send(.themeFailed("theme: \(themeError) (using the built-in theme)"))
    }
    var lastPoll = Date()
    var lastKey = Date()
    terminal.draw(engine.render(glyphs: terminal.glyphs))
    while !engine.shouldQuit {
      let key = terminal.readKey(timeoutMs: 250)
      if let idle = options.idleTimeoutSeconds, key == nil,
        Date().timeIntervalSince(lastKey) >= Double(idle)
      {
        return .idleTimeout(seconds: idle)
      }
      if let key {
        lastKey = Date()
        if key == .resize {
          engine.send(.resize(width: terminal.width, height: terminal.height))
        } else {
          engine.send(.key(key))
        }
      }
      if Date().timeIntervalSince(lastPoll) * 1000 >= Double(options.pollIntervalMs) {
        lastPoll = Date()
        engine.pollForChanges()
      }
      for text in engine.clipboard { terminal.copyToClipboard(text) }
      engine.clipboard = []
      if engine.redrawRequested {
        engine.redrawRequested = false
        terminal.invalidate()
      }
      if engine.shouldQuit { break }
      terminal.draw(engine.render(glyphs: terminal.glyphs))
    }
    return .quit
  }
}
