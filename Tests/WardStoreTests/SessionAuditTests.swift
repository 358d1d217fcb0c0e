import Testing
import WardModel

@testable import WardStore

@Suite struct SessionAuditTests {
  @Test func sessionStartAndEndJoinTheChainAndVerify() throws {
    let (_, store) = try ScopeIsolationTests.twoTenantStore()
    let op = Operator(name: "alice", address: "127.0.0.1", keyFingerprint: "SHA256:abc")
    let start = try store.recordSession(
      SessionRecord(phase: .start, term: "xterm-256color", width: 120, height: 40), by: op,
      now: T.now)
    let end = try store.recordSession(
      SessionRecord(
        phase: .end, term: "xterm-256color", width: 100, height: 30, durationSeconds: 42,
        endReason: "idle-timeout"), by: op, now: T.now + 42)
    #expect(end.seq == start.seq + 1)
    #expect(start.kind == .session)
    #expect(start.reason == "session start")
    #expect(start.note == "term=xterm-256color size=120x40")
    #expect(end.note == "term=xterm-256color size=100x30 duration=42s ended=idle-timeout")
    #expect(end.address == "127.0.0.1")
    #expect(end.keyFingerprint == "SHA256:abc")
    #expect(try store.verifyAudit().isIntact)
    #expect(try store.auditLog().suffix(2).map(\.kind) == [.session, .session])
    // Scoped handles list only events of findings in scope: no sessions.
    #expect(try store.scoped(to: .only(["acme"])).auditLog().allSatisfy { $0.kind != .session })
  }

  @Test func aHostileTermCannotForgeNoteFields() throws {
    let record = SessionRecord(phase: .start, term: "x duration=0s\u{1b}[2J", width: 1, height: 1)
    #expect(record.note == "term=x_duration_0s_[2J size=1x1")
  }

  @Test func aReadOnlyHandleRefusesToRecordASession() throws {
    let (temp, _) = try ScopeIsolationTests.twoTenantStore()
    let readOnly = try temp.open(.readOnly)
    #expect(throws: StoreError.readOnly) {
      try readOnly.recordSession(SessionRecord(phase: .start), by: Operator(name: "a"), now: T.now)
    }
  }
}
