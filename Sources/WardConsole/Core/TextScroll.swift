/// The movement keys over a block of text (a detail pane, the pager, help): one keymap for
/// every scrolled text, as ``PagedList/applyMovement(_:visibleRows:)`` is for lists.
enum TextScroll {
  /// The first shown line after `action` (up, down, page up/down, top, bottom) over text
  /// whose last useful first line is `last`, `page` lines per page; nil for other actions.
  static func apply(_ action: ActionID, to scroll: Int, page: Int, last: Int) -> Int? {
    let next: Int
    switch action {
    case .up: next = scroll - 1
    case .down: next = scroll + 1
    case .pageUp: next = scroll - max(1, page)
    case .pageDown: next = scroll + max(1, page)
    case .top: next = 0
    case .bottom: next = last
    default: return nil
    }
    return max(0, min(next, last))
  }
}
