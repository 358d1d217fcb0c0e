import Foundation
import Testing
import WardModel
import WardStore
import WardUI

@testable import WardConsole

/// Headless snapshots: key lines of every screen at 120×40 and 80×24.
@Suite struct ScreenTests {
  static let sizes = [(120, 40), (80, 24)]

  @Test(arguments: sizes) func overview(width: Int, height: Int) throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, width: width, height: height)
    let lines = c.screenLines()
    #expect(lines.count == height)
    #expect(lines[0].hasPrefix("Ward Overview"))
    #expect(lines[0].contains("READ-ONLY"))
    #expect(lines[0].hasSuffix("data as of 2025-11-24 11:00Z"))
    // Worst posture first: acme (48) above globex (91).
    let acme = try #require(c.line(containing: "acme"))
    let globex = try #require(c.line(containing: "globex"))
    #expect(lines.firstIndex(of: acme)! < lines.firstIndex(of: globex)!)
    #expect(acme.hasPrefix("▶ acme"))
    #expect(acme.contains(" 48 "))
    // Matrix: a glyph and a count, never colour alone.
    #expect(acme.contains("■1") && acme.contains("▲1") && acme.contains("◆1"))
    #expect(c.shows("TOTAL (2)"))
    #expect(c.shows("INVK SURF COLD INJ DEPS MON FRNS DOS SECR XTEN"))
    if width >= 110 { #expect(c.shows("INV 7D") && c.shows("COST 7D")) }
    #expect(lines[height - 2].contains("Enter functions"))
  }

  /// Long tenant names are essential: at 120 columns the extras (COST 7D, then FNS) make
  /// room before a name is cut, and the invocation sparkline stays.
  @Test func longTenantNamesAreWholeAt120() throws {
    let temp = TempStore()
    let store = try temp.open()
    var batch = Fixture.batch()
    batch.tenants[0].name = "adventureworks-commerce"
    batch.tenants[1].name = "proseware-analytics-eu"
    try store.apply(batch, now: Fixture.now)
    let c = Fixture.console(store, width: 120, height: 40)
    #expect(
      c.line(containing: "adventureworks-commerce")?.hasPrefix("▶ adventureworks-commerce ") == true
    )
    #expect(c.shows("proseware-analytics-eu "))
    #expect(c.shows("INV 7D") && !c.shows("COST 7D") && !c.shows(" FNS "))
    let wider = Fixture.console(store, width: 160, height: 40)
    #expect(wider.shows("INV 7D") && wider.shows("COST 7D") && wider.shows(" FNS "))
    #expect(wider.shows("adventureworks-commerce "))
  }

  @Test(arguments: sizes) func functionsOfATenant(width: Int, height: Int) throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, width: width, height: height)
    c.press(.enter)
    #expect(c.screenLines()[0].contains("Overview ▶ Functions: acme"))
    #expect(c.shows("2 functions in acme · sort: findings ▼"))
    let orders = try #require(c.line(containing: "orders-api"))
    #expect(orders.hasPrefix("▶ orders-api"))
    #expect(orders.contains("2.7k") && orders.contains("$63.00"))
    let billing = try #require(c.line(containing: "billing"))
    #expect(billing.contains("!python3.7"))  // deprecated runtime marked with text
    #expect(!c.shows("ingest"))
  }

  /// At 80 columns a long name gives way, the runtime (with its `!`) never does.
  @Test func runtimesStayWholeWhenNamesAreLongAt80() throws {
    let temp = TempStore()
    let store = try temp.open()
    let long = "reconciliation-statement-export-scheduler-nightly"
    try store.apply(Fixture.batch(extraFunctionName: long), now: Fixture.now)
    let c = Fixture.console(store, width: 80, height: 24)
    c.command("functions")
    let row = try #require(c.line(containing: "reconciliation-"))
    #expect(row.contains("python3.12") && !row.contains(long) && row.contains("…"), "\(row)")
    #expect(c.line(containing: "billing")?.contains("!python3.7") == true)
  }

  @Test(arguments: sizes) func functionDetail(width: Int, height: Int) throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, width: width, height: height)
    c.press([.enter, .enter])
    #expect(c.screenLines()[0].contains("Function: orders-api"))
    #expect(c.shows("▶ [Configuration]"))
    #expect(c.shows("runtime       python3.12  (supported)"))
    #expect(c.shows("url auth      NONE  ! public"))
    c.press(.tab)
    #expect(c.shows("▶ [Metrics 24h]"))
    let invocations = try #require(c.line(containing: "invocations"))
    #expect(invocations.contains("sum 2.7k"))
    c.press(.char("w"))
    #expect(c.shows("▶ [Metrics 7d]"))
    #expect(c.line(containing: "invocations")?.contains("sum 5.9k") == true)
    c.press([.tab])
    #expect(c.shows("■ CRITICAL invocation"))
    c.press([.tab])
    #expect(c.shows("ongoing  Errors 9 vs baseline 0"))
    #expect(c.shows("error-burst · observed 9"))
  }

  @Test func functionDetailShowsEnvNamesAndPolicyButNoValues() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, width: 120, height: 40)
    c.press([.enter, .enter])
    #expect(c.shows("API_TOKEN  ab…(24)"))
    #expect(c.shows("public-url  Allow  *  lambda:InvokeFunctionUrl"))
    #expect(c.shows("Environment (2, names and redacted previews only)"))
  }

  @Test(arguments: sizes) func findings(width: Int, height: Int) throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, width: width, height: height)
    c.press(.char(":"))
    c.type("findings")
    c.press(.enter)
    #expect(c.shows("5 findings · sort: severity ▼ · filter: state:open"))
    #expect(c.line(containing: "Function URL without auth")?.hasPrefix("▶ ■ CRIT acme") == true)
    #expect(c.shows("■ CRITICAL  Function URL without auth"))  // detail pane
    #expect(c.shows("resource      arn:aws:lambda:eu-west-1:111111111111:function:orders-api"))
    c.press(.down)
    #expect(c.shows("▲ HIGH  Credential-like env var API_TOKEN"))
  }

  @Test(arguments: sizes) func alerts(width: Int, height: Int) throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, width: width, height: height)
    c.press(.char(":"))
    c.type("alerts")
    c.press(.enter)
    #expect(c.shows("2 alerts · newest first"))
    let first = try #require(c.line(containing: "Errors 9"))
    #expect(first.hasPrefix("▶ 2025-11-24 09:00  ▲ HIGH ongoing acme"), "\(first)")
    #expect(
      c.line(containing: "Invocations 5x")?.contains("2025-11-21 11:00  ◆ MED  1h      globex")
        == true)
  }

  @Test(arguments: sizes) func costs(width: Int, height: Int) throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, width: width, height: height)
    c.press(.char(":"))
    c.type("costs")
    c.press(.enter)
    #expect(c.shows("Tenants · daily, 30 days"))
    #expect(c.line(containing: "▶ acme")?.contains("$153") == true)
    #expect(c.line(containing: "globex")?.contains("$28.00") == true)
    let mover = try #require(c.line(containing: "orders-api"))
    #expect(mover.contains("$21.00") && mover.contains("$42.00") && mover.contains("+$21.00"))
    c.press(.char("w"))
    #expect(c.shows("Tenants · weekly"))
    #expect(c.shows("THIS WK"))
  }

  @Test(arguments: sizes) func help(width: Int, height: Int) throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, width: width, height: height)
    c.press(.char("?"))
    #expect(c.screenLines()[0].contains("Overview ▶ Help"))
    // Every registered action appears, generated from the registry.
    for action in ActionRegistry.standard.actions {
      c.press(.char("g"))
      var found = c.shows(action.label)
      for _ in 0..<5 where !found {
        c.press(.pageDown)
        found = c.shows(action.label)
      }
      #expect(found, "help misses \(action.label)")
    }
    c.press(.char("g"))
    for _ in 0..<3 where c.line(containing: "triage") == nil { c.press(.pageDown) }
    let triage = (c.screenLines().joined(separator: " ") as String)
      .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    #expect(triage.contains("findings [writes; disabled: read-only session]"))
  }

  /// One full golden: the overview at 120×40 on the fixture store.
  @Test func overviewGolden() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, width: 120, height: 40)
    let expected = """
      Ward Overview                                                                    READ-ONLY  data as of 2025-11-24 11:00Z
        TENANT    SCORE ▲  FNS  CRIT  HIGH   MED   LOW INVK SURF COLD INJ DEPS MON FRNS DOS SECR XTEN INV 7D  COST 7D ALRT
      ▶ acme           48    2    ■1    ▲2    ◆1     ·   ■1    ·    ·   ·   ▲1  ◆1    ·   ·   ▲1    · ▁▁▁▁▁█▇ ▇█▇▇█▇▇    1
        globex         91    1     ·     ·     ·    ▽1    ·    ·    ·   ·    ·  ▽1    ·   ·    ·    · ▁▁▁▁▁██ ███████    1
      = TOTAL (2)      57    3    ■1    ▲2    ◆1    ▽1   ■1    ·    ·   ·   ▲1  ◆2    ·   ·   ▲1    · ▁▁▁▁▁█▇ ▇██▇██▇    2

        ▶ acme · score 48 · open C1 H2 M1 · most: insecure invocation · alerts 7d: 1 · accounts 111111111111

        score = 100 / (1 + W/F/10); W = 10 crit + 5 high + 2 med + 1 low open findings, F = functions
        ALRT: alerts going on in the last 7 days
        matrix: open findings per category, glyph = worst severity: ■ critical  ▲ high  ◆ medium  ▽ low  ○ info



























      Enter functions  / filter  s/S sort  : command  ? help  q quit
                                                                                                                theme fallback
      """
    let lines = c.screenLines()
    let golden = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines != golden {
      try? lines.joined(separator: "\n").write(
        toFile: NSTemporaryDirectory() + "ward-overview-golden.txt", atomically: true,
        encoding: .utf8)
    }
    #expect(lines == golden, "the screen now reads (also in $TMPDIR/ward-overview-golden.txt)")
  }
}
