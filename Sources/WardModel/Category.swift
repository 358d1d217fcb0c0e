/// One of the ten serverless security categories every finding belongs to.
///
/// The raw value is the stable id used in the store, on the command line and in exports.
public enum Category: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
  case invocation
  case attackSurface = "attack-surface"
  case coldStart = "cold-start"
  case injection
  case dependencies
  case monitoring
  case forensics
  case dos
  case secrets
  case crossTenant = "cross-tenant"

  /// The stable id (same as `rawValue`).
  public var id: String { rawValue }

  /// A human title for headers and reports.
  public var title: String {
    switch self {
    case .invocation: "Insecure invocation"
    case .attackSurface: "Attack surface"
    case .coldStart: "Cold start gaps"
    case .injection: "Event injection"
    case .dependencies: "Dependencies"
    case .monitoring: "Logging & monitoring"
    case .forensics: "Forensics"
    case .dos: "DoS & cost"
    case .secrets: "Secrets"
    case .crossTenant: "Cross-tenant"
    }
  }

  /// A short column header (at most 5 characters) for matrices.
  public var shortTitle: String {
    switch self {
    case .invocation: "INVOK"
    case .attackSurface: "SURF"
    case .coldStart: "COLD"
    case .injection: "INJ"
    case .dependencies: "DEPS"
    case .monitoring: "MON"
    case .forensics: "FRNS"
    case .dos: "DOS"
    case .secrets: "SECR"
    case .crossTenant: "XTEN"
    }
  }

  /// Position in the canonical order (the order of the ten ids in the design).
  public var ordinal: Int { Category.allCases.firstIndex(of: self)! }

  public static func < (lhs: Category, rhs: Category) -> Bool { lhs.ordinal < rhs.ordinal }
}
