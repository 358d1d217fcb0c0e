import Foundation
import Testing

/// README's sample screens cannot go stale: each is captured again from the built binary
/// (`ward demo` in tmux at the size the README names) and compared line by line. Only
/// trailing spaces are normalised (tmux pads lines, Markdown does not keep them); the demo
/// data's clock (`data as of …`) is fixed by the dataset, so nothing else varies.
@Suite(.serialized) struct ReadmeScreensTests {
  /// The fenced block after `intro` in README.md.
  static func readmeBlock(after intro: String) throws -> [String] {
    let readme = try String(
      contentsOf: Repo.root.appendingPathComponent("README.md"), encoding: .utf8)
    let start = try #require(readme.range(of: intro + "\n\n```\n"))
    let end = try #require(readme.range(of: "\n```\n", range: start.upperBound..<readme.endIndex))
    return readme[start.upperBound..<end.lowerBound].split(
      separator: "\n", omittingEmptySubsequences: false
    ).map(String.init)
  }

  @Test func theOverviewSampleIsWhatTheBinaryDraws() throws {
    _ = try DemoFixture.storePath.get()
    let expected = try Self.readmeBlock(
      after: "The overview of the demo dataset at 120×20 (`ward demo`):")
    let session = try TmuxSession(
      command: "\(Repo.wardBinary) demo", width: 120, height: 20,
      environment: ["XDG_CACHE_HOME": DemoFixture.cacheHome, "TERM": "xterm-256color"])
    defer { session.kill() }
    try session.waitFor("theme default")
    usleep(400_000)  // a settled frame
    var lines = try session.screen().split(separator: "\n", omittingEmptySubsequences: false)
      .map { String($0.reversed().drop { $0 == " " }.reversed()) }
    while lines.last == "" { lines.removeLast() }
    #expect(
      lines == expected,
      "README's overview sample is stale; the binary now draws:\n\(lines.joined(separator: "\n"))")
  }
}
