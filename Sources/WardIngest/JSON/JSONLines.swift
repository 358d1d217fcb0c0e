/// JSON Lines (one JSON value per line, as Security Hub's OCSF findings arrive from
/// EventBridge, Firehose or `jq -c`): read as the JSON array of those values, so every
/// list reader takes it.
enum JSONLines {
  /// Whether `bytes` hold more than one line with a value and the first such line is one
  /// whole JSON object or array by itself: a pretty-printed document's first line is
  /// only its opening bracket, and a one-line document has no second line.
  static func looksLike(_ bytes: [UInt8]) -> Bool {
    var lines = nonBlankLines(bytes).makeIterator()
    guard let first = lines.next(), lines.next() != nil else { return false }
    let line = Array(bytes[first])
    guard let opener = line.first, opener == UInt8(ascii: "{") || opener == UInt8(ascii: "[")
    else { return false }
    return (try? JSONDocument(parsing: line)) != nil
  }

  /// The lines as one JSON array, with every line where it was: `[` before the first
  /// value, `,` after each value but the last, `]` after it. A parse error of the result
  /// names the line of the file (the column of line 1 is one more).
  static func asArray(_ bytes: [UInt8]) -> [UInt8] {
    let ranges = nonBlankLines(bytes)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + ranges.count + 2)
    var at = 0
    for (i, range) in ranges.enumerated() {
      if i == 0 { out.append(UInt8(ascii: "[")) }
      out += bytes[at..<range.upperBound]
      out.append(i == ranges.count - 1 ? UInt8(ascii: "]") : UInt8(ascii: ","))
      at = range.upperBound
    }
    out += bytes[at...]
    return out
  }

  /// The byte ranges of the lines that hold something other than white space, without
  /// their line break (and trailing white space).
  static func nonBlankLines(_ bytes: [UInt8]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    func close(_ end: Int) {
      var e = end
      while e > start, isSpace(bytes[e - 1]) { e -= 1 }
      var s = start
      while s < e, isSpace(bytes[s]) { s += 1 }
      if s < e { ranges.append(start..<e) }
    }
    for i in bytes.indices where bytes[i] == 0x0A {
      close(i)
      start = i + 1
    }
    close(bytes.count)
    return ranges
  }

  private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
}
