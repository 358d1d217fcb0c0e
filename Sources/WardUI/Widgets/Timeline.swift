import Foundation

/// One event on a timeline.
public struct TimelineEntry: Sendable, Hashable {
  public var date: Date
  public var text: String
  public var role: Role?
  public init(date: Date, text: String, role: Role? = nil) {
    self.date = date
    self.text = text
    self.role = role
  }
}

/// A flattened timeline row: a day header or an entry.
public enum TimelineRow: Sendable, Hashable {
  /// `yyyy-MM-dd` of the day that follows.
  case day(String)
  case entry(time: String, TimelineEntry)
}

/// Events grouped under day headers (`── 2026-11-29 ──`), each shown as `HH:mm  text`.
///
/// Entries keep the caller's order (usually newest first); a header appears whenever the
/// day changes. Days and times are computed in `timeZone` (UTC by default).
public struct Timeline: Sendable, Hashable {
  public var entries: [TimelineEntry]
  public var timeZone: TimeZone
  /// Index into ``rows()`` of the first row drawn.
  public var scrollOffset: Int

  public init(entries: [TimelineEntry], timeZone: TimeZone = .gmt, scrollOffset: Int = 0) {
    self.entries = entries
    self.timeZone = timeZone
    self.scrollOffset = scrollOffset
  }

  /// Headers and entries in display order.
  public func rows() -> [TimelineRow] {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    var rows: [TimelineRow] = []
    var currentDay: String?
    for entry in entries {
      let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: entry.date)
      let day = String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
      if day != currentDay {
        rows.append(.day(day))
        currentDay = day
      }
      rows.append(.entry(time: String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0), entry))
    }
    return rows
  }

  public func render(into canvas: inout Canvas, rect: Rect) {
    guard !rect.isEmpty else { return }
    let all = rows()
    for (row, item) in all.dropFirst(max(0, scrollOffset)).prefix(rect.height).enumerated() {
      let y = rect.y + row
      switch item {
      case .day(let day):
        let rule = String(repeating: canvas.glyphs.horizontal, count: 2)
        let text = rule + " " + day + " "
        canvas.put(
          text: text, at: Point(x: rect.x, y: y), style: Style(role: .header), maxWidth: rect.width)
        let used = displayWidth(text)
        if used < rect.width {
          canvas.horizontalLine(
            at: Point(x: rect.x + used, y: y), length: rect.width - used,
            style: Style(role: .border))
        }
      case .entry(let time, let entry):
        canvas.put(
          text: "  " + time, at: Point(x: rect.x, y: y), style: Style(role: .muted),
          maxWidth: rect.width)
        let style = entry.role.map { Style(fg: .role($0)) } ?? .plain
        canvas.put(
          text: entry.text, at: Point(x: rect.x + 9, y: y), width: rect.width - 9,
          alignment: .left, style: style)
      }
    }
  }
}
