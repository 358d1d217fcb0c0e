import WardModel
import Yams

/// Reads a Prowler mutelist (`Mutelist: Accounts: ACCOUNT: Checks: CHECK: {Regions,
/// Resources, Tags}`) as Ward triage rules: one `suppressed` rule per account and check,
/// limited to source `prowler`, as Prowler mutes them (docs/triage.md).
///
/// Prowler matches check, region, resource and tag entries as regular expressions that may
/// match anywhere in the value (`re.search`), `*` meaning any. Ward maps each entry onto its
/// glob with the same "contains" reading; an expression a glob cannot state (alternation,
/// classes, groups, counted repeats) is refused with its place, never approximated.
enum MutelistReader {
  static func rules(_ root: Node) throws(ReadError) -> [TriageRule] {
    let top = try YAMLFields(root, what: "the mutelist", allowed: ["Mutelist", "Mute List"])
    let key = top["Mutelist"] != nil ? "Mutelist" : "Mute List"
    let list = try YAMLFields(top[key]!, what: key, allowed: ["Accounts"])
    guard let accountsNode = list["Accounts"] else {
      throw ReadError(place: YAMLFields.place(list.node), "\(key): Accounts is required")
    }
    let accounts = try YAMLFields(accountsNode, what: "\(key).Accounts", allowed: [])
    var rules: [TriageRule] = []
    for (account, accountKey, value) in accounts.entries {
      let what = "account \(account)"
      let entry = try YAMLFields(value, what: what, allowed: ["Checks"])
      guard let checksNode = entry["Checks"] else {
        throw ReadError(place: YAMLFields.place(accountKey), "\(what): Checks is required")
      }
      let checks = try YAMLFields(checksNode, what: "\(what).Checks", allowed: [])
      for (check, checkKey, body) in checks.entries {
        rules.append(
          try rule(account: account, check: check, checkKey: checkKey, body: body))
      }
    }
    return rules
  }

  static func rule(account: String, check: String, checkKey: Node, body: Node)
    throws(ReadError) -> TriageRule
  {
    let what = "account \(account) check \(check)"
    let fields = try YAMLFields(
      body, what: what, allowed: ["Regions", "Resources", "Tags", "Exceptions"])
    if let exceptions = fields["Exceptions"] {
      throw ReadError(
        place: YAMLFields.place(exceptions),
        "\(what): Exceptions are not supported by Ward's reading of a mutelist; write the "
          + "rule without them in a ward-policy.yaml")
    }
    var match = TriageRuleMatch()
    match.sources = ["prowler"]
    if account != "*" { match.accounts = [account] }
    // Prowler's own mapping: a check named lambda_* is the awslambda_* check.
    let checkName = check.hasPrefix("lambda") ? "aws" + check : check
    if checkName != "*" {
      match.rules = [try glob(fromSearch: checkName, place: YAMLFields.place(checkKey))]
    }
    match.regions = try globs(fields, "Regions", what: what)
    match.resources = try globs(fields, "Resources", what: what)
    for tag in try fields.texts("Tags") {
      let place = YAMLFields.place(fields["Tags"]!)
      guard let eq = tag.firstIndex(of: "="), !tag[..<eq].isEmpty else {
        throw ReadError(place: place, "\(what): tag \(tag) is not KEY=VALUE")
      }
      let key = String(tag[..<eq])
      guard key.allSatisfy({ !"|()[]{}^$.*+?\\".contains($0) }) else {
        throw ReadError(
          place: place,
          "\(what): tag \(tag) is a regular expression over several tags; Ward reads only "
            + "KEY=VALUE entries (ANDed)")
      }
      // `key=value` found anywhere in `k1=v1 | k2=v2`: that tag's value starts with it.
      match.tags[key] = try glob(
        fromSearch: "^" + String(tag[tag.index(after: eq)...]), place: place)
    }
    return TriageRule(
      id: "mutelist:\(account):\(check)", match: match, state: .suppressed,
      reason: "muted by the Prowler mutelist (account \(account), check \(check))",
      owner: "prowler-mutelist", place: YAMLFields.place(checkKey))
  }

  /// A `Regions` or `Resources` list: `*` anywhere in it means "any" (no constraint).
  static func globs(_ fields: YAMLFields, _ key: String, what: String) throws(ReadError)
    -> [String]
  {
    guard let node = fields[key] else {
      throw ReadError(place: YAMLFields.place(fields.node), "\(what): \(key) is required")
    }
    let items = try fields.texts(key)
    if items.contains("*") { return [] }
    var out: [String] = []
    for item in items { out.append(try glob(fromSearch: item, place: YAMLFields.place(node))) }
    return out
  }

  /// The glob that matches what `re.search(pattern, value)` matches: literal text, `.`,
  /// `.*`, `.+`, a leading `*` (Prowler reads it as `.*`), `^` and `$` anchors, `\` escapes.
  static func glob(fromSearch pattern: String, place: String) throws(ReadError) -> String {
    var chars = Array(pattern)
    var out = ""
    var anchoredStart = false
    var anchoredEnd = false
    if chars.first == "^" {
      anchoredStart = true
      chars.removeFirst()
    }
    if chars.last == "$" && !(chars.count >= 2 && chars[chars.count - 2] == "\\") {
      anchoredEnd = true
      chars.removeLast()
    }
    if chars.first == "*" { chars.insert(".", at: 0) }
    var i = 0
    while i < chars.count {
      let c = chars[i]
      let next = i + 1 < chars.count ? chars[i + 1] : nil
      switch c {
      case "." where next == "*":
        out += "*"
        i += 2
      case "." where next == "+":
        out += "?*"
        i += 2
      case ".":
        out += "?"
        i += 1
      case "\\":
        guard let literal = next, literal != "*", literal != "?", !literal.isLetter,
          !literal.isNumber
        else {
          throw ReadError(
            place: place, "\(pattern): the escape \\\(next.map(String.init) ?? "") has no glob form"
          )
        }
        out.append(literal)
        i += 2
      case "|", "(", ")", "[", "]", "{", "}", "+", "?", "*", "^", "$":
        throw ReadError(
          place: place,
          "\(pattern): the regular expression uses \(c), which Ward cannot state as a glob "
            + "(write the entry as literal text with . and .* only)")
      default:
        out.append(c)
        i += 1
      }
    }
    if !anchoredStart && !out.hasPrefix("*") { out = "*" + out }
    if !anchoredEnd && !out.hasSuffix("*") { out += "*" }
    return out
  }
}
