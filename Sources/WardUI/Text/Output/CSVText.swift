extension OutputText {
  /// Characters that make a spreadsheet treat a cell as a formula when they come first
  /// (OWASP "CSV injection"): `= + - @`, TAB, CR, LF and the full-width `＝ ＋ － ＠`.
  static let formulaStarts: Set<Unicode.Scalar> = [
    "=", "+", "-", "@", "\t", "\r", "\n", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}",
  ]

  /// Blanks a spreadsheet skips before it looks for a formula start.
  static let leadingBlanks: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{3000}"]

  /// One CSV field (RFC 4180), safe for a terminal and a spreadsheet:
  /// - unsafe characters become visible placeholders (TAB, CR and LF are kept, quoted);
  /// - a cell whose first character after leading spaces (including NBSP) is a formula
  ///   start gets a leading `'`, unless the whole cell is a plain number such as `-3.5`;
  /// - a cell holding a comma, quote or line break is quoted, quotes doubled.
  public static func csvField(_ s: String) -> String {
    var v = keeping(["\t", "\r", "\n"], s)
    if startsFormula(v), Double(v) == nil { v = "'" + v }
    if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return v
  }

  /// True when a spreadsheet could read `s` as a formula.
  public static func startsFormula(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first(where: { !leadingBlanks.contains($0) }) else {
      return false
    }
    return formulaStarts.contains(first)
  }
}
