/// Text attributes a terminal can show without colour.
public struct TextAttributes: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }
  public static let bold = TextAttributes(rawValue: 1)
  public static let dim = TextAttributes(rawValue: 2)
  public static let reverse = TextAttributes(rawValue: 4)
  public static let underline = TextAttributes(rawValue: 8)

  /// Parses `bold`, `dim`, `reverse`, `underline` (also `normal`/`none` = no attribute).
  public init?(name: String) {
    switch name.lowercased() {
    case "bold": self = .bold
    case "dim": self = .dim
    case "reverse": self = .reverse
    case "underline": self = .underline
    case "normal", "none": self = []
    default: return nil
    }
  }
}

/// How a cell looks, in theme terms: colours by role or fixed value, plus attributes.
///
/// `Style(role: .header)` takes the header role's foreground, background and attributes.
/// A ``Theme`` turns a Style into a ``ResolvedStyle`` for a given ``ColorDepth``.
public struct Style: Sendable, Hashable {
  public var fg: Paint
  public var bg: Paint
  /// Attributes added on top of those of the roles named by `fg` and `bg`.
  public var attributes: TextAttributes

  public init(
    fg: Paint = .role(.text), bg: Paint = .role(.background), attributes: TextAttributes = []
  ) {
    self.fg = fg
    self.bg = bg
    self.attributes = attributes
  }

  /// Foreground, background and attributes all from `role`.
  public init(role: Role, attributes: TextAttributes = []) {
    self.init(fg: .role(role), bg: .role(role), attributes: attributes)
  }

  /// Plain text on the background.
  public static let plain = Style()

  /// This style with `extra` attributes added.
  public func adding(_ extra: TextAttributes) -> Style {
    var copy = self
    copy.attributes.formUnion(extra)
    return copy
  }
}

/// A colour after theme and colour depth have been applied.
public enum ResolvedColor: Sendable, Hashable {
  case terminalDefault
  case indexed(UInt8)
  case rgb(UInt8, UInt8, UInt8)
}

/// What a backend actually draws: concrete colours at the terminal's depth, and attributes.
public struct ResolvedStyle: Sendable, Hashable {
  public var fg: ResolvedColor
  public var bg: ResolvedColor
  public var attributes: TextAttributes
  public init(fg: ResolvedColor, bg: ResolvedColor, attributes: TextAttributes) {
    self.fg = fg
    self.bg = bg
    self.attributes = attributes
  }
}
