import Foundation
import Testing

/// A tier written by `scripts/generate-scale-data.py` into a test's temporary directory.
enum ScaleTier {
  /// Generates a tier in `directory` (14 metric days) and returns the generator's counts
  /// (`functions`, `securityhub_failed`, `prowler_failed`, ...).
  static func generate(
    into directory: String, accounts: Int, functionsPerAccount: Int, findings: Int,
    costDays: Int, seed: Int
  ) throws -> [String: Int] {
    let generated = try run(
      "/usr/bin/env",
      [
        "python3", Repo.root.appendingPathComponent("scripts/generate-scale-data.py").path,
        "--out", directory, "--accounts", "\(accounts)", "--functions-per-account",
        "\(functionsPerAccount)", "--findings", "\(findings)", "--metric-days", "14",
        "--cost-days", "\(costDays)", "--seed", "\(seed)",
      ])
    try #require(generated.status == 0, "generator: \(generated.stderr)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(generated.stdout.utf8)) as? [String: Int])
  }
}
