import Foundation
import Testing
import WardStore
import WardUI

@testable import WardConsole

/// Not a timed test: prints key-to-frame medians and p99 per screen on the demo store.
/// Run with `WARD_MEASURE=1 swift test -c release --filter keyToFrameMeasurement`
/// (store path: `WARD_DEMO_DB`, default /tmp/ward-demo.db).
@Test(.enabled(if: ProcessInfo.processInfo.environment["WARD_MEASURE"] != nil))
func keyToFrameMeasurement() throws {
  let env = ProcessInfo.processInfo.environment
  let path = env["WARD_DEMO_DB"] ?? "/tmp/ward-demo.db"
  let store = try PostureStore(path: path, mode: .readOnly)
  let clock = ContinuousClock()
  func ms(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
  }
  var startups: [Double] = []
  for _ in 0..<5 {
    let t = clock.measure {
      _ = HeadlessConsole(store: store, width: 120, height: 40, policy: .readOnlyViewer)
    }
    startups.append(ms(t))
  }
  print("startup (open overview, first frame): median \(fmt(median(startups))) ms")
  let command: (String) -> [Key] = { [.char(":")] + $0.map { Key.char($0) } + [.enter] }
  let scenarios: [(String, [Key], [Key])] = [
    ("overview", [], [.down, .down, .up, .char("s"), .up]),
    ("functions (all)", command("functions"), [.down, .down, .pageDown, .down, .pageDown, .up]),
    (
      "functions sorted by cost",
      command("functions") + [.char("s"), .char("s"), .char("s"), .char("s")],
      [.down, .pageDown, .up, .pageDown]
    ),
    ("function detail", command("functions") + [.enter], [.tab, .down, .char("w"), .down, .tab]),
    ("findings", command("findings"), [.down, .down, .pageDown, .up, .pageDown]),
    ("alerts", command("alerts"), [.down, .pageDown, .down, .up, .pageDown]),
    ("costs", command("costs"), [.down, .tab, .down, .char("w"), .tab]),
    ("help", [.char("?")], [.down, .pageDown, .up, .char("g")]),
  ]
  print("| screen | keys | median ms | p99 ms | max ms |")
  print("|---|---|---|---|---|")
  for (name, route, cycle) in scenarios {
    let console = HeadlessConsole(store: store, width: 120, height: 40, policy: .readOnlyViewer)
    console.press(route)
    var samples: [Double] = []
    for i in 0..<300 {
      let key = cycle[i % cycle.count]
      samples.append(ms(clock.measure { console.press(key) }))
    }
    samples.sort()
    print(
      "| \(name) | \(cycle.map(\.description).joined(separator: " ")) | \(fmt(median(samples))) | \(fmt(samples[Int(Double(samples.count) * 0.99) - 1])) | \(fmt(samples.last!)) |"
    )
  }
}

private func median(_ values: [Double]) -> Double {
  let s = values.sorted()
  return s.isEmpty ? 0 : s[s.count / 2]
}

private func fmt(_ v: Double) -> String { String(format: "%.2f", v) }
