import WardModel

/// A triage rule's match as one SQL condition over `findings f`, with its binds: the whole
/// policy is decided in one query. Tenant and function matchers (names, labels, tags) are
/// uncorrelated `IN (SELECT ...)` subqueries, which SQLite evaluates once per query rather
/// than parsing a label's JSON once per finding.
///
/// Globs become SQLite `GLOB` patterns (`*`, `?`; a `[` is escaped as `[[]`, so classes are
/// never read into a rule's text).
struct TriageRuleSQL {
  private(set) var filter = SQLFilter()

  /// Nothing constrained yet (for the tenant and function subqueries).
  private init() {}

  init(_ m: TriageRuleMatch) {
    if !m.tenants.isEmpty || !m.labels.isEmpty {
      var tenants = TriageRuleSQL()
      tenants.any("name", m.tenants)
      for (key, value) in m.labels.sorted(by: { $0.key < $1.key }) {
        tenants.filter.add(
          "json_extract(labels, ?) GLOB ?",
          [SQLValue.text(Self.jsonPath(key)), SQLValue.text(Self.glob(value))])
      }
      filter.add("f.tenant_id IN (SELECT id FROM tenants WHERE \(tenants.sql))", tenants.binds)
    }
    if !m.tags.isEmpty {
      var functions = TriageRuleSQL()
      for (key, value) in m.tags.sorted(by: { $0.key < $1.key }) {
        functions.filter.add(
          "json_extract(tags, ?) GLOB ?",
          [SQLValue.text(Self.jsonPath(key)), SQLValue.text(Self.glob(value))])
      }
      filter.add(
        "f.function_arn IN (SELECT arn FROM functions WHERE \(functions.sql))", functions.binds)
    }
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
