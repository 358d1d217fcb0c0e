import Testing
import WardModel
import WardStore
import WardUI

@testable import WardConsole

/// Every list screen filters (issue 9, item 7): the Overview by tenant name and label,
/// Findings' free text over function, rule id and description, `tenant:` prefixes, filters
/// kept per screen, Up/Down recall, and help's legend.
@Suite struct FilterEverywhereTests {
  static func filter(_ c: HeadlessConsole, _ text: String) {
    c.press([.char("/"), .ctrl("u")])
    c.type(text)
    c.press(.enter)
  }

  @Test(arguments: DrillDownTests.sizes) func overviewFiltersByTenantName(width: Int, height: Int)
    throws
  {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, width: width, height: height)
    Self.filter(c, "glob")
    #expect(c.state.status?.text == "1 of 2 tenants")
    #expect(c.shows("globex") && c.line(containing: "acme") == nil)
    #expect(c.shows(width < 100 ? "= TOTAL" : "TOTAL (1"))  // the totals are of what is shown
    c.press(.enter)  // Enter opens the filtered row's functions
    #expect(c.screenLines()[0].contains("Functions: globex"))
    c.press(.escape)  // the filter is kept when coming back
    #expect((c.state.stack.last?.model as? OverviewScreen)?.filter == "glob")
    #expect(c.line(containing: "acme") == nil)
  }

  @Test func findingsFreeTextMatchesFunctionRuleAndDescription() throws {
    let (_, store) = try DrillDownTests.store()
    let c = Fixture.console(store)
    DrillDownTests.openFindings(c, filter: "billing")  // function name
    #expect(c.shows("2 findings"))
    Self.filter(c, "rule-f5")  // rule id
    #expect(c.shows("1 findings") && c.shows("No DLQ"))
    Self.filter(c, "investigation needs state:all")  // description
    #expect(c.shows("1 findings") && c.shows("acme-logs-bucket"))
  }

  @Test func tenantTokenMatchesAPrefix() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store)
    TriageTests.openFindings(c)
    Self.filter(c, "tenant:glo")
    #expect(c.shows("1 findings") && c.shows("No DLQ"))
    Self.filter(c, "tenant:zz")
    #expect(c.state.status?.text == "filter: no tenant starting with `zz` in scope")
    #expect(c.shows("1 findings"))  // the previous filter stays
  }

  @Test func upAndDownRecallTheLastFiltersOfTheScreen() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store)
    TriageTests.openFindings(c)
    Self.filter(c, "sev:high")
    Self.filter(c, "tenant:acme")
    c.press([.char("/"), .ctrl("u"), .up])
    #expect(c.state.input?.field.text == "tenant:acme")
    c.press(.up)
    #expect(c.state.input?.field.text == "sev:high")
    c.press(.down)
    #expect(c.state.input?.field.text == "tenant:acme")
    c.press(.down)
    #expect(c.state.input?.field.text == "")
    c.press(.escape)
    // Another screen has its own history.
    c.command("functions")
    c.press([.char("/"), .up])
    #expect(c.state.input?.field.text == "")
  }

  @Test func helpHasTheCategoryLegendAndSeverityGlyphs() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store)
    c.press(.char("?"))
    c.press(.char("G"))
    #expect(c.shows("SURF") && c.shows("attack-surface"))
    #expect(c.line(containing: "XTEN")?.contains("cross-tenant") == true)
    #expect(c.shows("■ critical"))
  }
}

/// The Alerts filter: text and `sev:` `kind:` `tenant:` `fn:` tokens.
@Suite struct AlertFilterTests {
  @Test(arguments: DrillDownTests.sizes) func alertsFilterByTextAndTokens(width: Int, height: Int)
    throws
  {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, width: width, height: height)
    c.command("alerts")
    #expect(c.shows("2 alerts"))
    for (filter, shown) in [
      ("sev:high", "Errors 9"), ("kind:invocation-spike", "Invocations 5x"),
      ("tenant:glo", "Invocations 5x"), ("fn:orders", "Errors 9"), ("vs baseline", "Errors 9"),
      ("observed 50", "Invocations 5x"),
    ] {
      FilterEverywhereTests.filter(c, filter)
      #expect(c.shows("1 alerts"), "\(filter)")
      #expect(c.shows(shown), "\(filter)")
    }
    FilterEverywhereTests.filter(c, "sev:urgent")
    #expect(c.state.status?.text == "filter: unknown severity `urgent`")
    FilterEverywhereTests.filter(c, "")
    #expect(c.shows("2 alerts"))
  }
}

/// The Costs screen filters (tenant and function names) and sorts its movers.
@Suite struct CostsFilterTests {
  @Test(arguments: DrillDownTests.sizes) func costsFilterAndSort(width: Int, height: Int) throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store, width: width, height: height)
    c.command("costs")
    #expect(c.shows("globex") && c.shows("orders-api"))
    FilterEverywhereTests.filter(c, "acme")
    #expect(c.line(containing: "globex") == nil && c.shows("orders-api"))
    #expect(c.shows("filter: acme"))
    FilterEverywhereTests.filter(c, "glob")
    #expect(c.shows("globex") && !c.shows("orders-api"))
    FilterEverywhereTests.filter(c, "")
    c.press(.char("s"))
    #expect(c.state.status?.text == "sort: cost descending")
    c.press(.char("s"))
    #expect(c.state.status?.text == "sort: name ascending")
    let screen = try #require(c.state.stack.last?.model as? CostsScreen)
    #expect(screen.shown?.tenants.map(\.tenant) == ["acme", "globex"])
    c.press(.char("S"))
    let flipped = try #require(c.state.stack.last?.model as? CostsScreen)
    #expect(flipped.shown?.tenants.map(\.tenant) == ["globex", "acme"])
  }
}
