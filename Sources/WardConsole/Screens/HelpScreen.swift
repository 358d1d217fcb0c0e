import WardModel
import WardUI

/// Every key, generated from the action registry (so it is never out of date), plus the
/// commands and filter tokens.
public struct HelpScreen: ScreenModel {
  public var registry: ActionRegistry
  public var policy: ConsolePolicy
  public var scroll = 0

  public init(registry: ActionRegistry, policy: ConsolePolicy) {
    self.registry = registry
    self.policy = policy
  }

  public var kind: ScreenKind { .help }
  public var breadcrumb: String { "Help" }
  public var hints: [KeyHint] { [KeyHint("j/k", "scroll"), KeyHint("Esc", "back")] }

  public func refreshQueries(_ context: ScreenContext) -> [Query] { [] }
  public mutating func apply(_ result: LoadResult, _ context: ScreenContext) -> [ScreenOutput] {
    []
  }

  public mutating func perform(_ action: ActionID, _ context: ScreenContext) -> [ScreenOutput] {
    let last = max(0, lines().wrapped(width: context.body.width - 2).count - context.body.height)
    scroll = TextScroll.apply(action, to: scroll, page: context.body.height, last: last) ?? scroll
    return []
  }

  /// What help says of a key that writes: `writes`, or why this session may not.
  static func writeNote(_ action: Action, _ policy: ConsolePolicy) -> String {
    guard let refusal = ActionRegistry.refusal(of: action, under: policy) else { return "writes" }
    return "writes; disabled: " + (policy.refusesMutation ? "read-only session" : refusal)
  }

  /// The help text.
  public func lines() -> [TextLine] {
    var out: [TextLine] = [.heading("Keys")]
    for action in registry.actions {
      let keys = action.keys.map(\.description).joined(separator: " ")
      var where_ = "everywhere"
      if let screens = action.screens {
        where_ = ScreenKind.allCases.filter { screens.contains($0) }.map(\.rawValue).joined(
          separator: ", ")
      }
      var line = TextLine(pad(keys, to: 16), style: Style(role: .key))
        .then(pad(action.label, to: 34))
        .then(where_, style: Style(fg: .role(.muted)))
      if action.mutates {
        line = line.then(
          "  [" + Self.writeNote(action, policy) + "]", style: Style(fg: .role(.warn)))
      }
      line.hangingIndent = 16
      out.append(line)
    }
    out.append(TextLine())
    out.append(.heading("Triage dialog (t)"))
    for (keys, meaning) in [
      ("1-7  Up/Down", "choose the state (in the State list)"),
      ("Tab  S-Tab", "next / previous field: state, reason, note, expires"),
      ("Enter", "submit (refused with a message when something required is missing)"),
      ("Esc", "cancel: nothing is written"),
    ] {
      var line = TextLine(pad("  " + keys, to: 16), style: Style(role: .key)).then(meaning)
      line.hangingIndent = 16
      out.append(line)
    }
    out.append(
      TextLine("  resolved, false-positive, suppressed need a reason; risk-accepted needs a"))
    out.append(
      TextLine("  reason and an expiry YYYY-MM-DD after today (it ends at 00:00Z that day)."))
    out.append(
      TextLine("  t acts on the marked findings (Space, *) when any are marked, else on the"))
    out.append(TextLine("  selected one; u undoes your own last triage as a new audit event."))
    out.append(TextLine())
    out.append(.heading("Commands (:, Tab completes)"))
    for (command, meaning) in [
      (":overview  :tenants", "the tenant overview"), (":functions", "every function"),
      (":tenant NAME", "one tenant's functions"), (":findings", "findings across tenants"),
      (":alerts", "alert timeline"), (":costs", "cost per tenant and top movers"),
      (":changes", "what changed since the previous run, per tenant (Enter: its findings)"),
      (":expiring [14d]", "closed decisions that lapse within 14 days (or the window given)"),
      (":theme NAME", "switch theme"), (":help", "this screen"), (":q  :quit", "quit"),
    ] {
      out.append(TextLine(pad(command, to: 24), style: Style(role: .key)).then(meaning))
    }
    out.append(TextLine())
    out.append(.heading("Findings filter (/)"))
    out.append(
      TextLine(
        "  free text matches title, resource, function name, rule id and description; tokens"
          + " narrow further (tenant: matches the start of a name):"))
    out.append(
      TextLine(
        "  sev:high,critical  cat:secrets  state:new|open|closed|all  tenant:NAME  src:prowler"
          + "  changed:new|…|any  since:RUN|DATE  expiring:14d"))
    out.append(
      TextLine(
        "  changed:new|resolved|reopened|lapsed|stale|triaged|any  since:RUN|YYYY-MM-DD"
          + " (default: since the previous run; add state:all for closed ones)"))
    out.append(TextLine())
    out.append(TextLine("  Up/Down in the filter line recall the last filters of this screen."))
    out.append(TextLine())
    out.append(.heading("Categories (overview columns)"))
    for category in Category.allCases {
      let column = OverviewScreen.matrixHeaders[category] ?? category.shortTitle
      out.append(
        TextLine("  " + pad(column, to: 6), style: Style(role: .key))
          .then(pad(category.rawValue, to: 16)).then(category.title))
    }
    out.append(TextLine())
    out.append(.heading("Severity glyphs"))
    out.append(TextLine("  " + Severity.worstFirst.map { $0.rawValue }.joined(separator: "  ")))
    return out
  }

  public func render(into canvas: inout Canvas, _ context: ScreenContext) {
    let body = context.body
    var all = lines()
    if let index = all.lastIndex(where: {
      $0.segments.first?.text == "  critical  high  medium  low  info"
    }) {
      all[index] = TextLine(
        "  "
          + Severity.worstFirst.map { "\(canvas.glyphs.severityGlyph($0.rawValue)) \($0.rawValue)" }
          .joined(separator: "  "))
    }
    RenderKit.draw(
      all.wrapped(width: body.width - 2), into: &canvas,
      rect: Rect(x: body.x + 2, y: body.y, width: body.width - 2, height: body.height),
      scroll: scroll)
  }
}
