import WardModel
import WardUI

/// Cost per tenant (daily sparkline or weekly totals, `w`) and the functions whose cost
/// moved most week over week.
public struct CostsScreen: ScreenModel {
  public var data: CostsData?
  public var weekly = false
  public var moversFocused = false
  public var tenantCursor = 0
  public var moverCursor = 0
  public var moverScroll = 0
  /// The `/` filter: words that must appear in the tenant's (and a mover's function's) name.
  public var filter = ""
  /// How `s` orders the movers (and, by name or amount, the tenants); `S` flips it.
  public var sort: SortColumn = .change
  public var ascending = false

  /// The orders `s` cycles through.
  public enum SortColumn: String, Sendable, Hashable, CaseIterable {
    case change, cost, name
  }

  public init() {}

  public var acceptsFilter: Bool { true }
  public var filterText: String { filter }

  public mutating func setFilter(_ text: String, _ context: ScreenContext) -> [ScreenOutput] {
    filter = text
    tenantCursor = 0
    moverCursor = 0
    moverScroll = 0
    clamp(context)
    return []
  }

  /// What is shown: the data filtered by ``filter`` and ordered by ``sort``.
  public var shown: CostsData? {
    guard let data else { return nil }
    let words = filter.lowercased().split(separator: " ")
    func keep(_ names: String...) -> Bool {
      let text = names.joined(separator: " ").lowercased()
      return words.allSatisfy { text.contains($0) }
    }
    func ordered<T>(_ items: [T], name: (T) -> String, change: (T) -> Double, cost: (T) -> Double)
      -> [T]
    {
      items.sorted { a, b in
        let (x, y): (Double, Double)
        switch sort {
        case .name:
          return ascending ? name(a) < name(b) : name(a) > name(b)
        case .change: (x, y) = (abs(change(a)), abs(change(b)))
        case .cost: (x, y) = (cost(a), cost(b))
        }
        return x == y ? name(a) < name(b) : (ascending ? x < y : x > y)
      }
    }
    let tenants = ordered(
      data.tenants.filter { keep($0.tenant) }, name: \.tenant,
      change: { ($0.weekly.last ?? 0) - ($0.weekly.dropLast().last ?? 0) },
      cost: { $0.daily.reduce(0, +) })
    let movers = ordered(
      data.movers.filter { keep($0.tenant, $0.function) }, name: \.function, change: \.change,
      cost: \.thisWeek)
    return CostsData(tenants: tenants, movers: movers)
  }

  public var kind: ScreenKind { .costs }
  public var breadcrumb: String { "Costs" }
  public var hints: [KeyHint] {
    [
      KeyHint("Tab", "pane"), KeyHint("w", weekly ? "daily" : "weekly"), KeyHint("/", "filter"),
      KeyHint("s/S", "sort"), KeyHint("Enter", moversFocused ? "function" : "functions"),
      KeyHint("Esc", "back"), KeyHint("?", "help"),
    ]
  }

  public func refreshQueries(_ context: ScreenContext) -> [Query] { [.costs] }

  public mutating func apply(_ result: LoadResult, _ context: ScreenContext) -> [ScreenOutput] {
    guard case .costs(let data) = result else { return [] }
    self.data = data
    clamp(context)
    return []
  }

  private static func layout(_ body: Rect, tenants: Int) -> (Rect, Rect) {
    body.splitTop(min(max(4, tenants + 3), body.height / 2))
  }

  private mutating func clamp(_ context: ScreenContext) {
    let tenants = shown?.tenants.count ?? 0
    let movers = shown?.movers.count ?? 0
    tenantCursor = max(0, min(tenantCursor, tenants - 1))
    moverCursor = max(0, min(moverCursor, movers - 1))
    let (_, moversRect) = Self.layout(context.body, tenants: tenants)
    moverScroll = Table.scrollOffset(
      selected: moverCursor, currentOffset: moverScroll, visibleRows: max(1, moversRect.height - 3),
      totalRows: movers)
  }

  public mutating func perform(_ action: ActionID, _ context: ScreenContext) -> [ScreenOutput] {
    func move(_ delta: Int) {
      if moversFocused { moverCursor += delta } else { tenantCursor += delta }
    }
    switch action {
    case .up: move(-1)
    case .down: move(1)
    case .pageUp: move(-10)
    case .pageDown: move(10)
    case .top: move(-100_000)
    case .bottom: move(100_000)
    case .nextPane, .previousPane: moversFocused.toggle()
    case .window: weekly.toggle()
    case .sort:
      let all = SortColumn.allCases
      sort = all[(all.firstIndex(of: sort)! + 1) % all.count]
      ascending = sort == .name
      clamp(context)
      return [.status("sort: \(sort.rawValue) \(ascending ? "ascending" : "descending")")]
    case .sortFlip:
      ascending.toggle()
    case .enter:
      guard let data = shown else { return [] }
      if moversFocused {
        guard data.movers.indices.contains(moverCursor) else { return [] }
        return Self.open(data.movers[moverCursor])
      }
      if data.tenants.indices.contains(tenantCursor) {
        return [.push(FunctionsScreen(tenant: data.tenants[tenantCursor].tenant))]
      }
    default: break
    }
    clamp(context)
    return []
  }

  public func render(into canvas: inout Canvas, _ context: ScreenContext) {
    guard let data = shown else {
      canvas.put(
        text: "loading…", at: Point(x: context.body.x + 2, y: context.body.y),
        style: Style(role: .muted))
      return
    }
    let glyphs = canvas.glyphs
    let (top, bottom) = Self.layout(context.body, tenants: data.tenants.count)
    let tenantsInner = RenderKit.pane(
      &canvas, top,
      title: weekly ? "Tenants · weekly (w: daily)" : "Tenants · daily, 30 days (w: weekly)",
      focused: !moversFocused)
    var columns = [TableColumn("TENANT", width: .flex(min: 8))]
    if weekly {
      columns += ["WEEK-3", "WEEK-2", "LAST WK", "THIS WK"].map {
        TableColumn($0, width: .fixed(9), alignment: .right)
      }
    } else {
      columns += [
        TableColumn("DAILY 30D", width: .flex(weight: 2, min: 10)),
        TableColumn("LAST DAY", width: .fixed(9), alignment: .right),
      ]
    }
    columns += [
      TableColumn("30D", width: .fixed(9), alignment: .right),
      TableColumn("WOW", width: .fixed(7), alignment: .right),
    ]
    let sparkWidth = max(8, min(30, tenantsInner.width - 2 - 8 - 9 - 9 - 7 - 5))
    let tenantRows = data.tenants.map { t -> [TableCell] in
      var cells = [TableCell(t.tenant)]
      if weekly {
        cells += t.weekly.map { TableCell(Format.money($0)) }
      } else {
        cells.append(
          TableCell(
            Sparkline(values: t.daily).text(width: sparkWidth, glyphs: glyphs), role: .sparkline))
        cells.append(TableCell(Format.money(t.daily.last ?? 0)))
      }
      cells.append(TableCell(Format.money(t.daily.reduce(0, +))))
      cells.append(
        Self.change(this: t.weekly.last ?? 0, last: t.weekly.dropLast().last ?? 0, glyphs: glyphs))
      return cells
    }
    Table(columns: columns, rows: tenantRows, selectedIndex: moversFocused ? nil : tenantCursor)
      .render(into: &canvas, rect: tenantsInner)
    let moversInner = RenderKit.pane(
      &canvas, bottom,
      title: "Top movers · week over week · sort: \(sort.rawValue) "
        + String(ascending ? glyphs.arrowUp : glyphs.arrowDown)
        + (filter.isEmpty ? "" : " · filter: " + filter), focused: moversFocused)
    let moverColumns = [
      TableColumn("FUNCTION", width: .flex(weight: 2, min: 10)),
      TableColumn("TENANT", width: .flex(min: 6)),
      TableColumn("LAST WK", width: .fixed(9), alignment: .right),
      TableColumn("THIS WK", width: .fixed(9), alignment: .right),
      TableColumn("CHANGE", width: .fixed(9), alignment: .right),
      TableColumn("WOW", width: .fixed(7), alignment: .right),
    ]
    let visible = data.movers.enumerated().dropFirst(moverScroll).prefix(
      max(0, moversInner.height - 1))
    let moverRows = visible.map { _, m -> [TableCell] in
      [
        TableCell(m.function), TableCell(m.tenant), TableCell(Format.money(m.lastWeek)),
        TableCell(Format.money(m.thisWeek)),
        TableCell(
          (m.change >= 0 ? "+" : "") + Format.money(m.change), role: m.change > 0 ? .warn : .ok),
        Self.change(this: m.thisWeek, last: m.lastWeek, glyphs: glyphs),
      ]
    }
    Table(
      columns: moverColumns, rows: moverRows, firstRowIndex: moverScroll,
      totalRows: data.movers.count,
      selectedIndex: moversFocused ? moverCursor : nil, emptyMessage: "no per-function cost"
    ).render(into: &canvas, rect: moversInner)
  }

  /// Enter on a top mover: the function's detail (its cost is matched by account and
  /// name, so the function is the one billed); when the name repeats across regions of the
  /// account, the first by ARN, and the status line says so.
  static func open(_ mover: CostMover) -> [ScreenOutput] {
    guard let arn = mover.functionArns.first else {
      return [
        .status("no function \(mover.function) in account \(mover.account) in the store")
      ]
    }
    let name = ARN(arn)?.lambdaFunctionName ?? mover.function
    var out: [ScreenOutput] = [.push(FunctionDetailScreen(arn: arn, name: name, window: .week))]
    if mover.functionArns.count > 1 {
      out.append(
        .status(
          "\(mover.functionArns.count) functions named \(name) in account \(mover.account); "
            + "showing \(arn)"))
    }
    return out
  }

  /// Week-over-week change with an arrow (direction never by colour alone).
  static func change(this: Double, last: Double, glyphs: GlyphSet) -> TableCell {
    guard last > 0 else { return TableCell(this > 0 ? "new" : "-", role: .muted) }
    let fraction = (this - last) / last
    let arrow = fraction >= 0 ? glyphs.arrowUp : glyphs.arrowDown
    return TableCell(
      String(arrow) + Format.percent(abs(fraction)), role: fraction > 0.2 ? .warn : nil)
  }
}
