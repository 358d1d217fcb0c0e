/// The one policy for text that leaves Ward: the screen, table output, CSV, JSON, ASFF,
/// Markdown and CLI messages all decide "unsafe" with ``isUnsafe(_:)`` and differ only in
/// how they neutralise it (a visible placeholder, a `\uXXXX` escape, an HTML entity).
///
/// Unsafe means the set ``TextSanitizer/isControl(_:)`` defines: C0 controls (NUL, ESC,
/// ...), DEL, C1 controls (U+0080–U+009F, e.g. U+009B, a one-byte CSI) and the bidi
/// overrides, embeddings, isolates and marks plus U+2028/U+2029. Any of them reaching a
/// terminal can start an escape sequence (OSC 0/2/8/52, CSI, DCS) or reorder what is shown.
public enum OutputText {
  /// True when `scalar` must never leave Ward raw.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    TextSanitizer.isControl(scalar)
  }

  /// One line for a terminal: every unsafe character becomes its visible placeholder
  /// (the screen's rules), so a message quoting data cannot move the cursor or retitle it.
  public static func line(_ text: String) -> String {
    TextSanitizer().sanitize(text)
  }

  /// Several lines for a terminal: like ``line(_:)`` but line feeds are kept.
  public static func lines(_ text: String) -> String {
    keeping(["\n"], text)
  }

  /// Like ``line(_:)`` but the characters in `kept` (only TAB, LF or CR make sense) stay.
  static func keeping(_ kept: Set<Unicode.Scalar>, _ text: String) -> String {
    guard text.unicodeScalars.contains(where: { isUnsafe($0) && !kept.contains($0) }) else {
      return text
    }
    let sanitizer = TextSanitizer()
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if kept.contains(scalar) || !isUnsafe(scalar) {
        out.append(scalar)
      } else {
        out.append(contentsOf: sanitizer.sanitize(String(scalar)).unicodeScalars)
      }
    }
    return String(out)
  }

  /// `\uXXXX` (lower-case hex, four digits) for a BMP scalar, as JSON writes it.
  static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16)
    return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }
}
