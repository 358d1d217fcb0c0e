import WardModel
import Yams

/// Typed access to a YAML mapping for the policy readers: every error names the node's
/// `line L:C`, unknown and repeated keys are refused (a typo must not widen or narrow a rule
/// silently).
struct YAMLFields {
  let node: Node
  let map: Node.Mapping
  /// What the mapping is, for messages (`rule sandbox-low`, `rule sandbox-low: match`).
  var what: String

  init(_ node: Node, what: String, allowed: Set<String>) throws(ReadError) {
    guard let map = node.mapping else {
      throw ReadError(place: Self.place(node), "\(what) must be a mapping")
    }
    var seen = Set<String>()
    for (key, _) in map {
      guard let name = key.string else {
        throw ReadError(place: Self.place(key), "\(what): keys must be text")
      }
      guard seen.insert(name).inserted else {
        throw ReadError(place: Self.place(key), "\(what): \(name) is given twice")
      }
      if !allowed.isEmpty && !allowed.contains(name) {
        throw ReadError(
          place: Self.place(key),
          "\(what): unknown key \(name) (expected one of \(allowed.sorted().joined(separator: ", ")))"
        )
      }
    }
    self.node = node
    self.map = map
    self.what = what
  }

  /// The value node of `key`, if present.
  subscript(_ key: String) -> Node? { map[key] }

  /// The keys with their value nodes, in file order.
  var entries: [(key: String, keyNode: Node, value: Node)] {
    map.compactMap { k, v in k.string.map { ($0, k, v) } }
  }

  /// A non-empty text value that must be present.
  func required(_ key: String) throws(ReadError) -> String {
    guard let value = try text(key) else {
      throw ReadError(place: Self.place(node), "\(what): \(key) is required")
    }
    return value
  }

  /// A non-empty text value; nil when absent.
  func text(_ key: String) throws(ReadError) -> String? {
    guard let value = map[key] else { return nil }
    guard let s = value.scalar?.string else {
      throw ReadError(place: Self.place(value), "\(what): \(key) must be text")
    }
    let trimmed = s.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty {
      throw ReadError(place: Self.place(value), "\(what): \(key) is empty")
    }
    return trimmed
  }

  /// One text or a list of texts (each non-empty); empty when absent.
  func texts(_ key: String) throws(ReadError) -> [String] {
    guard let value = map[key] else { return [] }
    let items = value.sequence.map(Array.init) ?? [value]
    if items.isEmpty {
      throw ReadError(place: Self.place(value), "\(what): \(key) is an empty list")
    }
    var out: [String] = []
    for item in items {
      guard let s = item.scalar?.string, !s.isEmpty else {
        throw ReadError(place: Self.place(item), "\(what): \(key) entries must be non-empty text")
      }
      out.append(s)
    }
    return out
  }

  /// A mapping of text to text (labels, tags); empty when absent.
  func textMap(_ key: String) throws(ReadError) -> [String: String] {
    guard let value = map[key] else { return [:] }
    let fields = try YAMLFields(value, what: "\(what).\(key)", allowed: [])
    var out: [String: String] = [:]
    for (name, _, v) in fields.entries {
      guard let s = v.scalar?.string else {
        throw ReadError(place: Self.place(v), "\(what).\(key).\(name) must be text")
      }
      out[name] = s
    }
    return out
  }

  /// A date (`YYYY-MM-DD` or ISO 8601) as the instant it starts; nil when absent.
  func date(_ key: String) throws(ReadError) -> EpochSeconds? {
    guard let s = try text(key) else { return nil }
    guard let t = UTC.parse(s) else {
      throw ReadError(
        place: Self.place(map[key]!), "\(what): \(key): expected YYYY-MM-DD, got \(s)")
    }
    return t
  }

  /// `line L:C` of a node (1-based, as editors count).
  static func place(_ node: Node) -> String {
    guard let mark = node.mark else { return "" }
    return "line \(mark.line):\(mark.column)"
  }

  /// Parses YAML text into its root node, with the parser's own place on errors.
  static func compose(_ text: String) throws(ReadError) -> Node {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw ReadError(
        place: TenantsReader.yamlPlace(error), "invalid YAML: \(TenantsReader.yamlReason(error))")
    } catch {
      throw ReadError("invalid YAML: \(error)")
    }
    guard let root else { throw ReadError(place: "line 1", "the file is empty") }
    return root
  }
}
