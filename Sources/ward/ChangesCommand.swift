import ArgumentParser
import Foundation
import WardModel
import WardStore

/// `ward changes`: what changed since the previous run (or a given run or date), per tenant.
struct ChangesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "changes",
    abstract:
      "What changed since the previous run, a run or a date: per tenant, or finding by finding.",
    discussion: """
      Every import, scan and policy apply is recorded as a run (`ward changes --runs` lists \
      them). Per tenant: new findings, resolved (passed at source, a Ward rule no longer \
      fires, or no longer seen by an import of the same source and account), reopened, \
      lapsed decisions, stale (not tracked yet: always 0) and state changes by operator. \
      Without --since, the window starts after the run before the newest one. \
      docs/triage.md ("What changed") has the rules.
      """)

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var formatOptions: FormatOptions
  @Option(help: "Start after this run id, or at this date (YYYY-MM-DD or an ISO 8601 time).")
  var since: String?
  @Option(help: "Only these tenants (comma-separated or repeated).") var tenant: [String] = []
  @Flag(help: "List every change, one finding per line, instead of the counts.")
  var details = false
  @Flag(help: "List the recorded runs (newest first) instead of the changes.") var runs = false

  func validate() throws {
    if runs && (details || since != nil || !tenant.isEmpty) {
      throw ValidationError("--runs lists every run: it takes no --since, --tenant or --details")
    }
  }

  func run() throws {
    let store = try readStore(storeOptions)
    if runs { return try printRuns(store) }
    let window = try changeWindow(since)
    let tenants = commaSet(tenant)
    do {
      if details {
        let rows = try store.changeDetails(window, tenants: tenants)
        printRecords(
          rows.map(changeRecord), keys: Self.detailKeys, format: formatOptions.format,
          tableColumns: ["tenant", "change", "id", "severity", "state", "by", "reason", "title"])
        return
      }
      let report = try store.changes(window, tenants: tenants)
      if formatOptions.format == .table { printLine(Self.heading(report)) }
      printRecords(
        report.tenants.map { tenantRecord($0, report) }, keys: Self.tenantKeys,
        format: formatOptions.format,
        tableColumns: [
          "tenant", "findings", "new", "resolved", "reopened", "lapsed", "stale", "triaged", "by",
        ])
    } catch StoreError.runNotFound(let id) {
      throw CommandFailure(
        "--since \(id): no run #\(id) is recorded (`ward changes --runs` lists the runs)")
    }
  }

  static let tenantKeys = [
    "since_run", "since", "tenant", "findings", "new", "resolved", "reopened", "lapsed", "stale",
    "triaged", "by",
  ]

  static let detailKeys = [
    "tenant", "change", "id", "severity", "state", "by", "at", "to_state", "reason", "title",
  ]

  /// The window's first line in table mode: where it starts and which runs it holds.
  static func heading(_ report: ChangeReport) -> String {
    let start: String
    switch report.window {
    case .since(let t): start = "since \(UTC.iso8601(t))"
    case .afterRun, .previousRun:
      if report.afterRun == nil && report.runs.isEmpty {
        return "changes: no run recorded yet (`ward import` records one)"
      }
      start =
        report.afterRun.map {
          "since run #\($0.id) (\($0.kind.rawValue) by \($0.operatorName), \(UTC.iso8601($0.startedAt)))"
        } ?? "since the first run"
    }
    let runs =
      report.runs.isEmpty
      ? "no run in the window" : "runs " + report.runs.map { "#\($0.id)" }.joined(separator: ", ")
    return "changes \(start): \(runs); \(report.tenants.count) tenant"
      + (report.tenants.count == 1 ? "" : "s") + " changed"
  }

  func tenantRecord(_ t: TenantChanges, _ report: ChangeReport) -> Record {
    var boundary: String? = nil
    if case .since(let at) = report.window { boundary = UTC.iso8601(at) }
    boundary = boundary ?? report.afterRun.map { UTC.iso8601($0.finishedAt ?? $0.startedAt) }
    return Record(
      [
        ("since_run", .int(report.afterRun?.id)), ("since", .string(boundary)),
        ("tenant", .string(t.tenant)), ("findings", .int(Int64(t.findings))),
      ]
        + ChangeKind.allCases.map { ($0.rawValue, .int(Int64(t[$0]))) }
        + [("by", .counts(t.byOperator))])
  }

  func changeRecord(_ r: ChangeRow) -> Record {
    Record([
      ("tenant", .string(r.tenant)), ("change", .string(r.kind.rawValue)),
      ("id", .string(r.findingId)), ("severity", .string(r.severity.rawValue)),
      ("state", .string(r.state.rawValue)), ("by", .string(r.operatorName)),
      ("at", .string(UTC.iso8601(r.at))), ("to_state", .string(r.toState?.rawValue)),
      ("reason", .string(r.reason)), ("title", .string(r.title)),
    ])
  }

  /// The runs, newest first. A tenant-scoped caller sees when and by whom, not the files
  /// or the store-wide counts (they span tenants outside the scope).
  func printRuns(_ store: PostureStore) throws {
    let scoped = store.scope.tenants != nil
    let keys =
      ["id", "kind", "operator", "started", "finished", "data_hour"]
      + (scoped
        ? []
        : [
          "files", "file_count", "failed", "new", "updated", "resolved", "unseen", "policy",
          "changed",
        ])
    let records = try store.runs().map { r in
      Record(
        [
          ("id", .int(r.id)), ("kind", .string(r.kind.rawValue)),
          ("operator", .string(r.operatorName)), ("started", .string(UTC.iso8601(r.startedAt))),
          ("finished", .string(r.finishedAt.map(UTC.iso8601))),
          ("data_hour", .string(r.dataHour.map(UTC.iso8601))),
        ]
          + (scoped
            ? []
            : [
              ("files", .strings(r.files)), ("file_count", .int(Int64(r.fileCount))),
              ("failed", .int(Int64(r.failedCount))), ("new", .int(Int64(r.findingsNew))),
              ("updated", .int(Int64(r.findingsUpdated))),
              ("resolved", .int(Int64(r.findingsResolved))),
              ("unseen", .int(Int64(r.findingsUnseen))),
              ("policy", .int(Int64(r.policyChanges))), ("changed", .int(Int64(r.recordsChanged))),
            ]))
    }
    printRecords(records, keys: keys, format: formatOptions.format)
  }
}

/// `--since`: a run id (digits) or a date / ISO 8601 time; anything else is refused.
func changeWindow(_ text: String?) throws -> ChangeWindow {
  guard let text else { return .previousRun }
  let trimmed = text.trimmingCharacters(in: .whitespaces)
  if let id = Int64(trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed), id >= 0 {
    return .afterRun(id)
  }
  guard let t = UTC.parse(trimmed) else {
    throw CommandFailure(
      "--since: expected a run id (`ward changes --runs` lists them) or a date YYYY-MM-DD, got \(text)"
    )
  }
  return .since(t)
}
