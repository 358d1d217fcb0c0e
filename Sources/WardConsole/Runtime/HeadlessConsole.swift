import WardModel
import WardStore
import WardUI

/// The console without a terminal: press keys, read the screen as text. Tests and the
/// key-to-frame benchmark drive it.
public final class HeadlessConsole: @unchecked Sendable {
  public let engine: ConsoleEngine
  public let glyphs: GlyphSet
  public private(set) var theme: Theme
  /// The last frame rendered.
  public private(set) var canvas: Canvas

  /// A console over `store` in a `width`×`height` screen. `themes` resolves `:theme`.
  public init(
    store: PostureStore, width: Int = 120, height: Int = 40, policy: ConsolePolicy,
    theme: Theme = .fallback, glyphs: GlyphSet = .unicode, themes: ThemeLocator? = nil,
    runtimeStatus: RuntimeStatusProvider? = nil,
    now: @escaping @Sendable () -> EpochSeconds = ConsoleEngine.systemClock
  ) {
    self.glyphs = glyphs
    self.theme = theme
    let state = ConsoleState(
      width: width, height: height, policy: policy, themeName: theme.name,
      themeNames: themes?.availableThemes() ?? [])
    let themeSink = ThemeSink()
    engine = ConsoleEngine(
      state: state, source: ConsoleDataSource(store: store, runtimeStatus: runtimeStatus),
      applyTheme: { name in
        guard let themes else { return "no theme folder configured" }
        do {
          themeSink.theme = try themes.load(name)
          return nil
        } catch { return "theme: \(error)" }
      }, now: now)
    self.themeSink = themeSink
    canvas = engine.render(glyphs: glyphs)
  }

  private let themeSink: ThemeSink

  /// Presses keys in order, rendering after each (as the terminal loop does).
  public func press(_ keys: [Key]) {
    for key in keys {
      engine.send(.key(key))
      if let t = themeSink.theme {
        theme = t
        themeSink.theme = nil
      }
      canvas = engine.render(glyphs: glyphs)
    }
  }

  /// Presses one key.
  public func press(_ key: Key) { press([key]) }

  /// Delivers `keys` as a paste: all applied, then one frame drawn, as the terminal loop
  /// does with input that is already queued.
  public func paste(_ keys: [Key]) {
    for key in keys { engine.send(.key(key)) }
    if let t = themeSink.theme {
      theme = t
      themeSink.theme = nil
    }
    canvas = engine.render(glyphs: glyphs)
  }

  /// Types each character of `text` as a key press.
  public func type(_ text: String) { press(text.map { Key.char($0) }) }

  /// Resizes the screen.
  public func resize(width: Int, height: Int) {
    engine.send(.resize(width: width, height: height))
    canvas = engine.render(glyphs: glyphs)
  }

  /// Runs one live-refresh poll (what the terminal loop does about every second).
  @discardableResult
  public func poll() -> Bool {
    let changed = engine.pollForChanges()
    canvas = engine.render(glyphs: glyphs)
    return changed
  }

  /// The screen as text lines (trailing spaces trimmed).
  public func screenLines() -> [String] { canvas.lines() }

  /// The whole screen as one string.
  public var screenText: String { screenLines().joined(separator: "\n") }

  /// The console state (for assertions).
  public var state: ConsoleState { engine.state }
}

/// Carries a loaded theme out of the engine's callback.
final class ThemeSink: @unchecked Sendable {
  var theme: Theme?
}
