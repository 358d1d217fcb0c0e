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

/// Where `text` breaks into lines of at most `width` columns: one range of character
/// offsets (into `Array(text)`) per line, the spaces at each break left out. Lines break
/// at spaces; a word longer than a line (a URL, an ARN) starts where it is and is split at
/// the width so nothing is ever dropped. Lines after the first hold `width - indent` columns (the caller
/// starts them with `indent` spaces, a hanging indent).
public func wordBreaks(_ text: String, width: Int, indent: Int = 0) -> [Range<Int>] {
  let chars = Array(text)
  guard width > 0, !chars.isEmpty else { return [0..<chars.count] }
  var out: [Range<Int>] = []
  var start = 0
  while start < chars.count {
    let capacity = out.isEmpty ? width : max(1, width - indent)
    var end = start
    var used = 0
    while end < chars.count, used + displayWidth(chars[end]) <= capacity {
      used += displayWidth(chars[end])
      end += 1
    }
    if end == chars.count {
      out.append(start..<end)
      break
    }
    // The last space at or before the limit, if the line holds any word before it.
    var cut = end
    while cut > start, chars[cut] != " " { cut -= 1 }
    // A word that no line could hold whole (an ARN after a label) starts here rather than
    // leaving this line with only the label.
    var wordEnd = cut
    while wordEnd < chars.count, chars[wordEnd] == " " { wordEnd += 1 }
    let wordStart = wordEnd
    while wordEnd < chars.count, chars[wordEnd] != " " { wordEnd += 1 }
    let word = chars[wordStart..<wordEnd].reduce(0) { $0 + displayWidth($1) }
    if cut > start, word > max(1, width - indent) { cut = start }
    if cut == start {
      cut = max(end, start + 1)  // one long word: split it at the width
      out.append(start..<cut)
      start = cut
    } else {
      var lineEnd = cut
      while lineEnd > start, chars[lineEnd - 1] == " " { lineEnd -= 1 }
      out.append(start..<lineEnd)
      start = cut
    }
    while start < chars.count, chars[start] == " " { start += 1 }
  }
  return out
}

/// `text` wrapped at word boundaries to `width` columns (see ``wordBreaks(_:width:indent:)``),
/// lines after the first starting with `indent` spaces.
public func wrap(_ text: String, width: Int, indent: Int = 0) -> [String] {
  let chars = Array(text)
  let pad = String(repeating: " ", count: max(0, indent))
  return wordBreaks(text, width: width, indent: indent).enumerated().map { index, range in
    (index == 0 ? "" : pad) + String(chars[range])
  }
}

/// Like ``truncate(_:to:ellipsis:)``, but when a space falls in the last few columns of what
/// fits (a third of a short cell, at most 8) the text is cut there, so a cut title reads `Function URL…` rather than `Function UR…`.
public func truncateAtWord(_ text: String, to width: Int, ellipsis: String = "…") -> String {
  guard width > 0 else { return "" }
  if displayWidth(text) <= width { return text }
  let room = width - displayWidth(ellipsis)
  guard room > 0 else { return truncate(text, to: width, ellipsis: ellipsis) }
  let kept = Array(prefix(text, columns: room))
  // A word boundary at most a few columns back (a third of a short cell, 8 of a wide one),
  // so a long word after it is cut rather than leaving half the cell blank.
  let reach = max(3, min(8, kept.count / 3))
  if let space = kept.lastIndex(of: " "), space >= kept.count - reach, space > 0 {
    var end = space
    while end > 0, kept[end - 1] == " " { end -= 1 }
    if end > 0 { return String(kept[..<end]) + ellipsis }
  }
  return String(kept) + ellipsis
}
