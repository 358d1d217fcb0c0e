/// The code-signing state of a function: `code_signing_known` is 1 once
/// get-function-code-signing-config was read (then `code_signing_config_arn` NULL means
/// "collected, none attached"), NULL while it never was (the state is unknown).
enum CodeSigningSchema {
  /// Migration: self-contained, appended after the existing ones.
  static let migration = """
    ALTER TABLE functions ADD COLUMN code_signing_known INTEGER;
    """
}
