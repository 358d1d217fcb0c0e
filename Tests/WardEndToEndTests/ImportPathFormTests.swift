import Foundation
import Testing

/// `ward import` run the way people type it: from the data's own directory, with bare
/// names, `.`, `./x`, `../x` and trailing slashes (the README's `ward import tenants.yaml`
/// used to trap on a path without a directory part).
@Suite struct ImportPathFormTests {
  @Test func everyPathFormImportsFromTheWorkingDirectory() throws {
    let tmp = try TempDir("ward-paths")
    defer { tmp.cleanup() }
    let data = tmp.file("data")
    try FileManager.default.copyItem(
      atPath: Repo.root.appendingPathComponent("Tests/Fixtures/moto-collect").path,
      toPath: data)
    try FileManager.default.copyItem(
      atPath: Repo.root.appendingPathComponent("demo-data/tenants.yaml").path,
      toPath: tmp.file("tenants.yaml"))
    let store = tmp.file("posture.db")
    let env = ["WARD_STORE": store]

    let bare = try ward(["import", "tenants.yaml"], environment: env, currentDirectory: tmp.path)
    #expect(bare.status == 0, "\(bare.stderr)")
    #expect(bare.stdout.contains("tenants.yaml: ward-tenants-yaml"), "\(bare.stdout)")

    let dot = try ward(["import", "."], environment: env, currentDirectory: data)
    #expect(dot.status == 0, "\(dot.stderr)")
    #expect(dot.stdout.contains("imported 16 files"), "\(dot.stdout)")
    // The account came from the collected directory's sts-get-caller-identity.json, found by
    // walking up from a relative path.
    let functions = try jsonArray(
      try ward(["functions", "--format", "json"], environment: env, currentDirectory: data).stdout)
    #expect(functions.count == 2)
    #expect(functions.allSatisfy { ($0["account"] as? String) == "123456789012" }, "\(functions)")

    for (cwd, paths) in [
      (data, ["./lambda-list-functions.json"]), (data + "/functions", ["../metrics/"]),
      (tmp.path, ["data/", "./tenants.yaml"]),
    ] {
      let result = try ward(["import"] + paths, environment: env, currentDirectory: cwd)
      #expect(result.status == 0, "\(paths) from \(cwd): \(result.stderr)")
      #expect(!result.stdout.contains("imported 0 files"), "\(result.stdout)")
    }
  }

  @Test func aDirectoryWithNothingToImportIsAnErrorNamingIt() throws {
    let tmp = try TempDir("ward-empty")
    defer { tmp.cleanup() }
    try FileManager.default.createDirectory(
      atPath: tmp.file("empty"), withIntermediateDirectories: true)
    try Data("# notes\n".utf8).write(to: tmp.url.appendingPathComponent("empty/README.md"))
    let result = try ward(
      ["import", "--store", tmp.file("s.db"), "empty/"], currentDirectory: tmp.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains("empty/: no importable files"), "\(result.stderr)")
  }

  @Test func aFIFOAndASymlinkLoopAreRefusedWithoutHanging() throws {
    let tmp = try TempDir("ward-special")
    defer { tmp.cleanup() }
    let dir = tmp.file("in")
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    #expect(mkfifo(dir + "/pipe.json", 0o600) == 0)
    try FileManager.default.createSymbolicLink(atPath: dir + "/loop", withDestinationPath: ".")
    try FileManager.default.copyItem(
      atPath: Repo.root.appendingPathComponent("demo-data/tenants.yaml").path,
      toPath: dir + "/tenants.yaml")
    let result = try ward(
      ["import", "--store", tmp.file("s.db"), "in"], currentDirectory: tmp.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains("in/pipe.json: not a regular file: a FIFO"), "\(result.stderr)")
    #expect(result.stderr.contains("in/loop: symlink loop"), "\(result.stderr)")
    #expect(result.stdout.contains("imported 1 file"), "\(result.stdout)")
  }
}
