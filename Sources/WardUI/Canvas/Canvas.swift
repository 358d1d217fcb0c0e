/// One cell of a ``Canvas``.
public struct Cell: Sendable, Hashable {
  /// The grapheme drawn here (a space for blank cells and for the right half of a wide one).
  public var grapheme: Character
  public var style: Style
  /// True for the right half of a two-column character; backends skip these cells.
  public var isContinuation: Bool

  public init(grapheme: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
    self.grapheme = grapheme
    self.style = style
    self.isContinuation = isContinuation
  }

  /// Columns this cell's grapheme covers (2 for wide characters, else 1).
  public var width: Int { isContinuation ? 0 : max(1, displayWidth(grapheme)) }
}

/// A run of same-styled text on one row, for tests and backends.
public struct StyledRun: Sendable, Hashable {
  public var x: Int
  public var text: String
  public var style: Style
}

/// A width×height grid of cells that widgets draw into and a backend flushes: the
/// terminal-free screen every test can assert on (ratatui's Buffer).
///
/// All text goes through a ``TextSanitizer`` first, so data cannot inject terminal controls.
public struct Canvas: Sendable, Hashable {
  public let width: Int
  public let height: Int
  /// Glyphs widgets should draw with; ASCII also makes the sanitiser ASCII-only.
  public let glyphs: GlyphSet
  public let sanitizer: TextSanitizer
  private var cells: [Cell]

  /// A blank canvas filled with `style` spaces.
  public init(width: Int, height: Int, glyphs: GlyphSet = .unicode, style: Style = .plain) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.glyphs = glyphs
    self.sanitizer = TextSanitizer(asciiOnly: glyphs.isASCII)
    self.cells = Array(repeating: Cell(style: style), count: self.width * self.height)
  }

  /// All cells, row-major (`cells[y * width + x]`), for backends that walk every cell.
  public var rowMajorCells: [Cell] { cells }

  /// The whole canvas as a rect.
  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  /// The cell at (x, y); a blank cell outside the canvas.
  public subscript(x: Int, y: Int) -> Cell {
    guard contains(x, y) else { return Cell() }
    return cells[y * width + x]
  }

  private func contains(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

  /// Writes `text` at `point`, sanitised, clipped to the canvas and to `maxWidth` columns.
  ///
  /// A wide character that does not fit in the remaining space becomes a space. Returns
  /// the number of columns written.
  @discardableResult
  public mutating func put(
    text: String, at point: Point, style: Style = .plain, maxWidth: Int? = nil
  ) -> Int {
    guard point.y >= 0, point.y < height else { return 0 }
    let limit = maxWidth.map { min(width, point.x + $0) } ?? width
    if isPrintableASCII(text) {  // fast path: one cell per byte, nothing to sanitise
      var x = point.x
      for byte in text.utf8 {
        if x >= limit { break }
        if x >= 0 {
          setCell(x, point.y, Cell(grapheme: Character(Unicode.Scalar(byte)), style: style))
        }
        x += 1
      }
      return max(0, x - max(point.x, 0))
    }
    var x = point.x
    for character in sanitizer.sanitize(text) {
      if x >= limit { break }
      let w = displayWidth(character)
      if w == 0 { continue }  // a lone combining mark: nothing to attach it to
      if x < 0 {  // clipped on the left
        x += w
        if x == 1, w == 2 { setCell(0, point.y, Cell(style: style)) }
        continue
      }
      if w == 2 && x + 1 >= limit {
        setCell(x, point.y, Cell(style: style))
        x += 1
        continue
      }
      setCell(x, point.y, Cell(grapheme: character, style: style))
      if w == 2 { setCell(x + 1, point.y, Cell(grapheme: " ", style: style, isContinuation: true)) }
      x += w
    }
    return max(0, x - max(point.x, 0))
  }

  /// Sets one cell, blanking the other half of any wide character it overwrites.
  private mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
    guard contains(x, y) else { return }
    let index = y * width + x
    let old = cells[index]
    // Overwriting the right half of a wide character: blank its left half.
    if old.isContinuation, x > 0, !cell.isContinuation {
      cells[index - 1] = Cell(style: cells[index - 1].style)
    }
    // Overwriting the left half of a wide character: blank its right half.
    if !old.isContinuation, x + 1 < width, cells[index + 1].isContinuation {
      cells[index + 1] = Cell(style: cells[index + 1].style)
    }
    cells[index] = cell
  }

  /// Fills `rect` (clipped) with `character` in `style`.
  public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
    let r = rect.intersection(bounds)
    let glyph = sanitizer.sanitize(String(character)).first ?? " "
    let cell = displayWidth(glyph) == 1 ? Cell(grapheme: glyph, style: style) : Cell(style: style)
    for y in r.y..<r.maxY {
      for x in r.x..<r.maxX { setCell(x, y, cell) }
    }
  }

  /// Draws a horizontal line of `length` cells.
  public mutating func horizontalLine(at point: Point, length: Int, style: Style) {
    fill(
      Rect(x: point.x, y: point.y, width: length, height: 1), with: glyphs.horizontal, style: style)
  }

  /// Draws a vertical line of `length` cells.
  public mutating func verticalLine(at point: Point, length: Int, style: Style) {
    fill(
      Rect(x: point.x, y: point.y, width: 1, height: length), with: glyphs.vertical, style: style)
  }

  /// Draws a box around the edge of `rect`, with an optional title in the top border.
  /// Returns the inner rect.
  @discardableResult
  public mutating func box(
    _ rect: Rect, style: Style = Style(role: .border), title: String? = nil,
    titleStyle: Style = Style(role: .title)
  ) -> Rect {
    guard rect.width >= 2, rect.height >= 2 else {
      return Rect(x: rect.x, y: rect.y, width: 0, height: 0)
    }
    horizontalLine(at: Point(x: rect.x + 1, y: rect.y), length: rect.width - 2, style: style)
    horizontalLine(at: Point(x: rect.x + 1, y: rect.maxY - 1), length: rect.width - 2, style: style)
    verticalLine(at: Point(x: rect.x, y: rect.y + 1), length: rect.height - 2, style: style)
    verticalLine(at: Point(x: rect.maxX - 1, y: rect.y + 1), length: rect.height - 2, style: style)
    put(text: String(glyphs.topLeft), at: Point(x: rect.x, y: rect.y), style: style)
    put(text: String(glyphs.topRight), at: Point(x: rect.maxX - 1, y: rect.y), style: style)
    put(text: String(glyphs.bottomLeft), at: Point(x: rect.x, y: rect.maxY - 1), style: style)
    put(
      text: String(glyphs.bottomRight), at: Point(x: rect.maxX - 1, y: rect.maxY - 1), style: style)
    if let title, rect.width > 4 {
      let text = truncate(sanitizer.sanitize(title), to: rect.width - 4, ellipsis: glyphs.ellipsis)
      put(text: " " + text + " ", at: Point(x: rect.x + 1, y: rect.y), style: titleStyle)
    }
    return rect.inset(by: 1)
  }

  /// The text of each row as a test sees it: wide characters once, trailing spaces trimmed.
  public func lines() -> [String] {
    (0..<height).map { y in
      var line = ""
      for x in 0..<width where !cells[y * width + x].isContinuation {
        line.append(cells[y * width + x].grapheme)
      }
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// Row `y` as runs of equal style (continuation cells folded into their lead cell).
  public func styledRuns(row y: Int) -> [StyledRun] {
    guard y >= 0, y < height else { return [] }
    var runs: [StyledRun] = []
    for x in 0..<width {
      let cell = cells[y * width + x]
      if cell.isContinuation { continue }
      if let last = runs.last, last.style == cell.style {
        runs[runs.count - 1].text.append(cell.grapheme)
      } else {
        runs.append(StyledRun(x: x, text: String(cell.grapheme), style: cell.style))
      }
    }
    return runs
  }

  /// The style of the cell at (x, y).
  public func style(atX x: Int, y: Int) -> Style { self[x, y].style }
}

extension Canvas {
  /// Writes `text` sanitised, then truncated with the glyph set's ellipsis or padded to
  /// exactly `width` columns with `alignment`. Use for table cells and fixed fields.
  @discardableResult
  public mutating func put(
    text: String, at point: Point, width: Int, alignment: Alignment, style: Style = .plain
  ) -> Int {
    guard width > 0 else { return 0 }
    var safe = sanitizer.sanitize(text)
    var textWidth = displayWidth(safe)
    if textWidth > width {
      safe = truncate(safe, to: width, ellipsis: glyphs.ellipsis)
      textWidth = displayWidth(safe)
    }
    let gap = width - textWidth
    let offset = alignment == .right ? gap : alignment == .center ? gap / 2 : 0
    fill(Rect(x: point.x, y: point.y, width: width, height: 1), style: style)
    put(
      text: safe, at: Point(x: point.x + offset, y: point.y), style: style, maxWidth: width - offset
    )
    return min(width, max(0, self.width - point.x))
  }
}
