/// Migration 15: a finding's identity at its source. For Security Hub findings, the ASFF
/// `Id` and `ProductArn` (what `BatchUpdateFindings` and the ASFF export need: Ward's own
/// id is a hash of them) and the workflow Security Hub held at the newest import, so
/// `ward export --format securityhub-updates` sends only what differs.
///
/// - `source`: `securityhub` (Security Hub holds the finding) or `asff` (an ASFF file of
///   unknown origin: kept for the ASFF export, never sent back).
/// - `workflow_status`, `verification_state`: as last read; NULL when never said.
/// - `status_changed_at`: when an import saw them change from what was stored (NULL while
///   they are as first recorded), so a Ward decision older than Security Hub's change is
///   not sent over it.
enum SourceIdentitySchema {
  /// Migration: self-contained, appended after the existing ones.
  static let migration = """
    CREATE TABLE source_identities (
      finding_id TEXT PRIMARY KEY REFERENCES findings(id) ON DELETE CASCADE,
      source TEXT NOT NULL,
      source_id TEXT NOT NULL,
      product_arn TEXT NOT NULL,
      workflow_status TEXT,
      verification_state TEXT,
      status_changed_at INTEGER
    );
    """
}
