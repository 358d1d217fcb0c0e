import ArgumentParser
import Foundation
import WardUI

/// How list commands print their rows.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv
}

/// Writes records in one of the output formats to standard output. Every cell goes through
/// the one output policy (``OutputText``): table cells as visible placeholders, JSON strings
/// with `\uXXXX` escapes, CSV fields also neutralised against formulas.
struct RecordPrinter {
  var format: OutputFormat
  /// Columns shown in table mode (all fields are kept in JSON and CSV).
  var tableColumns: [String]?
  /// Whether table cells are cut to 60 columns (with `…`): only for a person at a terminal;
  /// a pipe or a file gets every cell whole.
  var cutsCells = isatty(STDOUT_FILENO) == 1

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
        out += OutputText.jsonString(f.key) + ": " + jsonValue(f.value)
      }
      out += "}"
    }
    out += records.isEmpty ? "]\n" : "\n]\n"
    return out
  }

  private func jsonValue(_ v: Record.Value) -> String {
    switch v {
    case .string(let s): s.map(OutputText.jsonString) ?? "null"
    case .int(let i): i.map(String.init) ?? "null"
    case .double(let d): d.map { $0.isFinite ? formatDecimal($0) : "null" } ?? "null"
    case .strings(let a): "[" + a.map(OutputText.jsonString).joined(separator: ", ") + "]"
    case .object(let o):
      "{"
        + o.keys.sorted().map { OutputText.jsonString($0) + ": " + OutputText.jsonString(o[$0]!) }
        .joined(separator: ", ") + "}"
    case .counts(let o):
      "{"
        + o.keys.sorted().map { OutputText.jsonString($0) + ": \(o[$0]!)" }
        .joined(separator: ", ") + "}"
    }
  }

  private func renderCSV(_ records: [Record], keys: [String]) -> String {
    var out = keys.map(OutputText.csvField).joined(separator: ",") + "\r\n"
    for r in records {
      let byKey = Dictionary(r.fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
      out += keys.map { OutputText.csvField(byKey[$0]?.text ?? "") }.joined(separator: ",") + "\r\n"
    }
    return out
  }

  private func renderTable(_ records: [Record], keys: [String]) -> String {
    let rows: [[String]] = records.map { r in
      let byKey = Dictionary(r.fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
      return keys.map { OutputText.line(byKey[$0]?.text ?? "") }
    }
    let header = keys.map { $0.uppercased() }
    var widths = header.map(\.count)
    for row in rows {
      for (i, cell) in row.enumerated() {
        widths[i] = max(widths[i], cutsCells ? min(cell.count, 60) : cell.count)
      }
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
