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
    #expect(wrap("short", width: 10) == ["short"])
    #expect(wrap("", width: 10) == [""])
  }

  @Test func truncateAtWordCutsBetweenWords() {
    #expect(truncateAtWord("Function URL without auth", to: 16) == "Function URL…")
    #expect(truncateAtWord("Supercalifragilistic", to: 8) == "Superca…")
    #expect(truncateAtWord("fits", to: 8) == "fits")
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
