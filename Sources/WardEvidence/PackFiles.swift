/// The names and format of the files in an evidence pack (all under ``folder`` in the
/// archive); docs/audit.md and the pack's README.txt describe each.
public enum PackFiles {
  /// The archive's one folder.
  public static let folder = "ward-evidence"
  /// The format id written in pack.json.
  public static let format = "ward-evidence-v1"

  public static let readme = "README.txt"
  public static let manifest = "MANIFEST.sha256"
  public static let pack = "pack.json"
  public static let findings = "findings.jsonl"
  public static let decisions = "decisions.jsonl"
  public static let chain = "chain.jsonl"

  /// Every file, in archive order (the manifest last: it names the others).
  public static let all = [readme, pack, findings, decisions, chain, manifest]
}
