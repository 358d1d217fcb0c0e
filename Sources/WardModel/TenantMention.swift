/// Tenant names inside evidence text, stored as references and rendered per reader, so a
/// session scoped to some tenants never reads another tenant's name.
///
/// A rule writes ``reference(_:)`` where its evidence names tenants; the store keeps the
/// reference (names between private-use delimiters, which no format Ward reads produces)
/// and every read renders it with ``render(_:visible:)``: tenants the reader may see by
/// name (`tenant acme`, `tenants acme, globex`), the others only as `another tenant` or
/// `other tenants`. A malformed reference renders as `another tenant`, never as names.
public enum TenantMention {
  static let open: Unicode.Scalar = "\u{E000}"
  static let close: Unicode.Scalar = "\u{E001}"
  static let separator: Unicode.Scalar = "\u{E002}"

  /// A reference to `names` for evidence text (rendered later per reader).
  public static func reference(_ names: [String]) -> String {
    var out = String.UnicodeScalarView()
    out.append(open)
    for (i, name) in names.enumerated() {
      if i > 0 { out.append(separator) }
      // A delimiter inside a name would end the reference early; names never hold them.
      out.append(contentsOf: name.unicodeScalars.filter { ![open, close, separator].contains($0) })
    }
    out.append(close)
    return String(out)
  }

  /// True when `text` holds a reference.
  public static func hasReference(_ text: String) -> Bool { text.unicodeScalars.contains(open) }

  /// `text` with every reference rendered: names for which `visible` is true, the rest
  /// counted only as `another tenant` / `other tenants`.
  public static func render(_ text: String, visible: (String) -> Bool) -> String {
    guard hasReference(text) else { return text }
    var out = String.UnicodeScalarView()
    var scalars = text.unicodeScalars[...]
    while let start = scalars.firstIndex(of: open) {
      out.append(contentsOf: scalars[..<start])
      let rest = scalars[scalars.index(after: start)...]
      guard let end = rest.firstIndex(of: close) else {
        out.append(contentsOf: "another tenant".unicodeScalars)
        return String(out)
      }
      let names = String(String.UnicodeScalarView(rest[..<end]))
        .split(separator: Character(separator), omittingEmptySubsequences: true).map(String.init)
      out.append(contentsOf: phrase(names, visible: visible).unicodeScalars)
      scalars = rest[rest.index(after: end)...]
    }
    out.append(contentsOf: scalars)
    return String(out)
  }

  /// `tenant a`, `tenants a, b`, `another tenant`, `tenant a and other tenants`, ...
  static func phrase(_ names: [String], visible: (String) -> Bool) -> String {
    let shown = names.filter(visible)
    let hidden = names.count - shown.count
    var parts: [String] = []
    if !shown.isEmpty {
      parts.append((shown.count == 1 ? "tenant " : "tenants ") + shown.joined(separator: ", "))
    }
    if hidden > 0 || names.isEmpty { parts.append(hidden > 1 ? "other tenants" : "another tenant") }
    return parts.joined(separator: " and ")
  }
}
