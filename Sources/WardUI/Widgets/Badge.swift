/// A short label drawn in reverse video with its role's colours, e.g. ` RO `, ` DEMO `,
/// ` ■ CRIT `. Readable on monochrome terminals because of the reverse attribute.
public struct Badge: Sendable, Hashable {
  public var text: String
  public var role: Role
  public init(_ text: String, role: Role = .badge) {
    self.text = text
    self.role = role
  }

  /// A severity badge: shape glyph plus upper-case short label (never colour alone).
  public static func severity(_ id: String, glyphs: GlyphSet) -> Badge {
    let labels = [
      "critical": "CRIT", "high": "HIGH", "medium": "MED", "low": "LOW", "info": "INFO",
    ]
    return Badge(
      String(glyphs.severityGlyph(id)) + " " + (labels[id] ?? id.uppercased()),
      role: .severity(id))
  }

  /// Columns the badge takes (text plus one space each side).
  public var width: Int { displayWidth(text) + 2 }

  /// Draws at `point`, at most `maxWidth` columns; returns the columns used.
  @discardableResult
  public func render(into canvas: inout Canvas, at point: Point, maxWidth: Int? = nil) -> Int {
    canvas.put(
      text: " " + text + " ", at: point, style: Style(fg: .role(role), attributes: .reverse),
      maxWidth: maxWidth)
  }
}
