import Foundation
import WardModel
import WardStore
import WardUI

/// OCSF 1.4.0 Detection Findings (class 2004, category 2 Findings, type 200401 Create), one
/// per finding, as one JSON array: the shape and fields of Prowler's `-M json-ocsf`, so
/// Security Lake, a SIEM or `ward import` read it as they read Prowler's. Ward's own facts
/// (source, category, tenant, state, evidence, location) are under `unmapped.ward`.
enum OCSFExport {
  /// The OCSF schema version written (Prowler writes 1.4.0 as well).
  static let schemaVersion = "1.4.0"

  static func render(_ findings: [StoredFinding], version: String) -> String {
    let items = findings.map { finding($0, version: version) }
    let data =
      (try? JSONSerialization.data(withJSONObject: items, options: [.prettyPrinted, .sortedKeys]))
      ?? Data()
    return OutputText.escapingJSONDocument(String(decoding: data, as: UTF8.self)) + "\n"
  }

  /// OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical.
  static func severity(_ s: Severity) -> (id: Int, name: String) {
    switch s {
    case .info: (1, "Informational")
    case .low: (2, "Low")
    case .medium: (3, "Medium")
    case .high: (4, "High")
    case .critical: (5, "Critical")
    }
  }

  /// OCSF status_id: new 1 New; acknowledged, in-progress 2 In Progress; suppressed,
  /// risk-accepted, false-positive 3 Suppressed; resolved 4 Resolved.
  static func status(_ state: TriageState) -> (id: Int, name: String) {
    switch state {
    case .new: (1, "New")
    case .acknowledged, .inProgress: (2, "In Progress")
    case .suppressed, .riskAccepted, .falsePositive: (3, "Suppressed")
    case .resolved: (4, "Resolved")
    }
  }

  /// OCSF timestamps are milliseconds since the epoch (Prowler writes seconds; readers,
  /// Ward's too, tell them apart by size).
  static func millis(_ t: EpochSeconds) -> Int64 { Int64(t) * 1000 }

  static func finding(_ s: StoredFinding, version: String) -> [String: Any] {
    let f = s.finding
    let sev = severity(f.severity)
    let status = status(s.triage.state)
    let region = f.region ?? ""
    var resource: [String: Any] = [
      "uid": f.functionArn ?? f.resource,
      "name": f.functionArn.flatMap { ARN($0)?.lambdaFunctionName } ?? f.resource,
      "type": f.functionArn != nil ? "AwsLambdaFunction" : (f.resourceType ?? "Other"),
      "cloud_partition": "aws",
    ]
    if !region.isEmpty { resource["region"] = region }
    var cloud: [String: Any] = ["provider": "aws"]
    if let account = f.account {
      // OCSF requires the account's name; Ward knows its id only (Prowler writes the
      // Organizations name when it has one, else the id too).
      cloud["account"] = ["uid": account, "name": account, "type": "AWS Account", "type_id": 10]
    }
    if !region.isEmpty { cloud["region"] = region }
    var ward: [String: Any] = [
      "source": f.source, "category": f.category.id, "tenant": s.tenant,
      "state": s.triage.state.rawValue, "evidence": f.evidence, "resource": f.resource,
    ]
    if let type = f.resourceType { ward["resource_type"] = type }
    // OCSF's desc is required, so it repeats the title when there is no description:
    // say so, for a reader that wants the finding as it was.
    if f.description.isEmpty { ward["description"] = "" }
    if let reason = s.triage.reason { ward["reason"] = reason }
    if let note = s.triage.note { ward["note"] = note }
    if let until = s.triage.until { ward["until"] = UTC.iso8601(until) }
    if let location = f.location {
      var loc: [String: Any] = ["uri": location.uri]
      if let start = location.startLine { loc["start_line"] = start }
      if let end = location.endLine { loc["end_line"] = end }
      ward["location"] = loc
    }
    var item: [String: Any] = [
      "activity_id": 1, "activity_name": "Create",
      "category_uid": 2, "category_name": "Findings",
      "class_uid": 2004, "class_name": "Detection Finding",
      "type_uid": 200401, "type_name": "Detection Finding: Create",
      "severity_id": sev.id, "severity": sev.name,
      "status_id": status.id, "status": status.name,
      "status_code": s.triage.state == .resolved ? "PASS" : "FAIL",
      "status_detail": f.title,
      "message": f.title,
      "time": millis(f.lastSeen), "time_dt": UTC.iso8601(f.lastSeen),
      "finding_info": [
        "uid": f.id, "title": f.title,
        "desc": f.description.isEmpty ? f.title : f.description,
        "types": [f.category.id],
        "created_time": millis(f.firstSeen), "created_time_dt": UTC.iso8601(f.firstSeen),
        "first_seen_time": millis(f.firstSeen), "first_seen_time_dt": UTC.iso8601(f.firstSeen),
        "last_seen_time": millis(f.lastSeen), "last_seen_time_dt": UTC.iso8601(f.lastSeen),
        "product_uid": "ward",
      ] as [String: Any],
      "metadata": [
        "version": schemaVersion, "event_code": f.ruleId,
        "product": ["name": "Ward", "vendor_name": "Ward", "uid": "ward", "version": version],
        "profiles": ["cloud", "datetime"],
      ] as [String: Any],
      "cloud": cloud,
      "resources": [resource],
      "unmapped": ["ward": ward],
    ]
    if !f.remediation.isEmpty {
      item["remediation"] = [
        "desc": f.remediation, "references": urls(in: [f.remediation]),
      ]
    }
    return item
  }
}
