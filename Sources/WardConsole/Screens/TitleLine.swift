import WardUI

/// A list screen's title line: parts joined by ` · `, fitted to the screen. When it is too
/// long, the parts that may give way are cut with an ellipsis, and dropped only when not
/// even `…` fits: notes and the sort first (the column header shows the sort arrow too),
/// the filter last; the counts, the marks and the position (`row 12 of 4,660`) are always
/// shown whole.
struct TitleLine {
  /// One part and whether it may be cut.
  struct Part {
    var text: String
    var cuttable: Bool
    /// Among cuttable parts, lower gives way first (ties: the rightmost first).
    var keepOrder = 0
  }

  var parts: [Part] = []

  /// Appends a part that is always shown whole.
  mutating func keep(_ text: String) { parts.append(Part(text: text, cuttable: false)) }
  /// Appends a part that gives way when the line is too long, after every part of a lower
  /// `keepOrder`.
  mutating func cuttable(_ text: String, keepOrder: Int = 0) {
    parts.append(Part(text: text, cuttable: true, keepOrder: keepOrder))
  }

  static let separator = " · "

  /// The line fitted to `width` columns.
  func fitted(width: Int) -> String {
    var parts = self.parts
    func joined() -> String { parts.map(\.text).joined(separator: Self.separator) }
    let order = parts.indices.filter { parts[$0].cuttable }.sorted {
      (parts[$0].keepOrder, -$0) < (parts[$1].keepOrder, -$1)
    }
    for index in order {
      let overflow = displayWidth(joined()) - width
      if overflow <= 0 { break }
      let room = displayWidth(parts[index].text) - overflow
      if room >= 2 {
        parts[index].text = truncate(parts[index].text, to: room)
      } else {
        parts[index].text = ""
      }
    }
    parts.removeAll { $0.text.isEmpty }
    return truncate(joined(), to: width)
  }
}
