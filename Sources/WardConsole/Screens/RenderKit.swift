import WardModel
import WardUI

/// A line of styled text for detail panes and the help screen.
public struct TextLine: Sendable, Hashable {
  public var segments: [Segment]
  /// Columns that lines continued by ``wrapped(width:)`` start with; nil: the line's own
  /// leading spaces (so an indented paragraph stays indented).
  public var hangingIndent: Int?
  public struct Segment: Sendable, Hashable {
    public var text: String
    public var style: Style
  }
  public init(_ text: String = "", style: Style = .plain) {
    segments = text.isEmpty ? [] : [Segment(text: text, style: style)]
  }
  /// Appends a segment.
  public func then(_ text: String, style: Style = .plain) -> TextLine {
    var copy = self
    copy.segments.append(Segment(text: text, style: style))
    return copy
  }
  /// `label` (muted, padded) then `value`.
  public static func field(_ label: String, _ value: String, width: Int = 14, style: Style = .plain)
    -> TextLine
  {
    var line = TextLine(pad(label, to: width), style: Style(fg: .role(.muted)))
      .then(value, style: style)
    line.hangingIndent = width
    return line
  }
  /// A section heading.
  public static func heading(_ text: String) -> TextLine {
    TextLine(text, style: Style(role: .header))
  }
}

extension TextLine {
  /// The line wrapped at word boundaries to `width` columns, styles kept; continuation
  /// lines start with the hanging indent. A line that fits comes back as it is.
  public func wrapped(width: Int) -> [TextLine] {
    let cells = segments.flatMap { segment in segment.text.map { ($0, segment.style) } }
    let text = String(cells.map(\.0))
    guard width > 0, displayWidth(text) > width else { return [self] }
    let indent = min(width / 2, hangingIndent ?? cells.prefix { $0.0 == " " }.count)
    return wordBreaks(text, width: width, indent: indent).enumerated().map { index, range in
      var line = TextLine(index == 0 ? "" : String(repeating: " ", count: indent))
      for (character, style) in cells[range] {
        if let last = line.segments.indices.last, line.segments[last].style == style {
          line.segments[last].text.append(character)
        } else {
          line.segments.append(Segment(text: String(character), style: style))
        }
      }
      return line
    }
  }
}

extension [TextLine] {
  /// Every line wrapped to `width` (see ``TextLine/wrapped(width:)``).
  public func wrapped(width: Int) -> [TextLine] { flatMap { $0.wrapped(width: width) } }
}

enum RenderKit {
  /// Draws `lines` from `scroll` into `rect`, clipped.
  static func draw(_ lines: [TextLine], into canvas: inout Canvas, rect: Rect, scroll: Int = 0) {
    for (row, line) in lines.dropFirst(max(0, scroll)).prefix(rect.height).enumerated() {
      var x = rect.x
      for (index, segment) in line.segments.enumerated() where x < rect.maxX {
        let room = rect.maxX - x
        // What does not fit ends in an ellipsis: nothing is cut silently.
        let rest = line.segments[index...].map(\.text).joined()
        let text =
          displayWidth(rest) > room
          ? truncate(segment.text, to: room, ellipsis: canvas.glyphs.ellipsis) : segment.text
        x += canvas.put(
          text: text, at: Point(x: x, y: rect.y + row), style: segment.style, maxWidth: room)
      }
    }
  }

  /// A pane frame whose title marks focus with the caret glyph and brackets (not colour
  /// alone). Returns the inner rect.
  static func pane(
    _ canvas: inout Canvas, _ rect: Rect, title: String, focused: Bool
  ) -> Rect {
    let shown = focused ? "\(canvas.glyphs.caret) [\(title)]" : title
    return canvas.box(
      rect, style: Style(fg: .role(focused ? .accent : .border)), title: shown,
      titleStyle: Style(role: .title, attributes: focused ? .bold : []))
  }

  /// `■3` style text of one severity count, or `·`/`.` for none: a glyph plus the compact
  /// count, never rounded to fewer digits (`1.3k` stays `1.3k`; the matrix columns fit it).
  static func severityCount(_ n: Int, _ severity: Severity, glyphs: GlyphSet) -> TableCell {
    guard n > 0 else { return TableCell(glyphs.isASCII ? "." : "·", role: .muted) }
    let count = Format.count(n)
    return TableCell(
      String(glyphs.severityGlyph(severity.rawValue)) + count, role: .severity(severity.rawValue))
  }

  /// Compact `C3 H12 M4` text of open findings, worst first (letters, never colour alone).
  static func severitySummary(_ counts: [Severity: Int]) -> String {
    let parts = Severity.worstFirst.compactMap { s -> String? in
      guard let n = counts[s], n > 0 else { return nil }
      return "\(s.letter)\(Format.count(n))"
    }
    return parts.isEmpty ? "-" : parts.joined(separator: " ")
  }

  /// The worst severity with a non-zero count.
  static func worst(_ counts: [Severity: Int]) -> Severity? {
    Severity.worstFirst.first { (counts[$0] ?? 0) > 0 }
  }

  /// `2026-11-29 14:05` from epoch seconds.
  static func minute(_ t: EpochSeconds) -> String {
    let iso = UTC.iso8601(t)
    return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5))
  }

  /// Age of `t` relative to `now`: `35m`, `5h`, `3d`.
  static func age(_ t: EpochSeconds, now: EpochSeconds) -> String {
    let s = max(0, now - t)
    if s < 3600 { return "\(s / 60)m" }
    if s < 86_400 { return "\(s / 3600)h" }
    return "\(s / 86_400)d"
  }

  /// Sums (or maxima) of `values` in buckets so at most `width` remain.
  static func bucket(_ values: [Double], width: Int, useMax: Bool = false) -> [Double] {
    guard width > 0, values.count > width else { return values }
    let size = (values.count + width - 1) / width
    return stride(from: 0, to: values.count, by: size).map { start in
      let chunk = values[start..<min(values.count, start + size)]
      return useMax ? (chunk.max() ?? 0) : chunk.reduce(0, +)
    }
  }

  /// Severity badge text: glyph plus label.
  static func severityLabel(_ s: Severity, glyphs: GlyphSet) -> String {
    String(glyphs.severityGlyph(s.rawValue)) + " " + s.rawValue.uppercased()
  }

  /// Severity in a narrow column: glyph plus the short label (`■ CRIT`, `◆ MED`), the
  /// same words the table headers use.
  static func severityShort(_ s: Severity, glyphs: GlyphSet) -> String {
    Badge.severity(s.rawValue, glyphs: glyphs).text
  }

  /// Visible rows of a table drawn in a rect of `height` with a header row.
  static func tableRows(_ height: Int) -> Int { max(1, height - 1) }
}
