import WardModel

extension CategoryMap {
  /// Tags SARIF tools put on rules, lowercased, and the category each says. Tried after the
  /// exact table and before the keyword list (docs/formats.md, "SARIF").
  public static let sarifTags: [(String, Category)] = [
    ("vulnerability", .dependencies), ("dependency", .dependencies), ("sca", .dependencies),
    ("supply-chain", .dependencies), ("secret", .secrets), ("secrets", .secrets),
    ("injection", .injection), ("cwe-78", .injection), ("cwe-79", .injection),
    ("cwe-89", .injection), ("cwe-94", .injection), ("cwe-22", .injection),
    ("cwe-918", .injection), ("cwe-798", .secrets), ("cwe-312", .secrets),
  ]

  /// The category of a SARIF rule: the exact table (Checkov ids and others), then its tags
  /// (``sarifTags``; a `CVE-`/`GHSA-` rule id counts as a vulnerability), then the keyword
  /// list on the id, name, short description and tags, then `injection`: a code-scanning
  /// result that says nothing else is a static-analysis (SAST) finding.
  public static func sarifCategory(ruleId: String, text: String, tags: [String]) -> Category {
    if let c = table[ruleId] { return c }
    if let last = ruleId.split(separator: "/").last, let c = table[String(last)] { return c }
    let upper = ruleId.uppercased()
    if upper.hasPrefix("CVE-") || upper.hasPrefix("GHSA-") { return .dependencies }
    for tag in tags.map({ $0.lowercased() }) {
      for (word, category) in sarifTags where tag == word || tag.hasPrefix(word + ":") {
        return category
      }
    }
    let haystack = ([ruleId, text] + tags).joined(separator: " ").lowercased()
    for (word, category) in keywords where haystack.contains(word) { return category }
    return .injection
  }
}
