import WardModel
import WardStore
import WardUI

/// The alert timeline, newest first (`s`/`S` sort), grouped by day while sorted by time,
/// with each alert's duration and the detector's numbers; the selected alert's are spelled
/// out under the table. Enter opens the function at a time window that contains the alert,
/// with the alert's window marked under its sparklines.
public struct AlertsScreen: ScreenModel {
  public var list = PagedList<AlertRow>()
  public var sort: AlertSortKey = .start
  public var ascending = false
  /// The `/` filter as typed, and as parsed (``AlertQuery``).
  public var filter = ""
  public var parsed = AlertFilter()

  public init() {}

  public var acceptsFilter: Bool { true }
  public var filterText: String { filter }

  public mutating func setFilter(_ text: String, _ context: ScreenContext) -> [ScreenOutput] {
    switch AlertQuery.parse(text, tenants: context.tenantNames) {
    case .failure(let error): return [.status("filter: " + error.message)]
    case .success(let parsed):
      filter = text
      self.parsed = parsed
      list = PagedList()
      return [.load(query(context))]
    }
  }

  public var kind: ScreenKind { .alerts }
  public var breadcrumb: String { "Alerts" }
  public var hints: [KeyHint] {
    [
      KeyHint("Enter", "function"), KeyHint("/", "filter"), KeyHint("s/S", "sort"),
      KeyHint("v", "view"),
      KeyHint("Esc", "back"),
      KeyHint("?", "help"),
    ]
  }

  /// Lines under the table for the selected alert's numbers.
  static let detailLines = 2

  static func visibleRows(_ context: ScreenContext) -> Int {
    RenderKit.tableRows(context.body.height - 1 - detailLines)
  }

  private func query(_ context: ScreenContext) -> Query {
    let r = list.pageRequest(visibleRows: Self.visibleRows(context))
    return .alerts(
      AlertsQuery(
        filter: parsed, sort: sort, ascending: ascending, offset: r.offset, limit: r.limit))
  }

  /// The selected alert whole: what, when (and for how long), where, the detector's detail.
  public func pagerContent(_ context: ScreenContext) -> PagerContent? {
    guard let row = list.selected else { return nil }
    let a = row.alert
    var lines: [TextLine] = [
      TextLine(
        RenderKit.severityLabel(a.severity, glyphs: context.glyphs),
        style: Style(fg: .role(.severity(a.severity.rawValue)), attributes: .bold)
      ).then("  " + a.title, style: Style(attributes: .bold)),
      .field("kind", a.kind), .field("tenant", row.tenant),
      .field("function", a.functionArn ?? "(the whole account)"),
      .field("started", RenderKit.minute(a.start)),
      .field("ended", a.end.map(RenderKit.minute) ?? "ongoing"),
      .field("duration", AlertFacts.duration(start: a.start, end: a.end)),
      .field("source", a.source), .field("id", a.id),
    ]
    if !a.detail.isEmpty {
      lines.append(.heading("Detail"))
      lines += PlainText.fromMarkdown(a.detail).split(
        separator: "\n", omittingEmptySubsequences: false
      ).map { TextLine("  " + $0) }
    }
    return PagerContent(title: "Alert " + a.id, lines: lines)
  }

  /// The alert's function ARN, else the alert's id.
  public var copyTarget: CopyTarget? {
    guard let a = list.selected?.alert else { return nil }
    return a.functionArn.map { CopyTarget("function ARN", $0) } ?? CopyTarget("alert id", a.id)
  }

  public func refreshQueries(_ context: ScreenContext) -> [Query] { [query(context)] }

  public mutating func apply(_ result: LoadResult, _ context: ScreenContext) -> [ScreenOutput] {
    guard case .alerts(let q, let total, let rows) = result, q.filter == parsed, q.sort == sort,
      q.ascending == ascending
    else { return [] }  // an answer to an older question
    list.install(total: total, offset: q.offset, rows: rows, visibleRows: Self.visibleRows(context))
    return list.covers(visibleRows: Self.visibleRows(context)) ? [] : [.load(query(context))]
  }

  public mutating func resized(_ context: ScreenContext) -> [ScreenOutput] {
    list.clampScroll(visibleRows: Self.visibleRows(context))
    return list.loaded && !list.covers(visibleRows: Self.visibleRows(context))
      ? [.load(query(context))] : []
  }

  public mutating func perform(_ action: ActionID, _ context: ScreenContext) -> [ScreenOutput] {
    let rows = Self.visibleRows(context)
    switch action {
    case .up, .down, .pageUp, .pageDown, .top, .bottom:
      _ = list.applyMovement(action, visibleRows: rows)
    case .sort, .sortFlip:
      let status = SortKeys.apply(
        action, to: &sort, ascending: &ascending,
        naturallyAscending: { [.kind, .tenant, .function].contains($0) })
      list.loaded = false
      return (status.map { [.status($0)] } ?? []) + [.load(query(context))]
    case .enter:
      guard let alert = list.selected?.alert else { return [] }
      guard let arn = alert.functionArn else {
        return [.status("this alert is about a whole account or tenant, not one function")]
      }
      let name = ARN(arn)?.lambdaFunctionName ?? arn
      return [
        .push(
          FunctionDetailScreen(
            arn: ARN(arn)?.unqualifiedLambdaARN ?? arn, name: name,
            window: TimeWindow.covering(alert.start, end: context.clock.now),
            marking: AlertWindowMarker(start: alert.start, end: alert.end)))
      ]
    default: return []
    }
    return list.covers(visibleRows: rows) ? [] : [.load(query(context))]
  }

  private static let sortColumn: [AlertSortKey: String] = [
    .start: "TIME", .severity: "SEV", .duration: "DUR", .kind: "KIND", .tenant: "TENANT",
    .function: "FUNCTION",
  ]

  public func render(into canvas: inout Canvas, _ context: ScreenContext) {
    let body = context.body
    let glyphs = canvas.glyphs
    let wide = body.width >= 110
    let order =
      sort == .start && !ascending
      ? "newest first"
      : "sort: \(sort.rawValue) " + String(ascending ? glyphs.arrowUp : glyphs.arrowDown)
    var title = TitleLine()
    title.keep("\(ExactCount.text(list.total)) alerts")
    title.cuttable(order)
    if !filter.isEmpty { title.cuttable("filter: " + filter, keepOrder: 1) }
    title.keep(list.positionText)
    canvas.put(
      text: title.fitted(width: body.width - 2), at: Point(x: body.x + 2, y: body.y),
      style: Style(role: .title), maxWidth: body.width - 2)
    // Days group the rows only while they are in time order.
    let byDay = sort == .start
    let showTenant = !context.singleTenant
    var columns = [
      TableColumn("DAY", width: .fixed(10), priority: byDay ? 2 : 1),
      TableColumn("TIME", width: .fit(min: 5, max: 7), priority: 2),
      TableColumn("SEV", width: .fixed(6), priority: 3),
      TableColumn("DUR", width: .fit(min: 3, max: 7), priority: 3),
    ]
    if showTenant {
      columns.append(TableColumn("TENANT", width: .fit(min: 6, max: 18), priority: 1))
    }
    columns.append(TableColumn("FUNCTION", width: .fit(min: 10, max: 32), priority: 3))
    if wide || sort == .kind {
      columns.append(TableColumn("KIND", width: .fit(min: 6, max: 20), priority: 0))
    }
    columns.append(TableColumn("TITLE", width: .flex(min: 10), priority: 3))
    // The numbers have a column when there is room; the line under the table has them
    // for the selected alert at every width.
    let showDetail = body.width >= 150
    if showDetail {
      columns.append(TableColumn("DETAIL", width: .fit(min: 12, max: 34), priority: 1))
    }
    let visible = list.visible(Self.visibleRows(context))
    let rows = visible.map { index, row -> [TableCell] in
      let a = row.alert
      let day = UTC.date(a.start)
      let previousDay = list.row(at: index - 1).map { UTC.date($0.alert.start) }
      let showDay = !byDay || index == list.scroll || previousDay != day
      var cells = [
        TableCell(showDay ? day : "", role: .header),
        TableCell(String(RenderKit.minute(a.start).suffix(5))),
        TableCell(
          RenderKit.severityShort(a.severity, glyphs: glyphs),
          role: .severity(a.severity.rawValue)),
        TableCell(
          AlertFacts.duration(start: a.start, end: a.end), role: a.end == nil ? .warn : nil),
      ]
      if showTenant { cells.append(TableCell(row.tenant)) }
      cells += [
        TableCell(a.functionArn.map { ARN($0)?.lambdaFunctionName ?? $0 } ?? "(account)")
      ]
      if wide || sort == .kind { cells.append(TableCell(a.kind)) }
      cells.append(TableCell(a.title))
      if showDetail {
        cells.append(TableCell(AlertFacts(detail: a.detail).summary, role: .muted))
      }
      return cells
    }
    let sortTitle = Self.sortColumn[sort] ?? ""
    let tableHeight = body.height - 1 - Self.detailLines
    Table(
      columns: columns, rows: rows, firstRowIndex: list.scroll, totalRows: list.total,
      selectedIndex: list.cursor,
      sort: columns.firstIndex { $0.title == sortTitle }.map {
        TableSort(column: $0, ascending: ascending)
      }, emptyMessage: list.loaded ? "no alerts" : "loading…"
    ).render(
      into: &canvas,
      rect: Rect(x: body.x, y: body.y + 1, width: body.width, height: tableHeight))
    guard let selected = list.selected?.alert else { return }
    let facts = AlertFacts(detail: selected.detail)
    var line = TextLine(
      AlertFacts.duration(start: selected.start, end: selected.end) + " · "
        + (facts.raw.isEmpty ? "no detail" : facts.sentence), style: Style(fg: .role(.muted)))
    line.hangingIndent = 2
    RenderKit.draw(
      line.wrapped(width: body.width - 2),
      into: &canvas,
      rect: Rect(
        x: body.x + 2, y: body.y + 1 + tableHeight, width: body.width - 2,
        height: Self.detailLines))
  }
}
