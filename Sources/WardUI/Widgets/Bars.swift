/// One labelled horizontal bar.
public struct BarItem: Sendable, Hashable {
  public var label: String
  public var value: Double
  /// Text shown after the bar (e.g. `Format.count(value)`).
  public var valueText: String
  public var role: Role
  public init(label: String, value: Double, valueText: String, role: Role = .bar) {
    self.label = label
    self.value = value
    self.valueText = valueText
    self.role = role
  }
}

/// Horizontal bars, one per row: `label  ████▍     value`. Bars scale to `maximum` (the
/// largest value when nil), with eighth-block precision in Unicode.
public struct Bars: Sendable, Hashable {
  public var items: [BarItem]
  public var maximum: Double?
  public var labelWidth: Int?

  public init(items: [BarItem], maximum: Double? = nil, labelWidth: Int? = nil) {
    self.items = items
    self.maximum = maximum
    self.labelWidth = labelWidth
  }

  /// The bar text for `value` in `width` columns.
  public static func bar(value: Double, maximum: Double, width: Int, glyphs: GlyphSet) -> String {
    guard width > 0, maximum > 0, maximum.isFinite || value.isFinite, value > 0 else { return "" }
    let eighths = Int((min(value, maximum) / maximum * Double(width * 8)).rounded())
    var text = String(repeating: glyphs.barFull, count: eighths / 8)
    if eighths % 8 > 0 {
      let partial = glyphs.barEighths[eighths % 8]
      if partial != " " { text.append(partial) }
    }
    return text
  }

  public func render(into canvas: inout Canvas, rect: Rect) {
    guard !rect.isEmpty else { return }
    let top = maximum ?? items.map(\.value).max() ?? 0
    let labelColumns = min(
      labelWidth ?? (items.map { displayWidth($0.label) }.max() ?? 0), rect.width / 3)
    let valueColumns = items.map { displayWidth($0.valueText) }.max() ?? 0
    let barColumns = max(0, rect.width - labelColumns - valueColumns - 2)
    for (row, item) in items.prefix(rect.height).enumerated() {
      let y = rect.y + row
      canvas.put(
        text: item.label, at: Point(x: rect.x, y: y), width: labelColumns, alignment: .left)
      let bar = Self.bar(value: item.value, maximum: top, width: barColumns, glyphs: canvas.glyphs)
      canvas.put(
        text: bar, at: Point(x: rect.x + labelColumns + 1, y: y),
        style: Style(fg: .role(item.role)),
        maxWidth: barColumns)
      canvas.put(
        text: item.valueText, at: Point(x: rect.maxX - valueColumns, y: y), width: valueColumns,
        alignment: .right)
    }
  }
}
