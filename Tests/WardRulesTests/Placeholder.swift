import Testing

@Test func WardRulesTestsPlaceholder() { #expect(Bool(true)) }
