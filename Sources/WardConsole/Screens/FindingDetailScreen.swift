import WardModel
import WardStore
import WardUI

/// One finding on the whole screen: the same text as the Findings detail pane (what, where,
/// state, history, description, evidence, remediation), scrolled with the movement keys.
/// Opened by Enter on a finding in a function's Findings pane; Esc goes back to it.
public struct FindingDetailScreen: ScreenModel {
  public var findingId: String
  /// The title shown until the finding is loaded.
  public var title: String
  public var detail: FindingDetailData?
  public var scroll = 0

  public init(findingId: String, title: String) {
    self.findingId = findingId
    self.title = title
  }

  public var kind: ScreenKind { .findingDetail }
  public var breadcrumb: String { "Finding: " + findingId }
  public var hints: [KeyHint] {
    [
      KeyHint("j/k", "scroll"), KeyHint("PgUp/PgDn", "page"), KeyHint("Esc", "back"),
      KeyHint("?", "help"),
    ]
  }

  public func pagerContent(_ context: ScreenContext) -> PagerContent? {
    PagerContent(
      title: "Finding " + findingId, lines: FindingDetailText.lines(detail, glyphs: context.glyphs))
  }

  /// The finding's remediation URL when it has one, else its id.
  public var copyTarget: CopyTarget? {
    if let remediation = detail?.finding?.finding.remediation,
      let url = RemediationURL.first(in: remediation)
    {
      return CopyTarget("remediation URL", url)
    }
    return CopyTarget("finding id", findingId)
  }

  public func refreshQueries(_ context: ScreenContext) -> [Query] {
    [.findingDetail(id: findingId)]
  }

  public mutating func apply(_ result: LoadResult, _ context: ScreenContext) -> [ScreenOutput] {
    guard case .findingDetail(let data) = result, data.finding?.finding.id ?? findingId == findingId
    else { return [] }
    detail = data
    scroll = min(scroll, maxScroll(context))
    return []
  }

  static func contentRect(_ body: Rect) -> Rect {
    Rect(
      x: body.x + 2, y: body.y + 1, width: max(0, body.width - 4), height: max(0, body.height - 2))
  }

  private func lines(_ context: ScreenContext) -> [TextLine] {
    FindingDetailText.lines(
      detail, emptyText: "loading…", glyphs: context.glyphs,
      width: Self.contentRect(context.body).width)
  }

  private func maxScroll(_ context: ScreenContext) -> Int {
    max(0, lines(context).count - Self.contentRect(context.body).height)
  }

  public mutating func perform(_ action: ActionID, _ context: ScreenContext) -> [ScreenOutput] {
    let page = Self.contentRect(context.body).height - 1
    scroll = TextScroll.apply(action, to: scroll, page: page, last: maxScroll(context)) ?? scroll
    return []
  }

  public func render(into canvas: inout Canvas, _ context: ScreenContext) {
    let inner = RenderKit.pane(&canvas, context.body, title: "Finding " + findingId, focused: true)
    let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: inner.height)
    RenderKit.draw(lines(context), into: &canvas, rect: content, scroll: scroll)
  }
}
