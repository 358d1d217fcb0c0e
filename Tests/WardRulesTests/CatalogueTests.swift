import Foundation
import Testing
import WardModel
import WardRules

@Test func catalogueHasThirtyRulesAndTwoPerCategory() {
  let entries = RuleCatalogue.entries
  #expect(entries.count >= 30)
  #expect(Set(entries.map(\.id)).count == entries.count)
  for category in Category.allCases {
    #expect(entries.filter { $0.category == category }.count >= 2, "\(category.id)")
  }
  for e in entries {
    #expect(e.id.wholeMatch(of: /WARD-[A-Z]{3}-\d{3}/) != nil, "\(e.id)")
    #expect(!e.title.isEmpty && !e.rationale.isEmpty && !e.remediation.isEmpty)
  }
}

@Test func bundledLifecycleTableLoads() throws {
  let table = RuntimeLifecycle.bundled
  #expect(table.entries.count >= 40)
  let py37 = try #require(table.entry(for: "python3.7"))
  #expect(py37.deprecated == UTC.parse("2023-12-04"))
  #expect(py37.blockUpdate == UTC.parse("2027-03-03"))
  #expect(table.stage(of: "python3.13", at: Fx.now) == .supported)
}

@Test func lifecycleRejectsBadDates() {
  let bad = Data(#"{"runtimes":[{"runtime":"x","deprecated":"2024-13-01"}]}"#.utf8)
  #expect(throws: RuntimeLifecycle.FormatError.self) { try RuntimeLifecycle(json: bad) }
}

/// docs/rules.md must hold exactly the generated catalogue. Regenerate with
/// `WARD_REGENERATE_DOCS=1 swift test --filter WardRulesTests.docsMatchCatalogue`.
@Test func docsMatchCatalogue() throws {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs/rules.md")
  var text = try String(contentsOf: url, encoding: .utf8)
  let generated = RuleCatalogue.markdown()
  if ProcessInfo.processInfo.environment["WARD_REGENERATE_DOCS"] != nil,
    let begin = text.range(of: RuleCatalogue.markdownBegin),
    let end = text.range(of: RuleCatalogue.markdownEnd + "\n")
  {
    text.replaceSubrange(begin.lowerBound..<end.upperBound, with: generated)
    try text.write(to: url, atomically: true, encoding: .utf8)
  }
  #expect(text.contains(generated))
  #expect(text.components(separatedBy: RuleCatalogue.markdownBegin).count == 2)
}
