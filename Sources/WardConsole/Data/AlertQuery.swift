import WardModel
import WardStore

/// Parses the Alerts `/` filter: free text (title, detail, kind) plus `sev:` `kind:`
/// `tenant:` `fn:` tokens; values of one key are OR-ed (`sev:high,critical`), keys AND-ed.
public enum AlertQuery {
  /// The filter for `text`, or a message naming the bad token. `tenant:` matches the start
  /// of a name among `tenants` (as written when none are known); `fn:` a part of the
  /// function's name.
  public static func parse(_ text: String, tenants known: [String] = [])
    -> Result<AlertFilter, FilterError>
  {
    var filter = AlertFilter()
    var words: [String] = []
    for token in text.split(separator: " ").map(String.init) {
      guard let colon = token.firstIndex(of: ":"), colon != token.startIndex else {
        words.append(token)
        continue
      }
      let values = token[token.index(after: colon)...].split(separator: ",").map(String.init)
      switch token[..<colon].lowercased() {
      case "sev", "severity":
        for v in values {
          guard
            let s = Severity(lenient: v)
              ?? Severity.allCases.first(where: { String($0.letter).lowercased() == v.lowercased() }
              )
          else { return .failure(FilterError(message: "unknown severity `\(v)`")) }
          filter.severities = (filter.severities ?? []).union([s])
        }
      case "kind":
        filter.kinds = (filter.kinds ?? []).union(values.map { $0.lowercased() })
      case "tenant":
        for v in values {
          let matches =
            known.isEmpty
            ? [v] : known.filter { $0.lowercased().hasPrefix(v.lowercased()) }
          guard !matches.isEmpty else {
            return .failure(FilterError(message: "no tenant starting with `\(v)` in scope"))
          }
          filter.tenants = (filter.tenants ?? []).union(matches)
        }
      case "fn", "function":
        filter.functionName = values.joined(separator: ",")
      default:
        words.append(token)
      }
    }
    let joined = words.joined(separator: " ")
    filter.text = joined.isEmpty ? nil : joined
    return .success(filter)
  }
}
