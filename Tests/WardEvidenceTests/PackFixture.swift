import Foundation
import WardModel
import WardStore

@testable import WardEvidence

/// A store with two tenants whose decisions interleave in the chain: acme's findings are
/// triaged between globex's, so acme's slice holds globex events that must be redacted.
final class TwoTenantStore {
  static let acme = "111122223333"
  static let globex = "444455556666"
  /// 2025-11-24T16:00:00Z.
  static let now: EpochSeconds = 1_764_000_000
  static let day = "2025-11-24"

  let directory: URL
  let store: PostureStore
  /// acme's audit events in the period, and globex's inside acme's slice.
  private(set) var acmeSeqs: [Int64] = []
  private(set) var globexSeqsInSlice: [Int64] = []

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ward-evidence-tests-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    store = try PostureStore(path: directory.appendingPathComponent("posture.db").path)
    var batch = ImportBatch(format: "test")
    batch.tenants = [
      Tenant(name: "acme", accounts: [Self.acme]), Tenant(name: "globex", accounts: [Self.globex]),
    ]
    for (account, prefix) in [(Self.acme, "acme"), (Self.globex, "globex")] {
      for i in 1...3 {
        batch.findings.append(
          Finding(
            id: "\(prefix)-\(i)", account: account, region: "eu-west-1", functionArn: nil,
            resource: "arn:aws:lambda:eu-west-1:\(account):function:\(prefix)-fn",
            category: .invocation, severity: .high, title: "\(prefix) finding \(i)",
            source: "prowler", ruleId: "rule-\(i)", firstSeen: Self.now - 7200,
            lastSeen: Self.now - 3600))
      }
    }
    try store.apply(batch, now: Self.now - 3600)
    let alice = Operator(name: "alice", address: "10.0.0.7", keyFingerprint: "SHA256:alicekey")
    let gina = Operator(name: "gina", address: "10.0.0.9", keyFingerprint: "SHA256:ginakey")
    var t = Self.now - 3000
    func acme(_ id: String, _ state: TriageState, reason: String? = nil, until: EpochSeconds? = nil)
      throws
    {
      t += 60
      let version = try store.finding(id: id)?.triage.version ?? 0
      try store.setState(
        findingId: id, to: state, reason: reason, note: "checked by alice", until: until,
        by: alice, source: .cli, expectedVersion: version, now: t)
      acmeSeqs.append(try store.auditHead().seq)
    }
    func globex(_ id: String, _ state: TriageState) throws {
      t += 60
      let version = try store.finding(id: id)?.triage.version ?? 0
      try store.setState(
        findingId: id, to: state, reason: "globex secret reason", note: nil, until: nil,
        by: gina, source: .console, expectedVersion: version, now: t)
      globexSeqsInSlice.append(try store.auditHead().seq)
    }
    try acme("acme-1", .acknowledged)
    try globex("globex-1", .acknowledged)
    try acme("acme-2", .riskAccepted, reason: "compensating control", until: Self.now + 30 * 86_400)
    try globex("globex-2", .falsePositive)
    try store.recordSession(SessionRecord(phase: .start, term: "xterm"), by: gina, now: t + 1)
    globexSeqsInSlice.append(try store.auditHead().seq)
    t += 60
    let note = try store.addNote(
      findingId: "acme-1", note: "ticket SEC-42", by: alice, source: .cli, now: t)
    acmeSeqs.append(note.seq)
    try acme("acme-1", .resolved, reason: "fixed in v2")
    // After acme's last decision: outside the slice.
    try globex("globex-3", .acknowledged)
    globexSeqsInSlice.removeLast()
  }

  deinit { try? FileManager.default.removeItem(at: directory) }

  static var period: EvidencePeriod {
    let start = UTC.parse(day)!
    return EvidencePeriod(start: start, end: start + UTC.day)
  }

  /// acme's pack for the day.
  func pack(tenant: String = "acme") throws -> EvidencePack {
    let content = try store.evidence(tenant: tenant, period: Self.period)
    return try PackWriter.pack(
      content, fromDay: Self.day, toDay: Self.day,
      author: PackWriter.Author(actor: Operator(name: "auditor"), at: Self.now))
  }
}

/// Unpacks a pack, lets a test change its files, and packs it again (optionally with a
/// manifest recomputed, as a forger who edits files would do).
enum PackSurgery {
  static func files(_ archive: [UInt8]) throws -> [(String, [UInt8])] {
    try TarReader.entries(try GzipCodec.decompress(archive)).map {
      (String($0.name.dropFirst(PackFiles.folder.count + 1)), $0.data)
    }
  }

  static func edit(
    _ archive: [UInt8], fixManifest: Bool, _ change: (inout [String: [UInt8]]) -> Void
  ) throws -> [UInt8] {
    let original = try files(archive)
    var byName = Dictionary(uniqueKeysWithValues: original)
    change(&byName)
    if fixManifest {
      byName[PackFiles.manifest] = Array(
        original.map(\.0).filter { $0 != PackFiles.manifest }
          .map { "\(SHA256Hex.of(byName[$0]!))  \($0)\n" }.joined().utf8)
    }
    var tar = TarWriter()
    for (name, _) in original {
      try tar.add(name: PackFiles.folder + "/" + name, data: byName[name]!, mtime: 0)
    }
    return try GzipCodec.compress(tar.finished())
  }

  /// The lines of a text file, changed and joined again.
  static func lines(_ bytes: [UInt8], _ change: (inout [String]) -> Void) -> [UInt8] {
    var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    change(&lines)
    return Array(lines.map { $0 + "\n" }.joined().utf8)
  }
}
