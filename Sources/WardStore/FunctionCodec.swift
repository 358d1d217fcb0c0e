import WardModel

/// Column mapping of `Function` and its child rows.
enum FunctionCodec {
  /// Value columns of `functions` (the key is `arn`), in `values(_:tenantId:)` order.
  static let columns = [
    "tenant_id", "name", "account", "region", "runtime", "handler", "memory_mb",
    "timeout_seconds", "role", "architectures", "package_type", "tracing_mode", "vpc_id",
    "subnet_ids", "security_group_ids", "layers", "kms_key_arn", "dead_letter_target",
    "on_failure_destination", "reserved_concurrency", "log_group", "log_retention_days",
    "last_modified", "code_signing_config_arn", "state", "snap_start", "tenant_isolation_mode",
    "tags", "code_signing_known",
  ]

  /// Aspects that inventory responses usually lack and per-aspect responses (patches)
  /// own: an inventory re-import with nil keeps the stored value.
  static let patchOwned: Set<String> = [
    "on_failure_destination", "reserved_concurrency", "log_group", "log_retention_days",
    "code_signing_config_arn", "code_signing_known",
  ]

  static func values(_ f: Function, tenantId: Int64) -> [SQLValue] {
    [
      .integer(tenantId), .text(f.name), .text(f.account), .text(f.region), SQLValue(f.runtime),
      SQLValue(f.handler), SQLValue(f.memoryMB), SQLValue(f.timeoutSeconds), SQLValue(f.role),
      .text(JSONText.encode(f.architectures)), SQLValue(f.packageType), SQLValue(f.tracingMode),
      SQLValue(f.vpcId), .text(JSONText.encode(f.subnetIds)),
      .text(JSONText.encode(f.securityGroupIds)), .text(JSONText.encode(f.layers)),
      SQLValue(f.kmsKeyArn), SQLValue(f.deadLetterTarget), SQLValue(f.onFailureDestination),
      SQLValue(f.reservedConcurrency), SQLValue(f.logGroup), SQLValue(f.logRetentionDays),
      SQLValue(f.lastModified), SQLValue(f.codeSigningConfigArn), SQLValue(f.state),
      SQLValue(f.snapStart), SQLValue(f.tenantIsolationMode), .text(JSONText.encode(f.tags)),
      // NULL (not 0) when unknown, so an inventory re-import keeps a collected state.
      f.codeSigningKnown ? .integer(1) : .null,
    ]
  }

  /// `SELECT` list for `decode`: `arn`, then `columns` with tenant name instead of id.
  static var selectList: String {
    "f.arn, t.name, " + columns.dropFirst().map { "f.\($0)" }.joined(separator: ", ")
  }

  /// Decodes a row selected with `selectList`; returns the function and its tenant name.
  static func decode(_ s: Statement) -> (Function, String) {
    var f = Function(
      arn: s.text(0), name: s.text(2), account: s.text(3), region: s.text(4))
    f.runtime = s.optionalText(5)
    f.handler = s.optionalText(6)
    f.memoryMB = s.optionalInt(7)
    f.timeoutSeconds = s.optionalInt(8)
    f.role = s.optionalText(9)
    f.architectures = JSONText.decode([String].self, s.text(10), default: [])
    f.packageType = s.optionalText(11)
    f.tracingMode = s.optionalText(12)
    f.vpcId = s.optionalText(13)
    f.subnetIds = JSONText.decode([String].self, s.text(14), default: [])
    f.securityGroupIds = JSONText.decode([String].self, s.text(15), default: [])
    f.layers = JSONText.decode([Layer].self, s.text(16), default: [])
    f.kmsKeyArn = s.optionalText(17)
    f.deadLetterTarget = s.optionalText(18)
    f.onFailureDestination = s.optionalText(19)
    f.reservedConcurrency = s.optionalInt(20)
    f.logGroup = s.optionalText(21)
    f.logRetentionDays = s.optionalInt(22)
    f.lastModified = s.optionalInt64(23)
    f.codeSigningConfigArn = s.optionalText(24)
    f.state = s.optionalText(25)
    f.snapStart = s.optionalText(26)
    f.tenantIsolationMode = s.optionalText(27)
    f.tags = JSONText.decode([String: String].self, s.text(28), default: [:])
    f.codeSigningKnown = s.optionalInt(29) == 1
    return (f, s.text(1))
  }

  static func envValues(_ v: EnvironmentVariable) -> [SQLValue] {
    [
      .text(v.name), .text(v.fingerprint), .text(v.preview), SQLValue(v.secretKind?.rawValue),
      .real(v.entropy), .integer(Int64(v.length)),
    ]
  }

  static func policyValues(_ p: PolicyStatement) -> [SQLValue] {
    [
      SQLValue(p.sid), .text(p.effect), .text(JSONText.encode(p.principals)),
      .text(JSONText.encode(p.actions)), .text(p.conditionJSON), SQLValue(p.sourceArn),
      SQLValue(p.sourceAccount), SQLValue(p.principalOrgId), SQLValue(p.functionUrlAuthType),
    ]
  }

  static func urlValues(_ u: FunctionURLConfig) -> [SQLValue] {
    [
      .text(u.url), .text(u.authType), .text(JSONText.encode(u.corsAllowOrigins)),
      .text(JSONText.encode(u.corsAllowMethods)), SQLValue(u.invokeMode),
    ]
  }

  static func triggerValues(_ t: Trigger) -> [SQLValue] {
    [
      .text(t.functionArn), .text(t.sourceArn), SQLValue(t.state), SQLValue(t.batchSize),
      SQLValue(t.onFailureDestination), SQLValue(t.hasFilterCriteria),
      SQLValue(t.maximumRetryAttempts),
    ]
  }
}
