import Foundation
import Testing
import WardModel

@testable import WardStore

/// The file and lines a finding points at (migration 16): stored, read back, and
/// backfilled for Checkov findings an older store kept only as evidence text.
@Suite struct FindingLocationTests {
  static func checkov(_ id: String, evidence: String, location: WardModel.SourceLocation?)
    -> Finding
  {
    var f = T.finding(id, function: nil, category: .monitoring, source: "checkov")
    f.evidence = evidence
    f.location = location
    return f
  }

  @Test func aLocationIsStoredAndReadBack() throws {
    let temp = TempStore()
    let store = try temp.open()
    let here = WardModel.SourceLocation(uri: "/template.yaml", startLine: 6, endLine: 19)
    try store.apply(
      T.batch("checkov") {
        $0.findings = [Self.checkov("ckv-1", evidence: "/template.yaml lines 6-19", location: here)]
      }, now: T.now)
    #expect(try store.finding(id: "ckv-1")?.finding.location == here)
  }

  @Test func migrationSixteenBackfillsCheckovLinesFromTheEvidence() throws {
    let temp = TempStore()
    let version = Schema.migrations.firstIndex(of: FindingLocationSchema.migration)! + 1
    #expect(version == 16)
    do {
      let store = try temp.open()
      try store.apply(
        T.batch("checkov") {
          $0.findings = [
            Self.checkov(
              "ckv-1", evidence: "/template.yaml lines 6-19",
              location: WardModel.SourceLocation(uri: "/template.yaml", startLine: 6, endLine: 19)),
            Self.checkov("ckv-2", evidence: "cloudformation", location: nil),
            Self.checkov(
              "ckv-3", evidence: "/odd lines name.yaml lines 2-3 extra",
              location: nil),
          ]
        }, now: T.now)
    }
    let raw = RawConnection(path: temp.path)
    raw.rewind(to: version - 1)
    let store = try temp.open()
    #expect(raw.int("PRAGMA user_version") == Schema.latestVersion)
    #expect(
      try store.finding(id: "ckv-1")?.finding.location
        == WardModel.SourceLocation(uri: "/template.yaml", startLine: 6, endLine: 19))
    #expect(try store.finding(id: "ckv-2")?.finding.location == nil, "no lines in the evidence")
    #expect(try store.finding(id: "ckv-3")?.finding.location == nil, "not the reader's shape")
  }
}
