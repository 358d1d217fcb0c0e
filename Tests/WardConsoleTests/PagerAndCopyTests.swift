import Foundation
import Testing
import WardModel
import WardStore
import WardUI

@testable import WardConsole

/// `v` (the full-screen pager with search) and `y` (OSC 52 copy), issue 9 item 4.
@Suite struct PagerAndCopyTests {
  @Test(arguments: DrillDownTests.sizes) func pagerShowsTheWholeFindingAndSearches(
    width: Int, height: Int
  ) throws {
    let (_, store) = try DrillDownTests.store()
    let c = Fixture.console(store, width: width, height: height)
    DrillDownTests.openFindings(c, filter: "acme-logs")
    c.press(.char("v"))
    #expect(c.state.topKind == .pager)
    #expect(c.screenLines()[0].contains("View: Finding f6"))
    c.press(.char("G"))
    #expect(c.shows("https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html"))
    #expect(!c.screenText.contains("**"))
    c.press(.char("g"))
    #expect(c.shows("Log bucket without object lock"))
    c.press(.char("/"))
    c.type("object-lock.html")
    c.press(.enter)
    #expect(c.state.status?.text.hasPrefix("1 lines match object-lock.html") == true)
    #expect(c.shows("object-lock.html"))
    c.press(.char("g"))
    c.press(.char("n"))  // next match from the top
    #expect(c.shows("object-lock.html"))
    c.press([.char("/"), .ctrl("u")])
    c.type("no-such-words")
    c.press(.enter)
    #expect(c.state.status?.text == "no match for no-such-words")
    c.press(.char("q"))  // back, to exactly where the operator was
    #expect(c.state.topKind == .findings)
    #expect((c.state.stack.last?.model as? FindingsScreen)?.filter == "acme-logs")
  }

  @Test func pagerOnTheFunctionAndTheAlert() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, width: 80, height: 24)
    c.press(.char(":"))
    c.type("tenant acme")
    c.press([.enter, .enter])  // the first function's detail
    c.press(.char("v"))
    #expect(c.state.topKind == .pager)
    #expect(c.shows("Configuration"))
    c.press(.escape)
    c.command("alerts")
    c.press(.char("v"))
    #expect(c.shows("Alert a1") && c.shows("ongoing") && c.shows("observed 9"))
  }

  @Test(arguments: [ConsolePolicy(readOnly: true), ConsolePolicy(readOnly: true, demo: true)])
  func copyWorksInReadOnlySessions(policy: ConsolePolicy) throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, policy: policy)
    TriageTests.openFindings(c)
    c.press(.char("y"))
    #expect(c.state.status?.text == "copied finding id: f1")
    #expect(c.engine.clipboard == ["f1"])
    c.press(.enter)  // the function's detail, Findings pane: still the finding
    c.press(.char("y"))
    #expect(c.engine.clipboard.last == "f1")
    c.press(.tab)  // another pane: the function's ARN
    c.press(.char("y"))
    #expect(c.engine.clipboard.last == Fixture.arn("orders-api", Fixture.acme))
    #expect(c.state.status?.text.hasPrefix("copied function ARN: arn:aws:lambda:") == true)
  }

  /// The match itself is drawn in reverse video, not only its line marked.
  @Test func pagerHighlightsTheMatchText() throws {
    let (_, store) = try DrillDownTests.store()
    let c = Fixture.console(store, width: 80, height: 24)
    DrillDownTests.openFindings(c, filter: "acme-logs")
    c.press(.char("v"))
    c.press(.char("/"))
    c.type("OBJECT LOCK")  // case-insensitive
    c.press(.enter)
    let lines = c.screenLines()
    let y = try #require(lines.firstIndex { $0.contains("without object lock") })
    let x = try #require(lines[y].range(of: "object lock")).lowerBound.utf16Offset(in: lines[y])
    for dx in 0..<"object lock".count {
      #expect(c.canvas.style(atX: x + dx, y: y).attributes.contains(.reverse), "cell \(dx)")
    }
    #expect(!c.canvas.style(atX: x - 2, y: y).attributes.contains(.reverse))
  }

  /// `y` with the detail pane focused copies the remediation URL; on the row, the id.
  @Test func copyTakesTheRemediationURLFromTheDetail() throws {
    let (_, store) = try DrillDownTests.store()
    let c = Fixture.console(store, width: 120, height: 40)
    DrillDownTests.openFindings(c, filter: "acme-logs")
    c.press(.char("y"))
    #expect(c.engine.clipboard.last == "f6")
    c.press(.tab)
    c.press(.char("y"))
    let url = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html"
    #expect(c.engine.clipboard.last == url)
    #expect(c.state.status?.text == "copied remediation URL: " + url)
    #expect(
      RemediationURL.first(in: "See [docs](https://x.example/a.html).")
        == "https://x.example/a.html")
    #expect(RemediationURL.first(in: "no link here") == nil)
  }

  @Test func copiedTextIsSanitisedAndEncoded() {
    let hostile = "f1\u{1B}]52;c;ZXZpbA==\u{07}\u{202E}\n\u{9B}x"
    let clean = Clipboard.sanitised(hostile)
    #expect(clean == "f1]52;c;ZXZpbA==x")
    #expect(clean.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F })
    #expect(Clipboard.osc52("f1") == "\u{1B}]52;c;ZjE=\u{07}")
    #expect(Clipboard.sanitised(String(repeating: "a", count: 10_000)).count == 4096)
  }
}
