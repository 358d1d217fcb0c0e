import WardModel
import WardStore
import WardUI

/// One row per tenant: posture score, open findings by severity, the ten-category matrix,
/// 7-day invocation and cost sparklines, active alerts; a totals row. Worst posture first.
public struct OverviewScreen: ScreenModel {
  public enum SortColumn: String, Sendable, Hashable, CaseIterable {
    case score, tenant, open, alerts
  }

  public var rows: [TenantOverview] = []
  public var cursor = 0
  public var scroll = 0
  public var sort: SortColumn = .score
  /// Score ascending = worst first.
  public var ascending = true
  public var loaded = false
  /// The `/` filter: words that must each appear in the tenant's name or one of its
  /// labels (`key=value`), case-insensitive.
  public var filter = ""

  public init() {}

  public var acceptsFilter: Bool { true }
  public var filterText: String { filter }

  public mutating func setFilter(_ text: String, _ context: ScreenContext) -> [ScreenOutput] {
    filter = text
    cursor = 0
    scroll = 0
    clamp(context)
    return [
      .status("\(ExactCount.text(sortedRows.count)) of \(ExactCount.text(rows.count)) tenants")
    ]
  }

  /// Whether a tenant passes the filter.
  func matches(_ row: TenantOverview) -> Bool {
    let words = filter.lowercased().split(separator: " ")
    guard !words.isEmpty else { return true }
    let haystack = ([row.summary.name] + row.summary.labels.map { "\($0.key)=\($0.value)" })
      .joined(separator: " ").lowercased()
    return words.allSatisfy { haystack.contains($0) }
  }

  public var kind: ScreenKind { .overview }
  public var breadcrumb: String { "Overview" }
  public var hints: [KeyHint] {
    [
      KeyHint("Enter", "functions"), KeyHint("/", "filter"), KeyHint("s/S", "sort"),
      KeyHint(":", "command"),
      KeyHint("?", "help"), KeyHint("q", "quit"),
    ]
  }

  public func refreshQueries(_ context: ScreenContext) -> [Query] { [.overview] }

  /// Tenant rows that pass the filter, in display order.
  public var sortedRows: [TenantOverview] {
    rows.filter(matches).sorted { a, b in
      let order: (Bool, Bool)
      switch sort {
      case .score: order = (a.score < b.score, a.score == b.score)
      case .tenant: order = (a.summary.name < b.summary.name, a.summary.name == b.summary.name)
      case .open:
        order = (
          a.summary.openTotal < b.summary.openTotal, a.summary.openTotal == b.summary.openTotal
        )
      case .alerts: order = (a.activeAlerts < b.activeAlerts, a.activeAlerts == b.activeAlerts)
      }
      if order.1 { return a.summary.name < b.summary.name }
      return ascending ? order.0 : !order.0
    }
  }

  private func tableHeight(_ context: ScreenContext) -> Int {
    max(2, min(context.body.height - 1, sortedRows.count + 1))
  }

  public mutating func apply(_ result: LoadResult, _ context: ScreenContext) -> [ScreenOutput] {
    guard case .overview(let rows) = result else { return [] }
    let selected = sortedRows.indices.contains(cursor) ? sortedRows[cursor].summary.name : nil
    self.rows = rows
    loaded = true
    if let selected, let index = sortedRows.firstIndex(where: { $0.summary.name == selected }) {
      cursor = index
    }
    clamp(context)
    return []
  }

  private mutating func clamp(_ context: ScreenContext) {
    let count = sortedRows.count
    cursor = max(0, min(cursor, count - 1))
    scroll = Table.scrollOffset(
      selected: cursor, currentOffset: scroll, visibleRows: tableHeight(context) - 1,
      totalRows: count)
  }

  public mutating func resized(_ context: ScreenContext) -> [ScreenOutput] {
    clamp(context)
    return []
  }

  public mutating func perform(_ action: ActionID, _ context: ScreenContext) -> [ScreenOutput] {
    let page = max(1, tableHeight(context) - 1)
    switch action {
    case .up: cursor -= 1
    case .down: cursor += 1
    case .pageUp: cursor -= page
    case .pageDown: cursor += page
    case .top: cursor = 0
    case .bottom: cursor = sortedRows.count - 1
    case .sort:
      let all = SortColumn.allCases
      sort = all[(all.firstIndex(of: sort)! + 1) % all.count]
      ascending = sort == .score || sort == .tenant
      clamp(context)
      return [.status("sort: \(sort.rawValue) \(ascending ? "ascending" : "descending")")]
    case .sortFlip:
      ascending.toggle()
    case .enter:
      let shown = sortedRows
      guard shown.indices.contains(cursor) else { return [] }
      return [.push(FunctionsScreen(tenant: shown[cursor].summary.name))]
    default: return []
    }
    clamp(context)
    return []
  }

  static let matrixHeaders: [Category: String] = [
    .invocation: "INVK", .attackSurface: "SURF", .coldStart: "COLD", .injection: "INJ",
    .dependencies: "DEPS", .monitoring: "MON", .forensics: "FRNS", .dos: "DOS", .secrets: "SECR",
    .crossTenant: "XTEN",
  ]

  /// The overview's columns. TENANT fits the names and the totals label (`totalLabel`
  /// never shrinks, so TOTAL is always shown whole); SCORE and OPEN are as wide as their
  /// title (with the sort arrow when sorted) or content, so the matrix keeps its width.
  /// When the names do not fit whole, the extras go before a name is cut: COST 7D first,
  /// then FNS, then INV 7D (at 120 columns the demo's names are whole and keep INV 7D).
  private func columns(wide: Bool, expiring: Bool, totalLabel: String) -> [TableColumn] {
    var columns = [
      TableColumn("TENANT", width: .fit(min: max(8, displayWidth(totalLabel)), max: 24)),
      TableColumn("SCORE", width: .fit(min: 5, max: 7), alignment: .right),
    ]
    if wide {
      columns.append(TableColumn("FNS", width: .fixed(4), alignment: .right, priority: -2))
      columns += ["CRIT", "HIGH", "MED", "LOW"].map {
        TableColumn($0, width: .fixed(5), alignment: .right)
      }
    } else {
      columns.append(TableColumn("OPEN", width: .fit(min: 4, max: 6), alignment: .right))
    }
    columns += Category.allCases.map {
      TableColumn(
        Self.matrixHeaders[$0] ?? $0.shortTitle, width: .fit(min: 3, max: 7), alignment: .right)
    }
    if wide {
      columns.append(TableColumn("INV 7D", width: .fixed(7), priority: -1))
      columns.append(TableColumn("COST 7D", width: .fixed(7), priority: -2))
    }
    if expiring { columns.append(TableColumn("EXP", width: .fixed(3), alignment: .right)) }
    columns.append(TableColumn("ALRT", width: .fixed(4), alignment: .right))
    return columns
  }

  private func cells(
    name: String, score: Int, summary: TenantSummary, invocations: [Double], cost: [Double],
    alerts: Int, wide: Bool, expiring: Bool, glyphs: GlyphSet
  ) -> [TableCell] {
    let scoreRole: Role = score >= 80 ? .ok : score >= 50 ? .warn : .error
    var cells: [TableCell] = [TableCell(name), TableCell(String(score), role: scoreRole)]
    if wide {
      cells.append(TableCell(String(summary.functionCount)))
      cells += [Severity.critical, .high, .medium, .low].map {
        RenderKit.severityCount(summary.openBySeverity[$0] ?? 0, $0, glyphs: glyphs)
      }
    } else {
      cells.append(TableCell(Format.count(summary.openTotal)))
    }
    for category in Category.allCases {
      let counts = summary.openByCategory[category] ?? [:]
      let total = counts.values.reduce(0, +)
      if let worst = RenderKit.worst(counts) {
        cells.append(RenderKit.severityCount(total, worst, glyphs: glyphs))
      } else {
        cells.append(TableCell(glyphs.isASCII ? "." : "·", role: .muted))
      }
    }
    if wide {
      cells.append(
        TableCell(Sparkline(values: invocations).text(width: 7, glyphs: glyphs), role: .sparkline))
      cells.append(
        TableCell(Sparkline(values: cost).text(width: 7, glyphs: glyphs), role: .sparkline))
    }
    if expiring {
      cells.append(
        TableCell(
          summary.expiringSoon > 0
            ? Format.count(summary.expiringSoon) : glyphs.isASCII ? "." : "·",
          role: summary.expiringSoon > 0 ? .warn : .muted))
    }
    cells.append(TableCell(String(alerts), role: alerts > 0 ? .warn : .muted))
    return cells
  }

  /// What an empty store's overview says: how to fill it.
  static let onboarding = [
    "The store is empty. To fill it:",
    "  ward import DIR           AWS CLI output, CloudWatch, Cost Explorer, Security Hub, Prowler, Checkov",
    "  scripts/collect-aws.sh D  collect one account and region with the aws CLI, then ward import D",
    "  ward scan                 run Ward's rules and detectors over what was imported",
    "  ward demo                 explore the bundled demo dataset (read-only)",
  ]

  /// One line naming the selected tenant in full: labels, accounts, score, open findings
  /// (letters, not colour), the category with the most open findings, alerts.
  static func selectionLine(_ row: TenantOverview) -> String {
    let s = row.summary
    var parts = [s.name]
    let labels = ["company", "business_unit", "owner", "tier"].compactMap { s.labels[$0] }
    if !labels.isEmpty { parts[0] += " (" + labels.joined(separator: ", ") + ")" }
    parts.append("score \(row.score)")
    parts.append("open " + RenderKit.severitySummary(s.openBySeverity))
    let busiest = s.openByCategory.max { a, b in
      (a.value.values.reduce(0, +), b.key) < (b.value.values.reduce(0, +), a.key)
    }
    if let busiest { parts.append("most: \(busiest.key.title.lowercased())") }
    if row.activeAlerts > 0 { parts.append("alerts 7d: \(row.activeAlerts)") }
    if s.expiringSoon > 0 { parts.append("lapsing in 14d: \(s.expiringSoon)") }
    if !s.accounts.isEmpty { parts.append("accounts " + s.accounts.joined(separator: ", ")) }
    return parts.joined(separator: " · ")
  }

  /// The totals across tenants as one summary.
  public var totals: TenantOverview {
    var summary = TenantSummary(
      name: "TOTAL", accounts: [], labels: [:], functionCount: 0, openBySeverity: [:],
      openByCategory: [:])
    var invocations = [Double](repeating: 0, count: 7)
    var cost = [Double](repeating: 0, count: 7)
    var alerts = 0
    for row in sortedRows {  // what the filter shows
      summary.functionCount += row.summary.functionCount
      summary.openBySeverity.merge(row.summary.openBySeverity, uniquingKeysWith: +)
      for (category, counts) in row.summary.openByCategory {
        summary.openByCategory[category, default: [:]].merge(counts, uniquingKeysWith: +)
      }
      for i in 0..<7 {
        invocations[i] += row.invocationsDaily.indices.contains(i) ? row.invocationsDaily[i] : 0
        cost[i] += row.costDaily.indices.contains(i) ? row.costDaily[i] : 0
      }
      alerts += row.activeAlerts
      summary.expiringSoon += row.summary.expiringSoon
    }
    return TenantOverview(
      summary: summary,
      score: PostureScore.score(
        openBySeverity: summary.openBySeverity, functions: summary.functionCount),
      invocationsDaily: invocations, costDaily: cost, activeAlerts: alerts)
  }

  public func render(into canvas: inout Canvas, _ context: ScreenContext) {
    let body = context.body
    guard loaded else {
      canvas.put(text: "loading…", at: Point(x: body.x + 2, y: body.y), style: Style(role: .muted))
      return
    }
    let wide = body.width >= 110
    let glyphs = canvas.glyphs
    let shown = sortedRows
    let height = tableHeight(context)
    let visible = shown.enumerated().dropFirst(scroll).prefix(height - 1)
    let totalLabel =
      filter.isEmpty ? "TOTAL (\(rows.count))" : "TOTAL (\(sortedRows.count)/\(rows.count))"
    // EXP only while some decision in view lapses within 14 days: a column of dots would
    // cost INV 7D its place at 120 columns.
    let expiring = totals.summary.expiringSoon > 0
    let columns = columns(wide: wide, expiring: expiring, totalLabel: totalLabel)
    let sortIndex: Int? =
      switch sort {
      case .tenant: 0
      case .score: 1
      case .open: wide ? nil : 2
      case .alerts: columns.count - 1
      }
    let t = totals
    let totalCells = cells(
      name: totalLabel,
      score: t.score, summary: t.summary,
      invocations: t.invocationsDaily, cost: t.costDaily, alerts: t.activeAlerts, wide: wide,
      expiring: expiring, glyphs: glyphs)
    var table = Table(
      columns: columns,
      rows: visible.map { _, r in
        cells(
          name: r.summary.name, score: r.score, summary: r.summary, invocations: r.invocationsDaily,
          cost: r.costDaily, alerts: r.activeAlerts, wide: wide,
          expiring: expiring, glyphs: glyphs)
      }, firstRowIndex: scroll, totalRows: shown.count, selectedIndex: cursor,
      sort: sortIndex.map { TableSort(column: $0, ascending: ascending) },
      emptyMessage: "no tenants in scope")
    table.sizingRows = [totalCells]
    table.render(
      into: &canvas, rect: Rect(x: body.x, y: body.y, width: body.width, height: height))
    // The same sort as the table above: a sorted column is as wide as its title and arrow.
    var totalsRow = Table(columns: columns, rows: [totalCells], sort: table.sort, showHeader: false)
    totalsRow.sizingRows = table.rows
    var y = body.y + height
    if y < body.maxY {
      totalsRow.render(into: &canvas, rect: Rect(x: body.x, y: y, width: body.width, height: 1))
      canvas.put(text: "=", at: Point(x: body.x, y: y), style: Style(role: .header))
      y += 2
    }
    // The selected tenant in full: names are cut to fit the table, never here.
    if y < body.maxY, shown.indices.contains(cursor) {
      canvas.put(
        text: "\(glyphs.isASCII ? ">" : "▶") " + Self.selectionLine(shown[cursor]),
        at: Point(x: body.x + 2, y: y), style: Style(role: .text), maxWidth: body.width - 2)
      y += 2
    }
    if rows.isEmpty && filter.isEmpty {
      for (i, line) in Self.onboarding.enumerated() where y < body.maxY {
        canvas.put(
          text: line, at: Point(x: body.x + 2, y: y), style: Style(role: i == 0 ? .text : .muted),
          maxWidth: body.width - 2)
        y += 1
      }
      y += 1
    }
    let legend = [
      "score = 100 / (1 + W/F/10); W = 10 crit + 5 high + 2 med + 1 low open findings, F = functions",
      "ALRT: alerts going on in the last 7 days"
        + (expiring ? " · EXP: triage decisions that lapse within 14 days (:expiring)" : ""),
      "matrix: open findings per category, glyph = worst severity: "
        + Severity.worstFirst.map { "\(glyphs.severityGlyph($0.rawValue)) \($0.rawValue)" }.joined(
          separator: "  "),
    ]
    for line in legend where y < body.maxY {
      canvas.put(
        text: line, at: Point(x: body.x + 2, y: y), style: Style(role: .muted),
        maxWidth: body.width - 2)
      y += 1
    }
  }
}
