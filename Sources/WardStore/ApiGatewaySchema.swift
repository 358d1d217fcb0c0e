/// API Gateway tables: one row per API, per route (REST method or HTTP route), per HTTP
/// integration and per stage. Each per-API response replaces its API's rows; the read
/// joins a route to its function (directly for REST, through the integration for HTTP).
enum ApiGatewaySchema {
  /// Migration: self-contained, appended after the existing ones.
  static let migration = """
    CREATE TABLE api_gateway_apis (
      api_id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      name TEXT,
      account TEXT,
      region TEXT,
      cors_allow_origins TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE api_routes (
      api_id TEXT NOT NULL,
      method TEXT NOT NULL,
      path TEXT NOT NULL,
      kind TEXT NOT NULL,
      auth_type TEXT NOT NULL,
      authorizer_id TEXT,
      api_key_required INTEGER NOT NULL,
      request_validator_id TEXT,
      function_arn TEXT,
      integration_id TEXT,
      PRIMARY KEY (api_id, method, path)
    );
    CREATE INDEX api_routes_by_function ON api_routes(function_arn);
    CREATE TABLE api_integrations (
      api_id TEXT NOT NULL,
      integration_id TEXT NOT NULL,
      function_arn TEXT NOT NULL,
      PRIMARY KEY (api_id, integration_id)
    );
    CREATE INDEX api_integrations_by_function ON api_integrations(function_arn);
    CREATE TABLE api_stages (
      api_id TEXT NOT NULL,
      name TEXT NOT NULL,
      access_logging INTEGER NOT NULL,
      throttled INTEGER NOT NULL,
      PRIMARY KEY (api_id, name)
    );
    """
}
