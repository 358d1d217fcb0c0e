/// The characters widgets draw with: Unicode, or plain ASCII for terminals and locales that
/// cannot show more (btop's tty mode, k9s' `noIcons`).
public struct GlyphSet: Sendable, Hashable {
  /// True for the ASCII set; a ``Canvas`` then also sanitises data text to ASCII.
  public var isASCII: Bool
  public var horizontal: Character
  public var vertical: Character
  public var topLeft: Character
  public var topRight: Character
  public var bottomLeft: Character
  public var bottomRight: Character
  /// Sparkline levels, lowest first.
  public var sparkline: [Character]
  /// A full bar cell and partial eighths (index 1 = one eighth ... 7 = seven eighths).
  public var barFull: Character
  public var barEighths: [Character]
  public var ellipsis: String
  public var arrowUp: Character
  public var arrowDown: Character
  public var arrowLeft: Character
  public var arrowRight: Character
  /// The selected row's caret.
  public var caret: Character
  /// A marked (multi-selected) row.
  public var mark: Character
  public var check: Character
  public var cross: Character
  /// Severity shapes by id (`critical`, `high`, `medium`, `low`, `info`): distinct shapes so
  /// severity never depends on colour alone.
  public var severity: [String: Character]

  /// Box drawing, block sparklines and geometric shapes.
  public static let unicode = GlyphSet(
    isASCII: false, horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
    bottomLeft: "└", bottomRight: "┘", sparkline: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
    barFull: "█", barEighths: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"], ellipsis: "…",
    arrowUp: "▲", arrowDown: "▼", arrowLeft: "◀", arrowRight: "▶", caret: "▶", mark: "●",
    check: "✓", cross: "✗",
    severity: ["critical": "■", "high": "▲", "medium": "◆", "low": "▽", "info": "○"])

  /// Printable ASCII only.
  public static let ascii = GlyphSet(
    isASCII: true, horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
    bottomLeft: "+", bottomRight: "+", sparkline: [" ", ".", ":", "-", "=", "+", "*", "#"],
    barFull: "#", barEighths: [" ", " ", " ", " ", "-", "-", "-", "-"], ellipsis: "~",
    arrowUp: "^", arrowDown: "v", arrowLeft: "<", arrowRight: ">", caret: ">", mark: "*",
    check: "+", cross: "x",
    severity: ["critical": "#", "high": "!", "medium": "*", "low": "-", "info": "."])

  /// The glyph for a severity id, or `?` for an unknown one.
  public func severityGlyph(_ id: String) -> Character { severity[id] ?? "?" }

  /// `.ascii` when `forceASCII` (`--ascii`) or the locale is not UTF-8, else `.unicode`.
  ///
  /// The locale is the first non-empty of `LC_ALL`, `LC_CTYPE`, `LANG` (POSIX order); none
  /// set means the C locale, which is ASCII.
  public static func detect(env: [String: String], forceASCII: Bool = false) -> GlyphSet {
    if forceASCII { return .ascii }
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { env[$0] }.first {
      !$0.isEmpty
    }
    guard let locale else { return .ascii }
    let normalized = locale.lowercased().replacingOccurrences(of: "-", with: "")
    return normalized.contains("utf8") ? .unicode : .ascii
  }
}
