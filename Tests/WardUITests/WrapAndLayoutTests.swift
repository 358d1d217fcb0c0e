import Testing

@testable import WardUI

/// Word wrapping, word-aware truncation and the priority column layout.
@Suite struct WrapAndLayoutTests {
  @Test func wrapBreaksAtSpacesWithAHangingIndent() {
    #expect(wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
    #expect(
      wrap("label:  one two three", width: 14, indent: 8) == [
        "label:  one", "        two", "        three",
      ])
    // A word longer than a line is split, never dropped.
    let url = "https://example.com/a/very/long/path"
    #expect(wrap(url, width: 10).joined() == url)
    // One that no line could hold whole starts beside its label, not on a line of its own.
    let arn = "arn:aws:lambda:eu-central-1:999900030101:function:warehouse-order-processor"
    let lines = wrap("resource      " + arn, width: 40, indent: 14)
    #expect(lines.first == "resource      arn:aws:lambda:eu-central-")
    #expect(lines.map { $0.trimmingPrefix("              ") }.joined() == "resource      " + arn)
    // A word that fits on the next line still moves there whole.
    #expect(wrap("label  abcdefghij", width: 12, indent: 2) == ["label", "  abcdefghij"])
    #expect(wrap("short", width: 10) == ["short"])
    #expect(wrap("", width: 10) == [""])
  }

  @Test func truncateAtWordCutsBetweenWords() {
    #expect(truncateAtWord("Function URL without auth", to: 16) == "Function URL…")
    #expect(truncateAtWord("Supercalifragilistic", to: 8) == "Superca…")
    #expect(truncateAtWord("fits", to: 8) == "fits")
    // A long word after the last space is cut, not left out with the cell half blank.
    let title = "Environment variables without a customer-managed KMS key"
    #expect(truncateAtWord(title, to: 46) == "Environment variables without a customer-mana…")
    #expect(truncateAtWord(title, to: 40) == "Environment variables without a…")
  }

  @Test func fitColumnsTakeTheirContentBeforeFlexAndLowPriorityGoesFirst() {
    let columns = [
      TableColumn("SEV", width: .fixed(4), priority: 2),
      TableColumn("TENANT", width: .fit(min: 4, max: 12), priority: 0),
      TableColumn("NAME", width: .fit(min: 4, max: 20), priority: 2),
      TableColumn("TITLE", width: .flex(min: 6), priority: 2),
    ]
    let rows: [[TableCell]] = [["HIGH", "acme", "orders-api-handler", "A title"]]
    // 60 wide: 2 gutter + 3 separators -> 55; SEV 4, TENANT 6 (its title), NAME 18.
    #expect(Table.layout(columns, rows: rows, width: 60) == [4, 6, 18, 27])
    // The sorted column also fits its arrow: the title is never overwritten.
    #expect(Table.layout(columns, rows: rows, width: 60, sorted: 1) == [4, 8, 18, 25])
    // Narrow: TENANT (lower priority) shrinks, then goes; then NAME gives back width.
    let narrow = Table.layout(columns, rows: rows, width: 30)
    #expect(narrow[1] == 0)
    #expect(narrow[0] == 4 && narrow[3] >= 6)
    #expect(narrow.reduce(0, +) == 30 - 2 - 2)
  }

  /// The Findings table at 80 columns on the demo: a 26-column function name left the
  /// title 12 columns (`Resource…`). Lower-priority names give the title what it needs
  /// first, then no name stays wider than the title.
  @Test func namesGiveWidthBackToTheTitle() {
    let columns = [
      TableColumn("SEV", width: .fixed(6), priority: 3),
      TableColumn("TENANT", width: .fit(min: 6, max: 18), priority: 1),
      TableColumn("FUNCTION", width: .fit(min: 10, max: 26), priority: 3),
      TableColumn("CATEGORY", width: .fit(min: 8, max: 14), priority: 2),
      TableColumn("TITLE", width: .flex(min: 12), priority: 3),
      TableColumn("STATE", width: .fit(min: 5, max: 14), priority: 3),
    ]
    let rows: [[TableCell]] = [
      [
        "■ CRIT", "alpine-ski-bookings", "fulfilment-video-transcoder", "cross-tenant",
        "Resource policy lets anyone invoke the function", "new",
      ]
    ]
    let widths = Table.layout(columns, rows: rows, width: 80)
    #expect(widths.reduce(0, +) == 80 - 2 - 5)
    #expect(widths[1] == 6 && widths[3] == 8)  // lower priority: down to their minimum
    #expect(widths[4] >= widths[2])  // no name wider than the title
    #expect(widths[2] >= 20 && widths[5] == 5)
    // A title that fits takes no more than it needs: the names keep the rest.
    var short = rows
    short[0][4] = "Tracing off"
    let relaxed = Table.layout(columns, rows: short, width: 80)
    #expect(relaxed[2] == 26 && relaxed[1] > 6)
  }

  @Test func theSortedColumnKeepsItsArrowWhenNamesShrink() {
    let columns = [
      TableColumn("TIME", width: .fit(min: 5, max: 7), priority: 1),
      TableColumn("TITLE", width: .flex(min: 4), priority: 3),
    ]
    let rows: [[TableCell]] = [["17:00", TableCell(String(repeating: "x", count: 60))]]
    #expect(Table.layout(columns, rows: rows, width: 40, sorted: 0)[0] == 6)
    #expect(Table.layout(columns, rows: rows, width: 40)[0] == 5)
  }

  @Test func droppedColumnsLeaveNoGap() {
    let columns = [
      TableColumn("A", width: .fixed(3), priority: 1),
      TableColumn("B", width: .fixed(10), priority: 0),
      TableColumn("C", width: .fixed(3), priority: 1),
    ]
    var canvas = Canvas(width: 12, height: 2)
    Table(columns: columns, rows: [["aaa", "bbbbbbbbbb", "ccc"]]).render(
      into: &canvas, rect: canvas.bounds)
    #expect(canvas.lines() == ["  A   C", "  aaa ccc"])
  }
}
