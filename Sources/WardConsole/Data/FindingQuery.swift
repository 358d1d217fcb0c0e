import WardModel
import WardStore

/// Parses the Findings `/` filter: free text plus `sev:` `cat:` `state:` `tenant:` `src:`
/// `changed:` `since:` `expiring:` tokens (`expiring:14d`: closed decisions that lapse
/// within 14 days; without a `state:` token it implies `state:closed`). Several values of one key are OR-ed (`sev:high sev:critical`, or
/// `sev:high,critical`); different keys are AND-ed. `state:open` (the default) means new,
/// acknowledged and in-progress; `state:all` lifts the state filter.
public enum FindingQuery {
  /// The filter for `text`, or a message naming the bad token. `tenant:` values match the
  /// start of a tenant name (case-insensitive) among `tenants`, the names in scope; with
  /// no names known they are taken as written.
  public static func parse(_ text: String, tenants known: [String] = [])
    -> Result<FindingFilter, FilterError>
  {
    var filter = FindingFilter.open
    var words: [String] = []
    var states: Set<TriageState>? = nil
    var stateAll = false
    var changeKinds: Set<ChangeKind>? = nil
    var anyChange = false
    var since: ChangeWindow? = nil
    for token in text.split(separator: " ").map(String.init) {
      guard let colon = token.firstIndex(of: ":"), colon != token.startIndex else {
        words.append(token)
        continue
      }
      let key = token[..<colon].lowercased()
      let values = token[token.index(after: colon)...].split(separator: ",").map {
        String($0).lowercased()
      }
      switch key {
      case "sev", "severity":
        for v in values {
          guard let s = Severity(lenient: v) ?? shortSeverity(v) else {
            return .failure(FilterError(message: "unknown severity `\(v)`"))
          }
          filter.severities = (filter.severities ?? []).union([s])
        }
      case "cat", "category":
        for v in values {
          guard
            let c = Category(rawValue: v)
              ?? Category.allCases.first(where: { $0.shortTitle.lowercased() == v })
          else {
            return .failure(FilterError(message: "unknown category `\(v)`"))
          }
          filter.categories = (filter.categories ?? []).union([c])
        }
      case "state":
        for v in values {
          if v == "all" {
            stateAll = true
          } else if let named = TriageState.states(named: v) {
            states = (states ?? []).union(named)
          } else {
            return .failure(FilterError(message: "unknown state `\(v)`"))
          }
        }
      case "tenant":
        for value in token[token.index(after: colon)...].split(separator: ",").map(String.init) {
          guard !known.isEmpty else {
            filter.tenants = (filter.tenants ?? []).union([value])
            continue
          }
          let matches = known.filter { $0.lowercased().hasPrefix(value.lowercased()) }
          guard !matches.isEmpty else {
            return .failure(FilterError(message: "no tenant starting with `\(value)` in scope"))
          }
          filter.tenants = (filter.tenants ?? []).union(matches)
        }
      case "src", "source":
        filter.sources = (filter.sources ?? []).union(values)
      case "changed", "change":
        for v in values {
          if v == "any" || v == "all" {
            anyChange = true
          } else if let kind = ChangeKind(rawValue: v) {
            changeKinds = (changeKinds ?? []).union([kind])
          } else {
            return .failure(
              FilterError(
                message:
                  "unknown change `\(v)` (new, resolved, reopened, lapsed, stale, triaged, any)"))
          }
        }
      case "expiring":
        guard values.count == 1, let within = Self.horizon(values[0]) else {
          return .failure(FilterError(message: "expiring: a window such as 14d or 48h"))
        }
        filter.expiringWithin = within
        if states == nil && !stateAll { states = Set(TriageState.allCases.filter { !$0.isOpen }) }
      case "since":
        guard values.count == 1, let window = changeWindow(values[0]) else {
          return .failure(FilterError(message: "since: a run id or a date YYYY-MM-DD"))
        }
        since = window
      default:
        words.append(token)
      }
    }
    filter.states = stateAll ? nil : (states ?? filter.states)
    if anyChange || changeKinds != nil || since != nil {
      filter.changes = ChangeSelection(
        kinds: anyChange ? nil : changeKinds, window: since ?? .previousRun)
    }
    let joined = words.joined(separator: " ")
    filter.text = joined.isEmpty ? nil : joined
    return .success(filter)
  }

  /// `since:` value: a run id (after that run) or a date or ISO 8601 time.
  private static func changeWindow(_ v: String) -> ChangeWindow? {
    if let id = Int64(v), id >= 0 { return .afterRun(id) }
    return UTC.parse(v.uppercased()).map { .since($0) }
  }

  /// `14d` or `48h` as seconds.
  static func horizon(_ v: String) -> EpochSeconds? {
    guard let unit = v.last, "dh".contains(unit), let n = Int64(v.dropLast()), n >= 0 else {
      return nil
    }
    return n * (unit == "d" ? UTC.day : UTC.hour)
  }

  private static func shortSeverity(_ v: String) -> Severity? {
    Severity.allCases.first { String($0.letter).lowercased() == v }
  }

  /// Completion candidates for the filter line.
  public static func tokenSuggestions(tenants: [String]) -> [String] {
    Severity.worstFirst.map { "sev:" + $0.rawValue }
      + Category.allCases.map { "cat:" + $0.rawValue }
      + ["state:open", "state:all", "state:closed"]
      + TriageState.allCases.map { "state:" + $0.rawValue }
      + tenants.map { "tenant:" + $0 } + [
        "src:ward", "src:prowler", "src:securityhub", "src:checkov",
      ] + ["expiring:14d"] + ChangeKind.allCases.map { "changed:" + $0.rawValue } + ["changed:any"]
  }
}

/// A filter the console could not understand.
public struct FilterError: Error, Sendable, Hashable {
  public var message: String
}
