import Foundation

/// A one-line progress bar for `ward import` and the demo-store build on standard error:
/// files done of the total, records per second and the time left. Drawn only when standard
/// error is a terminal (never on a pipe or in a log), at most ten times a second, and
/// cleared before any other line is printed so the two never mix.
final class ImportProgress {
  private let total: Int
  private let enabled: Bool
  private let started = Date()
  private var lastDraw = Date.distantPast
  private var shown = false

  /// - Parameter enabled: false for `--quiet`; a non-terminal standard error disables it too.
  init(total: Int, enabled: Bool, environment: [String: String]) {
    self.total = total
    self.enabled =
      enabled && total > 1 && isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb"
  }

  /// Redraws the bar for `done` files and `records` records so far.
  func update(done: Int, records: Int) {
    guard enabled, done < total else { return }
    let now = Date()
    // Throttled while shown; redrawn at once after a printed line cleared it.
    guard !shown || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
    lastDraw = now
    let elapsed = now.timeIntervalSince(started)
    let width = 24
    let filled = total == 0 ? 0 : width * done / total
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let rate = elapsed > 0 ? Double(records) / elapsed : 0
    let left = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
    let line =
      "[\(bar)] \(done)/\(total) files · \(Int(rate.rounded())) records/s · ETA \(Self.duration(left))"
    write("\r\u{1B}[2K" + line)
    shown = true
  }

  /// Removes the bar (before printing another line, and at the end).
  func clear() {
    guard shown else { return }
    write("\r\u{1B}[2K")
    shown = false
  }

  private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

  static func duration(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    return s < 60 ? "\(s) s" : "\(s / 60) min \(s % 60) s"
  }
}
