import Foundation
import Testing

/// `ward demo --data DIR` uses DIR or fails naming it; it used to fall back silently to
/// the repository's dataset when DIR was missing.
@Suite struct DemoDataOptionTests {
  @Test func aMissingOrEmptyDataDirectoryIsAnErrorNamingIt() throws {
    let tmp = try TempDir("ward-demo-data")
    defer { tmp.cleanup() }
    let env = ["XDG_CACHE_HOME": tmp.file("cache")]
    let missing = try ward(["demo", "--data", tmp.file("nope"), "--print-store"], environment: env)
    #expect(missing.status != 0)
    #expect(
      missing.stderr.contains("--data \(tmp.file("nope")): no such directory"), "\(missing.stderr)")
    let empty = try ward(["demo", "--data", tmp.path, "--print-store"], environment: env)
    #expect(empty.status != 0)
    #expect(empty.stderr.contains("not a demo dataset (no tenants.yaml"), "\(empty.stderr)")
    var viaEnv = env
    viaEnv["WARD_DEMO_DATA"] = tmp.file("nope")
    let fromEnv = try ward(["demo", "--print-store"], environment: viaEnv)
    #expect(fromEnv.status != 0)
    #expect(fromEnv.stderr.contains("$WARD_DEMO_DATA"), "\(fromEnv.stderr)")
    #expect(!FileManager.default.fileExists(atPath: tmp.file("cache/ward")), "a store was built")
  }
  /// A new demo store replaces all but the newest earlier one: every binary or dataset
  /// change builds a store of ~40 MB, and they used to pile up in ~/.cache/ward.
  @Test func buildingADemoStorePrunesAllButTheNewestEarlierOne() throws {
    let tmp = try TempDir("ward-demo-prune")
    defer { tmp.cleanup() }
    let data = tmp.file("data")
    try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    try "tenants:\n  - name: acme\n    accounts: ['111122223333']\n".write(
      toFile: data + "/tenants.yaml", atomically: true, encoding: .utf8)
    let cache = tmp.file("cache/ward")
    try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
    for (name, age) in [
      ("demo-old.db", 3_000.0), ("demo-older.db", 6_000.0), ("other.db", 9_000.0),
    ] {
      let path = cache + "/" + name
      FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
      FileManager.default.createFile(atPath: path + "-wal", contents: Data())
      try FileManager.default.setAttributes(
        [.modificationDate: Date(timeIntervalSinceNow: -age)], ofItemAtPath: path)
    }
    let built = try ward(
      ["demo", "--data", data, "--print-store"], environment: ["XDG_CACHE_HOME": tmp.file("cache")])
    #expect(built.status == 0, "\(built.stderr)")
    let left = Set(try FileManager.default.contentsOfDirectory(atPath: cache))
    let store = URL(fileURLWithPath: built.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(left.contains(store.lastPathComponent))
    #expect(left.contains("demo-old.db"), "the newest earlier store stays")
    #expect(!left.contains("demo-older.db") && !left.contains("demo-older.db-wal"), "\(left)")
    #expect(left.contains("other.db"), "only demo stores are pruned")
  }
}
