import WardModel
import WardStore
import WardUI

/// Findings across tenants: token filter, sortable table, and a detail pane with
/// description, evidence, remediation and triage history.
public struct FindingsScreen: ScreenModel {
  public var list = PagedList<FindingRow>()
  public var sort: FindingSortKey = .severity
  public var ascending = false
  public var filter = ""
  public var parsed = FindingFilter.open
  public var detail: FindingDetailData?
  public var detailFocused = false
  public var detailScroll = 0
  /// Marked findings: id -> the version shown when it was marked (sent as the expected
  /// version of a bulk triage).
  public var marks: [String: Int64] = [:]

  public init(filter: String = "") {
    if case .success(let f) = FindingQuery.parse(filter) {
      self.filter = filter
      self.parsed = f
    }
  }

  public var kind: ScreenKind { .findings }
  public var breadcrumb: String { "Findings" }
  public var filterText: String { filter }
  public var acceptsFilter: Bool { true }
  /// The filter as typed plus the implicit state when it names none: `state:open`, or
  /// `state:closed` under `expiring:` (only closed decisions lapse).
  public var effectiveFilterText: String {
    let tokens = filter.split(separator: " ").map { $0.lowercased() }
    if tokens.contains(where: { $0.hasPrefix("state:") }) { return filter }
    let implicit =
      tokens.contains(where: { $0.hasPrefix("expiring:") }) ? "state:closed" : "state:open"
    return filter.isEmpty ? implicit : filter + " " + implicit
  }
  public var hints: [KeyHint] {
    [
      KeyHint("/", "filter"), KeyHint("s/S", "sort"), KeyHint("Tab", "detail"),
      KeyHint("t", "triage"), KeyHint("Space", "mark"), KeyHint("n", "note"),
      KeyHint("Esc", "back"), KeyHint("?", "help"),
    ]
  }

  public var selectedFinding: FindingRow? { list.selected }

  public func pagerContent(_ context: ScreenContext) -> PagerContent? {
    guard let id = list.selected?.id, detail?.finding?.finding.id == id else { return nil }
    return PagerContent(
      title: "Finding " + id, lines: FindingDetailText.lines(detail, glyphs: context.glyphs))
  }

  /// The selected finding's id; with the detail pane focused, its remediation URL when it
  /// has one.
  public var copyTarget: CopyTarget? {
    guard let row = list.selected else { return nil }
    if detailFocused, let stored = detail?.finding, stored.finding.id == row.id,
      let url = RemediationURL.first(in: stored.finding.remediation)
    {
      return CopyTarget("remediation URL", url)
    }
    return CopyTarget("finding id", row.id)
  }

  public var markedTargets: [TriageTarget] {
    marks.map { TriageTarget(findingId: $0.key, expectedVersion: $0.value) }
      .sorted { $0.findingId < $1.findingId }
  }

  public mutating func clearMarks() { marks = [:] }

  static func layout(_ body: Rect) -> (title: Rect, table: Rect, detail: Rect) {
    let (title, rest) = body.splitTop(1)
    let detailHeight = max(6, rest.height * 2 / 5)
    let (table, detail) = rest.splitBottom(detailHeight)
    return (title, table, detail)
  }

  static func visibleRows(_ context: ScreenContext) -> Int {
    RenderKit.tableRows(layout(context.body).table.height)
  }

  private func query(_ context: ScreenContext) -> Query {
    let request = list.pageRequest(visibleRows: Self.visibleRows(context))
    return .findings(
      FindingsQuery(
        filter: parsed, sort: sort, ascending: ascending, offset: request.offset,
        limit: request.limit))
  }

  public func refreshQueries(_ context: ScreenContext) -> [Query] {
    var out = [query(context)]
    if let id = list.selected?.id { out.append(.findingDetail(id: id)) }
    return out
  }

  private func detailQuery() -> [ScreenOutput] {
    guard let id = list.selected?.id, detail?.finding?.finding.id != id else { return [] }
    return [.preview(.findingDetail(id: id))]
  }

  public mutating func apply(_ result: LoadResult, _ context: ScreenContext) -> [ScreenOutput] {
    switch result {
    case .findings(let q, let total, let rows):
      guard q.filter == parsed, q.sort == sort, q.ascending == ascending else { return [] }
      list.install(
        total: total, offset: q.offset, rows: rows, visibleRows: Self.visibleRows(context))
      if !list.covers(visibleRows: Self.visibleRows(context)) { return [.load(query(context))] }
      if list.total == 0 { detail = nil }
      return detailQuery()
    case .findingDetail(let data):
      if data.finding?.finding.id != detail?.finding?.finding.id { detailScroll = 0 }
      detail = data
      return []
    case .findingVersions(let filter, let targets, let total):
      guard filter == parsed else { return [] }
      for t in targets { marks[t.findingId] = t.expectedVersion }
      var text = "marked \(ExactCount.text(targets.count)) findings in the filter"
      if total > targets.count {
        text +=
          " (the first \(ExactCount.text(targets.count)) of \(ExactCount.text(total)); narrow the filter)"
      }
      return [.status(text + " · \(ExactCount.text(marks.count)) marked")]
    default: return []
    }
  }

  public mutating func resized(_ context: ScreenContext) -> [ScreenOutput] {
    list.clampScroll(visibleRows: Self.visibleRows(context))
    return list.loaded && !list.covers(visibleRows: Self.visibleRows(context))
      ? [.load(query(context))] : []
  }

  public mutating func setFilter(_ text: String, _ context: ScreenContext) -> [ScreenOutput] {
    switch FindingQuery.parse(text, tenants: context.tenantNames) {
    case .failure(let error): return [.status("filter: " + error.message)]
    case .success(let filter):
      self.filter = text
      parsed = filter
      list = PagedList()
      detail = nil
      return [.load(query(context))]
    }
  }

  public mutating func perform(_ action: ActionID, _ context: ScreenContext) -> [ScreenOutput] {
    let rows = Self.visibleRows(context)
    switch action {
    case .mark:
      guard let row = list.selected else { return [] }
      if marks.removeValue(forKey: row.id) == nil { marks[row.id] = row.version }
      return [.status("\(ExactCount.text(marks.count)) marked")]
    case .markAll:
      if !marks.isEmpty, list.visible(rows).allSatisfy({ marks[$0.row.id] != nil }),
        marks.count >= list.total
      {
        marks = [:]
        return [.status("marks cleared")]
      }
      return [.load(.findingVersions(parsed))]
    default: break
    }
    if detailFocused {
      let content = Self.detailContent(context.body)
      let lineCount = detailLines(glyphs: context.glyphs, width: content.width).count
      if let moved = TextScroll.apply(
        action, to: detailScroll, page: content.height - 1, last: max(0, lineCount - content.height)
      ) {
        detailScroll = moved
      } else if [.nextPane, .previousPane, .enter].contains(action) {
        detailFocused = false
      }
      return []
    }
    switch action {
    case .up, .down, .pageUp, .pageDown, .top, .bottom:
      _ = list.applyMovement(action, visibleRows: rows)
    case .enter:
      return open(list.selected)
    case .nextPane, .previousPane:
      detailFocused = true
      return []
    case .sort, .sortFlip:
      let status = SortKeys.apply(
        action, to: &sort, ascending: &ascending,
        naturallyAscending: { [.tenant, .category, .state, .source, .title].contains($0) })
      list.loaded = false
      return (status.map { [.status($0)] } ?? []) + [.load(query(context))]
    default: return []
    }
    return list.covers(visibleRows: rows) ? detailQuery() : [.load(query(context))]
  }

  /// Enter on a finding: its function's detail with the finding chosen in the Findings
  /// pane; a finding about no function (an account, a bucket) focuses the detail pane.
  private mutating func open(_ row: FindingRow?) -> [ScreenOutput] {
    guard let row else { return [] }
    guard let arn = row.functionArn, let parsed = ARN(arn), let name = parsed.lambdaFunctionName
    else {
      detailFocused = true
      return [.status("\(row.id) is about \(row.resource), not a function: its detail is below")]
    }
    return [
      .push(
        FunctionDetailScreen(
          arn: parsed.unqualifiedLambdaARN ?? arn, name: name, selecting: row.id))
    ]
  }

  /// The detail pane's text area.
  static func detailContent(_ body: Rect) -> Rect {
    let inner = layout(body).detail.inset(by: 1)
    return Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 1), height: inner.height)
  }

  /// The table's columns, essentials (severity, function, title, state) at the highest
  /// priority; TENANT is left out when the session sees one tenant.
  static func columns(_ context: ScreenContext, wide: Bool) -> [TableColumn] {
    var columns = [TableColumn("SEV", width: .fixed(6), priority: 3)]
    if !context.singleTenant {
      columns.append(TableColumn("TENANT", width: .fit(min: 6, max: 18), priority: 1))
    }
    columns += [
      TableColumn("FUNCTION", width: .fit(min: 10, max: wide ? 40 : 26), priority: 3),
      TableColumn("CATEGORY", width: .fit(min: 8, max: 14), priority: 2),
      TableColumn("TITLE", width: .flex(weight: 1, min: 12), priority: 3),
      TableColumn("STATE", width: .fit(min: 5, max: 14), priority: 3),
    ]
    if wide {
      columns += [
        TableColumn("SOURCE", width: .fit(min: 6, max: 11), priority: 0),
        TableColumn("SEEN", width: .fixed(5), alignment: .right, priority: 0),
      ]
    }
    return columns
  }

  /// The text of column `title` for finding `f`. FUNCTION falls back to the resource's
  /// last path part (a bucket, a role) for findings about no function.
  static func cell(_ title: String, _ f: FindingRow, glyphs: GlyphSet, now: EpochSeconds)
    -> TableCell
  {
    switch title {
    case "SEV":
      return TableCell(
        RenderKit.severityShort(f.severity, glyphs: glyphs), role: .severity(f.severity.rawValue))
    case "TENANT": return TableCell(f.tenant)
    case "FUNCTION": return TableCell(f.functionName ?? f.resourceName)
    case "CATEGORY": return TableCell(f.category.rawValue)
    case "TITLE": return TableCell(f.title)
    case "STATE": return TableCell(f.state.rawValue, role: .state(f.state.rawValue))
    case "SOURCE": return TableCell(f.source)
    case "SEEN": return TableCell(RenderKit.age(f.lastSeen, now: now))
    default: return TableCell("")
    }
  }

  private static let sortTitles: [FindingSortKey: String] = [
    .severity: "SEV", .lastSeen: "SEEN", .tenant: "TENANT", .category: "CATEGORY", .state: "STATE",
    .source: "SOURCE", .title: "TITLE",
  ]

  public func render(into canvas: inout Canvas, _ context: ScreenContext) {
    let glyphs = canvas.glyphs
    let (titleRect, tableRect, detailRect) = Self.layout(context.body)
    let wide = context.body.width >= 110
    var title = TitleLine()
    title.keep("\(ExactCount.text(list.total)) findings")
    title.cuttable("sort: \(sort.rawValue) \(ascending ? glyphs.arrowUp : glyphs.arrowDown)")
    title.cuttable("filter: " + effectiveFilterText, keepOrder: 1)
    if !marks.isEmpty { title.keep("\(ExactCount.text(marks.count)) marked") }
    title.keep(list.positionText)
    canvas.put(
      text: title.fitted(width: titleRect.width - 2), at: Point(x: titleRect.x + 2, y: titleRect.y),
      style: Style(role: .title), maxWidth: titleRect.width - 2)
    let columns = Self.columns(context, wide: wide)
    let now = context.clock.now
    let visible = list.visible(Self.visibleRows(context))
    let marked = Set(visible.filter { marks[$0.row.id] != nil }.map(\.index))
    let rows = visible.map { _, f in
      columns.map { column in Self.cell(column.title, f, glyphs: glyphs, now: now) }
    }
    let sortIndex = columns.firstIndex { $0.title == Self.sortTitles[sort] }
    Table(
      columns: columns, rows: rows, firstRowIndex: list.scroll, totalRows: list.total,
      selectedIndex: list.cursor, marked: marked,
      sort: sortIndex.map { TableSort(column: $0, ascending: ascending) },
      emptyMessage: list.loaded ? "no findings match" : "loading…"
    ).render(into: &canvas, rect: tableRect)
    _ = RenderKit.pane(&canvas, detailRect, title: "Detail", focused: detailFocused)
    let content = Self.detailContent(context.body)
    RenderKit.draw(
      detailLines(glyphs: glyphs, width: content.width), into: &canvas, rect: content,
      scroll: detailScroll)
  }

  /// The detail pane's lines, wrapped to `width`.
  func detailLines(glyphs: GlyphSet, width: Int?) -> [TextLine] {
    FindingDetailText.lines(
      detail, emptyText: list.total == 0 ? "" : "loading…", glyphs: glyphs, width: width)
  }
}
