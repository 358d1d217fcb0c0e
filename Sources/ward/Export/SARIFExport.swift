import Foundation
import WardModel
import WardStore
import WardUI

/// SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE viewers): one run by the
/// tool `Ward`, a rule for each rule the findings use, and a result for each finding that
/// has a location (a template file and line, from Checkov or a SARIF import). Findings
/// without one cannot be placed in code and are left out; ``render(_:version:)`` says how
/// many.
enum SARIFExport {
  /// The schema the log names (the OASIS 2.1.0 schema).
  static let schema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

  /// The log, and how many findings were left out for having no location.
  static func render(_ findings: [StoredFinding], version: String) -> (text: String, leftOut: Int) {
    let placed = findings.filter { $0.finding.location != nil }
      .sorted { $0.finding.id < $1.finding.id }
    let ruleIds = self.ruleIds(placed.map(\.finding))
    var rules: [[String: Any]] = []
    var ruleIndex: [String: Int] = [:]
    for s in placed {
      let id = ruleIds[key(s.finding)]!
      if ruleIndex[id] == nil {
        ruleIndex[id] = rules.count
        rules.append(rule(id: id, for: s.finding))
      }
    }
    let results = placed.map { s -> [String: Any] in
      let id = ruleIds[key(s.finding)]!
      return result(s, ruleId: id, ruleIndex: ruleIndex[id]!)
    }
    let log: [String: Any] = [
      "$schema": schema,
      "version": "2.1.0",
      "runs": [
        [
          "tool": [
            "driver": [
              "name": "Ward", "version": version, "semanticVersion": version, "rules": rules,
            ]
          ],
          "results": results,
          "columnKind": "unicodeCodePoints",
        ]
      ],
    ]
    let data =
      (try? JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys]))
      ?? Data()
    let text = OutputText.escapingJSONDocument(String(decoding: data, as: UTF8.self)) + "\n"
    return (text, findings.count - placed.count)
  }

  /// A finding's rule, as (source, rule id).
  static func key(_ f: Finding) -> String { f.source + "\u{1F}" + f.ruleId }

  /// The SARIF rule id of each (source, rule): the source's rule id, or `SOURCE/RULE` when
  /// two sources use the same rule id (a rule id must name one rule in a run).
  static func ruleIds(_ findings: [Finding]) -> [String: String] {
    var sources: [String: Set<String>] = [:]
    for f in findings { sources[f.ruleId, default: []].insert(f.source) }
    var out: [String: String] = [:]
    for f in findings {
      let rule = f.ruleId.isEmpty ? "unnamed" : f.ruleId
      out[key(f)] = sources[f.ruleId]!.count > 1 ? "\(f.source)/\(rule)" : rule
    }
    return out
  }

  /// error for critical and high, warning for medium, note for low and info.
  static func level(_ severity: Severity) -> String {
    switch severity {
    case .critical, .high: "error"
    case .medium: "warning"
    case .low, .info: "note"
    }
  }

  /// The `security-severity` GitHub ranks by: critical 9.5, high 8.0, medium 5.5, low 2.0,
  /// info 0.0 (inside GitHub's bands ≥ 9.0, 7.0–8.9, 4.0–6.9, 0.1–3.9).
  static func securitySeverity(_ severity: Severity) -> String {
    switch severity {
    case .critical: "9.5"
    case .high: "8.0"
    case .medium: "5.5"
    case .low: "2.0"
    case .info: "0.0"
    }
  }

  static func rule(id: String, for f: Finding) -> [String: Any] {
    var rule: [String: Any] = [
      "id": id,
      "shortDescription": ["text": String(f.title.prefix(1024))],
      "defaultConfiguration": ["level": level(f.severity)],
      "properties": [
        "security-severity": securitySeverity(f.severity),
        "tags": ["security", f.category.id, f.source],
        "ward-category": f.category.id,
      ] as [String: Any],
    ]
    if !f.description.isEmpty { rule["fullDescription"] = ["text": f.description] }
    if !f.remediation.isEmpty { rule["help"] = ["text": f.remediation] }
    if let url = RemediationURL.first(in: f.remediation) { rule["helpUri"] = url }
    return rule
  }

  static func result(_ s: StoredFinding, ruleId: String, ruleIndex: Int) -> [String: Any] {
    let f = s.finding
    let location = f.location!
    var region: [String: Any] = [:]
    if let start = location.startLine {
      region["startLine"] = start
      if let end = location.endLine { region["endLine"] = end }
    }
    var physical: [String: Any] = [
      "artifactLocation": artifact(location.uri, source: s.finding.source)
    ]
    if !region.isEmpty { physical["region"] = region }
    var message = f.title
    if !f.description.isEmpty && f.description != f.title { message += "\n\n" + f.description }
    var result: [String: Any] = [
      "ruleId": ruleId, "ruleIndex": ruleIndex, "level": level(f.severity),
      "message": ["text": message],
      "locations": [["physicalLocation": physical]],
      "partialFingerprints": ["wardFindingId/v1": f.id],
      "properties": [
        "ward-finding-id": f.id, "ward-state": s.triage.state.rawValue,
        "ward-tenant": s.tenant, "ward-category": f.category.id,
        "ward-source": f.source, "security-severity": securitySeverity(f.severity),
      ],
    ]
    if let arn = f.functionArn {
      result["locations"] = [
        [
          "physicalLocation": physical,
          "logicalLocations": [["fullyQualifiedName": arn, "kind": "resource"]],
        ]
      ]
    }
    // A closed decision (resolved, false positive, risk accepted, suppressed) is an
    // accepted external suppression, with the decision as its justification.
    if !s.triage.state.isOpen {
      var suppression: [String: Any] = ["kind": "external", "status": "accepted"]
      if let note = SecurityHubNote.text(
        state: s.triage.state, reason: s.triage.reason, note: s.triage.note,
        until: s.triage.until)
      {
        suppression["justification"] = note
      }
      result["suppressions"] = [suppression]
    }
    return result
  }

  /// `artifactLocation`: a relative path under `%SRCROOT%`; an absolute path or URI as it
  /// is. Characters a URI may not hold are percent-encoded. Checkov's paths start with `/`
  /// but are relative to the directory it scanned (`repo_file_path`): they lose the `/`,
  /// or code scanning could not place them in the repository.
  static func artifact(_ uri: String, source: String) -> [String: Any] {
    if uri.contains("://") { return ["uri": uri] }
    let path = source == "checkov" && uri.hasPrefix("/") ? String(uri.dropFirst()) : uri
    let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    if path.hasPrefix("/") { return ["uri": encoded] }
    return ["uri": encoded, "uriBaseId": "%SRCROOT%"]
  }
}
