import WardUI

/// The full-screen pager (`v`): one item's whole text, wrapped to the screen, with j/k,
/// PgUp/PgDn, g/G, `/` search and n/N for the next and previous match; q/Esc go back.
public struct PagerScreen: ScreenModel {
  public var content: PagerContent
  public var scroll = 0
  /// The `/` search text (case-insensitive); empty: none.
  public var search = ""

  public init(_ content: PagerContent) { self.content = content }

  public var kind: ScreenKind { .pager }
  public var breadcrumb: String { "View: " + content.title }
  public var acceptsFilter: Bool { true }
  public var filterText: String { search }
  public var hints: [KeyHint] {
    [
      KeyHint("j/k", "scroll"), KeyHint("g/G", "top/end"), KeyHint("/", "search"),
      KeyHint("n/N", "next/prev"), KeyHint("q", "back"),
    ]
  }

  public func refreshQueries(_ context: ScreenContext) -> [Query] { [] }
  public mutating func apply(_ result: LoadResult, _ context: ScreenContext) -> [ScreenOutput] {
    []
  }

  static func textRect(_ body: Rect) -> Rect {
    Rect(
      x: body.x + 2, y: body.y + 1, width: max(1, body.width - 4), height: max(1, body.height - 1))
  }

  /// The lines as shown: wrapped to the screen's width.
  func shownLines(_ context: ScreenContext) -> [TextLine] {
    content.lines.wrapped(width: Self.textRect(context.body).width)
  }

  private func maxScroll(_ context: ScreenContext) -> Int {
    max(0, shownLines(context).count - Self.textRect(context.body).height)
  }

  /// Indices of the shown lines that contain the search text.
  func matches(_ context: ScreenContext) -> [Int] {
    guard !search.isEmpty else { return [] }
    let needle = search.lowercased()
    return shownLines(context).enumerated().compactMap { index, line in
      line.segments.map(\.text).joined().lowercased().contains(needle) ? index : nil
    }
  }

  public mutating func setFilter(_ text: String, _ context: ScreenContext) -> [ScreenOutput] {
    search = text
    guard !text.isEmpty else { return [] }
    let found = matches(context)
    guard let first = found.first(where: { $0 >= scroll }) ?? found.first else {
      return [.status("no match for \(text)")]
    }
    scroll = min(first, maxScroll(context))
    return [.status("\(found.count) lines match \(text) · n/N next/previous")]
  }

  public mutating func perform(_ action: ActionID, _ context: ScreenContext) -> [ScreenOutput] {
    let page = Self.textRect(context.body).height - 1
    if let moved = TextScroll.apply(action, to: scroll, page: page, last: maxScroll(context)) {
      scroll = moved
      return []
    }
    switch action {
    case .searchNext, .searchPrevious:
      let found = matches(context)
      guard !found.isEmpty else {
        return [.status(search.isEmpty ? "/ to search" : "no match for \(search)")]
      }
      let next =
        action == .searchNext
        ? found.first { $0 > scroll } ?? found[0]
        : found.last { $0 < scroll } ?? found[found.count - 1]
      scroll = next
    default: return []
    }
    scroll = max(0, min(scroll, maxScroll(context)))
    return []
  }

  public func render(into canvas: inout Canvas, _ context: ScreenContext) {
    let body = context.body
    let lines = shownLines(context)
    let rect = Self.textRect(body)
    let last = min(lines.count, scroll + rect.height)
    var title =
      content.title + " · lines \(lines.isEmpty ? 0 : scroll + 1)–\(last) of \(lines.count)"
    if !search.isEmpty { title += " · search: " + search }
    canvas.put(
      text: title, at: Point(x: body.x + 2, y: body.y), style: Style(role: .title),
      maxWidth: body.width - 2)
    for index in matches(context) where index >= scroll && index < last {
      // A matching line is marked in the gutter (not by colour alone).
      canvas.put(
        text: String(canvas.glyphs.caret), at: Point(x: body.x, y: rect.y + index - scroll),
        style: Style(role: .accent))
    }
    RenderKit.draw(lines, into: &canvas, rect: rect, scroll: scroll)
    highlightMatches(lines, into: &canvas, rect: rect, last: last)
  }

  /// Draws every occurrence of the search text again in reverse video (bold), so the
  /// match itself stands out, not by colour alone.
  private func highlightMatches(
    _ lines: [TextLine], into canvas: inout Canvas, rect: Rect, last: Int
  ) {
    guard !search.isEmpty, scroll < last else { return }
    let needle = search.lowercased()
    for index in scroll..<last {
      let text = lines[index].segments.map(\.text).joined()
      let lowered = text.lowercased()
      // Case folding that changes the length would misplace the cells: skip such lines.
      guard lowered.count == text.count else { continue }
      var from = lowered.startIndex
      while let found = lowered.range(of: needle, range: from..<lowered.endIndex) {
        let offset = lowered.distance(from: lowered.startIndex, to: found.lowerBound)
        let start = text.index(text.startIndex, offsetBy: offset)
        let end = text.index(
          start, offsetBy: lowered.distance(from: found.lowerBound, to: found.upperBound))
        let x = rect.x + displayWidth(String(text[..<start]))
        if x < rect.maxX {
          canvas.put(
            text: String(text[start..<end]), at: Point(x: x, y: rect.y + index - scroll),
            style: Style(attributes: [.reverse, .bold]), maxWidth: rect.maxX - x)
        }
        from = found.upperBound
      }
    }
  }
}
