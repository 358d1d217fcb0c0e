import Testing

@testable import WardModel

@Suite struct TimeTests {
  @Test func parsesAWSForms() {
    #expect(UTC.parse("1970-01-01T00:00:00Z") == 0)
    #expect(UTC.parse("2025-06-01T01:00:00+00:00") == 1_748_739_600)
    #expect(UTC.parse("2025-10-01T19:40:41.643+0000") == UTC.parse("2025-10-01T19:40:41Z"))
    #expect(UTC.parse("2025-10-01T21:40:41+02:00") == UTC.parse("2025-10-01T19:40:41Z"))
    #expect(UTC.parse("2025-06-01") == 1_748_736_000)
    #expect(UTC.parse("yesterday") == nil)
    #expect(UTC.parse("2025-13-01") == nil)
  }

  @Test func formatsRoundTrip() {
    for t: EpochSeconds in [0, 1_748_739_600, 1_764_000_000, 951_782_400] {
      #expect(UTC.parse(UTC.iso8601(t)) == t)
    }
    #expect(UTC.date(1_748_739_600) == "2025-06-01")
    #expect(UTC.iso8601(951_782_400) == "2000-02-29T00:00:00Z")
  }
}
