import Foundation
import Testing
import WardConsole
import WardModel
import WardStore
import WardUI

/// Seeded random input through the headless console, over every kind of session: after
/// every event the canvas is exactly the terminal's size, no cell is wider than two
/// columns, no raw control character is on screen, and (read-write) the audit chain
/// verifies. The run prints its event counts; a crash stops the test process with the
/// seed already printed, and `WARD_FUZZ_SEED=S swift test --filter ConsoleFuzz` replays it.
@Suite struct ConsoleFuzzTests {
  enum Session: String, CaseIterable, Sendable {
    case viewer, demo, triager

    var policy: ConsolePolicy {
      switch self {
      case .viewer: ConsolePolicy(readOnly: true)
      case .demo: ConsolePolicy(readOnly: true, demo: true)
      case .triager: TriageTests.triager
      }
    }
  }

  /// Seeds that once failed, replayed on every run (none has yet).
  static let pinnedSeeds: [UInt64] = []
  /// Seeds per session and events per seed: 3 sessions × 4 seeds × 8,500 = 102,000 events.
  static let seedsPerSession: UInt64 = 4
  static var eventsPerSeed: Int {
    ProcessInfo.processInfo.environment["WARD_FUZZ_EVENTS"].flatMap(Int.init) ?? 8_500
  }

  static func seeds(for session: Session) -> [UInt64] {
    if let text = ProcessInfo.processInfo.environment["WARD_FUZZ_SEED"], let seed = UInt64(text) {
      return [seed]
    }
    let base = UInt64(Session.allCases.firstIndex(of: session)!) * 1_000
    return pinnedSeeds + (1...seedsPerSession).map { base + $0 }
  }

  @Test(arguments: Session.allCases)
  func randomInputKeepsTheConsoleSound(session: Session) throws {
    var totals = (events: 0, pastedKeys: 0, resizes: 0, longestPaste: 0, longestPasteMs: 0.0)
    let started = Date()
    for seed in Self.seeds(for: session) {
      print("fuzz: \(session) seed \(seed) starting")
      let (temp, store) = try Fixture.store()
      defer { withExtendedLifetime(temp) {} }
      let mode: PostureStore.Mode = session == .triager ? .readWrite : .readOnly
      let handle = mode == .readWrite ? store : try temp.open(.readOnly)
      var width = 120
      var height = 40
      let console = TriageTests.console(
        handle, policy: session.policy, width: width, height: height)
      var fuzzer = ConsoleFuzzer(seed: seed)
      for index in 0..<Self.eventsPerSeed {
        let event = fuzzer.next()
        switch event {
        case .key(let key): console.press(key)
        case .paste(let keys):
          let t0 = Date()
          console.paste(keys)
          let ms = Date().timeIntervalSince(t0) * 1000
          totals.pastedKeys += keys.count
          if keys.count > totals.longestPaste {
            (totals.longestPaste, totals.longestPasteMs) = (keys.count, ms)
          }
        case .resize(let w, let h):
          (width, height) = (w, h)
          console.resize(width: w, height: h)
          totals.resizes += 1
        case .poll: console.poll()
        }
        let problems = ConsoleInvariants.problems(console.canvas, width: width, height: height)
        #expect(
          problems.isEmpty,
          "\(session) seed \(seed) event \(index) (\(event)): \(problems.joined(separator: "; "))")
        if !problems.isEmpty { return }
        if session == .triager, index % 1_000 == 999 {
          let audit = try store.verifyAudit()
          #expect(
            audit.isIntact,
            "\(session) seed \(seed) event \(index): \(String(describing: audit.problem))")
        }
      }
      totals.events += Self.eventsPerSeed
      let audit = try store.verifyAudit()
      #expect(audit.isIntact, "\(session) seed \(seed): \(String(describing: audit.problem))")
      if session == .triager {
        print("fuzz: \(session) seed \(seed): \(audit.eventCount) audit events, chain intact")
      }
      if session != .triager { #expect(audit.eventCount == 0, "a read-only session wrote") }
    }
    print(
      "fuzz: \(session): \(totals.events) events, \(totals.pastedKeys) pasted keys, \(totals.resizes) resizes, 0 crashes in \(String(format: "%.1f", Date().timeIntervalSince(started))) s; longest paste \(totals.longestPaste) keys applied and drawn in \(String(format: "%.0f", totals.longestPasteMs)) ms"
    )
  }
}
