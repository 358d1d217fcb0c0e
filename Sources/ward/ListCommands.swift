import ArgumentParser
import Foundation
import WardModel
import WardStore
import WardUI

/// Prints records in the chosen format, each made safe by the output policy (data is
/// untrusted).
func printRecords(
  _ records: [Record], keys: [String], format: OutputFormat, tableColumns: [String]? = nil
) {
  let printer = RecordPrinter(format: format, tableColumns: tableColumns)
  FileHandle.standardOutput.write(Data(printer.render(records, keys: keys).utf8))
}

/// Reads every page of a keyset-paged query (up to `limit` rows).
func allPages<Row>(limit: Int?, _ fetch: (PageCursor?, Int) throws -> Page<Row>) throws -> [Row] {
  var rows: [Row] = []
  var cursor: PageCursor?
  repeat {
    let want = min(500, (limit ?? Int.max) - rows.count)
    guard want > 0 else { break }
    let page = try fetch(cursor, want)
    rows += page.rows
    cursor = page.next
  } while cursor != nil
  return rows
}

/// Splits comma-separated option values (`--severity high,critical`).
func commaSet(_ values: [String]) -> Set<String>? {
  let items = values.flatMap {
    $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
  }
  .filter { !$0.isEmpty }
  return items.isEmpty ? nil : Set(items)
}

/// Parses a comma list into enum values, naming the bad one.
func parseSet<T: RawRepresentable & Hashable>(_ values: [String], option: String, _: T.Type) throws
  -> Set<T>?
where T.RawValue == String {
  guard let raw = commaSet(values) else { return nil }
  var out = Set<T>()
  for r in raw {
    guard let v = T(rawValue: r.lowercased()) else {
      throw ValidationError("--\(option): unknown value \(r)")
    }
    out.insert(v)
  }
  return out
}

/// The states `--state` (or `--in-state`) names: `open`, `closed`, `all` or state ids,
/// comma-separated or repeated; nil when none is given or `all` is among them.
func parseStates(_ values: [String], option: String) throws -> Set<TriageState>? {
  guard let raw = commaSet(values) else { return nil }
  var out = Set<TriageState>()
  for r in raw {
    guard let named = TriageState.states(named: r) else {
      throw ValidationError(
        "--\(option): unknown state \(r) (open, closed, all, or one of "
          + TriageState.allCases.map(\.rawValue).joined(separator: ", ") + ")")
    }
    out.formUnion(named)
  }
  return out.count == TriageState.allCases.count ? nil : out
}

/// The help text of every `--state` option.
let stateOptionHelp =
  "open (new, acknowledged, in-progress), closed (resolved, false-positive, risk-accepted, "
  + "suppressed), all, or state ids; comma-separated or repeated."

/// The read-only store handle that list commands use, narrowed to the caller's scope.
func readStore(_ options: StoreOptions) throws -> PostureStore {
  try scopedForCaller(try openStore(options.path, mode: .readOnly))
}

struct TenantsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tenants",
    abstract: "List tenants with their accounts, functions and open findings.")

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var formatOptions: FormatOptions

  func run() throws {
    let store = try readStore(storeOptions)
    let rows = try store.tenants()
    let records = rows.map { t in
      Record([
        ("name", .string(t.name)), ("accounts", .strings(t.accounts)),
        ("functions", .int(Int64(t.functionCount))), ("open", .int(Int64(t.openTotal))),
        ("critical", .int(Int64(t.openBySeverity[.critical] ?? 0))),
        ("high", .int(Int64(t.openBySeverity[.high] ?? 0))),
        ("medium", .int(Int64(t.openBySeverity[.medium] ?? 0))),
        ("low", .int(Int64(t.openBySeverity[.low] ?? 0))),
        ("info", .int(Int64(t.openBySeverity[.info] ?? 0))),
        ("labels", .object(t.labels)),
      ])
    }
    printRecords(
      records,
      keys: [
        "name", "accounts", "functions", "open", "critical", "high", "medium", "low", "info",
        "labels",
      ],
      format: formatOptions.format)
  }
}

struct FunctionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "functions",
    abstract: "List functions, filtered by tenant, region, runtime or name.")

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var formatOptions: FormatOptions
  @Option(help: "Only these tenants (comma-separated or repeated).") var tenant: [String] = []
  @Option(help: "Only these regions.") var region: [String] = []
  @Option(help: "Only these runtimes.") var runtime: [String] = []
  @Option(help: "Names containing this text.") var name: String?
  @Option(help: "At most this many rows.") var limit: Int?

  func run() throws {
    let store = try readStore(storeOptions)
    let filter = FunctionFilter(
      tenants: commaSet(tenant), regions: commaSet(region), runtimes: commaSet(runtime),
      nameContains: name)
    let rows = try allPages(limit: limit) {
      try store.functions(filter: filter, after: $0, limit: $1)
    }
    let records = rows.map { f in
      Record([
        ("name", .string(f.name)), ("tenant", .string(f.tenant)), ("account", .string(f.account)),
        ("region", .string(f.region)), ("arn", .string(f.arn)), ("runtime", .string(f.runtime)),
        ("memory", .int(f.memoryMB.map(Int64.init))),
        ("critical", .int(Int64(f.openBySeverity[.critical] ?? 0))),
        ("high", .int(Int64(f.openBySeverity[.high] ?? 0))),
        ("medium", .int(Int64(f.openBySeverity[.medium] ?? 0))),
        ("low", .int(Int64(f.openBySeverity[.low] ?? 0))),
      ])
    }
    printRecords(
      records,
      keys: [
        "name", "tenant", "account", "region", "arn", "runtime", "memory", "critical", "high",
        "medium", "low",
      ],
      format: formatOptions.format,
      tableColumns: [
        "name", "tenant", "region", "runtime", "memory", "critical", "high", "medium", "low",
      ])
  }
}

struct FindingsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "findings",
    abstract: "List findings, filtered by tenant, function, category, severity, state or source.",
    discussion: """
      Categories: \(Category.allCases.map(\.id).joined(separator: ", ")).
      Severities: critical, high, medium, low, info.
      States: \(TriageState.allCases.map(\.rawValue).joined(separator: ", ")); --state also
      takes open, closed and all. Without --state, only open findings are listed (what the
      console shows); --state all lists every state.
      Sources: ward, securityhub, prowler, checkov.
      """)

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var formatOptions: FormatOptions
  @OptionGroup var filters: FindingFilterOptions
  @Option(
    help: "Only closed decisions that lapse within this time: 14d, 48h or a YYYY-MM-DD date.")
  var expiring: String?
  @Option(help: "At most this many rows.") var limit: Int?

  func run() throws {
    let store = try readStore(storeOptions)
    // What lapses soon is closed by definition; otherwise the console's default, open.
    var filter = try filters.filter(defaultStates: expiring == nil ? ["open"] : ["closed"])
    if let expiring {
      filter.expiringBy = try expiryHorizon(
        expiring, now: EpochSeconds(Date().timeIntervalSince1970))
    }
    let rows = try allPages(limit: limit) {
      try store.findings(filter: filter, after: $0, limit: $1)
    }
    // JSON carries each finding whole (description, evidence, remediation, URLs); table
    // and CSV stay one line per finding (`ward export --format csv` has the long fields).
    let whole = formatOptions.format == .json
    let records = try rows.map { row in
      guard whole, let stored = try store.finding(id: row.id) else { return findingRecord(row) }
      var record = findingRecord(row)
      record.fields += findingDetailFields(stored.finding).map { (key: $0.0, value: $0.1) }
      return record
    }
    printRecords(
      records, keys: whole ? findingKeys + findingDetailKeys : findingKeys,
      format: formatOptions.format,
      tableColumns: [
        "id", "tenant", "function", "category", "severity", "state", "source", "title",
      ] + (expiring == nil ? [] : ["until"]))
  }
}

/// `14d`, `48h` (from now) or a date, as the instant `--expiring` lists lapses up to.
func expiryHorizon(_ text: String, now: EpochSeconds) throws -> EpochSeconds {
  if let unit = text.last, "dh".contains(unit), let n = Int64(text.dropLast()), n >= 0 {
    return now + n * (unit == "d" ? UTC.day : UTC.hour)
  }
  guard let t = UTC.parse(text) else {
    throw CommandFailure("--expiring: expected 14d, 48h or YYYY-MM-DD, got \(text)")
  }
  return t
}

/// The finding selectors shared by `findings`, `export` and `triage` (everything but the
/// state, which `triage` names `--in-state` because its `--state` is the new state).
struct FindingSelectOptions: ParsableArguments {
  @Option(help: "Only these tenants (comma-separated or repeated).") var tenant: [String] = []
  @Option(help: "Only findings on this function (name or ARN).") var function: String?
  @Option(help: "Only these categories.") var category: [String] = []
  @Option(help: "Only these severities.") var severity: [String] = []
  @Option(help: "Only these sources (ward, securityhub, prowler, checkov).") var source: [String] =
    []
  @Option(help: "Only findings whose title or resource contains this text.") var text: String?

  /// The store filter, with `states` parsed from the caller's own state option.
  func filter(states: [String], option: String) throws -> FindingFilter {
    FindingFilter(
      tenants: commaSet(tenant), function: function,
      categories: try parseSet(category, option: "category", Category.self),
      severities: try parseSet(severity, option: "severity", Severity.self),
      states: try parseStates(states, option: option),
      sources: commaSet(source), text: text)
  }

  /// Whether no selector is set (bulk commands refuse to act on everything by accident).
  var isEmpty: Bool {
    tenant.isEmpty && function == nil && category.isEmpty && severity.isEmpty && source.isEmpty
      && text == nil
  }
}

/// The finding filters of `findings` and `export`.
struct FindingFilterOptions: ParsableArguments {
  @OptionGroup var select: FindingSelectOptions
  @Option(help: ArgumentHelp("Only findings in these triage states: " + stateOptionHelp))
  var state: [String] = []

  /// The store filter; without `--state`, the findings in `defaultStates` (`findings`: the
  /// open ones, as the console shows; `export`: all).
  func filter(defaultStates: [String] = ["all"]) throws -> FindingFilter {
    try select.filter(states: state.isEmpty ? defaultStates : state, option: "state")
  }

  /// Whether any filter is set.
  var isEmpty: Bool { select.isEmpty && state.isEmpty }
}

let findingKeys = [
  "id", "tenant", "account", "region", "function", "resource", "category", "severity", "state",
  "title", "source", "rule", "first_seen", "last_seen", "version", "until",
]

func findingRecord(_ f: FindingRow) -> Record {
  Record([
    ("id", .string(f.id)), ("tenant", .string(f.tenant)), ("account", .string(f.account)),
    ("region", .string(f.region)),
    ("function", .string(f.functionArn.flatMap { ARN($0)?.lambdaFunctionName })),
    ("resource", .string(f.resource)), ("category", .string(f.category.id)),
    ("severity", .string(f.severity.rawValue)), ("state", .string(f.state.rawValue)),
    ("title", .string(f.title)), ("source", .string(f.source)), ("rule", .string(f.ruleId)),
    ("first_seen", .string(UTC.iso8601(f.firstSeen))),
    ("last_seen", .string(UTC.iso8601(f.lastSeen))),
    ("version", .int(f.version)), ("until", .string(f.until.map(UTC.iso8601))),
  ])
}

struct AlertsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "alerts", abstract: "List the alert timeline, newest first.")

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var formatOptions: FormatOptions
  @Option(help: "Only these tenants.") var tenant: [String] = []
  @Option(
    help:
      "Only these kinds (invocation-spike, error-burst, throttle-storm, duration-regression, cold-start-surge, cost-anomaly)."
  )
  var kind: [String] = []
  @Option(help: "Only alerts at or above this severity.") var severity: Severity?
  @Option(help: "At most this many rows.") var limit: Int?

  func run() throws {
    let store = try readStore(storeOptions)
    let filter = AlertFilter(
      tenants: commaSet(tenant), kinds: commaSet(kind), minimumSeverity: severity)
    let rows = try allPages(limit: limit) { try store.alerts(filter: filter, after: $0, limit: $1) }
    let records = rows.map { r in
      Record([
        ("id", .string(r.alert.id)), ("tenant", .string(r.tenant)),
        ("account", .string(r.alert.account)),
        (
          "function",
          .string(
            r.alert.functionArn.flatMap { ARN($0)?.lambdaFunctionName } ?? r.alert.functionArn)
        ),
        ("kind", .string(r.alert.kind)), ("severity", .string(r.alert.severity.rawValue)),
        ("start", .string(UTC.iso8601(r.alert.start))),
        ("end", .string(r.alert.end.map(UTC.iso8601))),
        ("title", .string(r.alert.title)), ("detail", .string(r.alert.detail)),
      ])
    }
    printRecords(
      records,
      keys: [
        "id", "tenant", "account", "function", "kind", "severity", "start", "end", "title",
        "detail",
      ],
      format: formatOptions.format,
      tableColumns: ["start", "severity", "tenant", "function", "kind", "title"])
  }
}

extension Severity: ExpressibleByArgument {}

struct CostsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "costs", abstract: "Daily cost per tenant, or per function with --by function.")

  enum Grouping: String, ExpressibleByArgument { case tenant, function }

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var formatOptions: FormatOptions
  @Option(help: "Only these tenants.") var tenant: [String] = []
  @Option(help: "Group by tenant (account-level cost) or function.") var by: Grouping = .tenant
  @Option(help: "Only this function (name or ARN, as the cost file named it).") var function:
    String?
  @Option(help: "Days back from the newest cost day.") var days: Int = 30

  func run() throws {
    let store = try readStore(storeOptions)
    let tenants = commaSet(tenant)
    let rows: [CostRow]
    switch by {
    case .tenant where function == nil:
      let newest =
        try store.latestCostDay() ?? UTC.dayFloor(EpochSeconds(Date().timeIntervalSince1970))
      rows = try store.costs(
        filter: CostFilter(
          tenants: tenants, from: newest - EpochSeconds(days - 1) * UTC.day, to: newest + UTC.day))
    default:
      let newest =
        try store.latestCostDay() ?? UTC.dayFloor(EpochSeconds(Date().timeIntervalSince1970))
      rows = try store.functionCosts(
        tenants: tenants, function: function, from: newest - EpochSeconds(days - 1) * UTC.day,
        to: newest + UTC.day)
    }
    let records = rows.map { r in
      Record([
        ("day", .string(UTC.date(r.day))), ("tenant", .string(r.tenant)),
        ("account", .string(r.account)), ("function", .string(r.function)),
        ("amount", .double(r.amount)), ("currency", .string(r.currency)),
      ])
    }
    printRecords(
      records, keys: ["day", "tenant", "account", "function", "amount", "currency"],
      format: formatOptions.format)
  }
}
