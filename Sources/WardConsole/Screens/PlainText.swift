/// Markdown as the plain text a terminal should show: Prowler and Checkov write their
/// descriptions and remediations in Markdown, and `**bold**` or `[link](url)` read badly raw.
enum PlainText {
  /// `text` without emphasis markers (`**`, `__`, backticks), heading hashes, and with
  /// links as `label (url)` (just `url` when the label is the URL). Single `*`/`_` inside
  /// words (`a_b`, `s3:*`) are kept: only paired markers are emphasis.
  static func fromMarkdown(_ text: String) -> String {
    var out = ""
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      if index > 0 { out += "\n" }
      out += plainLine(String(line))
    }
    return out
  }

  private static func plainLine(_ line: String) -> String {
    var s = line
    // Headings: "## Title" -> "Title".
    let hashes = s.prefix { $0 == "#" }.count
    if hashes > 0, hashes <= 6, s.dropFirst(hashes).first == " " {
      s = String(s.dropFirst(hashes + 1))
    }
    s = links(s)
    for marker in ["**", "__", "`"] {
      // Only balanced markers are emphasis; an odd one out stays as written.
      let parts = s.components(separatedBy: marker)
      if parts.count >= 3 {
        let pairs = (parts.count - 1) / 2 * 2
        s = parts.enumerated().map { i, part in
          i == 0 ? part : (i <= pairs ? "" : marker) + part
        }.joined()
      }
    }
    return s
  }

  /// `[label](url)` -> `label (url)`, or `url` when the label says the same.
  private static func links(_ s: String) -> String {
    var out = ""
    var rest = Substring(s)
    while let open = rest.firstIndex(of: "[") {
      guard let close = rest[open...].firstIndex(of: "]"),
        rest.index(after: close) < rest.endIndex, rest[rest.index(after: close)] == "(",
        let end = rest[close...].firstIndex(of: ")")
      else { break }
      let label = rest[rest.index(after: open)..<close]
      let url = rest[rest.index(close, offsetBy: 2)..<end]
      out += rest[..<open]
      out += label == url || label.isEmpty ? String(url) : "\(label) (\(url))"
      rest = rest[rest.index(after: end)...]
    }
    return out + rest
  }
}
