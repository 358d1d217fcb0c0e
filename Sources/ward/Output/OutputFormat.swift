import ArgumentParser

/// How list commands print their rows.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv
}

/// Writes records in one of the output formats to standard output.
struct RecordPrinter {
  var format: OutputFormat
  /// Columns shown in table mode (all fields are kept in JSON and CSV).
  var tableColumns: [String]?
  /// Makes untrusted text safe for a terminal (control characters become visible).
  var sanitize: (String) -> String

  /// Renders every record; the header is printed even when there are no rows (CSV, table).
  func render(_ records: [Record], keys: [String]) -> String {
    switch format {
    case .json: return renderJSON(records)
    case .csv: return renderCSV(records, keys: keys)
    case .table: return renderTable(records, keys: tableColumns ?? keys)
    }
  }

  private func renderJSON(_ records: [Record]) -> String {
    var out = "["
    for (i, r) in records.enumerated() {
      out += i == 0 ? "\n  {" : ",\n  {"
      for (j, f) in r.fields.enumerated() {
        out += j == 0 ? "" : ", "
        out += jsonString(f.key) + ": " + jsonValue(f.value)
      }
      out += "}"
    }
    out += records.isEmpty ? "]\n" : "\n]\n"
    return out
  }

  private func jsonValue(_ v: Record.Value) -> String {
    switch v {
    case .string(let s): s.map(jsonString) ?? "null"
    case .int(let i): i.map(String.init) ?? "null"
    case .double(let d): d.map { $0.isFinite ? formatDecimal($0) : "null" } ?? "null"
    case .strings(let a): "[" + a.map(jsonString).joined(separator: ", ") + "]"
    }
  }

  private func renderCSV(_ records: [Record], keys: [String]) -> String {
    var out = keys.map(csvField).joined(separator: ",") + "\r\n"
    for r in records {
      let byKey = Dictionary(r.fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
      out += keys.map { csvField(byKey[$0]?.text ?? "") }.joined(separator: ",") + "\r\n"
    }
    return out
  }

  private func renderTable(_ records: [Record], keys: [String]) -> String {
    let rows: [[String]] = records.map { r in
      let byKey = Dictionary(r.fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
      return keys.map { sanitize(byKey[$0]?.text ?? "") }
    }
    let header = keys.map { $0.uppercased() }
    var widths = header.map(\.count)
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = min(max(widths[i], cell.count), 60) }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (i, c) in cells.enumerated() {
        let clipped = c.count > widths[i] ? String(c.prefix(widths[i] - 1)) + "…" : c
        parts.append(
          i == cells.count - 1
            ? clipped : clipped + String(repeating: " ", count: widths[i] - clipped.count))
      }
      return parts.joined(separator: "  ")
    }
    var out = line(header) + "\n"
    for row in rows { out += line(row) + "\n" }
    return out
  }
}

/// JSON string literal with the escapes RFC 8259 requires.
func jsonString(_ s: String) -> String {
  var out = "\""
  for u in s.unicodeScalars {
    switch u {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    default:
      if u.value < 0x20 || u.value == 0x7f || (0x80...0x9f).contains(u.value)
        || (0x2028...0x2029).contains(u.value)
      {
        let hex = String(u.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        out.unicodeScalars.append(u)
      }
    }
  }
  return out + "\""
}

/// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). A leading
/// `=`, `+`, `-` or `@` is prefixed with `'` so spreadsheets do not run it as a formula.
func csvField(_ s: String) -> String {
  var v = s
  if let first = v.first, "=+-@".contains(first), Double(v) == nil { v = "'" + v }
  if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
    return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
  return v
}
