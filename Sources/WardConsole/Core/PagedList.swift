/// Cursor, scroll and a loaded window of rows over a list that lives in the store.
///
/// Only a window around the visible rows is ever held; when the visible rows leave it,
/// ``pageRequest(visibleRows:)`` says which rows to load next.
public struct PagedList<Row: Sendable & Hashable>: Sendable, Hashable {
  /// Rows in the whole (filtered) list.
  public var total: Int = 0
  /// Absolute index of the selected row.
  public var cursor: Int = 0
  /// Absolute index of the first visible row.
  public var scroll: Int = 0
  /// Absolute index of `rows[0]`.
  public var loadedOffset: Int = 0
  public var rows: [Row] = []
  /// False until the first load arrives.
  public var loaded = false

  public init() {}

  /// The selected row, when it is in the loaded window.
  public var selected: Row? { row(at: cursor) }

  /// The row at absolute `index`, when loaded.
  public func row(at index: Int) -> Row? {
    let i = index - loadedOffset
    return rows.indices.contains(i) ? rows[i] : nil
  }

  /// Moves the cursor by `delta` rows (clamped) and scrolls to keep it visible.
  public mutating func move(by delta: Int, visibleRows: Int) {
    moveTo(cursor + delta, visibleRows: visibleRows)
  }

  /// Puts the cursor on `index` (clamped) and scrolls to keep it visible.
  public mutating func moveTo(_ index: Int, visibleRows: Int) {
    cursor = max(0, min(index, total - 1))
    clampScroll(visibleRows: visibleRows)
  }

  /// Re-clamps cursor and scroll after the total or the window height changed.
  public mutating func clampScroll(visibleRows: Int) {
    cursor = max(0, min(cursor, total - 1))
    let rows = max(1, visibleRows)
    if cursor < scroll { scroll = cursor }
    if cursor >= scroll + rows { scroll = cursor - rows + 1 }
    scroll = max(0, min(scroll, max(0, total - rows)))
  }

  /// Whether every visible row is loaded.
  public func covers(visibleRows: Int) -> Bool {
    guard loaded else { return false }
    let end = min(total, scroll + visibleRows)
    return scroll >= loadedOffset && end <= loadedOffset + rows.count
  }

  /// The window to load so the visible rows (and a page either side) are held.
  public func pageRequest(visibleRows: Int) -> (offset: Int, limit: Int) {
    let page = max(1, visibleRows)
    let offset = max(0, scroll - page)
    return (offset, page * 3)
  }

  /// Installs a loaded window and the list's new total, keeping cursor and scroll.
  public mutating func install(total: Int, offset: Int, rows: [Row], visibleRows: Int) {
    self.total = total
    self.loadedOffset = offset
    self.rows = rows
    self.loaded = true
    clampScroll(visibleRows: visibleRows)
  }

  /// The visible rows with their absolute indices.
  public func visible(_ count: Int) -> [(index: Int, row: Row)] {
    (scroll..<min(total, scroll + max(0, count))).compactMap { i in row(at: i).map { (i, $0) } }
  }
}

extension PagedList {
  /// Applies a cursor-movement action (up, down, page up/down, top, bottom); returns false
  /// for any other action, so list screens share one keymap for moving.
  public mutating func applyMovement(_ action: ActionID, visibleRows rows: Int) -> Bool {
    switch action {
    case .up: move(by: -1, visibleRows: rows)
    case .down: move(by: 1, visibleRows: rows)
    case .pageUp: move(by: -rows, visibleRows: rows)
    case .pageDown: move(by: rows, visibleRows: rows)
    case .top: moveTo(0, visibleRows: rows)
    case .bottom: moveTo(total - 1, visibleRows: rows)
    default: return false
    }
    return true
  }
}
