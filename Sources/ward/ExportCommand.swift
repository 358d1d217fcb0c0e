import ArgumentParser
import Foundation
import WardModel
import WardStore
import WardUI

/// `ward export`: findings with their triage decisions, for spreadsheets, Security Hub or a
/// meeting.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export findings with their state, latest reason and note.",
    discussion: """
      Without --state, findings in every state are exported; --state takes open, closed, \
      all or state ids.

      csv, json: one row per finding (the `findings` columns plus reason, note, until, \
      state_by, state_at, then description, evidence, remediation and urls).

      asff: {"Findings": [...]} in AWS Security Finding Format 2018-10-08, one object per \
      finding with exactly: SchemaVersion; Id (Ward's stable finding id, not a Security Hub \
      finding's original Id); ProductArn \
      (arn:aws:securityhub:REGION:ACCOUNT:product/ACCOUNT/default); GeneratorId \
      (ward/SOURCE/RULE); AwsAccountId; Types (Software and Configuration \
      Checks/Ward/CATEGORY); CreatedAt (first seen); UpdatedAt (the triage time, else last \
      seen); Severity.Label (INFORMATIONAL for info); Title (first 256 characters); \
      Description (first 1024, the title when there is none); Resources [{Type, Id, \
      Region}]; Remediation.Recommendation {Text (first 512 characters), Url (whole)} when \
      the finding has a remediation; Workflow.Status (new: NEW; acknowledged, in-progress: \
      NOTIFIED; resolved, false-positive: RESOLVED; risk-accepted, suppressed: SUPPRESSED); \
      RecordState ACTIVE; ProductFields ward/finding-id, ward/state, ward/category, \
      ward/tenant, ward/source; and Note {Text (state: reason — note, until DATE; at most \
      512), UpdatedBy, UpdatedAt} when there is a decision. A finding without an account \
      or region gets 000000000000 and us-east-1. Import it with BatchImportFindings, or \
      update Security Hub's own findings with BatchUpdateFindings (FindingIdentifiers = Id \
      + ProductArn).

      markdown: a triage report per tenant and category: each decision with who, when and \
      why.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, asff, markdown }

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: "csv, json, asff or markdown.") var format: Format = .csv
  @OptionGroup var filters: FindingFilterOptions
  @Option(help: "Write to FILE instead of standard output.") var output: String?

  func run() throws {
    if CallerSession.current != nil, output != nil {
      throw CommandFailure("--output is refused over SSH: the export goes to your terminal")
    }
    let store = try readStore(storeOptions)
    let filter = try filters.filter()
    let rows = try allPages(limit: nil) { try store.findings(filter: filter, after: $0, limit: $1) }
    let findings = try rows.compactMap { try store.finding(id: $0.id) }
    let text: String
    switch format {
    case .csv, .json:
      let printer = RecordPrinter(format: format == .csv ? .csv : .json, tableColumns: nil)
      text = printer.render(findings.map(exportRecord), keys: exportKeys)
    case .asff: text = ASFFExport.render(findings)
    case .markdown: text = MarkdownReport.render(findings)
    }
    if let output {
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
      } catch {
        throw CommandFailure("cannot write \(output): \(error.localizedDescription)")
      }
      printError("wrote \(findings.count) findings to \(output)")
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }
}

let exportKeys =
  [
    "id", "tenant", "account", "region", "function", "resource", "category", "severity", "state",
    "reason", "note", "until", "state_by", "state_at", "title", "source", "rule", "first_seen",
    "last_seen", "version",
  ] + findingDetailKeys

func exportRecord(_ s: StoredFinding) -> Record {
  let f = s.finding
  return Record(
    [
      ("id", .string(f.id)), ("tenant", .string(s.tenant)), ("account", .string(f.account)),
      ("region", .string(f.region)),
      ("function", .string(f.functionArn.flatMap { ARN($0)?.lambdaFunctionName })),
      ("resource", .string(f.resource)), ("category", .string(f.category.id)),
      ("severity", .string(f.severity.rawValue)), ("state", .string(s.triage.state.rawValue)),
      ("reason", .string(s.triage.reason)), ("note", .string(s.triage.note)),
      ("until", .string(s.triage.until.map(UTC.date))), ("state_by", .string(s.triage.by)),
      ("state_at", .string(s.triage.at.map(UTC.iso8601))), ("title", .string(f.title)),
      ("source", .string(f.source)), ("rule", .string(f.ruleId)),
      ("first_seen", .string(UTC.iso8601(f.firstSeen))),
      ("last_seen", .string(UTC.iso8601(f.lastSeen))), ("version", .int(s.triage.version)),
    ] + findingDetailFields(f))
}

/// AWS Security Finding Format (2018-10-08) with the triage decision as Workflow and Note.
enum ASFFExport {
  /// Ward state -> Workflow.Status.
  static func workflowStatus(_ state: TriageState) -> String {
    switch state {
    case .new: "NEW"
    case .acknowledged, .inProgress: "NOTIFIED"
    case .resolved, .falsePositive: "RESOLVED"
    case .riskAccepted, .suppressed: "SUPPRESSED"
    }
  }

  static func render(_ findings: [StoredFinding]) -> String {
    let items = findings.map { s -> [String: Any] in
      let f = s.finding
      let account = f.account ?? "000000000000"
      let region = f.region ?? "us-east-1"
      var item: [String: Any] = [
        "SchemaVersion": "2018-10-08",
        // Ward's stable id: the store does not keep a Security Hub finding's original Id.
        "Id": f.id,
        "ProductArn": "arn:aws:securityhub:\(region):\(account):product/\(account)/default",
        "GeneratorId": "ward/\(f.source)/\(f.ruleId)",
        "AwsAccountId": account,
        "Types": ["Software and Configuration Checks/Ward/\(f.category.id)"],
        "CreatedAt": UTC.iso8601(f.firstSeen),
        "UpdatedAt": UTC.iso8601(s.triage.at ?? f.lastSeen),
        "Severity": [
          "Label": f.severity == .info ? "INFORMATIONAL" : f.severity.rawValue.uppercased()
        ],
        "Title": String(f.title.prefix(256)),
        "Description": String((f.description.isEmpty ? f.title : f.description).prefix(1024)),
        "Resources": [
          ["Type": f.resourceType ?? "Other", "Id": f.resource, "Region": region]
        ],
        "Workflow": ["Status": workflowStatus(s.triage.state)],
        "RecordState": "ACTIVE",
        "ProductFields": [
          "ward/finding-id": f.id, "ward/state": s.triage.state.rawValue,
          "ward/category": f.category.id, "ward/tenant": s.tenant, "ward/source": f.source,
        ],
      ]
      if !f.remediation.isEmpty {
        var recommendation: [String: String] = ["Text": String(f.remediation.prefix(512))]
        if let url = RemediationURL.first(in: f.remediation) { recommendation["Url"] = url }
        item["Remediation"] = ["Recommendation": recommendation]
      }
      if let note = noteText(s) {
        item["Note"] = [
          "Text": note, "UpdatedBy": String((s.triage.by ?? "ward").prefix(512)),
          "UpdatedAt": UTC.iso8601(s.triage.at ?? f.lastSeen),
        ]
      }
      return item
    }
    let data =
      (try? JSONSerialization.data(
        withJSONObject: ["Findings": items], options: [.prettyPrinted, .sortedKeys])) ?? Data()
    // JSONSerialization leaves DEL, C1 and bidi controls raw inside strings.
    return OutputText.escapingJSONDocument(String(decoding: data, as: UTF8.self)) + "\n"
  }

  /// `state: reason — note (until DATE)`, at most 512 characters (the ASFF limit); nil when
  /// there is no decision to report.
  static func noteText(_ s: StoredFinding) -> String? {
    guard s.triage.reason != nil || s.triage.note != nil || s.triage.state != .new else {
      return nil
    }
    var text = s.triage.state.rawValue
    if let reason = s.triage.reason { text += ": \(reason)" }
    if let note = s.triage.note { text += " — \(note)" }
    if let until = s.triage.until { text += " (until \(UTC.date(until)))" }
    return String(text.prefix(512))
  }
}

/// A Markdown triage report for a meeting: per tenant and category, each decision with
/// who, when and why.
enum MarkdownReport {
  static func render(_ findings: [StoredFinding]) -> String {
    var out = "# Triage report\n\n"
    let decided = findings.filter { $0.triage.state != .new || $0.triage.note != nil }
    out += "\(findings.count) findings, \(decided.count) with a decision or note.\n"
    let byTenant = Dictionary(grouping: findings, by: \.tenant)
    for tenant in byTenant.keys.sorted() {
      out += "\n## Tenant \(cell(tenant))\n"
      let byCategory = Dictionary(grouping: byTenant[tenant]!, by: \.finding.category)
      for category in byCategory.keys.sorted() {
        out += "\n### \(category.title) (`\(category.id)`)\n\n"
        out += "| Finding | Severity | State | Who | When | Why | Note |\n"
        out += "|---|---|---|---|---|---|---|\n"
        let items = byCategory[category]!.sorted {
          ($0.finding.severity.rank, $1.finding.id) > ($1.finding.severity.rank, $0.finding.id)
        }
        for s in items {
          let state =
            s.triage.state.rawValue + (s.triage.until.map { " until \(UTC.date($0))" } ?? "")
          out +=
            "| \(cell(s.finding.title)) (\(cell(s.finding.id))) | \(s.finding.severity.rawValue) "
            + "| \(state) | \(cell(s.triage.by ?? "")) | \(s.triage.at.map(UTC.iso8601) ?? "") "
            + "| \(cell(s.triage.reason ?? "")) | \(cell(s.triage.note ?? "")) |\n"
        }
      }
    }
    return out
  }

  /// Table-cell text from data, made literal by the output policy (no HTML, no links or
  /// images, no controls, pipes escaped).
  static func cell(_ s: String) -> String { OutputText.markdown(s) }
}
