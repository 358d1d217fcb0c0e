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
}
