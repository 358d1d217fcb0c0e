/// A cursor on one value of a `JSONDocument`. Cheap to copy; decodes on demand.
///
/// Typed accessors throw a `ReadError` whose place is the value's JSON path and
/// line:column, e.g. `$.Functions[0].MemorySize at 7:21: expected a number, found string`.
public struct JSONValue: Sendable {
  let doc: JSONDocument
  let index: Int

  @inline(__always) var record: JSONNodeRecord { doc.tape[index] }

  /// The value's kind.
  public var kind: JSONKind { record.kind }
  public var isNull: Bool { kind == .null }
  public var isObject: Bool { kind == .object }
  public var isArray: Bool { kind == .array }

  /// The JSON path, e.g. `$.Functions[3]`.
  public var path: String { doc.path(of: index) }

  /// An error located at this value.
  func failure(_ reason: String) -> ReadError {
    ReadError(place: doc.place(of: index), reason)
  }

  func typeMismatch(_ expected: String) -> ReadError {
    failure("expected \(expected), found \(kind.noun)")
  }

  // MARK: - Scalars

  /// The string value; throws for any other kind.
  public func string() throws -> String {
    guard kind == .string else { throw typeMismatch("a string") }
    let length = Int(record.end - record.start)
    guard length <= ImportLimits.stringBytes else {
      throw failure(
        "a string of \(length) bytes is longer than \(ImportLimits.stringBytes >> 20) MiB, the limit for one value (docs/formats.md)"
      )
    }
    return decodedString
  }

  /// A name or identifier (function name, ARN, id): a string of at most
  /// ``ImportLimits/identifierBytes``.
  public func identifier() throws -> String {
    let text = try string()
    guard text.utf8.count <= ImportLimits.identifierBytes else {
      throw failure(
        "a name of \(text.utf8.count) bytes is longer than \(ImportLimits.identifierBytes) bytes, the limit for names and ids"
      )
    }
    return text
  }

  /// The text of a string node (also used for keys).
  var decodedString: String {
    let r = record
    return doc.bytes.withUnsafeBufferPointer { p in
      let slice = UnsafeBufferPointer(rebasing: p[Int(r.start)..<Int(r.end)])
      return r.flags & 1 == 0 ? String(decoding: slice, as: UTF8.self) : JSONValue.unescape(slice)
    }
  }

  /// Calls `body` with the raw UTF-8 bytes of a string node that has no escapes (nil for
  /// other nodes), so hot paths such as timestamps skip building a String.
  @inline(__always) func withPlainStringBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
    let r = record
    guard r.kind == .string, r.flags & 1 == 0 else { return nil }
    return doc.bytes.withUnsafeBufferPointer { p in
      body(UnsafeBufferPointer(rebasing: p[Int(r.start)..<Int(r.end)]))
    }
  }

  /// Whether this string node equals `key` (compared without decoding when possible).
  @inline(__always) func stringEquals(_ key: String) -> Bool {
    let r = record
    if r.flags & 1 != 0 { return decodedString == key }
    let len = Int(r.end - r.start)
    var key = key
    return key.withUTF8 { k in
      guard k.count == len else { return false }
      return doc.bytes.withUnsafeBufferPointer { p in
        memcmpEqual(p.baseAddress! + Int(r.start), k.baseAddress, len)
      }
    }
  }

  /// The number value; throws for any other kind.
  public func double() throws -> Double {
    guard kind == .number else { throw typeMismatch("a number") }
    return numberValue
  }

  var numberValue: Double {
    let r = record
    return doc.bytes.withUnsafeBufferPointer { p in
      JSONValue.parseDouble(UnsafeBufferPointer(rebasing: p[Int(r.start)..<Int(r.end)]))
    }
  }

  /// The number as an integer; throws when not a number or not whole.
  public func int() throws -> Int {
    let d = try double()
    guard d == d.rounded(), abs(d) < 9e15 else {
      throw failure("expected a whole number, found \(d)")
    }
    return Int(d)
  }

  /// The boolean value; throws for any other kind.
  public func bool() throws -> Bool {
    guard kind == .bool else { throw typeMismatch("true or false") }
    return record.flags & 1 == 1
  }

  // MARK: - Containers

  /// The elements of an array; throws for any other kind.
  public func array() throws -> [JSONValue] {
    guard kind == .array else { throw typeMismatch("an array") }
    var out: [JSONValue] = []
    var child = index + 1
    let end = Int(record.end)
    while child < end {
      out.append(JSONValue(doc: doc, index: child))
      child = doc.skip(child)
    }
    return out
  }

  /// The members of an object in file order; throws for any other kind.
  public func members() throws -> [(key: String, value: JSONValue)] {
    guard kind == .object else { throw typeMismatch("an object") }
    var out: [(String, JSONValue)] = []
    var child = index + 1
    let end = Int(record.end)
    while child < end {
      let key = JSONValue(doc: doc, index: child).decodedString
      out.append((key, JSONValue(doc: doc, index: child + 1)))
      child = doc.skip(child + 1)
    }
    return out
  }

  /// The keys of an object (empty for other kinds).
  public var keys: [String] { (try? members().map(\.key)) ?? [] }

  /// The member named `key` (exact match), or nil when absent or this is not an object.
  /// Throws when the object has `key` twice: which value is meant is ambiguous, and taking
  /// the first would drop the other silently. Only keys Ward reads are checked, so parsing
  /// stays as fast as before (a check of every object in the parser cost 25–60%).
  public subscript(key: String) -> JSONValue? {
    get throws {
      guard kind == .object else { return nil }
      var child = index + 1
      let end = Int(record.end)
      var found: JSONValue? = nil
      while child < end {
        if JSONValue(doc: doc, index: child).stringEquals(key) {
          if found != nil {
            throw JSONValue(doc: doc, index: child).failure(
              "duplicate key \"\(key)\" in one object (which value is meant is ambiguous)")
          }
          found = JSONValue(doc: doc, index: child + 1)
        }
        child = doc.skip(child + 1)
      }
      return found
    }
  }

  /// Whether the object has a member named `key` (once or more; for format detection).
  public func hasKey(_ key: String) -> Bool {
    guard kind == .object else { return false }
    var child = index + 1
    let end = Int(record.end)
    while child < end {
      if JSONValue(doc: doc, index: child).stringEquals(key) { return true }
      child = doc.skip(child + 1)
    }
    return false
  }

  /// The member whose key matches `key` ignoring ASCII case.
  public func member(caseInsensitive key: String) -> JSONValue? {
    guard let all = try? members() else { return nil }
    let lower = key.lowercased()
    return all.first { $0.key.lowercased() == lower }?.value
  }

  // MARK: - Keyed helpers (absent and null both mean "not given")

  /// The member unless it is absent or null.
  public func present(_ key: String) throws -> JSONValue? {
    guard let v = try self[key], !v.isNull else { return nil }
    return v
  }

  public func string(_ key: String) throws -> String? { try present(key)?.string() }
  public func double(_ key: String) throws -> Double? { try present(key)?.double() }
  public func int(_ key: String) throws -> Int? { try present(key)?.int() }
  public func bool(_ key: String) throws -> Bool? { try present(key)?.bool() }

  /// The member as an object (nil when absent or null; throws for another kind).
  public func object(_ key: String) throws -> JSONValue? {
    guard let v = try present(key) else { return nil }
    guard v.isObject else { throw v.typeMismatch("an object") }
    return v
  }

  /// The member's elements (nil when absent or null; throws for another kind).
  public func array(_ key: String) throws -> [JSONValue]? { try present(key)?.array() }

  /// A member that must be present.
  public func required(_ key: String) throws -> JSONValue {
    guard let v = try present(key) else {
      throw failure("missing \"\(key)\"")
    }
    return v
  }

  public func requiredString(_ key: String) throws -> String { try required(key).string() }

  /// A string or a list of strings (IAM style), as a list.
  public func stringList() throws -> [String] {
    switch kind {
    case .string: return [decodedString]
    case .array: return try array().map { try $0.string() }
    default: throw typeMismatch("a string or a list of strings")
    }
  }

  // MARK: - Text helpers

  /// `.Key` or `["odd key"]`.
  static func pathComponent(forKey key: String) -> String {
    let plain =
      !key.isEmpty
      && key.utf8.allSatisfy { c in
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c == 45
      }
    if plain { return "." + key }
    let escaped = key.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
    return "[\"\(escaped)\"]"
  }

  var keyPathComponent: String { JSONValue.pathComponent(forKey: decodedString) }

  /// Decodes a string body with escapes (input already validated by the parser).
  static func unescape(_ p: UnsafeBufferPointer<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(p.count)
    var i = 0
    func hex4(_ at: Int) -> UInt32 {
      var v: UInt32 = 0
      for k in 0..<4 {
        let c = p[at + k]
        let d: UInt8 = c <= 57 ? c - 48 : (c | 0x20) - 87
        v = v << 4 | UInt32(d)
      }
      return v
    }
    func append(_ scalar: UInt32) {
      let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
      out.append(contentsOf: Array(String(Character(s)).utf8))
    }
    while i < p.count {
      let c = p[i]
      guard c == 0x5C else {
        out.append(c)
        i += 1
        continue
      }
      let e = p[i + 1]
      i += 2
      switch e {
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var u = hex4(i)
        i += 4
        if u >= 0xD800 && u < 0xDC00, i + 6 <= p.count, p[i] == 0x5C, p[i + 1] == UInt8(ascii: "u")
        {
          let low = hex4(i + 2)
          if low >= 0xDC00 && low < 0xE000 {
            u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
            i += 6
          }
        }
        append(u)
      default: out.append(e)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Parses a validated JSON number. Exact for integers below 2^53 with at most 22
  /// fractional digits (the common case); otherwise falls back to the standard library.
  static func parseDouble(_ p: UnsafeBufferPointer<UInt8>) -> Double {
    var i = 0
    var negative = false
    if p[0] == UInt8(ascii: "-") {
      negative = true
      i = 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var scale = 0
    while i < p.count, p[i] &- 48 < 10 {
      mantissa = mantissa &* 10 &+ UInt64(p[i] - 48)
      digits += 1
      i += 1
    }
    if i < p.count, p[i] == UInt8(ascii: ".") {
      i += 1
      while i < p.count, p[i] &- 48 < 10 {
        mantissa = mantissa &* 10 &+ UInt64(p[i] - 48)
        digits += 1
        scale += 1
        i += 1
      }
    }
    if i == p.count && digits <= 15 && scale <= 22 {
      let v = scale == 0 ? Double(mantissa) : Double(mantissa) / powersOfTen[scale]
      return negative ? -v : v
    }
    return Double(String(decoding: p, as: UTF8.self)) ?? .nan
  }

  static let powersOfTen: [Double] = (0...22).map { e in
    var v = 1.0
    for _ in 0..<e { v *= 10 }
    return v
  }
}

@inline(__always)
private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>?, _ n: Int) -> Bool {
  guard let b else { return n == 0 }
  for k in 0..<n where a[k] != b[k] { return false }
  return true
}
