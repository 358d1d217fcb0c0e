import Testing

@Test func WardEndToEndTestsPlaceholder() { #expect(Bool(true)) }
