import WardModel

/// A triage rule's match as one SQL condition over `findings f JOIN tenants t` (and
/// `functions fn` for tags), with its binds: the whole policy is decided in one query.
///
/// Globs become SQLite `GLOB` patterns (`*`, `?`; a `[` is escaped as `[[]`, so classes are
/// never read into a rule's text).
struct TriageRuleSQL {
  private(set) var filter = SQLFilter()

  init(_ m: TriageRuleMatch) {
    any("t.name", m.tenants)
    any("f.account", m.accounts)
    any("f.region", m.regions)
    any("f.source", m.sources)
    any("f.rule_id", m.rules)
    if !m.resources.isEmpty {
      let one = "(f.resource GLOB ? OR f.function_arn GLOB ?)"
      filter.add(
        "(" + Array(repeating: one, count: m.resources.count).joined(separator: " OR ") + ")",
        m.resources.flatMap { [.text(Self.glob($0)), .text(Self.glob($0))] })
    }
    any(
      "substr(f.function_arn, instr(f.function_arn, ':function:') + 10)", m.functions,
      guardedBy: "instr(f.function_arn, ':function:') > 0")
    if !m.categories.isEmpty { filter.oneOf("f.category", m.categories.map { .text($0.rawValue) }) }
    if !m.severities.isEmpty {
      filter.oneOf("f.severity", m.severities.map { .integer(Int64($0.rank)) })
    }
    for (key, value) in m.labels.sorted(by: { $0.key < $1.key }) {
      filter.add(
        "json_extract(t.labels, ?) GLOB ?", [.text(Self.jsonPath(key)), .text(Self.glob(value))])
    }
    for (key, value) in m.tags.sorted(by: { $0.key < $1.key }) {
      filter.add(
        "json_extract(fn.tags, ?) GLOB ?", [.text(Self.jsonPath(key)), .text(Self.glob(value))])
    }
  }

  /// The condition (`1 = 1` when nothing is constrained; a rule's match never is).
  var sql: String { filter.clauses.isEmpty ? "1 = 1" : filter.clauses.joined(separator: " AND ") }
  var binds: [SQLValue] { filter.binds }

  private mutating func any(
    _ column: String, _ globs: [String], guardedBy guardClause: String? = nil
  ) {
    guard !globs.isEmpty else { return }
    let alternatives = Array(repeating: "\(column) GLOB ?", count: globs.count)
      .joined(separator: " OR ")
    filter.add(
      "(" + (guardClause.map { "\($0) AND " } ?? "") + "(\(alternatives)))",
      globs.map { .text(Self.glob($0)) })
  }

  /// Ward's glob (`*`, `?`, all else literal) as a SQLite GLOB pattern.
  static func glob(_ text: String) -> String {
    text.replacingOccurrences(of: "[", with: "[[]")
  }

  /// A JSON path naming one object key, quoted so dots and spaces in keys stay literal.
  static func jsonPath(_ key: String) -> String {
    "$.\""
      + key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
        of: "\"", with: "\\\"") + "\""
  }
}
