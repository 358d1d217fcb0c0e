import WardModel

/// Every Ward rule, in catalogue order (category order, then id).
public enum RuleCatalogue {
  /// All rules Ward runs.
  public static let all: [any Rule] = [
    PublicFunctionURLRule(), WildcardCORSRule(), PublicResourcePolicyRule(),
    ConfusedDeputyRule(), BroadPolicyActionRule(), OpenApiRouteRule(), PublicOverBroadRoleRule(),
    UnknownAccountTriggerRule(), UnknownAccountPrincipalRule(), UnpinnedNotificationSourceRule(),
    ManyEventSourcesRule(), OutsideVPCRule(), ApiWildcardCORSRule(), AdminRoleRule(),
    PrivilegeEscalationRoleRule(), DataWideRoleRule(),
    PublicWriteBucketTriggerRule(), OpenQueueOrTopicTriggerRule(),
    ColdStartErrorsRule(), ColdStartSurgeRule(), ColdStartNearTimeoutRule(), FailedStateRule(),
    PublicInputBroadRoleRule(), PublicInputDatabaseRule(), UnvalidatedPublicRouteRule(),
    DeprecatedRuntimeRule(), ExternalLayerRule(), NoCodeSigningRule(), UnknownRuntimeRule(),
    TracingOffRule(), AsyncNoFailureTargetRule(), NoFailureTargetRule(),
    StreamNoFailureTargetRule(), StageWithoutAccessLogRule(),
    ShortLogRetentionRule(), UnsetLogRetentionRule(), SubYearLogRetentionRule(),
    PublicNoReservedConcurrencyRule(), ZeroReservedConcurrencyRule(), PublicLongTimeoutRule(),
    StageWithoutThrottlingRule(), StarvableConcurrencyRule(),
    CredentialInEnvironmentRule(), EnvironmentWithoutCMKRule(),
    SharedExecutionRoleRule(), RoleInOtherTenantAccountRule(), PolicyOtherTenantRule(),
    TriggerOtherTenantRule(), LayerOtherTenantRule(), SharedCredentialRule(),
    SharedFunctionNoIsolationRule(), RoleGrantsOtherTenantRule(),
  ]

  /// The catalogue entries of every rule.
  public static var entries: [RuleEntry] { all.map(\.entry) }

  /// The rule with `id`, if any.
  public static func rule(id: String) -> (any Rule)? { all.first { $0.entry.id == id } }
}
