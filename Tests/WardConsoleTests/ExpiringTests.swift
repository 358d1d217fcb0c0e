import Foundation
import Testing
import WardModel
import WardStore

@testable import WardConsole

/// `:expiring` and the overview's EXP (issue 13, item 3): decisions that lapse within 14
/// days of the wall clock, per tenant, and the list of them.
@Suite struct ExpiringTests {
  @Test func theOverviewCountsThemAndExpiringListsThem() throws {
    let (_, store) = try Fixture.store()
    let plain = Fixture.console(store)
    #expect(!plain.shows(" EXP "), "no column while nothing lapses soon")
    let wall = EpochSeconds(Date().timeIntervalSince1970)
    try store.setState(
      findingId: "f3", to: .riskAccepted, reason: "upgrade planned", note: nil,
      until: wall + 5 * UTC.day, by: Operator(name: "ana"), expectedVersion: 1, now: wall)
    try store.setState(
      findingId: "f4", to: .suppressed, reason: "noise", note: nil,
      until: wall + 40 * UTC.day, by: Operator(name: "ana"), expectedVersion: 1, now: wall)
    let c = Fixture.console(store)
    #expect(c.shows(" EXP ALRT"))
    #expect(c.shows("lapsing in 14d: 1"), "the selection line names acme's count")
    c.command("expiring")
    #expect(
      c.shows("filter: expiring:14d state:closed"), "\(c.screenLines().joined(separator: "\n"))")
    #expect(c.shows("Deprecated runtime python3.7"))
    #expect(!c.shows("Tracing off"), "lapses in 40 days: not in the 14-day list")
    c.command("expiring 60d")
    #expect(c.shows("Tracing off") && c.shows("Deprecated runtime python3.7"))
    c.command("expiring soon")
    #expect(c.shows("unknown command"), "\(c.screenLines().joined(separator: "\n"))")
  }
}
