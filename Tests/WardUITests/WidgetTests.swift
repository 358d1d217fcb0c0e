import Foundation
import Testing

@testable import WardUI

@Suite struct SparklineTests {
  @Test func scalesFromZeroToMax() {
    let s = Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7])
    #expect(s.text(width: 8, glyphs: .unicode) == "▁▂▃▄▅▆▇█")
    #expect(s.text(width: 8, glyphs: .ascii) == " .:-=+*#")
  }

  @Test func keepsMostRecentValuesAndHandlesGaps() {
    let s = Sparkline(values: [100, 0, 50, .nan, 100])
    #expect(s.text(width: 4, glyphs: .unicode) == "▁▅ █")
  }

  @Test func flatSeriesAndExplicitBounds() {
    #expect(Sparkline(values: [3, 3, 3]).text(width: 3, glyphs: .unicode) == "███")
    #expect(Sparkline(values: [0, 0]).text(width: 2, glyphs: .unicode) == "▁▁")
    let bounded = Sparkline(values: [5, 10, 20], lowerBound: 0, upperBound: 10)
    #expect(bounded.text(width: 3, glyphs: .unicode) == "▅██")
    #expect(Sparkline(values: []).text(width: 5, glyphs: .unicode) == "")
  }

  @Test func rendersRightAligned() {
    var canvas = Canvas(width: 6, height: 1)
    Sparkline(values: [1, 2]).render(into: &canvas, rect: canvas.bounds)
    #expect(canvas.lines() == ["    ▅█"])
  }
}

@Suite struct BarsTests {
  @Test func barLengths() {
    #expect(Bars.bar(value: 50, maximum: 100, width: 10, glyphs: .unicode) == "█████")
    #expect(Bars.bar(value: 55, maximum: 100, width: 10, glyphs: .unicode) == "█████▌")
    #expect(Bars.bar(value: 200, maximum: 100, width: 4, glyphs: .ascii) == "####")
    #expect(Bars.bar(value: 0, maximum: 100, width: 4, glyphs: .unicode) == "")
  }

  @Test func rendersLabelsBarsAndValues() {
    var canvas = Canvas(width: 20, height: 2)
    Bars(items: [
      BarItem(label: "api", value: 10, valueText: "10"),
      BarItem(label: "jobs", value: 5, valueText: "5"),
    ]).render(into: &canvas, rect: canvas.bounds)
    #expect(canvas.lines() == ["api  ████████████ 10", "jobs ██████        5"])
  }
}

@Suite struct TimelineTests {
  func date(_ s: String) -> Date { ISO8601DateFormatter().date(from: s)! }

  @Test func groupsConsecutiveEntriesByDay() {
    let timeline = Timeline(entries: [
      TimelineEntry(date: date("2026-11-29T15:02:00Z"), text: "triaged"),
      TimelineEntry(date: date("2026-11-29T09:30:00Z"), text: "imported"),
      TimelineEntry(date: date("2026-11-28T23:59:00Z"), text: "alert"),
    ])
    let rows = timeline.rows()
    #expect(rows.count == 5)
    #expect(rows[0] == .day("2026-11-29"))
    #expect(rows[3] == .day("2026-11-28"))
    var canvas = Canvas(width: 24, height: 5)
    timeline.render(into: &canvas, rect: canvas.bounds)
    #expect(
      canvas.lines() == [
        "── 2026-11-29 ──────────", "  15:02  triaged", "  09:30  imported",
        "── 2026-11-28 ──────────",
        "  23:59  alert",
      ])
  }

  @Test func timeZoneChangesTheDay() {
    let entries = [TimelineEntry(date: date("2026-11-28T23:30:00Z"), text: "x")]
    let berlin = Timeline(entries: entries, timeZone: TimeZone(identifier: "Europe/Berlin")!)
    #expect(berlin.rows().first == .day("2026-11-29"))
  }
}

@Suite struct TextInputTests {
  @Test func typingAndCursorMovement() {
    var input = TextInput()
    for c in "helo" { _ = input.handle(.char(c)) }
    _ = input.handle(.left)
    #expect(input.handle(.char("l")) == .edited)
    #expect(input.text == "hello" && input.cursor == 4)
    _ = input.handle(.home)
    _ = input.handle(.delete)
    #expect(input.text == "ello" && input.cursor == 0)
    _ = input.handle(.end)
    _ = input.handle(.backspace)
    #expect(input.text == "ell" && input.cursor == 3)
  }

  @Test func killKeys() {
    var input = TextInput(text: "tenant acme prod")
    _ = input.handle(.ctrl("w"))
    #expect(input.text == "tenant acme ")
    _ = input.handle(.ctrl("w"))
    #expect(input.text == "tenant ")
    _ = input.handle(.ctrl("a"))
    _ = input.handle(.right)
    _ = input.handle(.ctrl("k"))
    #expect(input.text == "t" && input.cursor == 1)
    _ = input.handle(.ctrl("u"))
    #expect(input.text == "" && input.cursor == 0)
    #expect(input.handle(.backspace) == .edited)
  }

  @Test func completionHintAndTab() {
    var input = TextInput(text: "fin", suggestions: ["functions", "findings", "fin-ops"])
    #expect(input.completionHint == "dings")
    #expect(input.handle(.tab) == .edited)
    #expect(input.text == "findings")
    #expect(input.completionHint == nil)
    #expect(input.handle(.tab) == .ignored)
  }

  @Test func submitCancelAndLimits() {
    var input = TextInput(text: "ab", maxLength: 3)
    _ = input.handle(.char("c"))
    #expect(input.handle(.char("d")) == .ignored)
    #expect(input.text == "abc")
    #expect(input.handle(.enter) == .submitted)
    #expect(input.handle(.escape) == .cancelled)
    #expect(input.handle(.pageDown) == .ignored)
  }

  @Test func renderScrollsToKeepCursorVisible() {
    var canvas = Canvas(width: 10, height: 1)
    let input = TextInput(text: "abcdefghijklmnop")
    input.render(into: &canvas, rect: canvas.bounds, label: "/")
    #expect(canvas.lines() == ["/ijklmnop"])  // 8 characters plus the cursor cell
    #expect(canvas.style(atX: 9, y: 0).attributes.contains(.reverse))
    var hinted = Canvas(width: 12, height: 1)
    TextInput(text: "fin", suggestions: ["findings"]).render(
      into: &hinted, rect: hinted.bounds, label: ":")
    #expect(hinted.lines() == [":fin dings"])
  }
}

@Suite struct SmallWidgetTests {
  @Test func severityBadgeHasGlyphAndText() {
    var canvas = Canvas(width: 12, height: 1)
    let badge = Badge.severity("critical", glyphs: canvas.glyphs)
    #expect(badge.render(into: &canvas, at: Point(x: 0, y: 0)) == 8)
    #expect(canvas.lines() == [" ■ CRIT"])
    #expect(canvas.style(atX: 1, y: 0).attributes.contains(.reverse))
    #expect(canvas.style(atX: 1, y: 0).fg == .role(.severityCritical))
  }

  @Test func keyHintsDropWhatDoesNotFit() {
    var canvas = Canvas(width: 20, height: 1)
    KeyHints([KeyHint("q", "quit"), KeyHint("/", "filter"), KeyHint("?", "help")])
      .render(into: &canvas, rect: canvas.bounds)
    #expect(canvas.lines() == ["q quit  / filter"])
  }

  @Test func statusLineRightAlignsAndTruncatesLeft() {
    var canvas = Canvas(width: 20, height: 1)
    StatusLine(left: "tenant acme-production", right: "RO 1/20").render(
      into: &canvas, rect: canvas.bounds)
    #expect(canvas.lines() == ["tenant acme… RO 1/20"])
  }

  @Test func dialogCentredWithFocusedButton() {
    var canvas = Canvas(width: 30, height: 7)
    var dialog = Dialog(
      title: "Resolve?", body: ["3 findings"], buttons: ["Yes", "No"], focusedButton: 1)
    dialog.render(into: &canvas, area: canvas.bounds)
    let lines = canvas.lines()
    #expect(lines.contains { $0.contains("┌ Resolve? ") })
    #expect(lines.contains { $0.contains("3 findings") })
    #expect(lines.contains { $0.contains("  Yes   [ No ]") })
    let used = dialog.handle(.tab)
    #expect(used)
    #expect(dialog.focusedButton == 0)
  }

  @Test func keyNamesParse() {
    #expect(Key(name: "q") == .char("q"))
    #expect(Key(name: "ctrl+r") == .ctrl("r"))
    #expect(Key(name: "C-R") == .ctrl("r"))
    #expect(Key(name: "^d") == .ctrl("d"))
    #expect(Key(name: "PgDn") == .pageDown)
    #expect(Key(name: "F5") == .function(5))
    #expect(Key(name: "space") == .char(" "))
    #expect(Key(name: "ctrl+1") == nil)
    #expect(Key(name: "nonsense") == nil)
    #expect(Key.ctrl("r").description == "C-r")
  }
}
