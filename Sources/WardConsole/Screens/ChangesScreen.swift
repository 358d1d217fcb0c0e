import WardModel
import WardStore
import WardUI

/// What changed since the previous run (`:changes`): one row per tenant with its new,
/// resolved, reopened, lapsed and stale findings and state changes by operator. Enter opens
/// the Findings screen filtered to that tenant's changed findings (the `changed:` and
/// `since:` filter tokens, so the filter can be narrowed from there).
public struct ChangesScreen: ScreenModel {
  public var report: ChangeReport?
  public var cursor = 0
  public var scroll = 0

  public init() {}

  public var kind: ScreenKind { .changes }
  public var breadcrumb: String { "Changes" }
  public var hints: [KeyHint] {
    [KeyHint("Enter", "findings"), KeyHint("Esc", "back"), KeyHint("?", "help")]
  }

  public func refreshQueries(_ context: ScreenContext) -> [Query] { [.changes(.previousRun)] }

  public mutating func apply(_ result: LoadResult, _ context: ScreenContext) -> [ScreenOutput] {
    guard case .changes(let report) = result else { return [] }
    self.report = report
    clamp(context)
    return []
  }

  private static func tableRect(_ body: Rect) -> Rect { body.splitTop(2).1 }

  private mutating func clamp(_ context: ScreenContext) {
    let count = report?.tenants.count ?? 0
    cursor = max(0, min(cursor, count - 1))
    scroll = Table.scrollOffset(
      selected: cursor, currentOffset: scroll,
      visibleRows: max(1, RenderKit.tableRows(Self.tableRect(context.body).height)),
      totalRows: count)
  }

  public mutating func resized(_ context: ScreenContext) -> [ScreenOutput] {
    clamp(context)
    return []
  }

  public mutating func perform(_ action: ActionID, _ context: ScreenContext) -> [ScreenOutput] {
    if action == .enter {
      guard let report, report.tenants.indices.contains(cursor) else { return [] }
      return [.push(FindingsScreen(filter: Self.drillFilter(report, report.tenants[cursor])))]
    }
    // Rows moved per key; `clamp` keeps the cursor on a row.
    let page = max(1, RenderKit.tableRows(Self.tableRect(context.body).height))
    let rows = report?.tenants.count ?? 0
    let steps: [ActionID: Int] = [
      .up: -1, .down: 1, .pageUp: -page, .pageDown: page, .top: -rows, .bottom: rows,
    ]
    guard let step = steps[action] else { return [] }
    cursor += step
    clamp(context)
    return []
  }

  /// The Findings filter for one tenant's changed findings in the report's window: the run
  /// id is spelled out, so a run recorded meanwhile does not move the list.
  static func drillFilter(_ report: ChangeReport, _ tenant: TenantChanges) -> String {
    "tenant:\(tenant.tenant) changed:any since:\(report.afterRun?.id ?? 0) state:all"
  }

  /// Where the window starts, for the title line.
  static func windowText(_ report: ChangeReport) -> String {
    guard let run = report.afterRun else {
      return report.runs.isEmpty ? "no run recorded yet" : "since the first run"
    }
    let started = UTC.iso8601(run.startedAt).prefix(16).replacingOccurrences(of: "T", with: " ")
    return "since run #\(run.id) (\(run.kind.rawValue) by \(run.operatorName), \(started)Z)"
  }

  public func render(into canvas: inout Canvas, _ context: ScreenContext) {
    let body = context.body
    guard let report else {
      canvas.put(
        text: "loading…", at: Point(x: body.x + 2, y: body.y), style: Style(role: .muted))
      return
    }
    let runs =
      report.runs.isEmpty ? "" : " · runs " + report.runs.map { "#\($0.id)" }.joined(separator: " ")
    canvas.put(
      text: "Changes " + Self.windowText(report) + runs + " · stale: not tracked yet",
      at: Point(x: body.x + 2, y: body.y), style: Style(role: .title), maxWidth: body.width - 2)
    let columns =
      [TableColumn("TENANT", width: .fit(min: 6, max: 24), priority: 3)]
      + [("FINDINGS", 3), ("NEW", 3), ("RESOLVED", 3), ("REOPENED", 2), ("LAPSED", 2)].map {
        TableColumn($0.0, width: .fixed(max(4, $0.0.count)), alignment: .right, priority: $0.1)
      }
      + [
        TableColumn("STALE", width: .fixed(5), alignment: .right, priority: 0),
        TableColumn("TRIAGED", width: .fixed(7), alignment: .right, priority: 2),
        TableColumn("BY", width: .flex(weight: 1, min: 8), priority: 1),
      ]
    let rows = report.tenants.dropFirst(scroll).map { t -> [TableCell] in
      [TableCell(t.tenant), TableCell(String(t.findings))]
        + [ChangeKind.new, .resolved, .reopened, .lapsed, .stale, .triaged].map {
          TableCell(String(t[$0]), role: t[$0] == 0 ? .muted : nil)
        }
        + [
          TableCell(
            t.byOperator.keys.sorted().map { "\($0) \(t.byOperator[$0]!)" }.joined(
              separator: ", "))
        ]
    }
    Table(
      columns: columns, rows: rows, firstRowIndex: scroll, totalRows: report.tenants.count,
      selectedIndex: cursor,
      emptyMessage: report.runs.isEmpty && report.afterRun == nil
        ? "no run recorded yet: ward import records one" : "nothing changed"
    ).render(into: &canvas, rect: Self.tableRect(body))
  }
}
