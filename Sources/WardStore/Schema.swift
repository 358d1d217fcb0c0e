/// Numbered schema migrations. Each runs once, in order, in its own transaction, and
/// sets `PRAGMA user_version` to its number. Never edit a shipped migration: add one.
///
/// Portability notes (a PostgreSQL backend is planned): plain types, no AUTOINCREMENT,
/// upserts with `ON CONFLICT`, `IS NOT` as the null-safe inequality (PostgreSQL spells it
/// `IS DISTINCT FROM`). Triggers and `WITHOUT ROWID` are SQLite-only and are the parts a
/// second backend would restate.
enum Schema {
  static let migrations: [String] = [
    v1, AuditSchema.v2, FunctionRollupSchema.migration,
    FunctionRollupSchema.costByAccountMigration, EnvPreviewSchema.plainPreviewsKeepOnlyTheLength,
    TriageBatchSchema.migration, CodeSigningSchema.migration, ApiGatewaySchema.migration,
    CostActivitySchema.migration,
    IAMSchema.migration,
    TriagePolicySchema.migration,
    TriggerSourceSchema.migration,
    RunSchema.migration,
    DecisionWatchSchema.migration,
    SourceIdentitySchema.migration,
    FindingLocationSchema.migration,
    NotificationSchema.migration,
  ]

  /// The version a fully migrated store has.
  static var latestVersion: Int { migrations.count }

  static let v1 = """
    CREATE TABLE tenants (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      labels TEXT NOT NULL DEFAULT '{}',
      -- 1 when Ward created the tenant (named by an account id, or 'unassigned').
      auto INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE accounts (
      account TEXT PRIMARY KEY,
      tenant_id INTEGER NOT NULL REFERENCES tenants(id)
    );
    CREATE INDEX accounts_by_tenant ON accounts(tenant_id);

    -- Every function ARN the store has seen (inventory or metrics), with a compact id
    -- that keys the large metrics table.
    CREATE TABLE function_keys (
      id INTEGER PRIMARY KEY,
      arn TEXT NOT NULL UNIQUE,
      account TEXT NOT NULL
    );

    CREATE TABLE functions (
      arn TEXT PRIMARY KEY,
      tenant_id INTEGER NOT NULL REFERENCES tenants(id),
      name TEXT NOT NULL,
      account TEXT NOT NULL,
      region TEXT NOT NULL,
      runtime TEXT,
      handler TEXT,
      memory_mb INTEGER,
      timeout_seconds INTEGER,
      role TEXT,
      architectures TEXT NOT NULL DEFAULT '[]',
      package_type TEXT,
      tracing_mode TEXT,
      vpc_id TEXT,
      subnet_ids TEXT NOT NULL DEFAULT '[]',
      security_group_ids TEXT NOT NULL DEFAULT '[]',
      layers TEXT NOT NULL DEFAULT '[]',
      kms_key_arn TEXT,
      dead_letter_target TEXT,
      on_failure_destination TEXT,
      reserved_concurrency INTEGER,
      log_group TEXT,
      log_retention_days INTEGER,
      last_modified INTEGER,
      code_signing_config_arn TEXT,
      state TEXT,
      snap_start TEXT,
      tenant_isolation_mode TEXT,
      tags TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX functions_by_tenant_name ON functions(tenant_id, name);
    CREATE INDEX functions_by_account ON functions(account);

    -- Never a value: the importer keeps a fingerprint and a redacted preview only.
    CREATE TABLE env_vars (
      function_arn TEXT NOT NULL REFERENCES functions(arn) ON DELETE CASCADE,
      name TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      preview TEXT NOT NULL,
      secret_kind TEXT,
      entropy REAL NOT NULL,
      length INTEGER NOT NULL,
      PRIMARY KEY (function_arn, name)
    );

    CREATE TABLE policy_statements (
      function_arn TEXT NOT NULL REFERENCES functions(arn) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      sid TEXT,
      effect TEXT NOT NULL,
      principals TEXT NOT NULL,
      actions TEXT NOT NULL,
      condition_json TEXT NOT NULL,
      source_arn TEXT,
      source_account TEXT,
      principal_org_id TEXT,
      function_url_auth_type TEXT,
      PRIMARY KEY (function_arn, position)
    );

    CREATE TABLE function_urls (
      function_arn TEXT PRIMARY KEY REFERENCES functions(arn) ON DELETE CASCADE,
      url TEXT NOT NULL,
      auth_type TEXT NOT NULL,
      cors_allow_origins TEXT NOT NULL,
      cors_allow_methods TEXT NOT NULL,
      invoke_mode TEXT
    );

    CREATE TABLE triggers (
      id TEXT PRIMARY KEY,
      function_arn TEXT NOT NULL REFERENCES functions(arn) ON DELETE CASCADE,
      source_arn TEXT NOT NULL,
      state TEXT,
      batch_size INTEGER,
      on_failure_destination TEXT,
      has_filter_criteria INTEGER NOT NULL,
      maximum_retry_attempts INTEGER
    );
    CREATE INDEX triggers_by_function ON triggers(function_arn);

    -- severity is the rank (4 critical .. 0 info) so it sorts; state is the TriageState id.
    CREATE TABLE findings (
      id TEXT PRIMARY KEY,
      tenant_id INTEGER NOT NULL REFERENCES tenants(id),
      account TEXT,
      region TEXT,
      function_arn TEXT,
      resource TEXT NOT NULL,
      resource_type TEXT,
      category TEXT NOT NULL,
      severity INTEGER NOT NULL,
      title TEXT NOT NULL,
      description TEXT NOT NULL,
      remediation TEXT NOT NULL,
      source TEXT NOT NULL,
      rule_id TEXT NOT NULL,
      evidence TEXT NOT NULL,
      first_seen INTEGER NOT NULL,
      last_seen INTEGER NOT NULL,
      state TEXT NOT NULL,
      state_reason TEXT,
      state_note TEXT,
      state_until INTEGER,
      state_by TEXT,
      state_at INTEGER,
      version INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX findings_by_rank ON findings(severity DESC, last_seen DESC, id);
    CREATE INDEX findings_by_tenant_rank ON findings(tenant_id, severity DESC, last_seen DESC, id);
    CREATE INDEX findings_by_function ON findings(function_arn);
    CREATE INDEX findings_by_account ON findings(account);
    CREATE INDEX findings_by_source_state ON findings(source, state);
    CREATE INDEX findings_by_expiry ON findings(state, state_until);

    -- Append-only triage history: every state change, by whom and why.
    CREATE TABLE finding_events (
      id INTEGER PRIMARY KEY,
      finding_id TEXT NOT NULL,
      at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      old_state TEXT,
      new_state TEXT NOT NULL,
      reason TEXT,
      note TEXT,
      until_at INTEGER
    );
    CREATE INDEX finding_events_by_finding ON finding_events(finding_id, id);

    -- Open/closed counts per tenant x category x severity x state, kept by triggers so
    -- summaries never scan findings.
    CREATE TABLE finding_counts (
      tenant_id INTEGER NOT NULL,
      category TEXT NOT NULL,
      severity INTEGER NOT NULL,
      state TEXT NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (tenant_id, category, severity, state)
    ) WITHOUT ROWID;

    CREATE TRIGGER finding_counts_on_insert AFTER INSERT ON findings BEGIN
      INSERT INTO finding_counts (tenant_id, category, severity, state, n)
      VALUES (NEW.tenant_id, NEW.category, NEW.severity, NEW.state, 1)
      ON CONFLICT (tenant_id, category, severity, state) DO UPDATE SET n = n + 1;
    END;

    CREATE TRIGGER finding_counts_on_delete AFTER DELETE ON findings BEGIN
      UPDATE finding_counts SET n = n - 1
      WHERE tenant_id = OLD.tenant_id AND category = OLD.category
        AND severity = OLD.severity AND state = OLD.state;
      DELETE FROM finding_counts
      WHERE tenant_id = OLD.tenant_id AND category = OLD.category
        AND severity = OLD.severity AND state = OLD.state AND n <= 0;
    END;

    CREATE TRIGGER finding_counts_on_update
    AFTER UPDATE OF tenant_id, category, severity, state ON findings
    WHEN OLD.tenant_id IS NOT NEW.tenant_id OR OLD.category IS NOT NEW.category
      OR OLD.severity IS NOT NEW.severity OR OLD.state IS NOT NEW.state
    BEGIN
      UPDATE finding_counts SET n = n - 1
      WHERE tenant_id = OLD.tenant_id AND category = OLD.category
        AND severity = OLD.severity AND state = OLD.state;
      DELETE FROM finding_counts
      WHERE tenant_id = OLD.tenant_id AND category = OLD.category
        AND severity = OLD.severity AND state = OLD.state AND n <= 0;
      INSERT INTO finding_counts (tenant_id, category, severity, state, n)
      VALUES (NEW.tenant_id, NEW.category, NEW.severity, NEW.state, 1)
      ON CONFLICT (tenant_id, category, severity, state) DO UPDATE SET n = n + 1;
    END;

    -- Hourly metrics; function_id is function_keys.id. No foreign key: metrics for a
    -- function the inventory has not (yet) listed are kept.
    CREATE TABLE metrics (
      function_id INTEGER NOT NULL,
      hour INTEGER NOT NULL,
      invocations REAL,
      errors REAL,
      throttles REAL,
      duration_avg REAL,
      duration_p99 REAL,
      duration_max REAL,
      cold_starts REAL,
      max_concurrency REAL,
      PRIMARY KEY (function_id, hour)
    ) WITHOUT ROWID;

    -- function is '' for account/service-level cost; account is '' when unknown.
    CREATE TABLE costs (
      tenant_id INTEGER NOT NULL REFERENCES tenants(id),
      account TEXT NOT NULL,
      service TEXT NOT NULL,
      function TEXT NOT NULL,
      day INTEGER NOT NULL,
      amount REAL NOT NULL,
      currency TEXT NOT NULL,
      PRIMARY KEY (account, service, function, day)
    ) WITHOUT ROWID;
    CREATE INDEX costs_by_tenant_day ON costs(tenant_id, day);
    CREATE INDEX costs_by_function_day ON costs(function, day);

    CREATE TABLE alerts (
      id TEXT PRIMARY KEY,
      tenant_id INTEGER NOT NULL REFERENCES tenants(id),
      account TEXT,
      function_arn TEXT,
      kind TEXT NOT NULL,
      severity INTEGER NOT NULL,
      start_at INTEGER NOT NULL,
      end_at INTEGER,
      title TEXT NOT NULL,
      detail TEXT NOT NULL,
      source TEXT NOT NULL
    );
    CREATE INDEX alerts_by_start ON alerts(start_at DESC, id);
    CREATE INDEX alerts_by_account ON alerts(account);
    CREATE INDEX alerts_by_function ON alerts(function_arn, start_at);
    """
}

/// Applies `Schema.migrations` at open.
enum Migrator {
  /// Brings a read-write store up to date; each migration is its own transaction.
  static func migrate(_ db: Database) throws {
    let current = Int(try db.pragmaInt("user_version"))
    if current > Schema.latestVersion {
      throw StoreError.schemaTooNew(found: current, expected: Schema.latestVersion)
    }
    for version in (current + 1)...max(current + 1, Schema.latestVersion)
    where version <= Schema.latestVersion {
      try db.transaction {
        // Another process may have migrated while this one waited for the write lock.
        guard try db.pragmaInt("user_version") < version else { return }
        try db.execute(Schema.migrations[version - 1])
        if version == 2 { try AuditSchema.moveLegacyEvents(db) }
        try db.execute("PRAGMA user_version = \(version)")
      }
    }
  }

  /// A read-only open cannot migrate: refuse anything but the current version.
  static func check(_ db: Database) throws {
    let current = Int(try db.pragmaInt("user_version"))
    if current < Schema.latestVersion {
      throw StoreError.schemaOutdated(found: current, expected: Schema.latestVersion)
    }
    if current > Schema.latestVersion {
      throw StoreError.schemaTooNew(found: current, expected: Schema.latestVersion)
    }
  }
}
