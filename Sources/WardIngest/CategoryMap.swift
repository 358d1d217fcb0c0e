import WardModel

/// Maps a scanner check to one of the ten categories (table first, then keywords).
///
/// The whole table is documented in docs/formats.md; keep the two in step.
public enum CategoryMap {
  /// Exact check ids: Prowler check ids, Security Hub control ids, Checkov ids.
  public static let table: [String: Category] = [
    // Prowler: Lambda
    "awslambda_function_not_publicly_accessible": .invocation,
    "awslambda_function_url_public": .invocation,
    "awslambda_function_url_cors_policy": .invocation,
    "awslambda_function_no_secrets_in_variables": .secrets,
    "awslambda_function_no_secrets_in_code": .secrets,
    "awslambda_layer_no_secrets_in_content": .secrets,
    "awslambda_function_env_vars_not_encrypted_with_cmk": .secrets,
    "awslambda_function_using_supported_runtimes": .dependencies,
    "awslambda_function_using_cross_account_layers": .dependencies,
    "awslambda_function_invoke_api_operations_cloudtrail_logging_enabled": .forensics,
    "awslambda_function_no_dead_letter_queue": .monitoring,
    "awslambda_function_inside_vpc": .attackSurface,
    "awslambda_function_vpc_multi_az": .dos,
    // Prowler: API Gateway
    "apigateway_restapi_authorizers_enabled": .invocation,
    "apigateway_restapi_public": .attackSurface,
    "apigateway_restapi_public_with_authorizer": .invocation,
    "apigateway_restapi_logging_enabled": .monitoring,
    "apigateway_restapi_tracing_enabled": .monitoring,
    "apigateway_restapi_waf_acl_attached": .injection,
    "apigateway_restapi_client_certificate_enabled": .attackSurface,
    "apigateway_restapi_cache_encrypted": .crossTenant,
    "apigateway_restapi_no_secrets_in_stage_variables": .secrets,
    "apigateway_domain_name_pqc_tls_enabled": .attackSurface,
    "apigatewayv2_api_authorizers_enabled": .invocation,
    "apigatewayv2_api_access_logging_enabled": .monitoring,
    // Prowler: related services
    "guardduty_lambda_protection_enabled": .monitoring,
    "inspector2_is_enabled": .dependencies,
    "inspector2_active_findings_exist": .dependencies,
    "cloudwatch_log_group_retention_policy_specific_days_enabled": .forensics,
    "cloudwatch_log_group_no_secrets_in_logs": .secrets,
    "s3_bucket_public_access": .attackSurface,
    "sqs_queues_not_publicly_accessible": .attackSurface,
    "sns_topics_not_publicly_accessible": .attackSurface,
    "eventbridge_bus_exposed": .attackSurface,
    "eventbridge_bus_cross_account_access": .crossTenant,
    "dynamodb_table_cross_account_access": .crossTenant,
    "appsync_graphql_api_no_api_key_authentication": .invocation,
    "stepfunctions_statemachine_logging_enabled": .monitoring,
    "stepfunctions_statemachine_no_secrets_in_definition": .secrets,
    "iam_policy_allows_privilege_escalation": .invocation,
    // Security Hub controls
    "Lambda.1": .invocation,
    "Lambda.2": .dependencies,
    "Lambda.3": .attackSurface,
    "Lambda.5": .dos,
    "Lambda.6": .crossTenant,
    "Lambda.7": .monitoring,
    "PCI.Lambda.1": .invocation,
    "PCI.Lambda.2": .attackSurface,
    "APIGateway.1": .monitoring,
    "APIGateway.2": .attackSurface,
    "APIGateway.3": .monitoring,
    "APIGateway.4": .injection,
    "APIGateway.5": .crossTenant,
    "APIGateway.8": .invocation,
    "APIGateway.9": .monitoring,
    "CloudTrail.1": .forensics,
    "CloudTrail.2": .forensics,
    "CloudTrail.4": .forensics,
    "CloudTrail.5": .monitoring,
    "CloudWatch.16": .forensics,
    "IAM.1": .invocation,
    "IAM.7": .secrets,
    "S3.1": .attackSurface,
    "S3.2": .attackSurface,
    "S3.3": .attackSurface,
    "S3.8": .attackSurface,
    "SQS.1": .secrets,
    "SQS.3": .attackSurface,
    "SNS.1": .secrets,
    "SNS.2": .monitoring,
    "SecretsManager.1": .secrets,
    "SecretsManager.4": .secrets,
    "GuardDuty.1": .monitoring,
    "GuardDuty.6": .monitoring,
    "Inspector.3": .dependencies,
    "Inspector.4": .dependencies,
    "WAF.1": .injection,
    "KMS.4": .secrets,
    // Checkov
    "CKV_AWS_45": .secrets,
    "CKV_AWS_173": .secrets,
    "CKV_AWS_41": .secrets,
    "CKV_AWS_115": .dos,
    "CKV_AWS_116": .monitoring,
    "CKV_AWS_117": .attackSurface,
    "CKV_AWS_50": .monitoring,
    "CKV_AWS_258": .invocation,
    "CKV2_AWS_75": .invocation,
    "CKV_AWS_301": .invocation,
    "CKV_AWS_364": .crossTenant,
    "CKV_AWS_272": .dependencies,
    "CKV_AWS_363": .dependencies,
    "CKV_AWS_1": .invocation,
    "CKV_AWS_49": .invocation,
    "CKV_AWS_59": .invocation,
    "CKV2_AWS_70": .invocation,
    "CKV_AWS_309": .invocation,
    "CKV2_AWS_53": .injection,
    "CKV_AWS_76": .monitoring,
    "CKV_AWS_95": .monitoring,
    "CKV_AWS_73": .monitoring,
    "CKV_AWS_276": .secrets,
    "CKV_AWS_120": .dos,
    "CKV_AWS_308": .crossTenant,
    "CKV_AWS_66": .forensics,
    "CKV_AWS_338": .forensics,
    "CKV_AWS_158": .forensics,
  ]

  /// Keyword fallback, tried in order on the lowercased check id and title.
  public static let keywords: [(String, Category)] = [
    ("secret", .secrets), ("password", .secrets), ("credential", .secrets),
    ("encrypt", .secrets), ("kms", .secrets),
    ("cross_account", .crossTenant), ("cross-account", .crossTenant),
    ("cross account", .crossTenant),
    ("tenant", .crossTenant), ("shared", .crossTenant),
    ("public", .invocation), ("authoriz", .invocation), ("auth", .invocation),
    ("permission", .invocation), ("principal", .invocation), ("url", .invocation),
    ("privilege", .invocation),
    ("runtime", .dependencies), ("layer", .dependencies), ("deprecat", .dependencies),
    ("vulnerab", .dependencies), ("signing", .dependencies), ("package", .dependencies),
    ("cve", .dependencies),
    ("retention", .forensics), ("cloudtrail", .forensics), ("forensic", .forensics),
    ("log", .monitoring), ("trac", .monitoring), ("x-ray", .monitoring), ("xray", .monitoring),
    ("alarm", .monitoring), ("monitor", .monitoring), ("dead letter", .monitoring),
    ("dead_letter", .monitoring), ("dlq", .monitoring), ("destination", .monitoring),
    ("cold", .coldStart), ("snapstart", .coldStart), ("provisioned", .coldStart),
    ("init_", .coldStart), ("initiali", .coldStart),
    ("concurren", .dos), ("throttl", .dos), ("quota", .dos), ("multi_az", .dos),
    ("multi-az", .dos), ("availability", .dos), ("cost", .dos),
    ("waf", .injection), ("injection", .injection), ("validat", .injection), ("sast", .injection),
    ("vpc", .attackSurface), ("exposed", .attackSurface), ("endpoint", .attackSurface),
    ("trigger", .attackSurface), ("event source", .attackSurface),
  ]

  /// The category for a check: exact id, then the id's last path segment (for ASFF
  /// GeneratorIds such as `…/v/1.0.0/Lambda.1`), then keywords, then `monitoring`.
  public static func category(ruleId: String, title: String, resourceType: String?) -> Category {
    if let c = table[ruleId] { return c }
    if let last = ruleId.split(separator: "/").last, let c = table[String(last)] { return c }
    let haystack = (ruleId + " " + title).lowercased()
    for (word, category) in keywords where haystack.contains(word) { return category }
    return .monitoring
  }

  /// Checkov OSS prints no severity: a default by check, else by category.
  public static func checkovDefaultSeverity(checkId: String, category: Category) -> Severity {
    switch checkId {
    case "CKV_AWS_45", "CKV_AWS_41", "CKV_AWS_301", "CKV_AWS_258", "CKV_AWS_1": return .high
    case "CKV_AWS_117", "CKV_AWS_272", "CKV_AWS_50", "CKV_AWS_73": return .low
    default: break
    }
    switch category {
    case .invocation, .secrets, .crossTenant: return .high
    case .dependencies, .injection, .dos, .forensics, .monitoring: return .medium
    case .attackSurface, .coldStart: return .low
    }
  }
}
