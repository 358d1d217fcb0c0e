import Testing
import WardModel
import WardUI

@testable import WardConsole

@Suite struct RegistryAndPolicyTests {
  static let mutating = ActionRegistry.standard.actions.filter(\.mutates)

  @Test func triageActionsAreRegisteredAsMutating() {
    let ids = Set(Self.mutating.map(\.id))
    #expect(ids == [.triage, .note, .undo])
    // Marks are view state: bound, but not mutating (they work in read-only sessions).
    #expect(ActionRegistry.standard.action(.mark)?.mutates == false)
    #expect(ActionRegistry.standard.action(.mark)?.keys == [.char(" ")])
    #expect(ActionRegistry.standard.action(.markAll)?.keys == [.char("*")])
  }

  @Test func noKeyIsBoundTwiceOnOneScreen() {
    #expect(ActionRegistry.standard.conflicts().isEmpty)
  }

  /// Help names the screens a key works on, and a key pressed where it does nothing says
  /// where it works instead of doing nothing silently.
  @Test func keysSayWhereTheyWork() throws {
    let (_, store) = try Fixture.store()
    let c = Fixture.console(store)
    c.press(.char("?"))
    let sort = try #require(c.line(containing: "sort column"))
    #expect(sort.hasSuffix("overview, functions, findings, alerts, costs"), "\(sort)")
    c.press(.escape)
    c.press([.enter, .enter])  // a function's detail: no sort there
    #expect(c.screenLines()[0].contains("Function: orders-api"))
    c.press(.char("s"))
    #expect(c.shows("s (sort column) works on overview, functions, findings, alerts, costs"))
    c.press(.char("/"))
    #expect(c.shows("works on overview, functions, findings, alerts, costs, pager"))
    #expect(c.screenLines()[0].contains("Function: orders-api"))  // nothing else happened
  }

  @Test(arguments: [ConsolePolicy(readOnly: true), ConsolePolicy(readOnly: false, demo: true)])
  func dispatcherRefusesEveryMutatingActionOnEveryScreen(policy: ConsolePolicy) {
    let registry = ActionRegistry.standard
    var checked = 0
    for action in Self.mutating {
      for screen in ScreenKind.allCases where action.applies(to: screen) {
        for key in action.keys {
          #expect(
            registry.dispatch(key, on: screen, policy: policy)
              == .refused("read-only: \(action.label) is disabled"))
          checked += 1
        }
      }
    }
    #expect(checked >= 6)
  }

  @Test func readWriteNeedsTheTriageRole() {
    let registry = ActionRegistry.standard
    let viewer = ConsolePolicy(readOnly: false, canTriage: false, operator: Operator(name: "vic"))
    let anonymous = ConsolePolicy(readOnly: false, canTriage: true, operator: nil)
    let triager = ConsolePolicy(readOnly: false, canTriage: true, operator: Operator(name: "ana"))
    for action in Self.mutating {
      #expect(
        registry.dispatch(action.keys[0], on: .findings, policy: viewer)
          == .refused("your role cannot triage"))
      #expect(
        registry.dispatch(action.keys[0], on: .findings, policy: anonymous)
          == .refused("no operator identity for this session: \(action.label) is disabled"))
      #expect(registry.dispatch(action.keys[0], on: .findings, policy: triager) == .run(action.id))
    }
    #expect(registry.dispatch(.char("t"), on: .findings, policy: triager) == .run(.triage))
    // Non-mutating actions are never refused.
    #expect(registry.dispatch(.char("/"), on: .findings, policy: .readOnlyViewer) == .run(.filter))
    #expect(registry.dispatch(.char("t"), on: .overview, policy: triager) == .unbound)
  }

  @Test func demoImpliesReadOnlyAndBadgesAreText() {
    #expect(ConsolePolicy(readOnly: false, demo: true).readOnly)
    #expect(ConsolePolicy(readOnly: false, demo: true).badge == "DEMO · READ-ONLY")
    #expect(ConsolePolicy(readOnly: true).badge == "READ-ONLY")
    #expect(ConsolePolicy(readOnly: false, canTriage: true).badge == nil)
  }

  @Test func postureScoreFormula() {
    #expect(PostureScore.score(openBySeverity: [:], functions: 10) == 100)
    // 10 weighted points per function -> 50.
    #expect(PostureScore.score(openBySeverity: [.high: 2], functions: 1) == 50)
    #expect(PostureScore.score(openBySeverity: [.info: 50], functions: 1) == 100)
    #expect(PostureScore.score(openBySeverity: [.critical: 1000], functions: 1) < 1)
    #expect(PostureScore.score(openBySeverity: [.critical: 1], functions: 0) == 50)
  }

  @Test func findingFilterTokens() throws {
    let f = try FindingQuery.parse("sev:high,critical cat:secrets tenant:acme src:prowler url auth")
      .get()
    #expect(f.severities == [.high, .critical])
    #expect(f.categories == [.secrets])
    #expect(f.tenants == ["acme"])
    #expect(f.sources == ["prowler"])
    #expect(f.text == "url auth")
    #expect(f.states?.count == 3)  // open by default
    #expect(try FindingQuery.parse("state:all").get().states == nil)
    #expect(try FindingQuery.parse("state:resolved").get().states == [.resolved])
    if case .failure(let e) = FindingQuery.parse("sev:urgent") {
      #expect(e.message == "unknown severity `urgent`")
    } else {
      Issue.record("sev:urgent should fail")
    }
  }

  @Test func commandsParseAndComplete() {
    #expect(ConsoleCommand(parsing: "tenants") == .screen(.overview))
    #expect(ConsoleCommand(parsing: "tenant acme") == .tenant("acme"))
    #expect(ConsoleCommand(parsing: "theme mono") == .theme("mono"))
    #expect(ConsoleCommand(parsing: "q") == .quit)
    #expect(ConsoleCommand(parsing: "tenant") == nil)
    #expect(ConsoleCommand(parsing: "bogus") == nil)
    let s = ConsoleCommand.suggestions(tenants: ["acme"], themes: ["mono"])
    #expect(s.contains("tenant acme") && s.contains("theme mono"))
  }

  @Test func updateIsPureAndQuitIsAnEffect() {
    let state = ConsoleState(width: 100, height: 30, policy: .readOnlyViewer)
    let (started, effects) = Console.start(state)
    #expect(effects.contains(.load(.clock, screen: nil)))
    #expect(effects.contains(.load(.overview, screen: 1)))
    #expect(started.topKind == .overview)
    let (afterQ, quitEffects) = Console.update(started, .key(.char("q")))
    #expect(quitEffects == [.quit])
    #expect(afterQ.stack.count == 1)
    let (_, refused) = Console.update(started, .key(.ctrl("l")))
    #expect(refused == [.redraw])
  }

  @Test func pagedListKeepsCursorVisible() {
    var list = PagedList<Int>()
    list.install(total: 100, offset: 0, rows: Array(0..<30), visibleRows: 10)
    list.move(by: 15, visibleRows: 10)
    #expect(list.cursor == 15 && list.scroll == 6)
    #expect(list.covers(visibleRows: 10))
    list.moveTo(99, visibleRows: 10)
    #expect(list.scroll == 90 && !list.covers(visibleRows: 10))
    #expect(list.pageRequest(visibleRows: 10) == (80, 30))
    list.install(total: 50, offset: 40, rows: Array(40..<50), visibleRows: 10)
    #expect(list.cursor == 49 && list.scroll == 40)
  }
}
