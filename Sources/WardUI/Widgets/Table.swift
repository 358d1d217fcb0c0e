/// How a table column takes its width.
public enum ColumnWidth: Sendable, Hashable {
  /// Exactly this many columns.
  case fixed(Int)
  /// A share of the space left after fixed columns, never below `min`.
  case flex(weight: Int = 1, min: Int = 4)
  /// As wide as the widest visible cell (or the title with room for a sort arrow), between
  /// `min` and `max`: names get the width they need before a flex column takes the rest,
  /// and give it back (down to `min`) only when the table is too narrow.
  case fit(min: Int, max: Int)
}

/// A table column: title, width rule, alignment and priority.
public struct TableColumn: Sendable, Hashable {
  public var title: String
  public var width: ColumnWidth
  public var alignment: Alignment
  /// Which columns stay when the minimum widths do not fit: the lowest priority goes
  /// first (rightmost first among equals); columns of the highest priority in the table
  /// are never dropped, only shrunk.
  public var priority: Int
  public init(
    _ title: String, width: ColumnWidth = .flex(), alignment: Alignment = .left,
    priority: Int = 0
  ) {
    self.title = title
    self.width = width
    self.alignment = alignment
    self.priority = priority
  }
}

/// One cell of a table row: text plus an optional role (e.g. a severity role). Give
/// severity cells text or a glyph as well: colour alone must never carry meaning.
public struct TableCell: Sendable, Hashable, ExpressibleByStringLiteral {
  public var text: String
  public var role: Role?
  public init(_ text: String, role: Role? = nil) {
    self.text = text
    self.role = role
  }
  public init(stringLiteral value: String) { self.init(value) }
}

/// Which column is sorted and which way. Drawn as an arrow plus reverse video on the header,
/// never by colour alone (k9s #3955).
public struct TableSort: Sendable, Hashable {
  public var column: Int
  public var ascending: Bool
  public init(column: Int, ascending: Bool) {
    self.column = column
    self.ascending = ascending
  }
}

/// A virtually scrolled table: the caller passes only the visible window of rows
/// (`rows`, starting at absolute index `firstRowIndex` out of `totalRows`), so drawing costs
/// the same for ten rows or ten million.
///
/// Layout: a 2-column gutter (caret for the selected row, mark glyph for marked rows), then
/// columns separated by one space. The selected row also gets the `selection` role, which
/// themes draw as reverse on monochrome terminals.
public struct Table: Sendable, Hashable {
  public var columns: [TableColumn]
  /// The visible window of rows, each with one cell per column.
  public var rows: [[TableCell]]
  /// Absolute index of `rows[0]`.
  public var firstRowIndex: Int
  /// Total number of rows in the underlying list (for the position indicator).
  public var totalRows: Int
  /// Absolute index of the selected row, if any.
  public var selectedIndex: Int?
  /// Absolute indices of marked rows.
  public var marked: Set<Int>
  public var sort: TableSort?
  public var showHeader: Bool
  /// Shown when there are no rows.
  public var emptyMessage: String
  /// Rows drawn elsewhere that `.fit` columns are sized for too (a totals row drawn as a
  /// second table), so both tables line up.
  public var sizingRows: [[TableCell]] = []

  public init(
    columns: [TableColumn], rows: [[TableCell]], firstRowIndex: Int = 0, totalRows: Int? = nil,
    selectedIndex: Int? = nil, marked: Set<Int> = [], sort: TableSort? = nil,
    showHeader: Bool = true, emptyMessage: String = "no rows"
  ) {
    self.columns = columns
    self.rows = rows
    self.firstRowIndex = firstRowIndex
    self.totalRows = totalRows ?? (firstRowIndex + rows.count)
    self.selectedIndex = selectedIndex
    self.marked = marked
    self.sort = sort
    self.showHeader = showHeader
    self.emptyMessage = emptyMessage
  }

  /// Width of the selection/mark gutter.
  public static let gutterWidth = 2

  /// Column widths for a table `width` columns wide (gutter and separators excluded), for
  /// the visible `rows` (which size `.fit` columns; the `sorted` one also fits its title
  /// and the sort arrow).
  ///
  /// Fixed and fit columns take their width, flex columns their minimum. When that does
  /// not fit: fit columns shrink towards their minimum (the widest first), then whole
  /// columns are dropped by priority (width 0, no separator), and only then are the
  /// rightmost columns cut. Space left over goes to flex columns by weight, the remainder
  /// to the leftmost. Then flex columns take width back from names: first from names of a
  /// lower priority (down to their minimum) until the flex column's visible content fits,
  /// then, while the flex column's content is still cut, from the widest name of any
  /// priority until no name is wider than it,
  /// so a title is not cut to a word while a name keeps its full length.
  public static func layout(
    _ columns: [TableColumn], rows: [[TableCell]] = [], width: Int, sorted: Int? = nil
  ) -> [Int] {
    var widths = columns.enumerated().map { index, column -> Int in
      switch column.width {
      case .fixed(let n): return max(0, n)
      case .flex(_, let minimum): return max(0, minimum)
      case .fit(let minimum, let maximum):
        let title = displayWidth(column.title) + (index == sorted ? 2 : 0)
        let content = rows.reduce(title) { widest, row in
          index < row.count ? max(widest, displayWidth(row[index].text)) : widest
        }
        return max(0, minimum, min(maximum, content))
      }
    }
    // The sorted column never shrinks below its title and arrow (the arrow never
    // overwrites header text).
    func minimum(_ index: Int) -> Int? {
      guard case .fit(let minimum, _) = columns[index].width else { return nil }
      return index == sorted ? max(minimum, displayWidth(columns[index].title) + 2) : minimum
    }
    var dropped = Set<Int>()
    func available() -> Int {
      max(0, width - gutterWidth - max(0, columns.count - dropped.count - 1))
    }
    func overflow() -> Int { widths.reduce(0, +) - available() }
    let top = columns.map(\.priority).max() ?? 0
    // Fit columns give back width, the widest above its minimum first.
    func shrinkFits(where keep: (Int) -> Bool) {
      while overflow() > 0 {
        let shrinkable = columns.indices.compactMap { index -> (Int, Int)? in
          guard keep(columns[index].priority), !dropped.contains(index),
            let minimum = minimum(index), widths[index] > minimum
          else { return nil }
          return (index, widths[index] - minimum)
        }
        guard let widest = shrinkable.max(by: { $0.1 < $1.1 }) else { return }
        widths[widest.0] -= 1
      }
    }
    // 1. Lower-priority names shrink to their minimum.
    shrinkFits { $0 < top }
    // 2. Whole columns go, lowest priority first (rightmost among equals).
    while overflow() > 0 {
      guard
        let victim = columns.indices.reversed().filter({
          !dropped.contains($0) && columns[$0].priority < top
        }).min(by: { columns[$0].priority < columns[$1].priority })
      else { break }
      dropped.insert(victim)
      widths[victim] = 0
    }
    // 3. Then the essential names shrink.
    shrinkFits { _ in true }
    // 3. Give spare space to flex columns.
    var spare = -overflow()
    if spare > 0 {
      let flexIndices = columns.indices.filter {
        if case .flex = columns[$0].width { return !dropped.contains($0) } else { return false }
      }
      let weights = flexIndices.map { index -> Int in
        if case .flex(let weight, _) = columns[index].width { return max(1, weight) }
        return 1
      }
      let totalWeight = weights.reduce(0, +)
      if totalWeight > 0 {
        var given = 0
        for (i, index) in flexIndices.enumerated() {
          let share = spare * weights[i] / totalWeight
          widths[index] += share
          given += share
        }
        var remainder = spare - given
        for index in flexIndices where remainder > 0 {
          widths[index] += 1
          remainder -= 1
        }
        spare = 0
      }
    }
    // 4. A name is never wider than the flex column (the title) it squeezes: the widest
    // name above its minimum gives a column to the narrowest flex column while it is wider.
    let flexColumns = columns.indices.filter {
      if case .flex = columns[$0].width { return !dropped.contains($0) } else { return false }
    }
    // 4a. Lower-priority names first give a flex column of higher priority the width its
    // visible content needs (down to their minimum).
    func contentWidth(_ index: Int) -> Int {
      rows.reduce(displayWidth(columns[index].title)) { widest, row in
        index < row.count ? max(widest, displayWidth(row[index].text)) : widest
      }
    }
    for flex in flexColumns {
      let wanted = contentWidth(flex)
      while widths[flex] < wanted {
        let donors = columns.indices.filter { index in
          guard !dropped.contains(index), columns[index].priority < columns[flex].priority,
            let minimum = minimum(index)
          else { return false }
          return widths[index] > minimum
        }
        guard let widest = donors.max(by: { widths[$0] < widths[$1] }) else { break }
        widths[widest] -= 1
        widths[flex] += 1
      }
    }
    // 4b. Then names of any priority level with the narrowest flex column that is cut.
    while let narrowest = flexColumns.filter({ widths[$0] < contentWidth($0) }).min(by: {
      widths[$0] < widths[$1]
    }) {
      let donors = columns.indices.filter { index in
        guard !dropped.contains(index), let minimum = minimum(index) else { return false }
        return widths[index] > minimum && widths[index] > widths[narrowest] + 1
      }
      guard let widest = donors.max(by: { widths[$0] < widths[$1] }) else { break }
      widths[widest] -= 1
      widths[narrowest] += 1
    }
    // 5. Still too wide: cut the rightmost columns.
    var cut = overflow()
    var index = widths.count - 1
    while cut > 0, index >= 0 {
      let amount = min(cut, widths[index])
      widths[index] -= amount
      cut -= amount
      index -= 1
    }
    return widths
  }

  /// The first visible row that keeps `selected` on screen, moving `currentOffset` as little
  /// as possible (scroll only when the selection leaves the window).
  public static func scrollOffset(
    selected: Int, currentOffset: Int, visibleRows: Int, totalRows: Int
  ) -> Int {
    guard visibleRows > 0, totalRows > 0 else { return 0 }
    var offset = currentOffset
    if selected < offset { offset = selected }
    if selected >= offset + visibleRows { offset = selected - visibleRows + 1 }
    return max(0, min(offset, totalRows - visibleRows))
  }

  /// Number of data rows that fit in a rect of `height` rows.
  public func visibleRowCount(height: Int) -> Int { max(0, height - (showHeader ? 1 : 0)) }

  /// "12/10000" style position text: selected (1-based) over total.
  public var positionText: String {
    guard totalRows > 0 else { return "0/0" }
    return "\((selectedIndex ?? firstRowIndex) + 1)/\(totalRows)"
  }

  /// Draws the table into `rect`.
  public func render(into canvas: inout Canvas, rect: Rect) {
    guard !rect.isEmpty else { return }
    let glyphs = canvas.glyphs
    let widths = Self.layout(
      columns, rows: rows + sizingRows, width: rect.width, sorted: sort?.column)
    var y = rect.y
    if showHeader {
      let headerStyle = Style(role: .header)
      canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: headerStyle)
      var x = rect.x + Self.gutterWidth
      for (index, column) in columns.enumerated() where widths[index] > 0 {
        var title = column.title
        var style = headerStyle
        if let sort, sort.column == index {
          let arrow = sort.ascending ? glyphs.arrowUp : glyphs.arrowDown
          title =
            truncate(
              canvas.sanitizer.sanitize(title), to: widths[index] - 2, ellipsis: glyphs.ellipsis)
            + " " + String(arrow)
          style = style.adding([.reverse, .bold])
        }
        canvas.put(
          text: title, at: Point(x: x, y: y), width: widths[index], alignment: column.alignment,
          style: style)
        x += widths[index] + 1
      }
      y += 1
    }
    if rows.isEmpty {
      if y < rect.maxY {
        canvas.put(
          text: emptyMessage, at: Point(x: rect.x + Self.gutterWidth, y: y),
          style: Style(role: .muted), maxWidth: rect.width - Self.gutterWidth)
      }
      return
    }
    for (offset, row) in rows.enumerated() {
      guard y < rect.maxY else { break }
      let absolute = firstRowIndex + offset
      let selected = absolute == selectedIndex
      let isMarked = marked.contains(absolute)
      let rowStyle = selected ? Style(role: .selection) : Style.plain
      canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: rowStyle)
      let gutter = String(selected ? glyphs.caret : " ") + String(isMarked ? glyphs.mark : " ")
      canvas.put(
        text: gutter, at: Point(x: rect.x, y: y),
        style: isMarked && !selected ? Style(role: .mark) : rowStyle, maxWidth: Self.gutterWidth)
      var x = rect.x + Self.gutterWidth
      for (index, column) in columns.enumerated() where widths[index] > 0 {
        let cell = index < row.count ? row[index] : TableCell("")
        var style = rowStyle
        if let role = cell.role {
          style = selected ? Style(fg: .role(role), bg: .role(.selection)) : Style(fg: .role(role))
        }
        // Text that does not fit is cut at a word boundary where one is near, with an
        // ellipsis: never silently, and rarely mid-word.
        canvas.put(
          text: truncateAtWord(
            canvas.sanitizer.sanitize(cell.text), to: widths[index], ellipsis: glyphs.ellipsis),
          at: Point(x: x, y: y), width: widths[index], alignment: column.alignment, style: style)
        x += widths[index] + 1
      }
      y += 1
    }
  }
}
