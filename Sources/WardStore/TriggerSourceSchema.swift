/// Trigger-source tables. `trigger_sources` holds what was read about a bucket, queue,
/// topic or EventBridge rule, one aspect per column: NULL means the aspect was never
/// collected (unknown), never "none". `trigger_links` holds source → function links read
/// from the source's side, each set replaced by the response that lists it (`via`, `owner`).
enum TriggerSourceSchema {
  /// Migration: self-contained, appended after the existing ones.
  static let migration = """
    CREATE TABLE trigger_sources (
      source_arn TEXT PRIMARY KEY,
      policy TEXT,
      acl_public_grants TEXT,
      public_access_block TEXT,
      rule_state TEXT,
      rule_selector TEXT
    );
    CREATE TABLE trigger_links (
      via TEXT NOT NULL,
      owner TEXT NOT NULL,
      source_arn TEXT NOT NULL,
      function_arn TEXT NOT NULL,
      detail TEXT NOT NULL,
      PRIMARY KEY (via, owner, source_arn, function_arn)
    );
    CREATE INDEX trigger_links_by_function ON trigger_links(function_arn);
    """
}
