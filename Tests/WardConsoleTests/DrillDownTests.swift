import Foundation
import Testing
import WardModel
import WardStore
import WardUI

@testable import WardConsole

/// From a finding to its function and back (issue 9, item 3), and long values that wrap
/// rather than being cut (item 4).
@Suite struct DrillDownTests {
  static let sizes = [(80, 24), (120, 40)]

  /// The fixture plus a finding about a bucket (no function) with a long Markdown text.
  static func store() throws -> (TempStore, PostureStore) {
    let temp = TempStore()
    let store = try temp.open()
    var batch = Fixture.batch()
    batch.findings.append(
      Finding(
        id: "f6", account: Fixture.acme, region: "eu-west-1", functionArn: nil,
        resource: "arn:aws:s3:::acme-logs-bucket", category: .forensics, severity: .medium,
        title: "Log bucket without object lock",
        description:
          "The **log bucket** keeps the function's access logs but has no `object lock`, so "
          + "anyone who can write to it can also rewrite the evidence an investigation needs.",
        remediation:
          "Turn on object lock: https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html",
        source: "prowler", ruleId: "s3_bucket_object_lock", firstSeen: Fixture.now - 86_400,
        lastSeen: Fixture.now - 7200))
    try store.apply(batch, now: Fixture.now)
    return (temp, store)
  }

  static func openFindings(_ c: HeadlessConsole, filter: String = "state:all") {
    c.command("findings")
    c.press(.char("/"))
    c.type(filter)
    c.press(.enter)
  }

  @Test(arguments: sizes) func findingsTableNamesTheFunction(width: Int, height: Int) throws {
    let (_, store) = try Self.store()
    let c = Fixture.console(store, width: width, height: height)
    Self.openFindings(c)
    let header = try #require(c.line(containing: "FUNCTION"))
    for title in ["SEV", "TITLE", "STATE"] { #expect(header.contains(title), "\(title)") }
    // The function is named whole, the state too; the title is cut at a word, with "…".
    let f3 = try #require(c.line(containing: "billing"))
    #expect(f3.contains(" new"))
    #expect(f3.contains("Deprecated runtime"))
    // A finding about no function shows its resource instead.
    let f6 = try #require(c.line(containing: "acme-logs-bucket"))
    #expect(f6.contains("Log bucket"))
    // The names give the title back the width it needs: whole at 80 columns too.
    #expect(f6.contains("Log bucket without object lock"), "\(f6)")
  }

  @Test func singleTenantViewDropsTheTenantColumn() throws {
    let (temp, _) = try Self.store()
    let scoped = try temp.open(scope: StoreScope(tenants: ["acme"]))
    let c = Fixture.console(scoped)
    Self.openFindings(c)
    #expect(c.line(containing: "FUNCTION")?.contains("TENANT") == false)
    let (_, all) = try Self.store()
    let d = Fixture.console(all)
    Self.openFindings(d)
    #expect(d.line(containing: "FUNCTION")?.contains("TENANT") == true)
  }

  @Test(arguments: sizes) func tenantColumnOnlyWhenItTellsSomething(width: Int, height: Int)
    throws
  {
    let (temp, store) = try Self.store()
    let all = Fixture.console(store, width: width, height: height)
    for screen in ["functions", "alerts"] {
      all.command(screen)
      #expect(all.line(containing: "FUNCTION")?.contains("TENANT") ?? true, "\(screen)")
      #expect(all.line(containing: "NAME")?.contains("TENANT") ?? true, "\(screen)")
    }
    // One tenant's functions: the tenant is in the title, not in a column.
    all.command("tenant acme")
    #expect(
      all.shows("functions in acme") && all.line(containing: "NAME")?.contains("TENANT") == false)
    // A session scoped to one tenant: no TENANT column anywhere.
    let one = Fixture.console(
      try temp.open(scope: StoreScope(tenants: ["globex"])), width: width, height: height)
    for screen in ["functions", "alerts", "findings"] {
      one.command(screen)
      #expect(one.screenLines()[2].contains("TENANT") == false, "\(screen)")
      #expect(one.screenLines()[3].contains("ingest"), "\(screen)")
    }
  }

  @Test(arguments: sizes) func enterGoesFromFindingToFunctionToFindingAndBack(
    width: Int, height: Int
  ) throws {
    let (_, store) = try Self.store()
    let c = Fixture.console(store, width: width, height: height)
    Self.openFindings(c)
    // Worst first: f1 critical, then the highs f2, f3.
    c.press([.down, .down])
    let findings = try #require(c.state.stack.last?.model as? FindingsScreen)
    #expect(findings.list.selected?.id == "f3")
    let before = c.screenLines()
    c.press(.enter)
    #expect(c.state.topKind == .functionDetail)
    #expect(c.screenLines()[0].contains("Function: billing"))
    #expect(c.state.stack.last?.model.selectedFinding?.id == "f3")
    #expect(c.shows("[Findings]"))
    // Enter on the chosen finding of the Findings pane: its full detail.
    c.press(.enter)
    #expect(c.state.topKind == .findingDetail)
    #expect(c.shows("Description of f3."))
    #expect(c.shows("Deprecated runtime python3.7"))
    // Esc twice: back exactly where the operator was.
    c.press(.escape)
    #expect(c.state.topKind == .functionDetail)
    #expect(c.state.stack.last?.model.selectedFinding?.id == "f3")
    c.press(.escape)
    let back = try #require(c.state.stack.last?.model as? FindingsScreen)
    #expect(back.list.cursor == 2 && back.list.scroll == findings.list.scroll)
    #expect(back.filter == "state:all")
    #expect(c.screenLines() == before)
  }

  @Test func enterOnAFindingWithoutAFunctionFocusesItsDetail() throws {
    let (_, store) = try Self.store()
    let c = Fixture.console(store)
    Self.openFindings(c, filter: "acme-logs")
    c.press(.enter)
    #expect(c.state.topKind == .findings)
    let screen = try #require(c.state.stack.last?.model as? FindingsScreen)
    #expect(screen.detailFocused)
    #expect(c.state.status?.text.contains("not a function") == true)
  }

  @Test(arguments: sizes) func detailWrapsAtWordsAndShowsMarkdownAsText(width: Int, height: Int)
    throws
  {
    let (_, store) = try Self.store()
    let c = Fixture.console(store, width: width, height: height)
    Self.openFindings(c, filter: "acme-logs")
    c.press(.tab)
    c.press(Array(repeating: Key.down, count: 6))  // scroll the pane to the description
    var text = c.screenText
    for _ in 0..<6 where !text.contains("object-lock.html") {
      c.press(.down)
      text = text + "\n" + c.screenText
    }
    #expect(!text.contains("**") && !text.contains("`"))
    #expect(text.contains("log bucket"))
    // The URL is shown whole on one line (it fits the pane), never cut.
    #expect(text.contains("https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html"))
    // Wrapped at words: each word of the description is whole on some line.
    for word in ["investigation", "evidence", "rewrite", "anyone"] {
      #expect(text.split(separator: " ").contains { $0.hasPrefix(word) }, "\(word)")
    }
    #expect(!text.contains("investiga\n") && !text.contains("investig…"))
  }
}
