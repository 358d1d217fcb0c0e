/// How many colours the terminal can show. Ordered: `mono < c16 < c256 < truecolor`.
public enum ColorDepth: Int, Sendable, Hashable, Comparable, CaseIterable {
  /// No colour: roles map to bold, dim, reverse and underline only.
  case mono
  /// The 16 ANSI colours.
  case c16
  /// The xterm 256-colour palette.
  case c256
  /// 24-bit colour.
  case truecolor

  public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }

  /// The `--color` option: `auto`, `never`, `16`, `256`, `truecolor`.
  public enum Override: String, Sendable, Hashable, CaseIterable {
    case auto, never
    case c16 = "16"
    case c256 = "256"
    case truecolor
  }

  /// Picks the depth to use.
  ///
  /// Order: an explicit `override` wins; then no TTY, `NO_COLOR` (any non-empty value) or
  /// `TERM=dumb` give `.mono`; `COLORTERM=truecolor|24bit` gives `.truecolor`; otherwise
  /// terminfo's `colors` (≥ 2^24 truecolor, ≥ 256, ≥ 8 → 16); without terminfo a `TERM`
  /// containing `256color` gives `.c256`, any other non-empty `TERM` `.c16`.
  public static func detect(
    env: [String: String], terminfoColors: Int?, isTTY: Bool, override: Override = .auto
  ) -> ColorDepth {
    switch override {
    case .never: return .mono
    case .c16: return .c16
    case .c256: return .c256
    case .truecolor: return .truecolor
    case .auto: break
    }
    if !isTTY { return .mono }
    if let noColor = env["NO_COLOR"], !noColor.isEmpty { return .mono }
    let term = env["TERM"] ?? ""
    if term == "dumb" { return .mono }
    let colorTerm = (env["COLORTERM"] ?? "").lowercased()
    if colorTerm == "truecolor" || colorTerm == "24bit" { return .truecolor }
    if let colors = terminfoColors {
      if colors >= 1 << 24 { return .truecolor }
      if colors >= 256 { return .c256 }
      if colors >= 8 { return .c16 }
      return .mono
    }
    if term.contains("256color") { return .c256 }
    return term.isEmpty ? .mono : .c16
  }

  /// `color` as this depth can show it (`.mono` gives the terminal default).
  public func downsample(_ color: Color) -> ResolvedColor {
    switch (self, color) {
    case (.mono, _): return .terminalDefault
    case (.truecolor, .rgb(let r, let g, let b)): return .rgb(r, g, b)
    case (.truecolor, .indexed(let n)), (.c256, .indexed(let n)): return .indexed(n)
    case (.c256, .rgb(let r, let g, let b)): return .indexed(Palette.nearest256(r: r, g: g, b: b))
    case (.c16, .indexed(let n)) where n < 16: return .indexed(n)
    case (.c16, _):
      let v = color.rgbValue
      return .indexed(Palette.nearest16(r: v.r, g: v.g, b: v.b))
    }
  }
}
