/// IAM tables for execution roles (iam get-account-authorization-details): one row per
/// role (inline policies and attached policy ARNs as JSON) and one per managed policy
/// (its default version's document as JSON). Roles and policies are joined to a function
/// by its role ARN when read; the tables have no tenant column, so every read goes
/// through a function the scope can see.
enum IAMSchema {
  /// Migration: self-contained, appended after the existing ones.
  static let migration = """
    CREATE TABLE iam_roles (
      arn TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      account TEXT NOT NULL,
      boundary_arn TEXT,
      attached_policy_arns TEXT NOT NULL DEFAULT '[]',
      inline_policies TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE iam_policies (
      arn TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      document TEXT NOT NULL
    );
    """
}
