import WardModel
import Yams

/// The tenants YAML file (`tenants:` list of name, accounts, labels).
enum TenantsReader {
  static func read(_ text: String) throws -> ImportBatch {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw ReadError(place: yamlPlace(error), "invalid YAML: \(yamlReason(error))")
    }
    guard let root, let list = root.mapping?["tenants"] else {
      throw ReadError(place: "line 1", "no top-level tenants: list")
    }
    guard let items = list.sequence else {
      throw ReadError(place: place(list), "tenants: must be a list")
    }
    var batch = ImportBatch(format: "ward-tenants-yaml")
    var seen: Set<String> = []
    // Which tenant each account was listed under, to refuse an account in two tenants.
    var owner: [String: String] = [:]
    for item in items {
      guard let map = item.mapping else {
        throw ReadError(place: place(item), "a tenant must be a mapping")
      }
      guard let name = map["name"]?.string, !name.isEmpty else {
        throw ReadError(place: place(item), "a tenant needs a name")
      }
      guard seen.insert(name).inserted else {
        throw ReadError(place: place(item), "tenant \"\(name)\" is listed twice")
      }
      var accounts: [String] = []
      if let accountList = map["accounts"] {
        guard let seq = accountList.sequence else {
          throw ReadError(place: place(accountList), "accounts must be a list")
        }
        for a in seq {
          guard let id = a.scalar?.string else {
            throw ReadError(place: place(a), "an account must be a 12-digit id")
          }
          guard id.count == 12, id.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            // Padding a short number would guess: 12 and 000000000012 are not the same id
            // to a person, and YAML drops the leading zeros of an unquoted 012345678901.
            let hint =
              id.allSatisfy(\.isNumber) && a.scalar?.style == .plain
              ? " (quote account ids in YAML: an unquoted id loses its leading zeros)" : ""
            throw ReadError(place: place(a), "not a 12-digit account id: \"\(id)\"\(hint)")
          }
          if let other = owner[id] {
            throw ReadError(
              place: place(a),
              "account \(id) is listed under tenant \"\(other)\" and again under \"\(name)\"")
          }
          owner[id] = name
          accounts.append(id)
        }
      }
      var labels: [String: String] = [:]
      if let labelMap = map["labels"] {
        guard let m = labelMap.mapping else {
          throw ReadError(place: place(labelMap), "labels must be a mapping")
        }
        for (k, v) in m {
          guard let key = k.string, let value = v.scalar?.string else {
            throw ReadError(place: place(v), "labels must map text to text")
          }
          labels[key] = value
        }
      }
      batch.tenants.append(Tenant(name: name, accounts: accounts, labels: labels))
    }
    return batch
  }

  static func place(_ node: Node) -> String {
    guard let mark = node.mark else { return "" }
    return "line \(mark.line):\(mark.column)"
  }

  static func yamlPlace(_ error: YamlError) -> String {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return "line \(mark.line):\(mark.column)"
    case .duplicatedKeysInMapping(_, let context):
      return "line \(context.mark.line):\(context.mark.column)"
    default: return ""
    }
  }

  static func yamlReason(_ error: YamlError) -> String {
    switch error {
    case .scanner(_, let problem, _, _), .parser(_, let problem, _, _),
      .composer(_, let problem, _, _):
      return problem
    case .duplicatedKeysInMapping(let duplicates, _):
      return "a mapping gives "
        + duplicates.sorted().joined(separator: ", ") + " twice (keys must be unique)"
    default: return "\(error)".split(separator: "\n").first.map(String.init) ?? "unreadable"
    }
  }
}
