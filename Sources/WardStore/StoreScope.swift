/// The tenants a store handle may see. Every read adds it to its SQL, below any view,
/// so a console cannot show (or triage) what an operator's scope excludes.
public struct StoreScope: Sendable, Hashable {
  /// Tenant names; nil means every tenant.
  public var tenants: Set<String>?

  public init(tenants: Set<String>?) { self.tenants = tenants }

  /// No restriction.
  public static let all = StoreScope(tenants: nil)

  /// Only these tenants.
  public static func only(_ names: Set<String>) -> StoreScope { StoreScope(tenants: names) }

  /// The narrower of two scopes (a scoped handle can never widen its scope).
  public func intersection(_ other: StoreScope) -> StoreScope {
    switch (tenants, other.tenants) {
    case (nil, nil): .all
    case (let a?, nil): StoreScope(tenants: a)
    case (nil, let b?): StoreScope(tenants: b)
    case (let a?, let b?): StoreScope(tenants: a.intersection(b))
    }
  }

  /// Whether a tenant name is visible.
  public func allows(_ tenant: String) -> Bool { tenants?.contains(tenant) ?? true }
}

/// Builds the WHERE fragments every read shares.
struct SQLFilter {
  private(set) var clauses: [String] = []
  private(set) var binds: [SQLValue] = []

  /// `column` (a tenant id) restricted to the scope and, if given, a tenant-name filter.
  mutating func tenants(_ column: String, scope: StoreScope, names: Set<String>? = nil) {
    for set in [scope.tenants, names] {
      guard let set else { continue }
      if set.isEmpty {
        clauses.append("1 = 0")
        continue
      }
      let marks = Array(repeating: "?", count: set.count).joined(separator: ", ")
      clauses.append("\(column) IN (SELECT id FROM tenants WHERE name IN (\(marks)))")
      binds += set.sorted().map { .text($0) }
    }
  }

  /// `column IN (values)` when values is non-nil.
  mutating func oneOf(_ column: String, _ values: [SQLValue]?) {
    guard let values else { return }
    if values.isEmpty {
      clauses.append("1 = 0")
      return
    }
    clauses.append(
      "\(column) IN (\(Array(repeating: "?", count: values.count).joined(separator: ", ")))")
    binds += values
  }

  mutating func add(_ clause: String, _ values: [SQLValue] = []) {
    clauses.append(clause)
    binds += values
  }

  /// ` WHERE a AND b` or empty.
  var sql: String { clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ") }
  /// ` AND a AND b` or empty, for appending to an existing WHERE.
  var andSQL: String { clauses.isEmpty ? "" : " AND " + clauses.joined(separator: " AND ") }
}

/// Escapes `%`, `_` and `\` for a LIKE pattern used with `ESCAPE '\'`.
func likePattern(containing text: String) -> String {
  var out = "%"
  for ch in text {
    if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
    out.append(ch)
  }
  return out + "%"
}
