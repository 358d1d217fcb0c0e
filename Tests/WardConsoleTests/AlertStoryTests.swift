import Foundation
import Testing
import WardModel
import WardStore
import WardUI

@testable import WardConsole

/// Alerts and costs tell the whole story (issue 9, item 9): the timeline shows each
/// alert's duration and the detector's numbers, sorts with `s`/`S`, opens the function with
/// the alert's window marked under its sparklines; Enter on a cost mover opens its function.
@Suite struct AlertStoryTests {
  static let sizes = [(80, 24), (120, 40)]
  /// What WardRules' detectors write (`makeAlert`), as the demo store holds it.
  static let detectorDetail =
    "peak 2025-11-24T08:00:00Z: observed 583 errors/h vs baseline median 1.5 (MAD 0.5, "
    + "14 samples, same hour of day, previous 14 d); 388.7×; robust z 581.5; 3 h; error share 34.8%"

  /// The fixture plus a finished, detector-written alert on billing, 3 hours long.
  static func store() throws -> (TempStore, PostureStore) {
    let temp = TempStore()
    let store = try temp.open()
    var batch = Fixture.batch()
    batch.alerts.append(
      Alert(
        id: "a3", account: Fixture.acme, functionArn: Fixture.arn("billing", Fixture.acme),
        kind: "error-burst", severity: .critical, start: Fixture.lastHour - 10 * 3600,
        end: Fixture.lastHour - 7 * 3600, title: "Error burst", detail: detectorDetail))
    try store.apply(batch, now: Fixture.now)
    return (temp, store)
  }

  @Test func factsReadTheDetectorsDetailAndKeepOtherTextAsItIs() {
    let facts = AlertFacts(detail: Self.detectorDetail)
    #expect(facts.observed == "583 errors/h")
    #expect(facts.baseline == "1.5")
    #expect(facts.ratio == "388.7×")
    #expect(facts.robustZ == "581.5")
    #expect(facts.summary == "583 errors/h vs 1.5 · z 581.5")
    let imported = AlertFacts(detail: "GuardDuty: unusual invoke pattern")
    #expect(!imported.isDetector)
    #expect(imported.sentence == "GuardDuty: unusual invoke pattern")
    #expect(AlertFacts.duration(start: 0, end: nil) == "ongoing")
    #expect(AlertFacts.duration(start: 0, end: 45 * 60) == "45m")
    #expect(AlertFacts.duration(start: 0, end: 3 * 3600) == "3h")
    #expect(AlertFacts.duration(start: 0, end: 52 * 3600) == "2d 4h")
  }

  @Test(arguments: sizes) func timelineShowsDurationAndTheDetectorsNumbers(width: Int, height: Int)
    throws
  {
    let (_, store) = try Self.store()
    let c = Fixture.console(store, width: width, height: height)
    c.command("alerts")
    #expect(try #require(c.line(containing: "DAY")).contains("DUR"))
    #expect(try #require(c.line(containing: "Errors 9 vs")).contains("ongoing"))
    #expect(try #require(c.line(containing: "Invocations 5x")).contains(" 1h "))
    let burst = try #require(c.line(containing: "Error burst"))
    #expect(burst.contains(" 3h "), "\(burst)")
    // The selected alert's numbers, spelled out under the table.
    while !(c.screenLines().first { $0.hasPrefix("▶") }?.contains("Error burst") ?? false) {
      c.press(.down)
    }
    let text = c.screenLines().joined(separator: " ")
    for part in ["observed 583 errors/h", "baseline median 1.5", "388.7×", "robust z 581.5"] {
      #expect(text.contains(part), "\(part) at \(width)x\(height)")
    }
  }

  @Test func sortKeysReorderTheTimelineAndFlip() throws {
    let (_, store) = try Self.store()
    let c = Fixture.console(store, width: 120, height: 40)
    c.command("alerts")
    func order() -> [String] {
      c.screenLines().compactMap { line in
        ["Errors 9 vs", "Invocations 5x", "Error burst"].first { line.contains($0) }
      }
    }
    #expect(order() == ["Errors 9 vs", "Error burst", "Invocations 5x"])  // newest first
    c.press(.char("s"))
    #expect(c.state.status?.text == "sort: severity descending")
    #expect(order() == ["Error burst", "Errors 9 vs", "Invocations 5x"])
    #expect(try #require(c.line(containing: "DAY")).contains("SEV ▼"))
    c.press(.char("S"))
    #expect(order() == ["Invocations 5x", "Errors 9 vs", "Error burst"])
    c.press(.char("s"))  // duration: the ongoing one is the longest
    #expect(order().first == "Errors 9 vs")
  }

  @Test(arguments: sizes) func enterMarksTheAlertWindowUnderTheSparklines(
    width: Int, height: Int
  ) throws {
    let (_, store) = try Self.store()
    let c = Fixture.console(store, width: width, height: height)
    c.command("alerts")
    while !(c.screenLines().first { $0.hasPrefix("▶") }?.contains("Error burst") ?? false) {
      c.press(.down)
    }
    c.press(.enter)
    #expect(c.screenLines()[0].contains("Function: billing"))
    let invocations = try #require(c.line(containing: "invocations "))
    let marker = try #require(c.line(containing: "alert  "))
    // 24 h window, one column per hour: the alert's 3 hours (10 to 7 hours before the
    // newest) are marked by glyph, under the columns of those hours.
    let sparkStart = try #require(invocations.range(of: "invocations"))
    let offset = invocations.distance(from: invocations.startIndex, to: sparkStart.lowerBound) + 13
    let marks = Array(marker).enumerated().filter { $0.element == "▲" }.map { $0.offset - offset }
    // The window is the 24 hours up to the end of the newest hour: 23 h before it is column 0.
    #expect(marks == [13, 14, 15], "\(marker)")
    #expect(marker.contains("3h"))
  }

  @Test func alertsPaneShowsDurationKindAndNumbers() throws {
    let (_, store) = try Self.store()
    let c = Fixture.console(store, width: 120, height: 40)
    c.command("tenant acme")
    while !(c.screenLines().first { $0.hasPrefix("▶") }?.contains("billing") ?? false) {
      c.press(.down)
    }
    c.press(.enter)
    for _ in 0..<3 { c.press(.tab) }  // the Alerts pane
    let text = c.screenLines().joined(separator: "\n")
    #expect(text.contains("3h"))
    #expect(text.contains("error-burst · observed 583 errors/h"))
  }

  @Test func enterOnATopMoverOpensThatFunctionsDetail() throws {
    let (_, store) = try Self.store()
    let c = Fixture.console(store, width: 120, height: 40)
    c.command("costs")
    c.press(.tab)  // the movers pane
    #expect(try #require(c.line(containing: "orders-api")).contains("▶"))
    c.press(.enter)
    #expect(c.screenLines()[0].contains("Function: orders-api"))
    #expect(c.shows(String(Fixture.arn("orders-api", Fixture.acme).prefix(40))))
    c.press(.escape)
    #expect(c.screenLines()[0].contains("Costs"))
  }
}
