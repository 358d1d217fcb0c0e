import Foundation
import Testing
import WardModel
import WardStore
import WardUI

@testable import WardConsole

/// Bulk actions are safe (issue 9, item 5): a confirmation naming count, state and
/// filter (default No), one audit batch per action, `u` undoing a batch as a whole, and
/// marks that are view state.
@Suite struct BulkSafetyTests {
  static func status(_ c: HeadlessConsole) -> String { TriageTests.status(c) }

  /// Marks f1 and f2 and sets them to acknowledged, answering the confirmation with `answer`.
  static func triageTwo(_ c: HeadlessConsole, answer: Key) {
    TriageTests.openFindings(c)
    c.press([.char(" "), .char("j"), .char(" ")])
    c.press([.char("t"), .char("2"), .enter])
    #expect(c.shows("Set 2 findings to acknowledged? y/N"))
    #expect(c.shows("filter: state:open"))
    c.press(answer)
  }

  @Test(arguments: [Key.enter, .escape, .char("n"), .char("x")])
  func anyAnswerButYesWritesNothing(answer: Key) throws {
    let (_, store) = try Fixture.store()
    let c = TriageTests.console(store)
    let head = try store.auditHead()
    Self.triageTwo(c, answer: answer)
    #expect(c.state.dialog == nil)
    #expect(Self.status(c).hasPrefix("cancelled: nothing changed"))
    #expect(try store.auditHead() == head)
    #expect(try TriageTests.state(store, "f1")?.state == .new)
    #expect(c.shows("2 marked"))  // the marks stay for another try
  }

  @Test func oneBulkTriageIsOneBatchAndUUndoesItWhole() throws {
    let (_, store) = try Fixture.store()
    let c = TriageTests.console(store)
    Self.triageTwo(c, answer: .char("y"))
    #expect(Self.status(c).hasPrefix("applied 2, conflicts 0"))
    let f1 = try #require(try store.history(findingId: "f1").last)
    let f2 = try #require(try store.history(findingId: "f2").last)
    let batch = try #require(f1.batch)
    #expect(f2.batch == batch && f1.seq != f2.seq)
    // u asks first (two findings), default No.
    c.press(.char("u"))
    #expect(c.shows("Undo your last triage of 2 findings (set to acknowledged)? y/N"))
    c.press(.enter)
    #expect(try TriageTests.state(store, "f1")?.state == .acknowledged)
    c.press(.char("u"))
    c.press(.char("y"))
    #expect(Self.status(c).hasPrefix("undid 2 findings of your last triage"))
    #expect(try TriageTests.state(store, "f1")?.state == .new)
    #expect(try TriageTests.state(store, "f2")?.state == .new)
    let u1 = try #require(try store.history(findingId: "f1").last)
    let u2 = try #require(try store.history(findingId: "f2").last)
    #expect(u1.undoes == f1.seq && u2.undoes == f2.seq)
    #expect(u1.batch != nil && u1.batch == u2.batch && u1.batch != batch)
    #expect(try store.verifyAudit().isIntact)
    // Nothing of ana's is left to undo.
    c.press(.char("u"))
    #expect(Self.status(c).hasPrefix("! triage refused: ana has no triage to undo"))
  }

  @Test func undoOfOneFindingNeedsNoConfirmation() throws {
    let (_, store) = try Fixture.store()
    let c = TriageTests.console(store)
    TriageTests.openFindings(c)
    c.press([.char("t"), .char("2"), .enter])  // one finding: no question
    #expect(try TriageTests.state(store, "f1")?.state == .acknowledged)
    c.press(.char("u"))
    #expect(c.state.dialog == nil)
    #expect(Self.status(c).hasPrefix("undid #"))
  }

  @Test func aBatchChangedBySomeoneElseIsNotUndoneAtAll() throws {
    let (temp, store) = try Fixture.store()
    let c = TriageTests.console(store)
    Self.triageTwo(c, answer: .char("y"))
    let other = try temp.open()
    try other.setState(
      findingId: "f2", to: .inProgress, reason: nil, note: nil, until: nil,
      by: Operator(name: "bob"), source: .cli,
      expectedVersion: try #require(try TriageTests.version(store, "f2")), now: Fixture.now - 60)
    c.press([.char("u"), .char("y")])
    #expect(Self.status(c).hasPrefix("! conflict"))
    #expect(try TriageTests.state(store, "f1")?.state == .acknowledged)  // all or nothing
    #expect(try TriageTests.state(store, "f2")?.state == .inProgress)
  }

  @Test(arguments: [ConsolePolicy(readOnly: true), ConsolePolicy(readOnly: true, demo: true)])
  func marksWorkInReadOnlySessionsOnlyTheWriteIsRefused(policy: ConsolePolicy) throws {
    let (temp, store) = try Fixture.store()
    let before = try TriageTests.fingerprint(temp, store)
    let c = TriageTests.console(store, policy: policy)
    TriageTests.openFindings(c)
    c.press(.char(" "))
    #expect(c.shows("· 1 marked"))
    c.press(.char("*"))
    #expect(Self.status(c).hasPrefix("marked 5 findings in the filter"))
    c.press(.char("t"))
    #expect(Self.status(c).hasPrefix("! read-only: triage is disabled"))
    #expect(c.state.dialog == nil)
    #expect(try TriageTests.fingerprint(temp, store) == before)
  }
}
