/// A one-row chart of values as block heights (`▁▂▃▄▅▆▇█`, or ` .:-=+*#` in ASCII).
///
/// When there are more values than columns, the most recent (last) values are shown.
/// `NaN` means "no data" and is drawn as a space.
public struct Sparkline: Sendable, Hashable {
  public var values: [Double]
  /// Value drawn as the lowest level; nil uses `min(0, smallest value)`.
  public var lowerBound: Double?
  /// Value drawn as the highest level; nil uses the largest value.
  public var upperBound: Double?
  public var style: Style

  public init(
    values: [Double], lowerBound: Double? = nil, upperBound: Double? = nil,
    style: Style = Style(fg: .role(.sparkline))
  ) {
    self.values = values
    self.lowerBound = lowerBound
    self.upperBound = upperBound
    self.style = style
  }

  /// Level index 0..<levels for each value (nil for NaN), scaled between the bounds.
  public func levels(count levels: Int, width: Int) -> [Int?] {
    let shown = Array(values.suffix(max(0, width)))
    let finite = shown.filter { $0.isFinite }
    guard levels > 0, let smallest = finite.min(), let largest = finite.max() else {
      return shown.map { _ in nil }
    }
    let low = lowerBound ?? min(0, smallest)
    let high = upperBound ?? largest
    return shown.map { value in
      guard value.isFinite else { return nil }
      guard high > low else { return value > low ? levels - 1 : 0 }
      let fraction = (min(max(value, low), high) - low) / (high - low)
      // A span beyond Double's range (±1e308) makes inf/inf: show the top level.
      guard fraction.isFinite else { return levels - 1 }
      return Int((min(max(fraction, 0), 1) * Double(levels - 1)).rounded())
    }
  }

  /// The sparkline as text for `width` columns using `glyphs`.
  public func text(width: Int, glyphs: GlyphSet) -> String {
    let ramp = glyphs.sparkline
    return String(levels(count: ramp.count, width: width).map { $0.map { ramp[$0] } ?? " " })
  }

  /// Draws the sparkline on the first row of `rect`, right-aligned so the newest value is
  /// at the right edge.
  public func render(into canvas: inout Canvas, rect: Rect) {
    guard !rect.isEmpty else { return }
    let line = text(width: rect.width, glyphs: canvas.glyphs)
    let x = rect.maxX - line.count
    canvas.put(text: line, at: Point(x: x, y: rect.y), style: style, maxWidth: rect.width)
  }
}
