/// Migration 5: environment-variable previews of values not classed as secrets keep only
/// the length (`…(N)`), as `SecretClassifier.preview` now makes them. Before, up to 24
/// characters of such values were stored; this removes them from existing stores.
enum EnvPreviewSchema {
  static let plainPreviewsKeepOnlyTheLength = """
    UPDATE env_vars SET preview = '…(' || length || ')'
    WHERE secret_kind IS NULL AND length > 0 AND preview NOT LIKE '***%';
    """
}
