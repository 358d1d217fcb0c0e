import Foundation
import WardModel
import WardStore
import WardUI

/// Holds a ``ConsoleState`` and executes its effects against a data source: the small
/// runner shared by the terminal loop and ``HeadlessConsole``.
public final class ConsoleEngine: @unchecked Sendable {
  /// The state as the screens left it; previews may still be pending.
  private var current: ConsoleState
  /// Preview loads waiting to run, newest per screen id (see ``ScreenOutput/preview(_:)``).
  /// They run before the next frame and before any event that is not a cursor move, so
  /// nothing ever reads a preview that is out of date, and a 50k-key paste of cursor
  /// moves reads one detail instead of 50k.
  private var pendingPreviews: [Int?: Query] = [:]
  /// The state with every pending preview applied.
  public var state: ConsoleState {
    settlePreviews()
    return current
  }
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
  /// How many queries this engine has run (loads and previews): a figure for tests and
  /// benchmarks of how much store work a burst of keys costs.
  public private(set) var queriesRun = 0
  /// Set by a `.suspend` effect; the terminal runner clears it after suspending.
  public var suspendRequested = false

  /// - Parameter now: the wall clock (tests pass a fixed one).
  public init(
    state: ConsoleState, source: ConsoleDataSource, applyTheme: @escaping (String) -> String?,
    now: @escaping @Sendable () -> EpochSeconds = ConsoleEngine.systemClock
  ) {
    self.current = state
    self.source = source
    self.applyTheme = applyTheme
    self.now = now
    lastDataVersion = try? source.store.dataVersion()
    let (started, effects) = Console.start(state)
    self.current = started
    execute(effects)
  }

  /// Seconds since the epoch from the system clock.
  public static let systemClock: @Sendable () -> EpochSeconds = {
    EpochSeconds(Date().timeIntervalSince1970)
  }

  /// Whether a quit was requested.
  public var shouldQuit: Bool { current.quitRequested }

  /// Feeds one event and runs every effect it (transitively) produces.
  public func send(_ event: ConsoleEvent) {
    if case .key(let key) = event, Console.isCursorMovement(key, in: current) {
      // The move decides afresh what the top screen previews.
      pendingPreviews[current.stack.last?.id] = nil
    } else {
      settlePreviews()
    }
    if case .key = event { current = Console.update(current, .wallClock(now())).0 }
    let (next, effects) = Console.update(current, event)
    current = next
    execute(effects)
  }

  /// Runs the pending previews (oldest screen first).
  private func settlePreviews() {
    while let (screen, query) = pendingPreviews.min(by: { ($0.key ?? -1) < ($1.key ?? -1) }) {
      pendingPreviews[screen] = nil
      queriesRun += 1
      send(.loaded(source.run(query, clock: current.clock), screen: screen))
    }
  }

  private func execute(_ effects: [Effect]) {
    for effect in effects {
      switch effect {
      case .load(let query, let screen):
        queriesRun += 1
        send(.loaded(source.run(query, clock: current.clock), screen: screen))
      case .preview(let query, let screen):
        pendingPreviews[screen] = query
      case .quit:
        current.quitRequested = true
      case .redraw:
        redrawRequested = true
      case .copy(let text):
        clipboard.append(text)
      case .suspend:
        suspendRequested = true
      case .write(let write, let screen):
        let outcome = source.write(write, by: current.policy.operator, now: now())
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
  public func render(glyphs: GlyphSet) -> Canvas {
    settlePreviews()
    return ConsoleView.render(current, glyphs: glyphs)
  }
}
