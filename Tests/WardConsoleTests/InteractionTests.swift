import Foundation
import Testing
import WardModel
import WardStore
import WardUI

@testable import WardConsole

/// Key sequences: navigation, filter, sort, command line, back/quit, policy, robustness.
@Suite struct InteractionTests {
  @Test func navigateDrillInAndBack() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, width: 100, height: 30)
    c.press([.char("j"), .enter])
    #expect(c.screenLines()[0].contains("Functions: globex"))
    #expect(c.line(containing: "ingest")?.hasPrefix("▶ ingest") == true)
    c.press(.escape)
    #expect(c.screenLines()[0].contains("Ward Overview "))
    #expect(c.line(containing: "globex")?.hasPrefix("▶ globex") == true)  // cursor kept
    c.press([.char("k"), .char("G")])
    #expect(c.line(containing: "globex")?.hasPrefix("▶") == true)
    c.press(.char("g"))
    #expect(c.line(containing: "acme")?.hasPrefix("▶") == true)
    #expect(!c.engine.shouldQuit)
    c.press(.char("q"))
    #expect(c.engine.shouldQuit)  // q on the top screen quits
  }

  @Test func qGoesBackBelowTheTop() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store)
    c.press([.enter, .enter, .char("q")])
    #expect(c.screenLines()[0].contains("Functions: acme"))
    #expect(!c.engine.shouldQuit)
  }

  @Test func functionsFilterAndSort() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store)
    c.press(.char(":"))
    c.type("functions")
    c.press(.enter)
    #expect(c.shows("3 functions · sort: findings ▼"))
    c.press(.char("/"))
    c.type("bill")
    #expect(c.screenLines()[38].hasPrefix("/bill"))  // the input line
    c.press(.enter)
    #expect(c.shows("1 functions · sort: findings ▼ · filter: bill"))
    #expect(c.shows("billing") && !c.shows("orders-api"))
    c.press(.char("/"))
    c.press([.ctrl("u"), .enter])  // clear the filter
    #expect(c.shows("3 functions"))
    c.press(.char("s"))  // findings -> invocations, descending
    #expect(c.shows("sort: invocations ▼"))
    #expect(c.screenLines()[3].hasPrefix("▶ orders-api"))
    #expect(c.screenLines()[4].hasPrefix("  ingest"))
    c.press(.char("S"))  // flip: ascending
    #expect(c.shows("sort: invocations ▲"))
    #expect(c.screenLines()[3].hasPrefix("▶ billing"))
  }

  @Test func findingsTokenFilter() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store)
    c.press(.char(":"))
    c.type("findings")
    c.press([.enter, .char("/")])
    c.type("sev:high")
    c.press(.enter)
    #expect(c.shows("2 findings"))
    #expect(c.shows("Credential-like") && c.shows("Deprecated runtime") && !c.shows("Tracing off"))
    c.press(.char("/"))
    c.press(.ctrl("u"))
    c.type("cat:monitoring tenant:globex")
    c.press(.enter)
    #expect(c.shows("1 findings"))
    #expect(c.line(containing: "No DLQ")?.hasPrefix("▶ ▽ LOW  globex") == true)
    c.press(.char("/"))
    c.press(.ctrl("u"))
    c.type("sev:urgent")
    c.press(.enter)
    #expect(c.screenLines().last?.contains("filter: unknown severity `urgent`") == true)
    #expect(c.shows("1 findings"))  // the previous filter stays
    c.press(.char("/"))
    c.press(.ctrl("u"))
    c.type("URL")
    c.press(.enter)
    #expect(c.shows("1 findings") && c.shows("Function URL without auth"))
  }

  @Test func findingsSortAndDetailPane() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store)
    c.press(.char(":"))
    c.type("findings")
    c.press(.enter)
    c.press([.char("s"), .char("s")])  // severity -> last-seen -> tenant (ascending)
    #expect(c.shows("sort: tenant ▲"))
    c.press(.char("S"))
    #expect(c.screenLines()[3].contains("globex"))
    c.press(.tab)
    #expect(c.shows("▶ [Detail]"))
    c.press(.down)  // scrolls the detail, not the table
    #expect(c.screenLines()[3].hasPrefix("▶"))
  }

  @Test func commandLineCompletion() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store)
    c.press(.char(":"))
    c.type("fin")
    #expect(c.screenLines()[38].hasPrefix(":fin dings"))  // cursor cell, then the hint
    c.press(.tab)
    #expect(c.screenLines()[38].hasPrefix(":findings"))
    c.press(.enter)
    #expect(c.screenLines()[0].contains("Overview ▶ Findings"))
    c.press(.char(":"))
    c.type("tenant gl")
    c.press([.tab, .enter])
    #expect(c.screenLines()[0].contains("Overview ▶ Functions: globex"))
    c.press(.char(":"))
    c.type("tenant nobody")
    c.press(.enter)
    #expect(c.screenLines().last?.contains("no tenant named nobody in scope") == true)
    c.press(.char(":"))
    c.type("frobnicate")
    c.press(.enter)
    #expect(c.screenLines().last?.contains("unknown command: frobnicate") == true)
    c.press(.char(":"))
    c.press(.escape)  // cancels the line, stays put
    #expect(c.state.input == nil)
    #expect(c.screenLines()[0].contains("Functions: globex"))
    c.press(.char(":"))
    c.type("q")
    c.press(.enter)
    #expect(c.engine.shouldQuit)
  }

  @Test func tenantCompletionComesFromTheScopedStore() throws {
    let (temp, _) = try Fixture.store()
    let scoped = try temp.open(.readOnly, scope: .only(["globex"]))
    let c = Fixture.console(scoped)
    #expect(c.state.tenantNames == ["globex"])
    #expect(!c.shows("acme"))
    c.press(.char(":"))
    c.type("tenant a")
    c.press(.tab)
    #expect(c.screenLines()[38].hasPrefix(":tenant a"))
    #expect(!c.screenLines()[38].contains("acme"))
  }

  @Test func themeCommand() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store)
    #expect(c.state.themeNames.contains("mono"))
    c.press(.char(":"))
    c.type("theme mono")
    c.press(.enter)
    #expect(c.state.themeName == "mono")
    #expect(c.theme.name == "mono")
    #expect(c.screenLines().last?.contains("theme: mono") == true)
    c.press(.char(":"))
    c.type("theme nope")
    c.press(.enter)
    #expect(c.state.themeName == "mono")
    #expect(c.screenLines().last?.contains("nope.yaml") == true)
  }

  @Test func alertEnterOpensTheFunctionAtItsWindow() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store)
    c.press(.char(":"))
    c.type("alerts")
    c.press(.enter)
    c.press(.enter)
    #expect(c.screenLines()[0].contains("Alerts ▶ Function: orders-api"))
    #expect(c.shows("Metrics 24h"))
    c.press([.escape, .down, .enter])
    #expect(c.screenLines()[0].contains("Function: ingest"))
    #expect(c.shows("Metrics 7d"))  // the alert is 3 days old
  }

  /// Every mutating action, pressed on every screen where it is bound, is refused with
  /// the same message by the registry (read-only and demo).
  @Test(arguments: [ConsolePolicy(readOnly: true), ConsolePolicy(readOnly: false, demo: true)])
  func readOnlyRefusesEveryMutatingAction(policy: ConsolePolicy) throws {
    let (_, store) = try Fixture.store()
    let routes: [ScreenKind: [Key]] = [
      .findings: [.char(":")] + "findings".map { Key.char($0) } + [.enter],
      .functionDetail: [.enter, .enter],
    ]
    for action in ActionRegistry.standard.actions where action.mutates {
      for (screen, route) in routes where action.applies(to: screen) {
        let c = Fixture.console(store, policy: policy)
        c.press(route)
        #expect(c.state.topKind == screen)
        #expect(c.screenLines()[0].contains(policy.demo ? "DEMO · READ-ONLY" : "READ-ONLY"))
        c.press(action.keys[0])
        #expect(
          c.screenLines().last?.hasPrefix("! read-only: \(action.label) is disabled") == true,
          "\(action.id) on \(screen)")
      }
    }
  }

  @Test func tooSmallScreenAndResize() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, width: 59, height: 16)
    #expect(c.shows("terminal too small: need 60×16, have 59×16"))
    c.resize(width: 60, height: 15)
    #expect(c.shows("have 60×15"))
    c.press(.down)  // keys still work, nothing crashes
    c.resize(width: 0, height: 0)
    #expect(c.screenLines().isEmpty)
    c.resize(width: 60, height: 16)
    #expect(c.screenLines()[0].hasPrefix("Ward Overview"))
    #expect(c.line(containing: "globex")?.hasPrefix("▶") == true)
    c.resize(width: 200, height: 60)
    #expect(c.shows("INV 7D"))
  }

  @Test func hostileNamesAreSanitised() throws {
    let temp = TempStore()
    let store = try temp.open()
    var batch = Fixture.batch(extraFunctionName: "evil\u{1B}]0;pwned\u{07}\u{1B}[2J\u{202E}name")
    batch.findings.append(
      Fixture.finding(
        "f9", "orders-api", Fixture.acme, .injection, .critical, title: "title\u{9B}31m\r\nnext"))
    try store.apply(batch, now: Fixture.now)
    let c = Fixture.console(store)
    c.press(.char(":"))
    c.type("functions")
    c.press(.enter)
    #expect(c.shows("evil␛]0;pwned␇␛[2J⍰name"))
    c.press(.char(":"))
    c.type("findings")
    c.press(.enter)
    #expect(c.shows("title�31m␍␊next"))
    for line in c.screenLines() {
      #expect(!line.unicodeScalars.contains { TextSanitizer.isControl($0) })
    }
    let ascii = Fixture.console(store, glyphs: .ascii)
    ascii.press(.char(":"))
    ascii.type("functions")
    ascii.press(.enter)
    #expect(ascii.shows("evil?]0;pwned??[2J?name"))
    #expect(ascii.screenLines().allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII } })
  }

  @Test func liveRefreshKeepsCursorAndFilter() throws {
    let (temp, store) = try Fixture.store()
    let reader = try temp.open(.readOnly)
    let c = Fixture.console(reader)
    c.press(.char(":"))
    c.type("functions")
    c.press([.enter, .char("/")])
    c.type("i")
    c.press([.enter, .down])
    #expect(c.shows("3 functions · sort: findings ▼ · filter: i"))
    let selected = try #require(c.screenLines().first { $0.hasPrefix("▶") })
    #expect(!c.poll())  // nothing changed yet
    // A second connection writes: a new function and a new finding.
    var batch = ImportBatch(format: "test")
    batch.functions = [Fixture.function("invoicing", Fixture.globex, runtime: "python3.12")]
    try store.apply(batch, now: Fixture.now)
    #expect(!c.shows("invoicing"))
    #expect(c.poll())
    #expect(c.shows("4 functions · sort: findings ▼ · filter: i"))
    #expect(c.shows("invoicing"))
    #expect(c.screenLines().first { $0.hasPrefix("▶") } == selected)  // cursor kept
  }

  @Test func overviewSortCycles() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store)
    c.press(.char("s"))  // score -> tenant (ascending)
    #expect(c.screenLines()[2].contains("acme"))
    c.press(.char("S"))
    #expect(c.screenLines()[2].contains("globex"))
    #expect(c.screenLines()[1].contains("TENANT ▼"))
  }
}
