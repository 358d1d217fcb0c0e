import Testing

@Test func WardStoreTestsPlaceholder() { #expect(Bool(true)) }
