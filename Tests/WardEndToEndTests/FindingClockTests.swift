import Foundation
import Testing

/// A finding's last-seen is the time of the data it came from, never a file's mtime: a
/// Checkov report carries no time, so it is dated at the store's data hour (the newest
/// metric hour), the clock the console's SEEN ages and "data as of" use.
@Suite struct FindingClockTests {
  @Test func aCheckovReportIsDatedAtTheDataHourNotItsModificationTime() throws {
    let tmp = try TempDir("ward-clock")
    defer { tmp.cleanup() }
    let report = tmp.file("lambda-sam.checkov.json")
    try FileManager.default.copyItem(
      atPath: Repo.root.appendingPathComponent("Tests/Fixtures/checkov/lambda-sam.checkov.json")
        .path, toPath: report)
    // A month-old file: its mtime must not become the findings' age.
    let old = Date().addingTimeInterval(-30 * 86_400)
    try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: report)
    let store = tmp.file("s.db")
    let collected = Repo.root.appendingPathComponent("Tests/Fixtures/moto-collect").path
    #expect(
      try ward(["import", "--quiet", "--store", store, "--tenant", "acme", collected, report])
        .status == 0)
    let newestHour = try run("/usr/bin/sqlite3", [store, "SELECT MAX(hour) FROM metrics"]).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let findings = try jsonArray(
      try ward(["findings", "--store", store, "--source", "checkov", "--format", "json"]).stdout)
    #expect(!findings.isEmpty)
    let expected = ISO8601DateFormatter().string(
      from: Date(timeIntervalSince1970: Double(newestHour) ?? 0))
    for f in findings {
      #expect(f["last_seen"] as? String == expected, "\(f)")
    }
    // Touching the file and importing it again changes nothing.
    try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: report)
    let again = try ward(["import", "--store", store, "--tenant", "acme", report])
    #expect(again.stdout.contains("no change"), "\(again.stdout)")
  }
}
