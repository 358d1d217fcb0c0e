import WardModel

/// The long fields of a finding that JSON and CSV output carry after the list columns:
/// description, evidence, remediation and the URLs they mention (each whole, in order).
let findingDetailKeys = ["description", "evidence", "remediation", "urls"]

/// The values of ``findingDetailKeys`` for one finding.
func findingDetailFields(_ f: Finding) -> [(String, Record.Value)] {
  [
    ("description", .string(f.description)), ("evidence", .string(f.evidence)),
    ("remediation", .string(f.remediation)),
    ("urls", .strings(urls(in: [f.description, f.evidence, f.remediation]))),
  ]
}

/// The distinct `http://` and `https://` URLs in `texts`, in order of appearance, with
/// trailing punctuation that ends a sentence removed.
func urls(in texts: [String]) -> [String] {
  var out: [String] = []
  for text in texts {
    for word in text.split(whereSeparator: { $0.isWhitespace || $0 == "<" || $0 == ">" }) {
      guard let start = word.range(of: "https://") ?? word.range(of: "http://") else { continue }
      var url = String(word[start.lowerBound...])
      while let last = url.last, ".,;:)]}'\"".contains(last) { url.removeLast() }
      if url.count > "https://".count, !out.contains(url) { out.append(url) }
    }
  }
  return out
}
