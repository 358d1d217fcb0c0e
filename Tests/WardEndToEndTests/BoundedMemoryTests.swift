import Foundation
import Testing

/// Hostile files cannot make `ward import` hold much memory: a gzip bomb that inflates to
/// 1 GiB (8.4 GB of RSS before the limit) and a metric file spanning 2001–2098 (20 GB
/// before the span limit) are refused with the peak RSS of the child measured.
@Suite(.serialized) struct BoundedMemoryTests {
  /// Runs `ward` to completion under a small python3 parent and returns its result and
  /// peak resident set in MiB (`ru_maxrss` of that parent's only child).
  func wardPeakRSS(_ arguments: [String]) throws -> (RunResult, Double) {
    let script = """
      import resource, subprocess, sys
      p = subprocess.run(sys.argv[1:])
      sys.stderr.write("\\nmaxrss_kib=%d\\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
      sys.exit(p.returncode)
      """
    let result = try run("/usr/bin/env", ["python3", "-c", script, Repo.wardBinary] + arguments)
    let kib =
      result.stderr.split(separator: "\n").compactMap { line in
        line.hasPrefix("maxrss_kib=") ? Double(line.dropFirst("maxrss_kib=".count)) : nil
      }.last ?? .infinity
    return (result, kib / 1024)
  }

  @Test func aGzipBombAndAWideTimeRangeAreRefusedInBoundedMemory() throws {
    let tmp = try TempDir("ward-bounded")
    defer { tmp.cleanup() }
    // 16 concatenated gzip members of 64 MiB of spaces each: 1 GiB inflated, ~1 MiB on disk.
    let member = tmp.file("member.gz")
    try Data(repeating: 0x20, count: 64 << 20).write(to: URL(fileURLWithPath: tmp.file("member")))
    #expect(try run("/bin/gzip", ["-9", tmp.file("member")]).status == 0)
    let one = try Data(contentsOf: URL(fileURLWithPath: member))
    var bomb = Data()
    for _ in 0..<16 { bomb.append(one) }
    try bomb.write(to: URL(fileURLWithPath: tmp.file("bomb.json.gz")))

    try """
    {"MetricDataResults": [{"Id": "invocations", "Label": "arn:aws:lambda:eu-west-1:111122223333:function:orders Invocations",
      "Timestamps": ["2001-01-01T00:00:00Z", "2098-12-31T00:00:00Z"], "Values": [1, 1],
      "StatusCode": "Complete"}]}
    """.write(toFile: tmp.file("wide.json"), atomically: true, encoding: .utf8)

    let (wide, wideRSS) = try wardPeakRSS([
      "import", "--store", tmp.file("s.db"), tmp.file("wide.json"),
    ])
    #expect(wide.status == 1)
    #expect(wide.stderr.contains("455 days"), "\(wide.stderr)")
    #expect(wideRSS < 200, "peak RSS \(wideRSS) MiB for a two-point metric file")
    let (bombed, bombRSS) = try wardPeakRSS([
      "import", "--store", tmp.file("s.db"), tmp.file("bomb.json.gz"),
    ])
    #expect(bombed.status == 1)
    #expect(bombed.stderr.contains("inflates to more than 512 MiB"), "\(bombed.stderr)")
    // The content limit is 512 MiB; the inflated bytes plus growth must stay near it.
    #expect(bombRSS < 1_300, "peak RSS \(bombRSS) MiB for a gzip bomb")
    print(
      "bounded memory: gzip bomb (\(bomb.count >> 10) KiB → 1 GiB) refused at \(String(format: "%.0f", bombRSS)) MiB peak; wide metric file refused at \(String(format: "%.0f", wideRSS)) MiB peak"
    )
  }
}
