import Foundation
import WardModel
import WardStore
import WardUI

/// Holds a ``ConsoleState`` and executes its effects against a data source: the small
/// runner shared by the terminal loop and ``HeadlessConsole``.
public final class ConsoleEngine: @unchecked Sendable {
  public private(set) var state: ConsoleState
  public let source: ConsoleDataSource
  /// Called for `.setTheme`; returns nil on success or an error message.
  let applyTheme: (String) -> String?
  /// The wall clock, for triage timestamps and the expiry check.
  let now: @Sendable () -> EpochSeconds
  private var lastDataVersion: Int64?
  /// Set by a `.redraw` effect; the terminal runner clears it after repainting.
  public var redrawRequested = false
  /// Texts `.copy` effects asked to put on the clipboard, oldest first; the terminal
  /// runner hands them to the terminal and clears this.
  public var clipboard: [String] = []
  /// Set by a `.suspend` effect; the terminal runner clears it after suspending.
  public var suspendRequested = false

  /// - Parameter now: the wall clock (tests pass a fixed one).
  public init(
    state: ConsoleState, source: ConsoleDataSource, applyTheme: @escaping (String) -> String?,
    now: @escaping @Sendable () -> EpochSeconds = ConsoleEngine.systemClock
  ) {
    self.state = state
    self.source = source
    self.applyTheme = applyTheme
    self.now = now
    lastDataVersion = try? source.store.dataVersion()
    let (started, effects) = Console.start(state)
    self.state = started
    execute(effects)
  }

  /// Seconds since the epoch from the system clock.
  public static let systemClock: @Sendable () -> EpochSeconds = {
    EpochSeconds(Date().timeIntervalSince1970)
  }

  /// Whether a quit was requested.
  public var shouldQuit: Bool { state.quitRequested }

  /// Feeds one event and runs every effect it (transitively) produces.
  public func send(_ event: ConsoleEvent) {
    if case .key = event { state = Console.update(state, .wallClock(now())).0 }
    let (next, effects) = Console.update(state, event)
    state = next
    execute(effects)
  }

  private func execute(_ effects: [Effect]) {
    for effect in effects {
      switch effect {
      case .load(let query, let screen):
        send(.loaded(source.run(query, clock: state.clock), screen: screen))
      case .quit:
        state.quitRequested = true
      case .redraw:
        redrawRequested = true
      case .copy(let text):
        clipboard.append(text)
      case .suspend:
        suspendRequested = true
      case .write(let write, let screen):
        let outcome = source.write(write, by: state.policy.operator, now: now())
        send(.written(outcome, screen: screen))
      case .setTheme(let name):
        if let error = applyTheme(name) {
          send(.themeFailed(error))
        } else {
          send(.themeChanged(name))
        }
      }
    }
  }

  /// Checks `PRAGMA data_version`; when another connection committed, re-queries the
  /// visible page (cursor, scroll and filter are kept). Returns true when it refreshed.
  @discardableResult
  public func pollForChanges() -> Bool {
    guard let version = try? source.store.dataVersion(), version != lastDataVersion else {
      return false
    }
    lastDataVersion = version
    send(.dataChanged)
    return true
  }

  /// The current frame.
  public func render(glyphs: GlyphSet) -> Canvas { ConsoleView.render(state, glyphs: glyphs) }
}
