import Testing

@testable import WardUI

@Suite struct TableTests {
  let columns = [
    TableColumn("Function", width: .flex(min: 6)),
    TableColumn("Sev", width: .fixed(6)),
    TableColumn("Count", width: .fixed(5), alignment: .right),
  ]

  func rows(_ range: Range<Int>) -> [[TableCell]] {
    range.map { i in
      [TableCell("fn-\(i)"), TableCell("■ CRIT", role: .severityCritical), TableCell("\(i * 10)")]
    }
  }

  @Test func layoutSharesFlexSpace() {
    // 30 wide: gutter 2, 2 separators -> 26; fixed 11 -> flex gets 15.
    #expect(Table.layout(columns, width: 30) == [15, 6, 5])
    let two = [
      TableColumn("a", width: .flex(weight: 2)), TableColumn("b", width: .flex(weight: 1)),
    ]
    // 23 wide: 20 available, minimums 4+4, spare 12 split 2:1.
    #expect(Table.layout(two, width: 23) == [12, 8])
    // Too narrow: rightmost columns shrink first.
    #expect(Table.layout(columns, width: 16) == [6, 6, 0])
  }

  @Test func snapshotWithSelectionMarkAndSort() {
    var canvas = Canvas(width: 30, height: 5)
    let table = Table(
      columns: columns, rows: rows(0..<3), totalRows: 3, selectedIndex: 1, marked: [2],
      sort: TableSort(column: 2, ascending: false))
    table.render(into: &canvas, rect: canvas.bounds)
    #expect(
      canvas.lines() == [
        "  Function        Sev    Co… ▼",
        "  fn-0            ■ CRIT     0",
        "▶ fn-1            ■ CRIT    10",
        " ●fn-2            ■ CRIT    20",
        "",
      ])
    // The sorted column is marked by more than colour: an arrow and reverse video.
    #expect(canvas.style(atX: 26, y: 0).attributes.contains(.reverse))
    #expect(!canvas.style(atX: 5, y: 0).attributes.contains(.reverse))
    #expect(canvas.style(atX: 10, y: 2).bg == .role(.selection))
    #expect(canvas.style(atX: 20, y: 1).fg == .role(.severityCritical))
  }

  @Test func virtualWindowUsesAbsoluteIndices() {
    var canvas = Canvas(width: 30, height: 4)
    let table = Table(
      columns: columns, rows: rows(5000..<5003), firstRowIndex: 5000, totalRows: 10_000,
      selectedIndex: 5002)
    table.render(into: &canvas, rect: canvas.bounds)
    #expect(canvas.lines()[1] == "  fn-5000         ■ CRIT 50000")
    #expect(canvas.lines()[3].hasPrefix("▶ fn-5002"))
    #expect(table.positionText == "5003/10000")
    #expect(table.visibleRowCount(height: 4) == 3)
  }

  @Test func truncationUsesEllipsis() {
    var canvas = Canvas(width: 24, height: 2)
    let table = Table(columns: columns, rows: [["a-very-long-function-name", "low", "1"]])
    table.render(into: &canvas, rect: canvas.bounds)
    #expect(canvas.lines()[1] == "  a-very-l… low        1")
  }

  @Test func hostileCellTextIsSanitisedAndStaysInItsColumn() {
    var canvas = Canvas(width: 30, height: 2)
    let table = Table(columns: columns, rows: [["\u{1B}[2J\u{1B}]0;x\u{07}", "x", "1"]])
    table.render(into: &canvas, rect: canvas.bounds)
    #expect(canvas.lines()[1] == "  ␛[2J␛]0;x␇      x          1")
  }

  @Test func scrollOffsetMovesOnlyWhenNeeded() {
    #expect(Table.scrollOffset(selected: 5, currentOffset: 0, visibleRows: 10, totalRows: 100) == 0)
    #expect(
      Table.scrollOffset(selected: 10, currentOffset: 0, visibleRows: 10, totalRows: 100) == 1)
    #expect(Table.scrollOffset(selected: 3, currentOffset: 8, visibleRows: 10, totalRows: 100) == 3)
    #expect(
      Table.scrollOffset(selected: 99, currentOffset: 0, visibleRows: 10, totalRows: 100) == 90)
    #expect(Table.scrollOffset(selected: 2, currentOffset: 50, visibleRows: 10, totalRows: 5) == 0)
  }

  @Test func emptyTableShowsMessage() {
    var canvas = Canvas(width: 30, height: 3)
    Table(columns: columns, rows: [], emptyMessage: "no findings").render(
      into: &canvas, rect: canvas.bounds)
    #expect(canvas.lines()[1] == "  no findings")
  }

  @Test func asciiTableUsesAsciiGlyphs() {
    var canvas = Canvas(width: 30, height: 3, glyphs: .ascii)
    let table = Table(
      columns: columns, rows: rows(0..<2), selectedIndex: 0, marked: [1],
      sort: TableSort(column: 0, ascending: true))
    table.render(into: &canvas, rect: canvas.bounds)
    #expect(
      canvas.lines() == [
        "  Function ^      Sev    Count", "> fn-0            ? CRIT     0",
        " *fn-1            ? CRIT    10",
      ])
  }
}
