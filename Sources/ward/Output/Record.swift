/// One output row: ordered fields, so JSON keys and CSV/table columns keep the documented order.
struct Record {
  var fields: [(key: String, value: Value)]

  init(_ fields: [(String, Value)]) { self.fields = fields.map { (key: $0.0, value: $0.1) } }

  /// A field value.
  enum Value {
    case string(String?)
    case int(Int64?)
    case double(Double?)
    case strings([String])
    /// Keys and values (a tenant's labels): a JSON object; `key=value;…` in tables and CSV,
    /// keys sorted.
    case object([String: String])
    /// Keys and counts (state changes by operator): a JSON object of numbers; `key=n;…` in
    /// tables and CSV, keys sorted.
    case counts([String: Int])

    /// The plain-text form used in tables and CSV.
    var text: String {
      switch self {
      case .string(let s): s ?? ""
      case .int(let i): i.map(String.init) ?? ""
      case .double(let d): d.map { formatDecimal($0) } ?? ""
      case .strings(let a): a.joined(separator: ";")
      case .object(let o): o.keys.sorted().map { "\($0)=\(o[$0]!)" }.joined(separator: ";")
      case .counts(let o): o.keys.sorted().map { "\($0)=\(o[$0]!)" }.joined(separator: ";")
      }
    }
  }
}

/// Formats a number without exponent and with at most 4 decimals (trailing zeros trimmed).
func formatDecimal(_ d: Double) -> String {
  if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
  var s = String(format: "%.4f", d)
  while s.hasSuffix("0") { s.removeLast() }
  if s.hasSuffix(".") { s.removeLast() }
  return s
}
