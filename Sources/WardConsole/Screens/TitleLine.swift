import WardUI

/// A list screen's title line: parts joined by ` · `, fitted to the screen. When it is too
/// long, the parts that may give way (the sort, the filter, notes) are cut with an
/// ellipsis, the last of them first, and dropped only when not even `…` fits; the counts,
/// the marks and the position (`row 12 of 4,660`) are always shown whole.
struct TitleLine {
  /// One part and whether it may be cut.
  struct Part {
    var text: String
    var cuttable: Bool
  }

  var parts: [Part] = []

  /// Appends a part that is always shown whole.
  mutating func keep(_ text: String) { parts.append(Part(text: text, cuttable: false)) }
  /// Appends a part that gives way when the line is too long.
  mutating func cuttable(_ text: String) { parts.append(Part(text: text, cuttable: true)) }

  static let separator = " · "

  /// The line fitted to `width` columns.
  func fitted(width: Int) -> String {
    var parts = self.parts
    func joined() -> String { parts.map(\.text).joined(separator: Self.separator) }
    for index in parts.indices.reversed() where parts[index].cuttable {
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
