import Testing
import WardModel
import WardUI

@testable import WardConsole

/// Numbers you can trust (issue 9, item 6): exact counts with separators in headers and
/// confirmations, list positions, compact cells that never round down, the effective filter.
@Suite struct CountsTests {
  @Test func exactCountsUseThousandsSeparators() {
    #expect(ExactCount.text(0) == "0")
    #expect(ExactCount.text(999) == "999")
    #expect(ExactCount.text(4660) == "4,660")
    #expect(ExactCount.text(4_634_000) == "4,634,000")
    #expect(ExactCount.text(-1234) == "-1,234")
  }

  @Test func compactSeverityCellsNeverRoundDown() {
    let cell = RenderKit.severityCount(1125, .medium, glyphs: .unicode)
    #expect(cell.text == "◆1.1k")
    // The overview's matrix columns fit it whole rather than cutting or rounding.
    let columns = [TableColumn("MON", width: .fit(min: 4, max: 7), alignment: .right)]
    #expect(Table.layout(columns, rows: [[cell]], width: 20) == [5])
  }

  @Test(arguments: DrillDownTests.sizes) func listScreensShowThePosition(width: Int, height: Int)
    throws
  {
    let (_, store) = try DrillDownTests.store()
    let c = Fixture.console(store, width: width, height: height)
    DrillDownTests.openFindings(c)
    #expect(c.shows("6 findings") && c.shows("row 1 of 6"))
    c.press([.down, .down])
    #expect(c.shows("row 3 of 6"))
    c.press(.char("G"))
    #expect(c.shows("row 6 of 6"))
    c.command("functions")
    #expect(c.shows("3 functions") && c.shows("row 1 of 3"))
    c.command("alerts")
    #expect(c.line(containing: "2 alerts")?.contains("row 1 of 2") == true || width < 100)
  }

  @Test func theFilterLineSpellsTheImplicitOpenState() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store)
    TriageTests.openFindings(c, filter: "sev:high")
    #expect(c.shows("filter: sev:high state:open"))
    TriageTests.openFindings(c, filter: "state:all")
    #expect(c.shows("filter: state:all") && !c.shows("state:all state:open"))
  }
  /// A long filter gives way on the title line, the counts, marks and position do not:
  /// at 80 columns the position used to fall off the end with no ellipsis.
  @Test func aLongFilterNeverPushesThePositionOffTheTitle() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, width: 80, height: 24)
    c.command("findings")
    c.press(.char("/"))
    c.type("state:all tenant:acme tenant:globex sev:high,critical,medium,low,info")
    c.press(.enter)
    c.press([.char(" ")])
    let title = c.screenLines()[1]
    #expect(title.contains("1 marked · row 1 of "), "\(title)")
    #expect(title.contains("filter: state:all") && title.contains("…"), "\(title)")
    #expect(displayWidth(title.trimmingCharacters(in: .whitespaces)) <= 78)
    let line = TitleLine(parts: [
      .init(text: "12 alerts", cuttable: false), .init(text: "newest first", cuttable: true),
      .init(text: "row 1 of 12", cuttable: false),
    ])
    #expect(line.fitted(width: 80) == "12 alerts · newest first · row 1 of 12")
    #expect(line.fitted(width: 30) == "12 alerts · new… · row 1 of 12")
    #expect(line.fitted(width: 25) == "12 alerts · row 1 of 12", "dropped when not even … fits")
  }
}
