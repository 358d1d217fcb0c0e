import WardModel
import WardUI

/// The alert an operator came from, drawn as a marker row under the hourly sparklines of
/// the function detail: `▲` (ASCII `^`) under every column whose hours overlap the alert,
/// so the window is shown by position and glyph, never by colour alone.
public struct AlertWindowMarker: Sendable, Hashable {
  public var start: EpochSeconds
  /// Nil while the alert is ongoing (it runs to the data's newest hour).
  public var end: EpochSeconds?

  public init(start: EpochSeconds, end: EpochSeconds?) {
    self.start = start
    self.end = end
  }

  /// The marker row for sparklines of `hours` hourly values from `from`, bucketed into at
  /// most `width` columns as ``RenderKit/bucket(_:width:useMax:)`` does, labelled like the
  /// metric rows (`labelWidth` columns), with the alert's start and duration after it.
  func line(from: EpochSeconds, hours: Int, width: Int, labelWidth: Int, glyphs: GlyphSet)
    -> TextLine
  {
    let size = hours > width && width > 0 ? (hours + width - 1) / width : 1
    let columns = (hours + size - 1) / size
    let last = end ?? (from + EpochSeconds(hours) * UTC.hour)
    let marks = (0..<columns).map { column -> Character in
      let bucketStart = from + EpochSeconds(column * size) * UTC.hour
      let bucketEnd = bucketStart + EpochSeconds(size) * UTC.hour
      return bucketStart < max(last, start + 1) && bucketEnd > start ? glyphs.arrowUp : " "
    }
    let inWindow = marks.contains(glyphs.arrowUp)
    let span =
      RenderKit.minute(start).suffix(11) + " " + AlertFacts.duration(start: start, end: end)
    return TextLine(pad("alert", to: labelWidth), style: Style(fg: .role(.warn), attributes: .bold))
      .then(pad(String(marks), to: width), style: Style(fg: .role(.warn), attributes: .bold))
      .then(inWindow ? " " + span : " " + span + " (outside this window)")
  }
}
