import WardModel
import WardStore
import WardUI

/// Every function (or one tenant's): sortable, filterable by name, one page at a time.
public struct FunctionsScreen: ScreenModel {
  public var tenant: String?
  public var list = PagedList<FunctionListRow>()
  public var sort: FunctionSortKey = .findings
  public var ascending = false
  public var filter = ""

  public init(tenant: String?) { self.tenant = tenant }

  public var kind: ScreenKind { .functions }
  public var breadcrumb: String { tenant.map { "Functions: " + $0 } ?? "Functions" }
  public var filterText: String { filter }
  public var acceptsFilter: Bool { true }
  public var hints: [KeyHint] {
    [
      KeyHint("Enter", "detail"), KeyHint("/", "filter"), KeyHint("s/S", "sort"),
      KeyHint("Esc", "back"), KeyHint("?", "help"),
    ]
  }

  static func visibleRows(_ context: ScreenContext) -> Int {
    RenderKit.tableRows(context.body.height - 1)
  }

  private func query(_ context: ScreenContext) -> Query {
    let request = list.pageRequest(visibleRows: Self.visibleRows(context))
    return .functions(
      FunctionsQuery(
        tenant: tenant, text: filter.isEmpty ? nil : filter, sort: sort, ascending: ascending,
        offset: request.offset, limit: request.limit))
  }

  public var copyTarget: CopyTarget? {
    list.selected.map { CopyTarget("function ARN", $0.row.arn) }
  }

  public func refreshQueries(_ context: ScreenContext) -> [Query] { [query(context)] }

  public mutating func apply(_ result: LoadResult, _ context: ScreenContext) -> [ScreenOutput] {
    guard case .functions(let q, let total, let rows) = result else { return [] }
    guard q.sort == sort, q.ascending == ascending, q.tenant == tenant,
      (q.text ?? "") == filter
    else { return [] }  // an answer to an older question
    list.install(total: total, offset: q.offset, rows: rows, visibleRows: Self.visibleRows(context))
    return list.covers(visibleRows: Self.visibleRows(context)) ? [] : [.load(query(context))]
  }

  public mutating func resized(_ context: ScreenContext) -> [ScreenOutput] {
    list.clampScroll(visibleRows: Self.visibleRows(context))
    return list.loaded && !list.covers(visibleRows: Self.visibleRows(context))
      ? [.load(query(context))] : []
  }

  public mutating func setFilter(_ text: String, _ context: ScreenContext) -> [ScreenOutput] {
    filter = text
    list = PagedList()
    return [.load(query(context))]
  }

  public mutating func perform(_ action: ActionID, _ context: ScreenContext) -> [ScreenOutput] {
    let rows = Self.visibleRows(context)
    switch action {
    case .up, .down, .pageUp, .pageDown, .top, .bottom:
      _ = list.applyMovement(action, visibleRows: rows)
    case .sort, .sortFlip:
      let status = SortKeys.apply(
        action, to: &sort, ascending: &ascending,
        naturallyAscending: { [.name, .tenant, .region, .runtime].contains($0) })
      list.loaded = false
      return (status.map { [.status($0)] } ?? []) + [.load(query(context))]
    case .enter:
      guard let row = list.selected else { return [] }
      return [.push(FunctionDetailScreen(arn: row.row.arn, name: row.row.name))]
    default: return []
    }
    return list.covers(visibleRows: rows) ? [] : [.load(query(context))]
  }

  private static let sortColumn: [FunctionSortKey: String] = [
    .name: "NAME", .tenant: "TENANT", .region: "REGION", .runtime: "RUNTIME", .findings: "OPEN",
    .invocations: "INV 24H", .errors: "ERR 24H", .cost: "COST 30D", .lastAlert: "ALERT",
  ]

  public func render(into canvas: inout Canvas, _ context: ScreenContext) {
    let body = context.body
    let glyphs = canvas.glyphs
    let wide = body.width >= 110
    var title = TitleLine()
    title.keep("\(ExactCount.text(list.total)) functions" + (tenant.map { " in " + $0 } ?? ""))
    title.cuttable("sort: \(sort.rawValue) \(ascending ? glyphs.arrowUp : glyphs.arrowDown)")
    if !filter.isEmpty { title.cuttable("filter: " + filter, keepOrder: 1) }
    title.keep(list.positionText)
    title.cuttable("! deprecated runtime")
    canvas.put(
      text: title.fitted(width: body.width - 2), at: Point(x: body.x + 2, y: body.y),
      style: Style(role: .title), maxWidth: body.width - 2)
    // One tenant's functions, or a single-tenant session: no TENANT column.
    let showTenant = tenant == nil && !context.singleTenant
    var columns = [TableColumn("NAME", width: .flex(weight: 2, min: 12), priority: 3)]
    if showTenant {
      columns.append(TableColumn("TENANT", width: .fit(min: 6, max: 18), priority: 1))
    }
    if wide { columns.append(TableColumn("REGION", width: .fit(min: 6, max: 14), priority: 0)) }
    // The runtime is as essential as the name (its `!` marks a deprecated one): never cut
    // to give NAME width.
    columns.append(TableColumn("RUNTIME", width: .fit(min: 7, max: 14), priority: 3))
    if wide {
      columns += ["CRIT", "HIGH", "MED", "LOW"].map {
        TableColumn($0, width: .fixed(4), alignment: .right)
      }
    } else {
      columns.append(TableColumn("OPEN", width: .fixed(9)))
    }
    columns.append(TableColumn("INV 24H", width: .fixed(7), alignment: .right))
    if wide { columns.append(TableColumn("ERR 24H", width: .fixed(7), alignment: .right)) }
    columns.append(TableColumn("COST 30D", width: .fixed(8), alignment: .right))
    if wide { columns.append(TableColumn("ALERT", width: .fixed(5), alignment: .right)) }
    let now = context.clock.now
    let rows = list.visible(Self.visibleRows(context)).map { _, item -> [TableCell] in
      let r = item.row
      var cells = [TableCell(r.name)]
      if showTenant { cells.append(TableCell(r.tenant)) }
      if wide { cells.append(TableCell(r.region)) }
      let runtime = r.runtime ?? "-"
      cells.append(
        item.runtimeStatus == nil
          ? TableCell(runtime) : TableCell("!" + runtime, role: .warn))
      if wide {
        cells += [Severity.critical, .high, .medium, .low].map {
          RenderKit.severityCount(r.openBySeverity[$0] ?? 0, $0, glyphs: glyphs)
        }
      } else {
        let worst = RenderKit.worst(r.openBySeverity)
        cells.append(
          TableCell(
            RenderKit.severitySummary(r.openBySeverity), role: worst.map { .severity($0.rawValue) })
        )
      }
      cells.append(TableCell(Format.count(r.invocations)))
      if wide { cells.append(TableCell(Format.count(r.errors), role: r.errors > 0 ? .warn : nil)) }
      cells.append(TableCell(r.cost.map { Format.money($0) } ?? "-"))
      if wide { cells.append(TableCell(r.lastAlert.map { RenderKit.age($0, now: now) } ?? "-")) }
      return cells
    }
    let sortTitle = Self.sortColumn[sort] ?? ""
    let sortIndex = columns.firstIndex { $0.title == sortTitle }
    Table(
      columns: columns, rows: rows, firstRowIndex: list.scroll, totalRows: list.total,
      selectedIndex: list.cursor,
      sort: sortIndex.map { TableSort(column: $0, ascending: ascending) },
      emptyMessage: list.loaded ? "no functions match" : "loading…"
    ).render(
      into: &canvas,
      rect: Rect(x: body.x, y: body.y + 1, width: body.width, height: body.height - 1))
  }
}
