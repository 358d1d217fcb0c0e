import Foundation
import Testing

/// `ward import` shows a progress bar (files done of the total, records/s, ETA) on a
/// terminal, and nothing of it on a pipe or with `--quiet`.
@Suite struct ImportProgressTests {
  static let account = Repo.root.appendingPathComponent("demo-data/accounts/999900010101").path

  @Test func aTerminalGetsABarAPipeDoesNot() throws {
    let tmp = try TempDir("ward-progress")
    defer { tmp.cleanup() }
    // script(1) gives the command a pseudo-terminal, as an operator's shell would.
    let command = "\(Repo.wardBinary) import --store \(tmp.file("tty.db")) \(Self.account)"
    let onTTY = try run("/usr/bin/script", ["-qc", command, "/dev/null"])
    #expect(onTTY.stdout.contains("/223 files · "), "\(onTTY.stdout.prefix(400))")
    #expect(onTTY.stdout.contains("records/s · ETA"))
    #expect(onTTY.stdout.contains("imported 223 files"))

    let piped = try ward(["import", "--store", tmp.file("pipe.db"), Self.account])
    #expect(!piped.stdout.contains("ETA") && !piped.stderr.contains("ETA"))
    #expect(piped.stdout.contains("imported 223 files"))

    let quiet = try run(
      "/usr/bin/script",
      [
        "-qc", "\(Repo.wardBinary) import --quiet --store \(tmp.file("q.db")) \(Self.account)",
        "/dev/null",
      ])
    #expect(!quiet.stdout.contains("ETA"), "\(quiet.stdout.prefix(400))")
  }
}
