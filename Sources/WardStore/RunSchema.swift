/// Migration 13: every `ward import`, `ward scan` and `ward policy apply` is recorded as a
/// run, and findings remember the runs that matter to "what changed" (docs/triage.md).
///
/// `runs.id` is assigned by Ward (the largest id + 1) inside the write transaction, so no
/// AUTOINCREMENT is needed. `audit_from`/`audit_to` are the audit head's seq when the run
/// started and finished: the audit events a run (and everything after it) made are those
/// with a larger seq. On `findings`, `first_run` is the run that inserted the finding,
/// `unseen_run` the import run that last found it missing from a scope it covered, and
/// `back_run` the run that saw it again after that; all three are NULL for findings older
/// than this migration. Only the rare transitions write them, never a re-import.
enum RunSchema {
  /// Migration: self-contained, appended after the existing ones.
  static let migration = """
    CREATE TABLE runs (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      operator TEXT NOT NULL,
      started_at INTEGER NOT NULL,
      finished_at INTEGER,
      data_hour INTEGER,
      files TEXT NOT NULL DEFAULT '[]',
      file_count INTEGER NOT NULL DEFAULT 0,
      failed_count INTEGER NOT NULL DEFAULT 0,
      findings_new INTEGER NOT NULL DEFAULT 0,
      findings_updated INTEGER NOT NULL DEFAULT 0,
      findings_resolved INTEGER NOT NULL DEFAULT 0,
      findings_unseen INTEGER NOT NULL DEFAULT 0,
      policy_changes INTEGER NOT NULL DEFAULT 0,
      records_changed INTEGER NOT NULL DEFAULT 0,
      audit_from INTEGER NOT NULL,
      audit_to INTEGER
    );
    CREATE INDEX runs_by_start ON runs(started_at);
    ALTER TABLE findings ADD COLUMN first_run INTEGER;
    ALTER TABLE findings ADD COLUMN unseen_run INTEGER;
    ALTER TABLE findings ADD COLUMN back_run INTEGER;
    CREATE INDEX findings_by_first_run ON findings(first_run);
    CREATE INDEX findings_by_unseen_run ON findings(unseen_run);
    CREATE INDEX findings_by_back_run ON findings(back_run);
    """
}
