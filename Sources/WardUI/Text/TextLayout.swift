/// Horizontal alignment of text within a width.
public enum Alignment: Sendable, Hashable {
  case left, right, center
}

/// Cuts `text` to at most `width` columns, ending with `ellipsis` when anything was cut.
///
/// Never splits a grapheme; a wide character that would straddle the limit is dropped.
public func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
  guard width > 0 else { return "" }
  if displayWidth(text) <= width { return text }
  let ellipsisWidth = displayWidth(ellipsis)
  if ellipsisWidth > width { return prefix(text, columns: width) }
  return prefix(text, columns: width - ellipsisWidth) + ellipsis
}

/// The longest prefix of `text` that fits in `columns`.
public func prefix(_ text: String, columns: Int) -> String {
  var used = 0
  var out = ""
  for character in text {
    let w = displayWidth(character)
    if used + w > columns { break }
    used += w
    out.append(character)
  }
  return out
}

/// Truncates (with ellipsis) or pads `text` with spaces to exactly `width` columns.
public func pad(
  _ text: String, to width: Int, alignment: Alignment = .left, ellipsis: String = "…"
) -> String {
  let cut = truncate(text, to: width, ellipsis: ellipsis)
  let gap = max(0, width - displayWidth(cut))
  switch alignment {
  case .left: return cut + String(repeating: " ", count: gap)
  case .right: return String(repeating: " ", count: gap) + cut
  case .center:
    let left = gap / 2
    return String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
  }
}
