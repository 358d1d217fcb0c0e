/// A value bound to or read from SQL: the four storage classes Ward uses.
enum SQLValue: Sendable, Hashable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)

  init(_ v: String?) { self = v.map { .text($0) } ?? .null }
  init(_ v: Int64?) { self = v.map { .integer($0) } ?? .null }
  init(_ v: Int?) { self = v.map { .integer(Int64($0)) } ?? .null }
  init(_ v: Double?) { self = v.map { .real($0) } ?? .null }
  init(_ v: Bool) { self = .integer(v ? 1 : 0) }

  var int64: Int64? {
    if case .integer(let i) = self { return i }
    if case .real(let d) = self { return Int64(d) }
    return nil
  }
  var string: String? {
    if case .text(let s) = self { return s }
    return nil
  }
}
