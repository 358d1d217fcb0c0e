/// A concrete terminal colour: one of the 256 indexed colours or a 24-bit RGB value.
public enum Color: Sendable, Hashable {
  /// Palette index 0–255 (0–15 are the ANSI colours, 16–231 the 6×6×6 cube, 232–255 greys).
  case indexed(UInt8)
  /// 24-bit colour.
  case rgb(UInt8, UInt8, UInt8)

  /// The 16 ANSI colour names accepted in theme files, by palette index.
  public static let names: [String] = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    "brightblack", "brightred", "brightgreen", "brightyellow", "brightblue", "brightmagenta",
    "brightcyan", "brightwhite",
  ]

  /// Parses `#rrggbb`, a palette index `0`–`255`, or an ANSI name such as `red`,
  /// `brightred` (also `bright-red`, `bright_red`, `grey`/`gray` for `brightblack`).
  /// Returns nil for anything else (`default` is handled by ``Paint``).
  public init?(parsing text: String) {
    let s = text.trimmingCharacters(in: .whitespaces).lowercased()
    if s.hasPrefix("#") {
      let hex = s.dropFirst()
      guard hex.count == 6, let v = UInt32(hex, radix: 16) else { return nil }
      self = .rgb(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
      return
    }
    if let n = Int(s) {
      guard (0...255).contains(n) else { return nil }
      self = .indexed(UInt8(n))
      return
    }
    let name = s.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
    if name == "grey" || name == "gray" {
      self = .indexed(8)
      return
    }
    guard let index = Self.names.firstIndex(of: name) else { return nil }
    self = .indexed(UInt8(index))
  }

  /// The RGB value of this colour (indexed colours use the xterm default palette).
  public var rgbValue: (r: UInt8, g: UInt8, b: UInt8) {
    switch self {
    case .rgb(let r, let g, let b): return (r, g, b)
    case .indexed(let n): return Palette.xtermRGB(n)
    }
  }
}

/// Where a style takes a colour from.
public enum Paint: Sendable, Hashable {
  /// The terminal's own default foreground or background (`use_default_colors`).
  case terminalDefault
  /// The colour the theme gives a semantic role.
  case role(Role)
  /// A fixed colour.
  case color(Color)
}
