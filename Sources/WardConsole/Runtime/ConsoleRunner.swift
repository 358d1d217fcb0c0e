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
  /// A termination signal that arrived (SIGTERM, SIGHUP, SIGINT, SIGQUIT), if any.
  var terminationSignal: Int32? { get }
  /// Leaves curses mode, stops the process (as Ctrl-Z would in a shell) and, once the
  /// shell resumes it, re-enters curses mode; the caller repaints.
  func suspend()
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
  /// A termination signal arrived (SIGHUP when the SSH connection drops).
  case signal(Int32)
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
      if let signal = terminal.terminationSignal { return .signal(signal) }
      if let idle = options.idleTimeoutSeconds, key == nil,
        Date().timeIntervalSince(lastKey) >= Double(idle)
      {
        return .idleTimeout(seconds: idle)
      }
      if let key {
        lastKey = Date()
        send(key, to: engine, terminal: terminal)
        // Drain what is already queued (a paste, key repeat) before drawing once: a frame
        // per key made a 10k-key paste take seconds. Bounded, so a flood still redraws.
        let drainStarted = Date()
        while !engine.shouldQuit, !engine.suspendRequested,
          Date().timeIntervalSince(drainStarted) < 0.1,
          let queued = terminal.readKey(timeoutMs: 0)
        {
          send(queued, to: engine, terminal: terminal)
        }
      }
      if engine.suspendRequested {
        engine.suspendRequested = false
        terminal.suspend()
        engine.send(.resize(width: terminal.width, height: terminal.height))
        terminal.invalidate()
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

  private static func send(_ key: Key, to engine: ConsoleEngine, terminal: ConsoleTerminal) {
    if key == .resize {
      engine.send(.resize(width: terminal.width, height: terminal.height))
    } else {
      engine.send(.key(key))
    }
  }
}
