import Crypto
import WardModel
import Yams

/// Reads a triage policy file: Ward's `ward-policy.yaml` (a top-level `rules:` list) or a
/// Prowler mutelist (a top-level `Mutelist:`), mapped onto the same rules. The schema is
/// in docs/triage.md and at the top of demo-data/ward-policy.yaml.
public enum TriagePolicyReader {
  /// Reads and validates the file at `path`; errors name the file, `line L:C` and the reason.
  public static func load(path: String) throws(ImportError) -> TriagePolicy {
    let bytes = try FileInput.load(path: path)
    do {
      return try read(bytes: bytes, path: path)
    } catch {
      throw error.named(path)
    }
  }

  /// Reads a policy from its bytes; `path` is recorded on the policy.
  static func read(bytes: [UInt8], path: String) throws(ReadError) -> TriagePolicy {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ReadError("not valid UTF-8 text")
    }
    let sha = SHA256.hash(data: bytes).map { byte in
      (byte < 16 ? "0" : "") + String(byte, radix: 16)
    }.joined()
    let root = try YAMLFields.compose(text)
    let rules: [TriageRule]
    if let map = root.mapping, map["rules"] != nil {
      rules = try readRules(root)
    } else if let map = root.mapping, map["Mutelist"] != nil || map["Mute List"] != nil {
      rules = try MutelistReader.rules(root)
    } else {
      throw ReadError(
        place: YAMLFields.place(root),
        "expected a top-level rules: list (ward-policy.yaml) or Mutelist: (a Prowler mutelist)")
    }
    return TriagePolicy(path: path, sha256: sha, rules: rules)
  }

  static let matchKeys: Set<String> = [
    "tenant", "account", "region", "category", "severity", "source", "rule", "resource",
    "function", "labels", "tags",
  ]

  /// The `rules:` list of a ward-policy.yaml.
  static func readRules(_ root: Node) throws(ReadError) -> [TriageRule] {
    let top = try YAMLFields(root, what: "the policy", allowed: ["version", "rules"])
    if let version = try top.text("version"), version != "1" {
      throw ReadError(place: YAMLFields.place(top["version"]!), "version \(version) is not 1")
    }
    guard let list = top["rules"]?.sequence else {
      throw ReadError(place: YAMLFields.place(top["rules"]!), "rules: must be a list")
    }
    var rules: [TriageRule] = []
    var seen: [String: String] = [:]
    for item in list {
      let rule = try readRule(item)
      if let earlier = seen[rule.id] {
        throw ReadError(
          place: rule.place, "rule id \(rule.id) is used twice (first at \(earlier))")
      }
      seen[rule.id] = rule.place
      rules.append(rule)
    }
    return rules
  }

  static func readRule(_ node: Node) throws(ReadError) -> TriageRule {
    let place = YAMLFields.place(node)
    var named = try YAMLFields(
      node, what: "a rule", allowed: ["id", "match", "state", "reason", "owner", "expires"])
    let id = try named.required("id")
    let what = "rule \(id)"
    named.what = what
    let stateText = try named.required("state")
    let reason = try named.required("reason")
    let owner = try named.required("owner")
    guard let state = TriageState(rawValue: stateText),
      TriageRule.allowedStates.contains(state)
    else {
      throw ReadError(
        place: YAMLFields.place(named["state"]!),
        "\(what): state \(stateText) is not one of "
          + TriageRule.allowedStates.map(\.rawValue).joined(separator: ", "))
    }
    let expires = try named.date("expires")
    if state.requiresExpiry && expires == nil {
      throw ReadError(place: place, "\(what): risk-accepted needs expires: YYYY-MM-DD")
    }
    guard let matchNode = named["match"] else {
      throw ReadError(place: place, "\(what): match is required (what the rule applies to)")
    }
    let match = try readMatch(matchNode, what: "\(what): match")
    return TriageRule(
      id: id, match: match, state: state, reason: reason, owner: owner, expires: expires,
      place: place)
  }

  static func readMatch(_ node: Node, what: String) throws(ReadError) -> TriageRuleMatch {
    let m = try YAMLFields(node, what: what, allowed: matchKeys)
    var match = TriageRuleMatch()
    match.tenants = try m.texts("tenant")
    match.accounts = try m.texts("account")
    match.regions = try m.texts("region")
    match.sources = try m.texts("source")
    match.rules = try m.texts("rule")
    match.resources = try m.texts("resource")
    match.functions = try m.texts("function")
    match.labels = try m.textMap("labels")
    match.tags = try m.textMap("tags")
    for text in try m.texts("category") {
      guard let c = Category(rawValue: text) else {
        throw ReadError(
          place: YAMLFields.place(m["category"]!),
          "\(what): category \(text) is not one of "
            + Category.allCases.map(\.rawValue).joined(separator: ", "))
      }
      match.categories.append(c)
    }
    for text in try m.texts("severity") {
      guard let s = Severity(rawValue: text) else {
        throw ReadError(
          place: YAMLFields.place(m["severity"]!),
          "\(what): severity \(text) is not one of "
            + Severity.allCases.map(\.rawValue).joined(separator: ", "))
      }
      match.severities.append(s)
    }
    if match.isEmpty {
      throw ReadError(
        place: YAMLFields.place(node),
        "\(what) is empty: a rule must constrain something (it would match every finding)")
    }
    return match
  }
}
