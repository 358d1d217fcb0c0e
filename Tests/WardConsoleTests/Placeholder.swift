import Testing

@Test func WardConsoleTestsPlaceholder() { #expect(Bool(true)) }
