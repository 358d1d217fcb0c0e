/// A key and what it does, for the hint bar.
public struct KeyHint: Sendable, Hashable {
  public var key: String
  public var label: String
  public init(_ key: String, _ label: String) {
    self.key = key
    self.label = label
  }
}

/// A bar of key hints: `q quit  / filter  ? help`. Hints that do not fit are dropped from
/// the end rather than cut mid-word.
public struct KeyHints: Sendable, Hashable {
  public var hints: [KeyHint]
  public init(_ hints: [KeyHint]) { self.hints = hints }

  /// Draws on the first row of `rect`; returns the columns used.
  @discardableResult
  public func render(into canvas: inout Canvas, rect: Rect, style: Style = .plain) -> Int {
    guard !rect.isEmpty else { return 0 }
    var x = rect.x
    for hint in hints {
      let key = canvas.sanitizer.sanitize(hint.key)
      let label = canvas.sanitizer.sanitize(hint.label)
      let needed = displayWidth(key) + 1 + displayWidth(label) + (x == rect.x ? 0 : 2)
      if x + needed > rect.maxX { break }
      if x != rect.x { x += 2 }
      x += canvas.put(
        text: key, at: Point(x: x, y: rect.y),
        style: Style(fg: .role(.key), bg: style.bg, attributes: .bold))
      x += 1
      x += canvas.put(text: label, at: Point(x: x, y: rect.y), style: style)
    }
    return x - rect.x
  }
}

/// A one-row status bar: left text, right text (right-aligned), in the status role.
/// When both do not fit, the left text is truncated first.
public struct StatusLine: Sendable, Hashable {
  public var left: String
  public var right: String
  public var role: Role
  public init(left: String, right: String = "", role: Role = .statusBar) {
    self.left = left
    self.right = right
    self.role = role
  }

  public func render(into canvas: inout Canvas, rect: Rect) {
    guard !rect.isEmpty else { return }
    let style = Style(role: role)
    canvas.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: style)
    let safeRight = truncate(
      canvas.sanitizer.sanitize(right), to: rect.width, ellipsis: canvas.glyphs.ellipsis)
    let rightWidth = displayWidth(safeRight)
    canvas.put(text: safeRight, at: Point(x: rect.maxX - rightWidth, y: rect.y), style: style)
    let leftWidth = rect.width - rightWidth - (rightWidth > 0 ? 1 : 0)
    if leftWidth > 0 {
      canvas.put(
        text: left, at: Point(x: rect.x, y: rect.y), width: leftWidth, alignment: .left,
        style: style)
    }
  }
}
