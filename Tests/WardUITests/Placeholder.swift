import Testing

@Test func WardUITestsPlaceholder() { #expect(Bool(true)) }
