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
  public var hints: [KeyHint] {
    [
      KeyHint("/", "filter"), KeyHint("s/S", "sort"), KeyHint("Tab", "detail"),
      KeyHint("t", "triage"), KeyHint("Space", "mark"), KeyHint("n", "note"),
      KeyHint("Esc", "back"), KeyHint("?", "help"),
    ]
  }

  public var selectedFinding: FindingRow? { list.selected }

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
    return [.load(.findingDetail(id: id))]
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
      var text = "marked \(Format.count(targets.count)) findings in the filter"
      if total > targets.count {
        text +=
          " (the first \(Format.count(targets.count)) of \(Format.count(total)); narrow the filter)"
      }
      return [.status(text + " · \(Format.count(marks.count)) marked")]
    default: return []
    }
  }

  public mutating func resized(_ context: ScreenContext) -> [ScreenOutput] {
    list.clampScroll(visibleRows: Self.visibleRows(context))
    return list.loaded && !list.covers(visibleRows: Self.visibleRows(context))
      ? [.load(query(context))] : []
  }

  public mutating func setFilter(_ text: String, _ context: ScreenContext) -> [ScreenOutput] {
    switch FindingQuery.parse(text) {
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
      return [.status("\(Format.count(marks.count)) marked")]
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
      switch action {
      case .up: detailScroll = max(0, detailScroll - 1)
      case .down: detailScroll += 1
      case .pageUp: detailScroll = max(0, detailScroll - 10)
      case .pageDown: detailScroll += 10
      case .top: detailScroll = 0
      case .nextPane, .previousPane, .enter: detailFocused = false
      default: break
      }
      return []
    }
    switch action {
    case .up, .down, .pageUp, .pageDown, .top, .bottom:
      _ = list.applyMovement(action, visibleRows: rows)
    case .nextPane, .previousPane, .enter:
      detailFocused = true
      return []
    case .sort:
      let all = FindingSortKey.allCases
      sort = all[(all.firstIndex(of: sort)! + 1) % all.count]
      ascending = [.tenant, .category, .state, .source, .title].contains(sort)
      list.loaded = false
      return [
        .status("sort: \(sort.rawValue) \(ascending ? "ascending" : "descending")"),
        .load(query(context)),
      ]
    case .sortFlip:
      ascending.toggle()
      list.loaded = false
      return [.load(query(context))]
    default: return []
    }
    return list.covers(visibleRows: rows) ? detailQuery() : [.load(query(context))]
  }

  private static let sortTitles: [FindingSortKey: String] = [
    .severity: "SEV", .lastSeen: "SEEN", .tenant: "TENANT", .category: "CATEGORY", .state: "STATE",
    .source: "SOURCE", .title: "TITLE",
  ]

  public func render(into canvas: inout Canvas, _ context: ScreenContext) {
    let glyphs = canvas.glyphs
    let (titleRect, tableRect, detailRect) = Self.layout(context.body)
    let wide = context.body.width >= 110
    var title =
      "\(Format.count(list.total)) findings · sort: \(sort.rawValue) \(ascending ? glyphs.arrowUp : glyphs.arrowDown)"
    title += " · filter: " + (filter.isEmpty ? "state:open (default)" : filter)
    if !marks.isEmpty { title += " · \(Format.count(marks.count)) marked" }
    canvas.put(
      text: title, at: Point(x: titleRect.x + 2, y: titleRect.y), style: Style(role: .title),
      maxWidth: titleRect.width - 2)
    var columns = [
      TableColumn("SEV", width: .fixed(6)), TableColumn("TENANT", width: .flex(weight: 1, min: 6)),
      TableColumn("CATEGORY", width: .fixed(wide ? 14 : 10)),
      TableColumn("TITLE", width: .flex(weight: 3, min: 12)),
      TableColumn("STATE", width: .fixed(wide ? 14 : 8)),
    ]
    if wide {
      columns += [
        TableColumn("SOURCE", width: .fixed(11)),
        TableColumn("SEEN", width: .fixed(5), alignment: .right),
      ]
    }
    let now = context.clock.now
    let visible = list.visible(Self.visibleRows(context))
    let marked = Set(visible.filter { marks[$0.row.id] != nil }.map(\.index))
    let rows = visible.map { _, f -> [TableCell] in
      var cells = [
        TableCell(
          RenderKit.severityShort(f.severity, glyphs: glyphs),
          role: .severity(f.severity.rawValue)),
        TableCell(f.tenant), TableCell(f.category.rawValue), TableCell(f.title),
        TableCell(f.state.rawValue, role: .state(f.state.rawValue)),
      ]
      if wide { cells += [TableCell(f.source), TableCell(RenderKit.age(f.lastSeen, now: now))] }
      return cells
    }
    let sortIndex = columns.firstIndex { $0.title == Self.sortTitles[sort] }
    Table(
      columns: columns, rows: rows, firstRowIndex: list.scroll, totalRows: list.total,
      selectedIndex: list.cursor, marked: marked,
      sort: sortIndex.map { TableSort(column: $0, ascending: ascending) },
      emptyMessage: list.loaded ? "no findings match" : "loading…"
    ).render(into: &canvas, rect: tableRect)
    let inner = RenderKit.pane(&canvas, detailRect, title: "Detail", focused: detailFocused)
    let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: inner.height)
    RenderKit.draw(detailLines(glyphs: glyphs), into: &canvas, rect: content, scroll: detailScroll)
  }

  func detailLines(glyphs: GlyphSet) -> [TextLine] {
    guard let stored = detail?.finding else {
      return [TextLine(list.total == 0 ? "" : "loading…", style: Style(role: .muted))]
    }
    let f = stored.finding
    let t = stored.triage
    var out: [TextLine] = [
      TextLine(
        RenderKit.severityLabel(f.severity, glyphs: glyphs),
        style: Style(fg: .role(.severity(f.severity.rawValue)), attributes: .bold)
      )
      .then("  " + f.title, style: Style(attributes: .bold)),
      .field("resource", f.resource),
      .field("tenant", stored.tenant + (f.account.map { "  account " + $0 } ?? "")),
      .field("category", f.category.rawValue + " (" + f.category.title + ")"),
      .field("source", f.source + "  rule " + f.ruleId),
      .field(
        "state",
        t.state.rawValue + (t.by.map { "  by " + $0 } ?? "")
          + (t.at.map { " at " + RenderKit.minute($0) } ?? ""),
        style: Style(fg: .role(.state(t.state.rawValue)))),
      .field("seen", RenderKit.minute(f.firstSeen) + " .. " + RenderKit.minute(f.lastSeen)),
    ]
    if let reason = t.reason { out.append(.field("reason", reason)) }
    if let note = t.note { out.append(.field("note", note)) }
    if let history = detail?.history, !history.isEmpty {
      out.append(.heading("History (\(history.count))"))
      for e in history { out += Self.historyLines(e) }
    }
    for (heading, text) in [
      ("Description", f.description), ("Evidence", f.evidence), ("Remediation", f.remediation),
    ] where !text.isEmpty {
      out.append(.heading(heading))
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        out.append(TextLine("  " + line))
      }
    }
    return out
  }

  /// One audit event as detail lines: when, who (and from where), what; then reason, note
  /// and expiry when present.
  static func historyLines(_ e: AuditEvent) -> [TextLine] {
    var who = e.operatorName + " (" + e.source.rawValue
    if let address = e.address { who += ", from " + address }
    if let key = e.keyFingerprint { who += ", key " + key }
    who += ")"
    let what: String
    switch e.kind {
    case .note: what = "note"
    // A finding's history never holds session events (they name no finding).
    case .session: what = e.reason ?? "session"
    case .state:
      what =
        (e.from.map { $0.rawValue + " → " } ?? "created ") + e.to.rawValue
        + (e.undoes.map { "  (undoes #\($0))" } ?? "")
    }
    var out = [
      TextLine("  #\(e.seq) " + RenderKit.minute(e.at) + "  ", style: Style(fg: .role(.muted)))
        .then(what, style: Style(fg: .role(.state(e.to.rawValue)), attributes: .bold))
        .then("  by " + who)
    ]
    if let reason = e.reason { out.append(.field("      reason", reason)) }
    if let note = e.note { out.append(.field("      note", note)) }
    if let until = e.until { out.append(.field("      until", UTC.date(until))) }
    return out
  }
}
