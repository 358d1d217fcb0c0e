import Foundation
import WardModel

/// SARIF 2.1.0 logs (Checkov, Semgrep, Trivy, cfn-nag, CodeQL and others `--sarif`): each
/// result is a finding with its rule, level, message and location (docs/formats.md, SARIF).
///
/// The log is checked before anything is read from it: a version other than 2.1.0, a
/// missing `runs`, or a value of the wrong type refuses the whole file with its JSON path.
enum SARIFReader {
  static func read(_ log: JSONValue, context: ImportContext) throws -> ImportBatch {
    guard let version = try log.present("version") else {
      throw log.failure("not SARIF 2.1.0: the log has no \"version\" (Ward reads SARIF 2.1.0)")
    }
    let text = try version.string()
    guard text == "2.1.0" else {
      throw version.failure(
        "SARIF version \"\(text.prefix(20))\" is not 2.1.0, the version Ward reads")
    }
    guard let runs = try log.present("runs") else {
      throw log.failure("not a SARIF log: no \"runs\" list")
    }
    var batch = ImportBatch(format: "sarif")
    var seen = Set<String>()
    var undated = false
    for run in try runs.array() {
      guard run.isObject else { throw run.typeMismatch("a SARIF run object") }
      let reader = try RunReader(run, context: context)
      undated = undated || reader.time == nil
      for result in try run.present("results").map({ $0.isNull ? [] : try $0.array() }) ?? [] {
        guard let finding = try reader.finding(result) else { continue }
        // The same rule, place and fingerprint twice in one log is one finding.
        if seen.insert(finding.id).inserted { batch.findings.append(finding) }
      }
    }
    // A run that records no time is dated by the store, as Checkov's JSON is.
    batch.undatedFindings = undated && context.importTime == nil
    return batch
  }

  /// One run: its tool, its rules (driver and extensions) and its time.
  struct RunReader {
    let context: ImportContext
    let tool: String
    let source: String
    let rules: [[JSONValue]]
    let rulesById: [String: JSONValue]
    let time: EpochSeconds?

    init(_ run: JSONValue, context: ImportContext) throws {
      self.context = context
      let driver = try run.required("tool").required("driver")
      guard driver.isObject else { throw driver.typeMismatch("a tool.driver object") }
      tool = try driver.required("name").identifier()
      // Ward's own SARIF is for code scanning: it keeps neither a finding's description,
      // evidence nor decision, so reading it back would overwrite them.
      if tool == "Ward" {
        throw try driver.required("name").failure(
          "this is Ward's own SARIF export (tool Ward), which does not carry whole findings; move findings between stores with `ward export --format ocsf` or `asff`"
        )
      }
      source = SARIFReader.sourceName(tool)
      var components = [try driver.present("rules").map { try $0.array() } ?? []]
      for ext in try run.object("tool")?.array("extensions") ?? [] {
        components.append(try ext.present("rules").map { try $0.array() } ?? [])
      }
      var byId: [String: JSONValue] = [:]
      for rule in components.joined() {
        guard rule.isObject else { throw rule.typeMismatch("a SARIF rule object") }
        let id = try rule.required("id").identifier()
        if byId[id] == nil { byId[id] = rule }
      }
      rules = components
      rulesById = byId
      var newest: EpochSeconds?
      for invocation in try run.array("invocations") ?? [] {
        if let t = try AWSTime.optional(invocation, "endTimeUtc")
          ?? AWSTime.optional(invocation, "startTimeUtc")
        {
          newest = max(newest ?? t, t)
        }
      }
      time = newest ?? context.importTime
    }

    /// The rule a result names: `ruleId` (or `rule.id`), else `ruleIndex` into the driver's
    /// rules (or the extension `rule.toolComponent.index` names).
    func rule(of result: JSONValue) throws -> (id: String, rule: JSONValue?) {
      let reference = try result.object("rule")
      var index = try result.present("ruleIndex") ?? reference?.present("index")
      var component = 0
      if let c = try reference?.object("toolComponent")?.present("index") {
        component = try c.int() + 1
        guard component >= 1, component < rules.count else {
          throw c.failure("rule.toolComponent.index \(component - 1) names no tool extension")
        }
      }
      if let i = index, i.isNull { index = nil }
      var byIndex: JSONValue?
      if let index {
        let i = try index.int()
        guard i >= 0, i < rules[component].count else {
          throw index.failure(
            "ruleIndex \(i) is outside the \(rules[component].count) rules of the run")
        }
        byIndex = rules[component][i]
      }
      if let id = try result.present("ruleId").map({ try $0.identifier() })
        ?? reference?.present("id").map({ try $0.identifier() })
      {
        return (id, byIndex ?? rulesById[id])
      }
      if let byIndex { return (try byIndex.required("id").identifier(), byIndex) }
      throw result.failure("a result names no rule (ruleId, rule.id or ruleIndex)")
    }

    func finding(_ result: JSONValue) throws -> Finding? {
      guard result.isObject else { throw result.typeMismatch("a SARIF result object") }
      let (ruleId, rule) = try self.rule(of: result)
      let kind = try result.string("kind") ?? "fail"
      guard SARIFReader.kinds.contains(kind) else {
        throw try result.required("kind").failure(
          "kind \"\(kind.prefix(20))\" is not a SARIF result kind (\(SARIFReader.kinds.sorted().joined(separator: ", ")))"
        )
      }
      if kind == "notApplicable" || kind == "informational" { return nil }
      let message = try self.message(result, rule: rule)
      let ruleName = try rule?.string("name") ?? ""
      let short = try rule?.object("shortDescription")?.string("text") ?? ""
      let level =
        try SARIFReader.level(result.present("level"))
        ?? SARIFReader.level(rule?.object("defaultConfiguration")?.present("level"))
      let tags = try rule?.object("properties")?.present("tags").map { try $0.stringList() } ?? []
      let category = CategoryMap.sarifCategory(
        ruleId: ruleId, text: [ruleName, short].joined(separator: " "), tags: tags)
      // Checkov writes level "error" for every failed check; its JSON report has no
      // severity either, and both take Checkov's default by check.
      let severity =
        try SARIFReader.securitySeverity(result.object("properties"))
        ?? SARIFReader.securitySeverity(rule?.object("properties"))
        ?? (source == "checkov"
          ? CategoryMap.checkovDefaultSeverity(checkId: ruleId, category: category)
          : SARIFReader.severity(level: level ?? "warning"))
      let place = try SARIFReader.place(result)
      let firstLine = String(message.prefix { $0 != "\n" })
      let title = SARIFReader.title(short: short, ruleId: ruleId, message: firstLine)
      var remediation = try rule?.object("help")?.string("text") ?? ""
      if let uri = try rule?.string("helpUri"), !remediation.contains(uri) {
        remediation += remediation.isEmpty ? uri : " \(uri)"
      }
      let full = try rule?.object("fullDescription")?.string("text") ?? ""
      let description = full.isEmpty || full == message ? message : "\(message)\n\n\(full)"
      let functionArn = try SARIFReader.functionArn(result, names: place.logicalNames)
      let fingerprint = try SARIFReader.fingerprint(result)
      let uri = place.location?.uri ?? ""
      let key =
        fingerprint.map { [$0] }
        ?? [place.location?.startLine.map(String.init) ?? "", message]
      let suppressed = try SARIFReader.isSuppressed(result)
      let absent = try result.string("baselineState") == "absent"
      var resource = uri
      if let name = place.logicalNames.first { resource += resource.isEmpty ? name : ":\(name)" }
      let now = time ?? 0
      return Finding(
        id: StableID.make(
          "sarif", (context.account.map { [$0] } ?? []) + [tool, ruleId, uri] + key),
        account: context.account ?? functionArn.flatMap { ARN($0)?.account },
        region: context.region ?? functionArn.flatMap { ARN($0)?.region },
        functionArn: functionArn, resource: resource.isEmpty ? tool : resource,
        resourceType: nil, category: category, severity: severity, title: title,
        description: description, remediation: remediation, source: source, ruleId: ruleId,
        evidence: place.evidence, firstSeen: now, lastSeen: now,
        compliance: kind == "pass" || absent ? .passed : .failed,
        sourceState: suppressed ? .suppressed : nil, location: place.location)
    }

    /// `message.text`, else the rule's message string `message.id`, else the rule's short
    /// description: SARIF requires a message, and a result without one is refused.
    func message(_ result: JSONValue, rule: JSONValue?) throws -> String {
      let message = try result.required("message")
      guard message.isObject else { throw message.typeMismatch("a SARIF message object") }
      if let text = try message.string("text") ?? message.string("markdown") { return text }
      if let id = try message.string("id"),
        let text = try rule?.object("messageStrings")?.object(id)?.string("text")
      {
        return text
      }
      if let text = try rule?.object("shortDescription")?.string("text") { return text }
      throw message.failure("the result's message has no text")
    }
  }

  /// Result kinds of SARIF 2.1.0 (§3.27.9).
  static let kinds: Set<String> = [
    "pass", "open", "informational", "notApplicable", "review", "fail",
  ]

  /// `Trivy` → `trivy`, `Semgrep OSS` → `semgrep-oss`: the finding's source.
  static func sourceName(_ tool: String) -> String {
    let lowered = tool.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
    return String(lowered).split(separator: "-").joined(separator: "-")
  }

  /// A SARIF `level`, checked; nil when absent.
  static func level(_ value: JSONValue?) throws -> String? {
    guard let value, !value.isNull else { return nil }
    let level = try value.string()
    guard ["none", "note", "warning", "error"].contains(level) else {
      throw value.failure(
        "level \"\(level.prefix(20))\" is not one of none, note, warning, error")
    }
    return level
  }

  /// error → high, warning → medium, note → low, none → info.
  static func severity(level: String) -> Severity {
    switch level {
    case "error": .high
    case "note": .low
    case "none": .info
    default: .medium
    }
  }

  /// `properties["security-severity"]` (a CVSS-like score 0.0–10.0, text or number, as
  /// GitHub code scanning reads it): ≥ 9 critical, ≥ 7 high, ≥ 4 medium, > 0 low, 0 info.
  static func securitySeverity(_ properties: JSONValue?) throws -> Severity? {
    guard let value = try properties?.present("security-severity"), !value.isNull else {
      return nil
    }
    let score: Double
    if value.kind == .number {
      score = try value.double()
    } else {
      let text = try value.string()
      guard let parsed = Double(text.trimmingCharacters(in: .whitespaces)) else {
        throw value.failure("security-severity \"\(text.prefix(20))\" is not a number")
      }
      score = parsed
    }
    guard score.isFinite, (0...10).contains(score) else {
      throw value.failure("security-severity \(score) is out of range (0.0 to 10.0)")
    }
    switch score {
    case 9...: return .critical
    case 7..<9: return .high
    case 4..<7: return .medium
    case 0.05..<4: return .low
    default: return .info
    }
  }

  /// The rule's short description, unless it only repeats the rule id (Semgrep writes
  /// `Semgrep Finding: RULE`); else the message's first line.
  static func title(short: String, ruleId: String, message: String) -> String {
    let trimmed = short.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.isEmpty || trimmed == ruleId || trimmed.hasSuffix(": \(ruleId)")
      || trimmed.count > 200
    {
      return message.isEmpty ? ruleId : message
    }
    return trimmed
  }

  /// Where a result points: the first physical location's file and lines, its snippet, and
  /// the names of its logical locations.
  struct Place {
    var location: SourceLocation?
    var evidence: String
    var logicalNames: [String]
  }

  static func place(_ result: JSONValue) throws -> Place {
    var place = Place(location: nil, evidence: "", logicalNames: [])
    for location in try result.array("locations") ?? [] {
      guard location.isObject else { throw location.typeMismatch("a SARIF location object") }
      for logical in try location.array("logicalLocations") ?? [] {
        if let name = try logical.string("fullyQualifiedName") ?? logical.string("name") {
          place.logicalNames.append(name)
        }
      }
      guard place.location == nil, let physical = try location.object("physicalLocation"),
        let artifact = try physical.object("artifactLocation"),
        let uri = try artifact.present("uri").map({ try $0.string() }), !uri.isEmpty
      else { continue }
      let region = try physical.object("region")
      let start = try region?.int("startLine")
      let end = try region?.int("endLine")
      place.location = SourceLocation(uri: uri, startLine: start, endLine: end)
      let lines = place.location?.startLine.map { start in
        let end = place.location?.endLine ?? start
        return end == start ? " line \(start)" : " lines \(start)-\(end)"
      }
      // The snippet is not kept: it is the source text around the result, and for a
      // secrets rule it holds the secret (Checkov masks its own secret checks' snippets,
      // not the resource snippet of CKV_AWS_45, "no hard-coded secrets").
      place.evidence = uri + (lines ?? "")
    }
    return place
  }

  /// A Lambda function the result names: a function ARN among its logical locations or its
  /// properties' text values (the same test the ASFF and OCSF readers apply to resources).
  static func functionArn(_ result: JSONValue, names: [String]) throws -> String? {
    var candidates = names
    if let properties = try result.object("properties") {
      for (_, value) in try properties.members() where value.kind == .string {
        candidates.append(try value.string())
      }
    }
    return candidates.lazy.compactMap { ARN($0)?.unqualifiedLambdaARN }.first
  }

  /// `partialFingerprints` or `fingerprints`, as `key=value` sorted by key: what the tool
  /// says identifies the result across runs when the code around it moves.
  static func fingerprint(_ result: JSONValue) throws -> String? {
    for key in ["partialFingerprints", "fingerprints"] {
      guard let object = try result.object(key) else { continue }
      let parts = try object.members().map { "\($0.key)=\(try $0.value.string())" }.sorted()
      if !parts.isEmpty { return parts.joined(separator: "&") }
    }
    return nil
  }

  /// A result suppressed at the source (`// nosemgrep`, a `#checkov:skip` comment, …): a
  /// non-empty `suppressions` list none of whose entries is `rejected`.
  static func isSuppressed(_ result: JSONValue) throws -> Bool {
    guard let list = try result.array("suppressions"), !list.isEmpty else { return false }
    return try list.allSatisfy { try $0.string("status") != "rejected" }
  }
}
