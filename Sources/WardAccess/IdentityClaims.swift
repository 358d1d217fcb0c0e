import Yams

/// Which operator entry claimed each key fingerprint and login, so a key or login listed
/// twice (in one entry or in two overlapping ones) is refused naming both lines: otherwise
/// the first entry silently wins, and an admin entry listed before a viewer's gives the
/// viewer every tenant.
struct IdentityClaims {
  let path: String
  private var owners: [String: (name: String, line: Int?)] = [:]

  init(path: String) { self.path = path }

  /// Records that `identity` (`key SHA256:...`, `user alice`) identifies operator `name`.
  mutating func claim(_ identity: String, by name: String, line: Int?) throws(AccessError) {
    if let first = owners[identity] {
      let who = first.name == name ? "twice for \(name)" : "for both \(first.name) and \(name)"
      throw AccessError(
        path: path,
        reason:
          "\(identity) is listed \(who): \(Self.place(first.line)) and \(Self.place(line)); "
          + "each key and login must identify one operator")
    }
    owners[identity] = (name, line)
  }

  static func place(_ line: Int?) -> String { line.map { "line \($0)" } ?? "an unknown line" }
}

/// Line numbers of the operators file's YAML nodes, for messages.
struct YAMLLines {
  private let root: Node?

  init(_ text: String) { root = try? Yams.compose(yaml: text) }

  /// The line of `operators[i].field[item]` (or of the field when it is one string).
  func line(operator i: Int, field: String, item: Int) -> Int? {
    guard let list = root?["operators"]?.sequence, list.indices.contains(i),
      let value = list[i][field]
    else { return nil }
    if let items = value.sequence {
      return items.indices.contains(item) ? items[item].mark?.line : nil
    }
    return value.mark?.line
  }
}
