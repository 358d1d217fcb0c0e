/// The kinds of JSON values.
public enum JSONKind: UInt8, Sendable {
  case null, bool, number, string, array, object

  /// The word used in error messages (`expected a number, found string`).
  public var noun: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .number: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }
}

/// One entry of the flat tape a document is parsed into.
///
/// Scalars take one entry. A container takes one entry followed by its children (for
/// objects, alternating key and value entries); `end` is the tape index just after its
/// last descendant, so siblings can be skipped in O(1).
struct JSONNodeRecord: Sendable {
  var kind: JSONKind
  /// Strings: bit 0 = has escapes. Booleans: bit 0 = true.
  var flags: UInt8
  /// Byte offset: where the value starts (strings: just after the opening quote).
  var start: UInt32
  /// Strings and numbers: byte offset of the end. Containers: tape index after the subtree.
  var end: UInt32
}

/// A parsed JSON document: the original bytes and a compact tape of nodes over them.
///
/// Strings and numbers are decoded only when read, so parsing allocates almost nothing
/// but the tape (12 bytes per value).
public final class JSONDocument: Sendable {
  let bytes: [UInt8]
  let tape: [JSONNodeRecord]

  /// The default limit on nesting depth.
  public static let defaultMaxDepth = 256

  /// Parses `bytes` (which must be the whole document, UTF-8).
  public init(parsing bytes: [UInt8], maxDepth: Int = JSONDocument.defaultMaxDepth) throws {
    guard bytes.count < Int(UInt32.max) else {
      throw ReadError("file too large for the JSON reader (over 4 GB)")
    }
    self.bytes = bytes
    var parser = JSONParser(maxDepth: maxDepth)
    do {
      self.tape = try bytes.withUnsafeBufferPointer { try parser.parse($0) }
    } catch let failure as JSONParser.Failure {
      let lc = JSONDocument.lineColumn(bytes, offset: failure.offset)
      let place = failure.path.isEmpty ? lc : "\(failure.path) at \(lc)"
      throw ReadError(place: place, failure.reason)
    }
  }

  /// The top-level value.
  public var root: JSONValue { JSONValue(doc: self, index: 0) }

  /// `LINE:COLUMN` (1-based, column in characters) of a byte offset.
  static func lineColumn(_ bytes: [UInt8], offset: Int) -> String {
    var line = 1
    var lineStart = 0
    let end = min(offset, bytes.count)
    bytes.withUnsafeBufferPointer { p in
      for i in 0..<end where p[i] == 0x0A {
        line += 1
        lineStart = i + 1
      }
    }
    var column = 1
    if lineStart < end {
      for i in lineStart..<end where bytes[i] & 0xC0 != 0x80 { column += 1 }
    }
    return "\(line):\(column)"
  }

  /// Index just after the subtree rooted at `index`.
  @inline(__always) func skip(_ index: Int) -> Int {
    let r = tape[index]
    return r.kind == .array || r.kind == .object ? Int(r.end) : index + 1
  }

  /// The JSON path of a tape index, e.g. `$.Functions[3].MemorySize`.
  func path(of target: Int) -> String {
    var path = "$"
    var i = 0
    while i != target {
      let r = tape[i]
      var child = i + 1
      var n = 0
      var found = false
      while child < Int(r.end) {
        if r.kind == .object {
          let valueIndex = child + 1
          if target >= child && target < skip(valueIndex) {
            path += JSONValue(doc: self, index: child).keyPathComponent
            if target == child { return path }
            i = valueIndex
            found = true
            break
          }
          child = skip(valueIndex)
        } else {
          if target >= child && target < skip(child) {
            path += "[\(n)]"
            i = child
            found = true
            break
          }
          child = skip(child)
          n += 1
        }
      }
      if !found { break }
    }
    return path
  }

  /// Where a node is, for messages: `$.a.b at LINE:COLUMN`.
  func place(of index: Int) -> String {
    let start = Int(tape[index].start) - (tape[index].kind == .string ? 1 : 0)
    return "\(path(of: index)) at \(JSONDocument.lineColumn(bytes, offset: start))"
  }
}
