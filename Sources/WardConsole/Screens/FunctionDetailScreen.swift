import WardModel
import WardStore
import WardUI

/// One function: configuration, resource policy, findings, metric sparklines over
/// 24 h / 7 d / 30 d (`w`), daily cost and its alert timeline. Tab moves between panes.
public struct FunctionDetailScreen: ScreenModel {
  public enum Pane: Int, Sendable, Hashable, CaseIterable {
    // Permissions and Triggers come last so Tab keeps reaching the other panes in the order
    // it always has.
    case configuration, metrics, findings, alerts, permissions, triggers
    var title: String {
      switch self {
      case .configuration: "Configuration"
      case .triggers: "Triggers"
      case .metrics: "Metrics"
      case .findings: "Findings"
      case .alerts: "Alerts"
      case .permissions: "Permissions"
      }
    }
  }

  public var arn: String
  public var name: String
  public var window: TimeWindow
  public var focus: Pane = .configuration
  public var scroll: [Pane: Int] = [:]
  public var data: FunctionDetailData?
  /// The chosen row of the Findings pane (what `t` and `n` act on while it is focused).
  public var findingCursor = 0
  /// A finding to choose in the Findings pane once the data is loaded (Enter on a finding
  /// on the Findings screen); nil once chosen.
  public var pendingFinding: String?
  /// The alert the operator opened this function from (Enter on the alert timeline), marked
  /// under the sparklines; nil otherwise.
  public var alertWindow: AlertWindowMarker?

  /// The detail of function `arn`; with `selecting`, the Findings pane has the focus and
  /// that finding is chosen as soon as it is loaded; with `marking`, the Metrics pane has
  /// the focus and that alert's window is marked under the sparklines.
  public init(
    arn: String, name: String, window: TimeWindow = .day, selecting findingId: String? = nil,
    marking alertWindow: AlertWindowMarker? = nil
  ) {
    self.arn = arn
    self.name = name
    self.window = window
    self.alertWindow = alertWindow
    if alertWindow != nil { focus = .metrics }
    pendingFinding = findingId
    if findingId != nil { focus = .findings }
  }

  public var kind: ScreenKind { .functionDetail }
  public var breadcrumb: String { "Function: " + name }
  public var hints: [KeyHint] {
    [
      KeyHint("Tab", "pane"), KeyHint("w", "window \(window.rawValue)"), KeyHint("j/k", "scroll"),
      KeyHint("Enter", "finding (Findings pane)"), KeyHint("t", "triage (Findings pane)"),
      KeyHint("Esc", "back"), KeyHint("?", "help"),
    ]
  }

  /// The finding under the cursor while the Findings pane has the focus.
  public var selectedFinding: FindingRow? {
    guard focus == .findings, let findings = data?.findings,
      findings.indices.contains(findingCursor)
    else { return nil }
    return findings[findingCursor]
  }

  /// The focused pane whole (configuration with the resource policy, metrics, findings,
  /// alerts).
  public func pagerContent(_ context: ScreenContext) -> PagerContent? {
    guard data != nil else { return nil }
    return PagerContent(
      title: name + " · " + focus.title,
      lines: lines(
        focus, width: context.body.width - 4, glyphs: context.glyphs, now: context.clock.now))
  }

  /// The chosen finding's id in the Findings pane, else the function's ARN.
  public var copyTarget: CopyTarget? {
    if let f = selectedFinding { return CopyTarget("finding id", f.id) }
    return CopyTarget("function ARN", data?.inventory?.function.arn ?? arn)
  }

  /// Rows of the Findings pane's content (see ``render(into:_:)``'s layout).
  static func findingsPaneRows(_ body: Rect) -> Int {
    let wide = body.width >= 110 && body.height >= 20
    let height = wide ? (body.height - 9) / 2 : body.height - 1
    return max(1, height - 2)
  }

  /// Moves the Findings pane's cursor and keeps it in view.
  private mutating func moveFindingCursor(to index: Int, _ context: ScreenContext) {
    let count = data?.findings.count ?? 0
    findingCursor = max(0, min(index, count - 1))
    let rows = Self.findingsPaneRows(context.body)
    var top = scroll[.findings] ?? 0
    if findingCursor < top { top = findingCursor }
    if findingCursor >= top + rows { top = findingCursor - rows + 1 }
    scroll[.findings] = top
  }

  public func refreshQueries(_ context: ScreenContext) -> [Query] { [.functionDetail(arn: arn)] }

  public mutating func apply(_ result: LoadResult, _ context: ScreenContext) -> [ScreenOutput] {
    guard case .functionDetail(let data) = result else { return [] }
    // Keep the cursor on the same finding across a reload (its row may have moved).
    let selectedId =
      self.data?.findings.indices.contains(findingCursor) == true
      ? self.data?.findings[findingCursor].id : nil
    self.data = data
    if let pending = pendingFinding {
      pendingFinding = nil
      if let index = data.findings.firstIndex(where: { $0.id == pending }) {
        moveFindingCursor(to: index, context)
        return []
      }
      // Not among the function's first findings (or gone): say so rather than guess.
      findingCursor = 0
      return [.status("\(pending) is not in \(name)'s findings list")]
    }
    if let selectedId, let index = data.findings.firstIndex(where: { $0.id == selectedId }) {
      findingCursor = index
    } else {
      findingCursor = min(findingCursor, max(0, data.findings.count - 1))
    }
    return []
  }

  public mutating func perform(_ action: ActionID, _ context: ScreenContext) -> [ScreenOutput] {
    let all = Pane.allCases
    let current = scroll[focus] ?? 0
    if focus == .findings, data?.findings.isEmpty == false {
      let rows = Self.findingsPaneRows(context.body)
      switch action {
      case .up: moveFindingCursor(to: findingCursor - 1, context)
      case .down: moveFindingCursor(to: findingCursor + 1, context)
      case .pageUp: moveFindingCursor(to: findingCursor - rows, context)
      case .pageDown: moveFindingCursor(to: findingCursor + rows, context)
      case .top: moveFindingCursor(to: 0, context)
      case .bottom: moveFindingCursor(to: Int.max / 2, context)
      default: break
      }
      if [.up, .down, .pageUp, .pageDown, .top, .bottom].contains(action) { return [] }
      if action == .enter, let f = selectedFinding {
        return [.push(FindingDetailScreen(findingId: f.id, title: f.title))]
      }
    }
    switch action {
    case .nextPane: focus = all[(focus.rawValue + 1) % all.count]
    case .previousPane: focus = all[(focus.rawValue + all.count - 1) % all.count]
    case .window:
      window = window.next
      return [.status("window: \(window.rawValue)")]
    case .up: scroll[focus] = max(0, current - 1)
    case .down:
      scroll[focus] = min(max(0, lineCount(focus, width: context.body.width) - 1), current + 1)
    case .pageUp: scroll[focus] = max(0, current - 10)
    case .pageDown:
      scroll[focus] = min(max(0, lineCount(focus, width: context.body.width) - 1), current + 10)
    case .top: scroll[focus] = 0
    case .bottom: scroll[focus] = max(0, lineCount(focus, width: context.body.width) - 1)
    default: break
    }
    return []
  }

  private func lineCount(_ pane: Pane, width: Int) -> Int {
    lines(pane, width: width, glyphs: .unicode, now: 0).count
  }

  // MARK: Pane contents

  func lines(_ pane: Pane, width: Int, glyphs: GlyphSet, now: EpochSeconds) -> [TextLine] {
    guard let data else { return [TextLine("loading…", style: Style(role: .muted))] }
    switch pane {
    case .configuration: return configuration(data, glyphs: glyphs)
    case .triggers: return FunctionTriggerLines.lines(data.inventory, width: width)
    case .metrics: return metrics(data, width: width, glyphs: glyphs, now: now)
    case .findings: return findings(data, glyphs: glyphs)
    case .alerts: return alerts(data, glyphs: glyphs).wrapped(width: width)
    case .permissions:
      guard let inventory = data.inventory else { return [] }
      return FunctionDetailAccess.permissions(inventory).wrapped(width: width)
    }
  }

  private func configuration(_ data: FunctionDetailData, glyphs: GlyphSet) -> [TextLine] {
    guard let inventory = data.inventory else {
      return [TextLine("function not found (or outside your scope)", style: Style(role: .error))]
    }
    let f = inventory.function
    var out: [TextLine] = [
      .field("name", f.name), .field("tenant", inventory.tenant),
      .field("account", f.account + "  " + f.region), .field("arn", f.arn),
    ]
    let runtime = f.runtime ?? "-"
    if let status = data.runtimeStatus {
      out.append(
        .field(
          "runtime", "\(runtime)  ! \(status)", style: Style(fg: .role(.warn), attributes: .bold)))
    } else {
      out.append(.field("runtime", runtime + (f.runtime == nil ? "" : "  (supported)")))
    }
    out.append(.field("memory", f.memoryMB.map { "\($0) MB" } ?? "-"))
    out.append(.field("timeout", f.timeoutSeconds.map { "\($0) s" } ?? "-"))
    out.append(.field("role", f.role ?? "-"))
    out.append(.field("layers", f.layers.isEmpty ? "none" : "\(f.layers.count)"))
    for layer in f.layers {
      out.append(TextLine("  " + layer.arn, style: Style(fg: .role(.muted))))
    }
    out.append(.field("vpc", f.vpcId.map { "\($0) (\(f.subnetIds.count) subnets)" } ?? "none"))
    out.append(.field("tracing", f.tracingMode ?? "off"))
    out.append(
      .field("concurrency", f.reservedConcurrency.map { "reserved \($0)" } ?? "unreserved"))
    out.append(
      .field("log retention", f.logRetentionDays.map { "\($0) days" } ?? "never expires / unset"))
    out.append(.field("on failure", f.onFailureDestination ?? f.deadLetterTarget ?? "none"))
    out.append(
      .field(
        "code signing",
        f.codeSigningConfigArn != nil
          ? "yes" : f.codeSigningKnown ? "no" : "unknown (not collected)"))
    if let url = inventory.url {
      let role: Role = url.isPublic ? .error : .text
      out.append(
        .field(
          "url auth", url.authType + (url.isPublic ? "  ! public" : ""),
          style: Style(fg: .role(role))))
      out.append(.field("url", url.url))
      out.append(
        .field(
          "cors",
          url.corsAllowOrigins.isEmpty ? "none" : url.corsAllowOrigins.joined(separator: ", ")))
    } else {
      out.append(.field("url", "none"))
    }
    out += FunctionDetailAccess.routes(inventory)
    out.append(.heading("Environment (\(f.environment.count), names and redacted previews only)"))
    for v in f.environment {
      let flag = v.secretKind.map { "  ! \($0.rawValue)" } ?? ""
      out.append(
        TextLine("  " + v.name, style: Style(fg: .role(v.secretKind == nil ? .text : .warn)))
          .then("  " + v.preview + flag, style: Style(fg: .role(.muted))))
    }
    out.append(.heading("Resource policy (\(inventory.policy.count) statements)"))
    for s in inventory.policy {
      let principal = s.principals.joined(separator: ",")
      let conditions = [
        s.sourceArn.map { "SourceArn " + $0 }, s.sourceAccount.map { "SourceAccount " + $0 },
        s.principalOrgId.map { "OrgId " + $0 },
      ].compactMap { $0 }
      let publicMark = s.isPublicPrincipal && conditions.isEmpty ? "  ! public" : ""
      out.append(
        TextLine(
          "  \(s.sid ?? "-")  \(s.effect)  \(principal)  \(s.actions.joined(separator: ","))",
          style: Style(fg: .role(publicMark.isEmpty ? .text : .error))
        )
        .then(
          publicMark + (conditions.isEmpty ? "" : "  if " + conditions.joined(separator: ", ")),
          style: Style(fg: .role(.muted))))
    }
    return out
  }

  private func metrics(_ data: FunctionDetailData, width: Int, glyphs: GlyphSet, now: EpochSeconds)
    -> [TextLine]
  {
    let end = now
    let start = end - window.seconds
    var byHour: [EpochSeconds: MetricSample] = [:]
    for sample in data.metrics where sample.hour >= start && sample.hour < end {
      byHour[sample.hour] = sample
    }
    let hours = stride(from: start, to: end, by: Int(UTC.hour)).map { byHour[$0] }
    let spark = max(8, width - 31)
    func line(
      _ label: String, _ value: (MetricSample) -> Double?, useMax: Bool, format: (Double) -> String
    )
      -> TextLine
    {
      let values = hours.map { $0.flatMap(value) ?? 0 }
      let shown = RenderKit.bucket(values, width: spark, useMax: useMax)
      let summary =
        useMax ? "max " + format(values.max() ?? 0) : "sum " + format(values.reduce(0, +))
      return TextLine(pad(label, to: 13), style: Style(fg: .role(.muted)))
        .then(
          pad(Sparkline(values: shown).text(width: spark, glyphs: glyphs), to: spark),
          style: Style(fg: .role(.sparkline))
        )
        .then(" " + summary)
    }
    var out: [TextLine] = [.heading("last \(window.rawValue) (w switches 24h/7d/30d)")]
    out.append(line("invocations", { $0.invocations }, useMax: false, format: Format.count))
    out.append(line("errors", { $0.errors }, useMax: false, format: Format.count))
    out.append(line("throttles", { $0.throttles }, useMax: false, format: Format.count))
    out.append(
      line(
        "duration p99", { $0.durationP99 }, useMax: true,
        format: { Format.duration(milliseconds: $0) }))
    out.append(line("cold starts", { $0.coldStarts }, useMax: false, format: Format.count))
    if let alertWindow {
      out.append(
        alertWindow.line(
          from: start, hours: hours.count, width: spark, labelWidth: 13, glyphs: glyphs))
    }
    let cost = data.dailyCost.map(\.amount)
    out.append(
      TextLine(pad("cost 30d/day", to: 13), style: Style(fg: .role(.muted)))
        .then(
          pad(Sparkline(values: cost).text(width: spark, glyphs: glyphs), to: spark),
          style: Style(fg: .role(.sparkline))
        )
        .then(" sum " + Format.money(cost.reduce(0, +))))
    return out
  }

  private func findings(_ data: FunctionDetailData, glyphs: GlyphSet) -> [TextLine] {
    if data.findings.isEmpty { return [TextLine("no findings", style: Style(role: .muted))] }
    return data.findings.enumerated().map { index, f in
      let chosen = focus == .findings && index == findingCursor
      return TextLine(
        String(chosen ? glyphs.caret : " ") + " ", style: chosen ? Style(role: .selection) : .plain
      )
      .then(
        pad(RenderKit.severityLabel(f.severity, glyphs: glyphs), to: 11),
        style: Style(fg: .role(.severity(f.severity.rawValue)))
      )
      .then(pad(f.category.rawValue, to: 15), style: Style(fg: .role(.muted)))
      .then(pad(f.state.rawValue, to: 13), style: Style(fg: .role(.state(f.state.rawValue))))
      .then(f.title)
    }
  }

  private func alerts(_ data: FunctionDetailData, glyphs: GlyphSet) -> [TextLine] {
    if data.alerts.isEmpty { return [TextLine("no alerts", style: Style(role: .muted))] }
    var out: [TextLine] = []
    var day = ""
    for row in data.alerts {
      let a = row.alert
      let thisDay = UTC.date(a.start)
      if thisDay != day {
        day = thisDay
        out.append(.heading("── " + day))
      }
      out.append(
        TextLine("  " + RenderKit.minute(a.start).suffix(5) + "  ", style: Style(fg: .role(.muted)))
          .then(
            pad(RenderKit.severityLabel(a.severity, glyphs: glyphs), to: 11),
            style: Style(fg: .role(.severity(a.severity.rawValue)))
          )
          .then(pad(AlertFacts.duration(start: a.start, end: a.end), to: 9))
          .then(a.title))
      let facts = AlertFacts(detail: a.detail)
      var detail = TextLine(
        "         " + a.kind + (facts.raw.isEmpty ? "" : " · " + facts.sentence),
        style: Style(fg: .role(.muted)))
      detail.hangingIndent = 9
      out.append(detail)
    }
    return out
  }

  // MARK: Drawing

  public func render(into canvas: inout Canvas, _ context: ScreenContext) {
    let body = context.body
    let now = context.clock.now
    if body.width >= 110 && body.height >= 20 {
      let (columnLeft, right) = body.splitLeft(body.width / 2)
      // The Triggers pane takes at most 8 rows under Configuration (it scrolls when focused).
      let (left, triggersRect) = columnLeft.splitTop(
        columnLeft.height - min(8, columnLeft.height / 3))
      let (metricsRect, rest) = right.splitTop(9)
      let (findingsRect, alertsRect) = rest.splitTop(rest.height / 2)
      // The left column holds the configuration, or the permissions while they have the focus.
      for (pane, rect) in [
        (focus == .permissions ? Pane.permissions : .configuration, left),
        (.triggers, triggersRect), (.metrics, metricsRect), (.findings, findingsRect),
        (.alerts, alertsRect),
      ] {
        drawPane(pane, rect: rect, canvas: &canvas, now: now)
      }
    } else {
      var x = body.x
      for pane in Pane.allCases {
        let label = pane == focus ? "[\(pane.title)]" : " \(pane.title) "
        x += canvas.put(
          text: label, at: Point(x: x, y: body.y),
          style: pane == focus
            ? Style(role: .selection, attributes: .bold) : Style(fg: .role(.muted)))
        x += 1
      }
      let rest = Rect(x: body.x, y: body.y + 1, width: body.width, height: body.height - 1)
      drawPane(focus, rect: rest, canvas: &canvas, now: now)
    }
  }

  private func drawPane(_ pane: Pane, rect: Rect, canvas: inout Canvas, now: EpochSeconds) {
    let title = pane == .metrics ? "Metrics \(window.rawValue)" : pane.title
    let inner = RenderKit.pane(&canvas, rect, title: title, focused: pane == focus)
    let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: inner.height)
    RenderKit.draw(
      lines(pane, width: content.width, glyphs: canvas.glyphs, now: now), into: &canvas,
      rect: content, scroll: scroll[pane] ?? 0)
  }
}
