extension OutputText {
  /// Markdown punctuation that could start a link, an image, code, emphasis or a table
  /// cell boundary; each is backslash-escaped (CommonMark allows it for any ASCII
  /// punctuation), so data stays literal text.
  static let markdownPunctuation: Set<Unicode.Scalar> = [
    "\\", "`", "*", "_", "[", "]", "(", ")", "!", "#", "~", "|",
  ]

  /// Text from data for a Markdown document: on one line, unsafe characters as visible
  /// placeholders, HTML special characters as entities (no raw HTML, no `<img>`, no
  /// `<script>`, no `<javascript:...>` autolink), Markdown punctuation escaped (no link
  /// or image syntax from data). GitHub-flavoured viewers may still autolink a bare
  /// `http(s)://` or `www.` URL in the text; they autolink no other scheme, so no
  /// `javascript:` or `data:` link can come from data.
  public static func markdown(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\n", "\r", "\t": out += " "
      default:
        if markdownPunctuation.contains(u) {
          out += "\\" + String(u)
        } else if isUnsafe(u) {
          out += line(String(u))
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out
  }
}
