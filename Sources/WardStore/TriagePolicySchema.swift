/// The migration for standing triage policy (`ward policy apply`, docs/triage.md): audit
/// events name the policy rule that made a change and the SHA-256 of the policy file it
/// came from, and a finding remembers which rule set its current state.
enum TriagePolicySchema {
  static let migration = """
    -- Set only on events a policy rule caused; hashed when present (see AuditHash).
    ALTER TABLE audit_events ADD COLUMN rule_id TEXT;
    ALTER TABLE audit_events ADD COLUMN policy_sha256 TEXT;
    -- The rule that set the finding's current state; NULL when a person or the store did.
    ALTER TABLE findings ADD COLUMN state_rule TEXT;
    """
}
