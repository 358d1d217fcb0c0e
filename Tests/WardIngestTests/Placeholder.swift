import Testing

@Test func WardIngestTestsPlaceholder() { #expect(Bool(true)) }
