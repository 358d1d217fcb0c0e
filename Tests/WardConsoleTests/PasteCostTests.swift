import Foundation
import Testing
import WardModel
import WardStore
import WardUI

@testable import WardConsole

/// A paste of cursor keys costs store work per page, not per key (issue 12 item 8: 50k
/// pasted keys apply in under a second). Before previews waited for the frame, every
/// cursor move read the selected finding's detail: 50k keys were 50k detail queries.
@Suite struct PasteCostTests {
  /// A store with `count` findings on one function.
  static func store(findings count: Int) throws -> (TempStore, PostureStore) {
    let temp = TempStore()
    let store = try temp.open()
    var batch = Fixture.batch()
    batch.findings += (0..<count).map { i in
      Fixture.finding(
        String(format: "bulk-%05d", i), "api", Fixture.acme, .attackSurface, .medium,
        title: "Bulk finding \(i)")
    }
    try store.apply(batch, now: Fixture.now)
    return (temp, store)
  }

  @Test func aPasteOfCursorKeysReadsOneDetailNotOnePerKey() throws {
    let (_, store) = try Self.store(findings: 400)
    let c = Fixture.console(store, width: 120, height: 40)
    DrillDownTests.openFindings(c)
    let before = c.engine.queriesRun
    // 10,000 keys that end 300 rows down: up and down in place, then a run of downs that
    // crosses several loaded windows.
    let keys =
      Array(repeating: [Key.char("j"), Key.char("k")], count: 4_850).flatMap { $0 }
      + Array(repeating: Key.char("j"), count: 300)
    c.paste(keys)
    let queries = c.engine.queriesRun - before
    print("paste: 10,150 cursor keys ran \(queries) queries")
    #expect(queries < 60, "a 10,150-key paste ran \(queries) queries")
    let screen = try #require(c.state.stack.last?.model as? FindingsScreen)
    #expect(screen.list.cursor == 300)
    // The preview is the selected finding's, not a stale one from the middle of the paste.
    let selected = try #require(screen.list.selected?.id)
    #expect(screen.detail?.finding?.finding.id == selected)
    #expect(c.shows("row 301 of"))
  }

  @Test func movingBackToTheShownRowDropsThePendingPreview() throws {
    let (_, store) = try Self.store(findings: 20)
    let c = Fixture.console(store)
    DrillDownTests.openFindings(c)
    let first = try #require((c.state.stack.last?.model as? FindingsScreen)?.list.selected?.id)
    c.paste([.char("j"), .char("k")])  // the preview of row 2 must not replace row 1's
    let screen = try #require(c.state.stack.last?.model as? FindingsScreen)
    #expect(screen.list.selected?.id == first)
    #expect(screen.detail?.finding?.finding.id == first)
  }

  @Test func anActionThatIsNotAMoveSeesTheSettledPreview() throws {
    let (_, store) = try Self.store(findings: 20)
    let c = Fixture.console(store)
    DrillDownTests.openFindings(c)
    // Down, then Tab into the detail pane, in one burst: the pane must hold row 2's detail.
    c.paste([.char("j"), .tab])
    let screen = try #require(c.state.stack.last?.model as? FindingsScreen)
    #expect(screen.detailFocused)
    #expect(screen.detail?.finding?.finding.id == screen.list.selected?.id)
  }
}
