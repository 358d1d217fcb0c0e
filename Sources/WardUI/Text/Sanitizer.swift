/// Makes untrusted text safe to draw.
///
/// Every string that reaches a ``Canvas`` passes through here, so data (function names,
/// titles, notes) can never move the cursor, retitle the window or recolour the screen.
/// Control characters become visible placeholders:
///
/// | input | Unicode mode | ASCII mode |
/// |---|---|---|
/// | tab | space | space |
/// | other C0 (U+0000–U+001F), e.g. ESC | Control Pictures `␀`…`␟` (ESC is `␛`) | `?` |
/// | DEL U+007F | `␡` | `?` |
/// | C1 U+0080–U+009F | `�` | `?` |
/// | bidi controls, U+2028/U+2029 | `⍰` | `?` |
///
/// In ASCII mode (a non-UTF-8 locale) common punctuation gets an ASCII stand-in (`·` is
/// `-`, `…` is `~`, `→` is `>`) and every other non-ASCII character becomes `?`, because
/// the terminal could not show it.
public struct TextSanitizer: Sendable, Hashable {
  /// Whether the output must be plain printable ASCII.
  public var asciiOnly: Bool

  /// A sanitiser for a Unicode terminal (`asciiOnly: false`) or an ASCII one.
  public init(asciiOnly: Bool = false) { self.asciiOnly = asciiOnly }

  /// Placeholder for C1 controls and other invisible characters in Unicode mode.
  public static let replacement: Unicode.Scalar = "\u{FFFD}"
  /// Placeholder for bidi and line-separator controls in Unicode mode.
  public static let bidiPlaceholder: Unicode.Scalar = "\u{2370}"

  /// Returns `text` with every unsafe character replaced; safe text is returned unchanged.
  public func sanitize(_ text: String) -> String {
    if !needsWork(text) { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { out.append(replacement(for: scalar)) }
    return String(out)
  }

  /// True when `scalar` can never be drawn as-is.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return v < 0x20 || (0x7F...0x9F).contains(v) || isBidiOrSeparator(v)
  }

  /// ASCII stand-ins for common punctuation, so text such as `DEMO · READ-ONLY` stays
  /// readable on an ASCII terminal; everything else non-ASCII becomes `?`.
  static let asciiFallback: [UInt32: Unicode.Scalar] = [
    0x00B7: "-", 0x2022: "*", 0x2013: "-", 0x2014: "-", 0x2026: "~", 0x2192: ">", 0x2190: "<",
    0x00D7: "x", 0x2018: "'", 0x2019: "'", 0x201C: "\"", 0x201D: "\"", 0x00A0: " ",
  ]

  private static func isBidiOrSeparator(_ v: UInt32) -> Bool {
    (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E
      || v == 0x200F || v == 0x061C || v == 0x2028 || v == 0x2029
  }

  private func needsWork(_ text: String) -> Bool {
    for scalar in text.unicodeScalars {
      if asciiOnly ? !(0x20..<0x7F).contains(scalar.value) : Self.isControl(scalar) {
        return true
      }
    }
    return false
  }

  private func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar {
    let v = scalar.value
    if v == 0x09 { return " " }
    if asciiOnly { return (0x20..<0x7F).contains(v) ? scalar : (Self.asciiFallback[v] ?? "?") }
    if v < 0x20 { return Unicode.Scalar(0x2400 + v) ?? Self.replacement }
    if v == 0x7F { return "\u{2421}" }
    if v <= 0x9F && v >= 0x80 { return Self.replacement }
    if Self.isBidiOrSeparator(v) { return Self.bidiPlaceholder }
    return scalar
  }
}
