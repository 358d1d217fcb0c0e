import WardModel

/// A tenant name or glob (`*` any run, `?` one character) from the operators file.
public struct TenantPattern: Sendable, Hashable, CustomStringConvertible {
  public let text: String

  public init(_ text: String) { self.text = text }

  /// Whether the pattern is `*` (every tenant).
  public var matchesAll: Bool { text == "*" }

  /// Whether `name` matches the pattern (case-sensitive, whole name).
  public func matches(_ name: String) -> Bool {
    Glob.matches(text, name)
  }

  public var description: String { text }
}

/// The tenants an operator may see: either all, or those matching any pattern.
public struct TenantScope: Sendable, Hashable {
  public let patterns: [TenantPattern]

  public init(patterns: [TenantPattern]) { self.patterns = patterns }

  /// Every tenant.
  public static let all = TenantScope(patterns: [TenantPattern("*")])

  /// Whether the scope is unrestricted.
  public var isAll: Bool { patterns.contains { $0.matchesAll } }

  /// Whether the tenant named `name` is in scope.
  public func allows(_ name: String) -> Bool { patterns.contains { $0.matches(name) } }

  /// The names among `tenants` that are in scope, in their original order.
  public func filter(_ tenants: [String]) -> [String] { tenants.filter(allows) }

  /// The tenants of the store this scope allows, for a login; a restricted scope that
  /// allows none is an error (an empty console hides a typo in the operators file).
  public func resolve(
    among tenants: [String], operatorName: String, operatorsFile: String
  ) throws(AccessError) -> [String] {
    let names = filter(tenants)
    if !isAll && names.isEmpty {
      throw AccessError(
        path: operatorsFile,
        reason:
          "operator \(operatorName): tenants \(patterns.map(\.text).joined(separator: ", ")) "
          + "match no tenant in the store (\(tenants.count) tenants); fix the entry or import "
          + "the tenants first")
    }
    return names
  }
}
