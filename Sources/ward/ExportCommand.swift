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
      finding with exactly: SchemaVersion; Id and ProductArn (a Security Hub finding's \
      original Id and ProductArn; otherwise Ward's stable finding id and \
      arn:aws:securityhub:REGION:ACCOUNT:product/ACCOUNT/default); GeneratorId \
      (ward/SOURCE/RULE); AwsAccountId; Types (Software and Configuration \
      Checks/Ward/CATEGORY); CreatedAt (first seen); UpdatedAt (the triage time, else last \
      seen); Severity.Label (INFORMATIONAL for info); Title (first 256 characters); \
      Description (first 1024, the title when there is none); Resources [{Type, Id, \
      Region}]; Remediation.Recommendation {Text (first 512 characters), Url (whole)} when \
      the finding has a remediation; Workflow.Status (new: NEW; acknowledged, in-progress: \
      NOTIFIED; resolved, false-positive: RESOLVED; risk-accepted, suppressed: SUPPRESSED); \
      VerificationState FALSE_POSITIVE for false-positive; RecordState ACTIVE; \
      ProductFields ward/finding-id, ward/state, ward/category, ward/tenant, ward/source \
      (and ward/source-system, securityhub or asff, when the original identity is kept); \
      and Note {Text (state: reason — note (until DATE); at most 512 UTF-16 units, cut \
      with …), UpdatedBy (the operator, at most 128), UpdatedAt} when there is a decision. \
      A finding without an account or region gets 000000000000 and us-east-1. Importing \
      the file into Ward keeps every finding's id.

      securityhub-updates: BatchUpdateFindings request bodies as JSON Lines, one request a \
      line, for `aws securityhub batch-update-findings --region R --cli-input-json "$LINE"`. \
      Only findings Security Hub holds (imported from a get-findings response) whose state \
      a person, a policy rule, an expiry or a stale check set in Ward, and that Security \
      Hub is not known to hold already: the workflow it held at the newest import is \
      compared, and a decision older than a change Security Hub made is not sent. Each \
      request has at most 100 FindingIdentifiers {Id, ProductArn} of one region with the \
      same Workflow.Status (the mapping above), VerificationState (FALSE_POSITIVE for \
      false-positive; UNKNOWN to clear one Security Hub may hold) and Note {Text, \
      UpdatedBy} (as above). --since RUN|DATE sends only decisions made after run RUN \
      (`ward changes --runs`) or at or after DATE; --region R only findings of region R. \
      Standard error says how many requests and ids were written, per region, and how \
      many findings were skipped and why.

      markdown: a triage report per tenant and category: each decision with who, when and \
      why.

      sarif: SARIF 2.1.0 for code scanning (tool Ward; a rule per rule used, with help, \
      helpUri and security-severity; a result per finding with a location: file and lines \
      from Checkov or a SARIF import). Findings without a location are left out and counted \
      on standard error. Closed decisions are accepted suppressions.

      ocsf: a JSON array of OCSF 1.4.0 Detection Findings (class 2004, type 200401), one per \
      finding, with the fields Prowler's json-ocsf has; Ward's source, category, tenant, \
      state and location under unmapped.ward. `jq -c '.[]'` makes JSON Lines of it.

      `ward export sarif` and `ward export ocsf` (any format, as a positional argument) mean \
      the same as --format.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case csv, json, asff, markdown
    case securityHubUpdates = "securityhub-updates"
    case sarif, ocsf
  }

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: "csv, json, asff, markdown, securityhub-updates, sarif or ocsf.")
  var format: Format?
  @Argument(help: "The format, as a shorthand for --format (ward export sarif).")
  var formatArgument: Format?
  @OptionGroup var filters: FindingFilterOptions
  @Option(
    help:
      "securityhub-updates: only decisions made after this run id, or at or after this date (YYYY-MM-DD or an ISO 8601 time)."
  )
  var since: String?
  @Option(help: "securityhub-updates: only findings Security Hub holds in this region.")
  var region: String?
  @Option(help: "Write to FILE instead of standard output.") var output: String?

  /// `--format`, else the positional format, else csv.
  var chosenFormat: Format { format ?? formatArgument ?? .csv }

  func validate() throws {
    if let format, let formatArgument, format != formatArgument {
      throw ValidationError(
        "--format \(format.rawValue) and the format argument \(formatArgument.rawValue) disagree")
    }
    if chosenFormat != .securityHubUpdates && (since != nil || region != nil) {
      throw ValidationError("--since and --region apply to --format securityhub-updates only")
    }
  }

  func run() throws {
    if CallerSession.current != nil, output != nil {
      throw CommandFailure("--output is refused over SSH: the export goes to your terminal")
    }
    let store = try readStore(storeOptions)
    let filter = try filters.filter()
    let format = chosenFormat
    if format == .securityHubUpdates { return try exportUpdates(store, filter: filter) }
    let rows = try allPages(limit: nil) { try store.findings(filter: filter, after: $0, limit: $1) }
    let findings = try rows.compactMap { try store.finding(id: $0.id) }
    let text: String
    var written = findings.count
    switch format {
    case .csv, .json:
      let printer = RecordPrinter(format: format == .csv ? .csv : .json, tableColumns: nil)
      text = printer.render(findings.map(exportRecord), keys: exportKeys)
    case .asff: text = ASFFExport.render(findings)
    case .markdown, .securityHubUpdates: text = MarkdownReport.render(findings)
    case .sarif:
      let (log, leftOut) = SARIFExport.render(findings, version: Ward.configuration.version)
      text = log
      written -= leftOut
      if leftOut > 0 {
        printError(
          "sarif: left out \(leftOut) of \(findings.count) findings: they have no location (file and line)"
        )
      }
    case .ocsf: text = OCSFExport.render(findings, version: Ward.configuration.version)
    }
    try write(text)
    if let output { printError("wrote \(written) findings to \(output)") }
  }

  /// `text` to `--output` (atomically) or standard output.
  func write(_ text: String) throws {
    if let output {
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
      } catch {
        throw CommandFailure("cannot write \(output): \(error.localizedDescription)")
      }
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }

  /// `--format securityhub-updates`: the BatchUpdateFindings requests, and on standard
  /// error what was written and what was skipped.
  func exportUpdates(_ store: PostureStore, filter: FindingFilter) throws {
    let window = try since.map(changeWindow)
    if case .afterRun(let id) = window, id != 0, try store.run(id: id) == nil {
      throw CommandFailure(
        "--since \(id): no run #\(id) is recorded (`ward changes --runs` lists the runs)")
    }
    let selection = try store.securityHubDecisions(filter: filter, window: window)
    var decisions = selection.decisions
    var otherRegion = 0
    if let region {
      decisions = decisions.filter { $0.ref.region == region }
      otherRegion = selection.decisions.count - decisions.count
    }
    var updates = SecurityHubUpdates.plan(decisions)
    updates.skipped.merge(selection.excluded, uniquingKeysWith: +)
    if otherRegion > 0 { updates.skipped[.otherRegion] = otherRegion }
    let text = SecurityHubUpdatesExport.render(updates)
    try write(text)
    for line in SecurityHubUpdatesExport.summary(
      updates, bytes: text.utf8.count, destination: output)
    {
      printError(line)
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
  static func render(_ findings: [StoredFinding]) -> String {
    let items = findings.map { s -> [String: Any] in
      let f = s.finding
      let account = f.account ?? "000000000000"
      let region = f.region ?? "us-east-1"
      var productFields: [String: String] = [
        "ward/finding-id": f.id, "ward/state": s.triage.state.rawValue,
        "ward/category": f.category.id, "ward/tenant": s.tenant, "ward/source": f.source,
      ]
      if let ref = f.sourceRef { productFields["ward/source-system"] = ref.system }
      var item: [String: Any] = [
        "SchemaVersion": "2018-10-08",
        // A Security Hub finding keeps its own identity; Ward's findings get Ward's.
        "Id": f.sourceRef?.id ?? f.id,
        "ProductArn": f.sourceRef?.productArn
          ?? "arn:aws:securityhub:\(region):\(account):product/\(account)/default",
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
        "Workflow": ["Status": SecurityHubWorkflow.status(for: s.triage.state)],
        "RecordState": "ACTIVE",
        "ProductFields": productFields,
      ]
      if let v = SecurityHubWorkflow.verificationState(for: s.triage.state) {
        item["VerificationState"] = v
      }
      if !f.remediation.isEmpty {
        var recommendation: [String: String] = ["Text": String(f.remediation.prefix(512))]
        if let url = RemediationURL.first(in: f.remediation) { recommendation["Url"] = url }
        item["Remediation"] = ["Recommendation": recommendation]
      }
      if let note = SecurityHubNote.text(
        state: s.triage.state, reason: s.triage.reason, note: s.triage.note,
        until: s.triage.until)
      {
        item["Note"] = [
          "Text": note, "UpdatedBy": SecurityHubNote.updatedBy(s.triage.by),
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
