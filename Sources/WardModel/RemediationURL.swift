/// The first `http://` or `https://` URL in a finding's remediation text (Security Hub's
/// `Remediation.Recommendation.Url`, Prowler's and Checkov's links), whole: for the
/// console's `y` and ASFF export. Markdown link syntax and trailing punctuation are not
/// part of it.
public enum RemediationURL {
  public static func first(in text: String) -> String? {
    guard let start = text.range(of: "https://") ?? text.range(of: "http://") else { return nil }
    let rest = text[start.lowerBound...]
    let stops: Set<Character> = [" ", "\n", "\t", ")", "]", ">", "\"", "'", "`"]
    var url = String(rest.prefix { !stops.contains($0) })
    while let last = url.last, ".,;:!?".contains(last) { url.removeLast() }
    return url.count > "https://".count ? url : nil
  }
}
