import Testing
import WardModel
import WardRules

/// A scenario: functions (the first is the one under test) and their metrics.
struct Scenario: Sendable {
  var functions: [FunctionInventory]
  var metrics: [String: [MetricSample]] = [:]
  var target: String { functions[0].function.arn }

  init(_ functions: [FunctionInventory], metrics: [String: [MetricSample]] = [:]) {
    self.functions = functions
    self.metrics = metrics
  }
}

/// One rule's firing and quiet scenarios.
struct RuleCase: Sendable, CustomTestStringConvertible {
  var ruleId: String
  var fires: Scenario
  var quiet: Scenario
  /// Expected severity of the firing case, when it differs from the catalogue default.
  var severity: Severity? = nil
  var testDescription: String { ruleId }
}

enum RuleCases {
  static let base = Fx.clean()
  static let fnArn = base.function.arn

  static func withMetrics(
    _ inv: FunctionInventory, _ make: (Int, EpochSeconds) -> MetricSample
  ) -> Scenario {
    Scenario([inv], metrics: [inv.function.arn: Fx.hourly(inv.function.arn, hours: 168, make)])
  }

  static let publicURL = base.with { $0.url = Fx.url($0) }
  static let publicPolicy = base.with {
    $0.policy = [Fx.statement($0, principals: ["*"])]
  }

  static func route(
    _ inv: FunctionInventory, kind: ApiKind = .rest, auth: ApiAuthType = .none,
    validator: String? = nil, cors: [String] = [],
    stages: [ApiStage] = [ApiStage(name: "prod", accessLogging: true, throttled: true)]
  ) -> FunctionRoute {
    FunctionRoute(
      apiId: "api1", apiKind: kind, apiName: "shop",
      route: ApiRoute(
        method: "POST", path: "/pay", authType: auth, requestValidatorId: validator,
        functionArn: inv.function.arn),
      corsAllowOrigins: cors, stages: stages, functionArn: inv.function.arn)
  }

  /// A statement granting `action` to everyone with no condition.
  static func anyone(_ action: String) -> SourceStatement {
    SourceStatement(sid: "open", effect: "Allow", principals: ["*"], actions: [action])
  }

  /// A bucket feeding the function, its policy empty and its ACL and block as given.
  static func bucket(acl: [String], block: PublicAccessBlock? = PublicAccessBlock())
    -> FunctionTriggerSource
  {
    FunctionTriggerSource(
      sourceArn: "arn:aws:s3:::uploads", via: ["S3 notification s3:ObjectCreated:*"],
      facts: TriggerSourceFacts(policy: [], aclPublicGrants: acl, publicAccessBlock: block))
  }

  static let all: [RuleCase] =
    [
      // invocation
      RuleCase(
        ruleId: "WARD-INV-006",
        fires: Scenario([base.with { $0.routes = [route($0, validator: "v1")] }]),
        quiet: Scenario([
          base.with { $0.routes = [route($0, auth: .awsIAM), route($0, auth: .custom)] }
        ])),
      RuleCase(
        ruleId: "WARD-ATS-006",
        fires: Scenario([
          base.with { $0.routes = [route($0, kind: .http, auth: .jwt, cors: ["*"])] }
        ]
        ),
        quiet: Scenario([
          base.with {
            $0.routes = [route($0, kind: .http, auth: .jwt, cors: ["https://app.example.com"])]
          }
        ])),
      RuleCase(
        ruleId: "WARD-INJ-003", fires: Scenario([base.with { $0.routes = [route($0)] }]),
        quiet: Scenario([
          base.with {
            $0.routes = [
              route($0, validator: "v1"), route($0, auth: .awsIAM), route($0, kind: .http),
            ]
          }
        ])),
      RuleCase(
        ruleId: "WARD-MON-005",
        fires: Scenario([
          base.with {
            $0.routes = [
              route(
                $0, auth: .awsIAM,
                stages: [ApiStage(name: "prod", accessLogging: false, throttled: true)])
            ]
          }
        ]),
        quiet: Scenario([base.with { $0.routes = [route($0, auth: .awsIAM)] }])),
      RuleCase(
        ruleId: "WARD-DOS-004",
        fires: Scenario([
          base.with {
            $0.routes = [
              route(
                $0, auth: .awsIAM,
                stages: [ApiStage(name: "prod", accessLogging: true, throttled: false)])
            ]
          }
        ]),
        quiet: Scenario([base.with { $0.routes = [route($0, auth: .awsIAM)] }])),
      RuleCase(
        ruleId: "WARD-INV-001", fires: Scenario([publicURL]),
        quiet: Scenario([base.with { $0.url = Fx.url($0, auth: "AWS_IAM") }])),
      RuleCase(
        ruleId: "WARD-INV-002",
        fires: Scenario([base.with { $0.url = Fx.url($0, auth: "AWS_IAM", origins: ["*"]) }]),
        quiet: Scenario([base.with { $0.url = Fx.url($0, origins: ["https://app.example.com"]) }])),
      RuleCase(
        ruleId: "WARD-INV-003", fires: Scenario([publicPolicy]),
        quiet: Scenario([
          base.with {
            $0.policy = [
              Fx.statement($0, principals: ["*"], orgId: "o-abc123"),
              Fx.statement(
                $0, principals: ["*"], actions: ["lambda:InvokeFunctionUrl"], urlAuth: "NONE"),
            ]
          }
        ])),
      RuleCase(
        ruleId: "WARD-INV-004",
        fires: Scenario([
          base.with { $0.policy = [Fx.statement($0, principals: ["events.amazonaws.com"])] }
        ]),
        quiet: Scenario([
          base.with {
            $0.policy = [
              Fx.statement(
                $0, principals: ["events.amazonaws.com"],
                sourceArn: "arn:aws:events:eu-west-1:\(Fx.alphaAccount):rule/r")
            ]
          }
        ])),
      RuleCase(
        ruleId: "WARD-INV-005",
        fires: Scenario([
          base.with {
            $0.policy = [Fx.statement($0, principals: [Fx.alphaAccount], actions: ["lambda:*"])]
          }
        ]),
        quiet: Scenario([
          base.with { $0.policy = [Fx.statement($0, principals: [Fx.alphaAccount])] }
        ])
      ),
      // attack surface
      RuleCase(
        ruleId: "WARD-ATS-001",
        fires: Scenario([
          base.with {
            $0.triggers = [Fx.trigger($0, source: "arn:aws:sqs:eu-west-1:\(Fx.externalAccount):q")]
          }
        ]),
        quiet: Scenario([
          base.with {
            $0.triggers = [Fx.trigger($0, source: "arn:aws:sqs:eu-west-1:\(Fx.alphaAccount):q")]
          }
        ])),
      RuleCase(
        ruleId: "WARD-ATS-002",
        fires: Scenario([
          base.with {
            $0.policy = [Fx.statement($0, principals: ["arn:aws:iam::\(Fx.externalAccount):root"])]
          }
        ]),
        quiet: Scenario([
          base.with {
            $0.policy = [Fx.statement($0, principals: ["arn:aws:iam::\(Fx.alphaAccount):root"])]
          }
        ])),
      RuleCase(
        ruleId: "WARD-ATS-003",
        fires: Scenario([
          base.with {
            $0.policy = [
              Fx.statement($0, principals: ["s3.amazonaws.com"], sourceArn: "arn:aws:s3:::uploads")
            ]
          }
        ]),
        quiet: Scenario([
          base.with {
            $0.policy = [
              Fx.statement(
                $0, principals: ["s3.amazonaws.com"], sourceArn: "arn:aws:s3:::uploads",
                sourceAccount: Fx.alphaAccount)
            ]
          }
        ])),
      RuleCase(
        ruleId: "WARD-ATS-004",
        fires: Scenario([
          base.with { inv in
            inv.triggers = (1...5).map {
              Fx.trigger(
                inv, source: "arn:aws:sqs:eu-west-1:\(Fx.alphaAccount):q\($0)", id: "m\($0)")
            }
          }
        ]),
        quiet: Scenario([
          base.with { inv in
            inv.triggers = (1...4).map {
              Fx.trigger(
                inv, source: "arn:aws:sqs:eu-west-1:\(Fx.alphaAccount):q\($0)", id: "m\($0)")
            }
          }
        ])),
      RuleCase(
        ruleId: "WARD-ATS-005", fires: Scenario([base.with { $0.function.vpcId = nil }]),
        quiet: Scenario([base]), severity: .info),
      RuleCase(
        ruleId: "WARD-ATS-010",
        fires: Scenario([base.with { $0.sources = [bucket(acl: ["AllUsers WRITE"])] }]),
        quiet: Scenario([
          base.with {
            $0.sources = [
              bucket(acl: ["AllUsers WRITE"], block: PublicAccessBlock(ignorePublicAcls: true)),
              bucket(acl: ["AllUsers READ"]),
              // Public policy, but the public access block was never collected: unknown.
              FunctionTriggerSource(
                sourceArn: "arn:aws:s3:::c", via: ["S3 notification"],
                facts: TriggerSourceFacts(policy: [anyone("s3:*")], aclPublicGrants: [])),
            ]
          }
        ])),
      RuleCase(
        ruleId: "WARD-ATS-011",
        fires: Scenario([
          base.with {
            $0.sources = [
              FunctionTriggerSource(
                sourceArn: "arn:aws:sns:eu-west-1:\(Fx.alphaAccount):t", via: ["SNS subscription"],
                facts: TriggerSourceFacts(policy: [anyone("SNS:Publish")]))
            ]
          }
        ]),
        quiet: Scenario([
          base.with {
            var conditioned = anyone("sqs:SendMessage")
            conditioned.conditionJSON = #"{"StringEquals":{"aws:SourceAccount":"111111111111"}}"#
            $0.sources = [
              FunctionTriggerSource(
                sourceArn: "arn:aws:sqs:eu-west-1:\(Fx.alphaAccount):q", via: ["mapping"],
                facts: TriggerSourceFacts(policy: [conditioned])),
              // Never collected: unknown, not public.
              FunctionTriggerSource(
                sourceArn: "arn:aws:sqs:eu-west-1:\(Fx.alphaAccount):q2", via: ["mapping"]),
            ]
          }
        ])),
      // cold start
      RuleCase(
        ruleId: "WARD-CLD-001",
        fires: withMetrics(base) { i, h in
          let cold = i % 6 == 0
          return MetricSample(
            functionArn: fnArn, hour: h, invocations: 100, errors: cold ? 30 : 0,
            coldStarts: cold ? 2 : 0)
        },
        quiet: withMetrics(base) { i, h in
          MetricSample(
            functionArn: fnArn, hour: h, invocations: 100, errors: 1, coldStarts: i % 6 == 0 ? 2 : 0
          )
        }),
      RuleCase(
        ruleId: "WARD-CLD-002",
        fires: withMetrics(base) { i, h in
          MetricSample(functionArn: fnArn, hour: h, invocations: 100, coldStarts: i >= 144 ? 20 : 1)
        },
        quiet: withMetrics(base) { _, h in
          MetricSample(functionArn: fnArn, hour: h, invocations: 100, coldStarts: 1)
        }),
      RuleCase(
        ruleId: "WARD-CLD-003",
        fires: withMetrics(base.with { $0.function.timeoutSeconds = 10 }) { i, h in
          MetricSample(
            functionArn: fnArn, hour: h, invocations: 100, durationP99: i % 10 == 0 ? 9_000 : 500,
            coldStarts: i % 10 == 0 ? 3 : 0)
        },
        quiet: withMetrics(base.with { $0.function.timeoutSeconds = 10 }) { i, h in
          MetricSample(
            functionArn: fnArn, hour: h, invocations: 100, durationP99: 2_000,
            coldStarts: i % 10 == 0 ? 3 : 0)
        }),
      RuleCase(
        ruleId: "WARD-CLD-004", fires: Scenario([base.with { $0.function.state = "Failed" }]),
        quiet: Scenario([base])),
      // injection
      RuleCase(
        ruleId: "WARD-INJ-001",
        fires: Scenario([
          publicURL.with { $0.function.role = "arn:aws:iam::\(Fx.alphaAccount):role/AppAdminRole" }
        ]),
        quiet: Scenario([
          publicURL.with {
            $0.function.role = "arn:aws:iam::\(Fx.alphaAccount):role/AppAdminRole"
            $0.function.tags = ["ward:input-validation": "waf"]
          }
        ])),
      RuleCase(
        ruleId: "WARD-INJ-002",
        fires: Scenario([
          base.with {
            $0.policy = [
              Fx.statement(
                $0, principals: ["apigateway.amazonaws.com"], sourceAccount: Fx.alphaAccount)
            ]
            $0.function.environment = [Fx.variable("DB_HOST", nil)]
          }
        ]),
        quiet: Scenario([base.with { $0.function.environment = [Fx.variable("DB_HOST", nil)] }])),
      // dependencies
      RuleCase(
        ruleId: "WARD-DEP-001", fires: Scenario([base.with { $0.function.runtime = "python3.7" }]),
        quiet: Scenario([
          base.with {
            $0.function.runtime = "python3.7"
            $0.function.packageType = "Image"
          }
        ]), severity: .high),
      RuleCase(
        ruleId: "WARD-DEP-002",
        fires: Scenario([
          base.with {
            $0.function.layers = [
              Layer(arn: "arn:aws:lambda:eu-west-1:\(Fx.externalAccount):layer:x:1")
            ]
          }
        ]),
        quiet: Scenario([
          base.with {
            $0.function.layers = [
              Layer(arn: "arn:aws:lambda:eu-west-1:\(Fx.alphaAccount):layer:x:1")
            ]
          }
        ])),
      RuleCase(
        ruleId: "WARD-DEP-003",
        fires: Scenario([base.with { $0.function.codeSigningConfigArn = nil }]),
        quiet: Scenario([
          base.with {
            $0.function.codeSigningConfigArn = nil
            $0.function.packageType = "Image"
          }
        ]), severity: .info),
      RuleCase(
        ruleId: "WARD-DEP-004", fires: Scenario([base.with { $0.function.runtime = "cobol85" }]),
        quiet: Scenario([base])),
      // monitoring
      RuleCase(
        ruleId: "WARD-MON-001",
        fires: Scenario([base.with { $0.function.tracingMode = "PassThrough" }]),
        quiet: Scenario([base]), severity: .info),
      RuleCase(
        ruleId: "WARD-MON-002",
        fires: Scenario([
          base.with {
            $0.function.deadLetterTarget = nil
            $0.policy = [
              Fx.statement(
                $0, principals: ["sns.amazonaws.com"],
                sourceArn: "arn:aws:sns:eu-west-1:\(Fx.alphaAccount):t")
            ]
          }
        ]),
        quiet: Scenario([
          base.with {
            $0.function.deadLetterTarget = nil
            $0.function.onFailureDestination = "arn:aws:sqs:eu-west-1:\(Fx.alphaAccount):fail"
            $0.policy = [
              Fx.statement(
                $0, principals: ["sns.amazonaws.com"],
                sourceArn: "arn:aws:sns:eu-west-1:\(Fx.alphaAccount):t")
            ]
          }
        ])),
      RuleCase(
        ruleId: "WARD-MON-003", fires: Scenario([base.with { $0.function.deadLetterTarget = nil }]),
        quiet: Scenario([base]), severity: .info),
      RuleCase(
        ruleId: "WARD-MON-004",
        fires: Scenario([
          base.with {
            $0.triggers = [
              Fx.trigger($0, source: "arn:aws:kinesis:eu-west-1:\(Fx.alphaAccount):stream/s")
            ]
          }
        ]),
        quiet: Scenario([
          base.with {
            var t = Fx.trigger($0, source: "arn:aws:kinesis:eu-west-1:\(Fx.alphaAccount):stream/s")
            t.maximumRetryAttempts = 3
            $0.triggers = [t]
          }
        ])),
      // forensics
      RuleCase(
        ruleId: "WARD-FOR-001", fires: Scenario([base.with { $0.function.logRetentionDays = 30 }]),
        quiet: Scenario([base.with { $0.function.logRetentionDays = 90 }]), severity: .low),
      RuleCase(
        ruleId: "WARD-FOR-002", fires: Scenario([base.with { $0.function.logRetentionDays = nil }]),
        quiet: Scenario([base]), severity: .info),
      RuleCase(
        ruleId: "WARD-FOR-003", fires: Scenario([base.with { $0.function.logRetentionDays = 180 }]),
        quiet: Scenario([base.with { $0.function.logRetentionDays = 30 }])),
      // dos
      RuleCase(
        ruleId: "WARD-DOS-001",
        fires: Scenario([publicURL.with { $0.function.reservedConcurrency = nil }]),
        quiet: Scenario([base.with { $0.function.reservedConcurrency = nil }])),
      RuleCase(
        ruleId: "WARD-DOS-005",
        fires: Scenario([publicURL.with { $0.function.reservedConcurrency = 2 }]),
        quiet: Scenario([base.with { $0.function.reservedConcurrency = 2 }])),
      RuleCase(
        ruleId: "WARD-DOS-002",
        fires: Scenario([base.with { $0.function.reservedConcurrency = 0 }]),
        quiet: Scenario([base])),
      RuleCase(
        ruleId: "WARD-DOS-003",
        fires: Scenario([publicPolicy.with { $0.function.timeoutSeconds = 900 }]),
        quiet: Scenario([base.with { $0.function.timeoutSeconds = 900 }])),
      // secrets
      RuleCase(
        ruleId: "WARD-SEC-001",
        fires: Scenario([
          base.with {
            $0.function.environment = [
              Fx.variable("DB_PASSWORD", .namedCredential), Fx.variable("AWS_KEY", .awsAccessKeyId),
            ]
          }
        ]),
        quiet: Scenario([base.with { $0.function.environment = [Fx.variable("LOG_LEVEL", nil)] }]),
        severity: .critical),
      RuleCase(
        ruleId: "WARD-SEC-002",
        fires: Scenario([
          base.with {
            $0.function.kmsKeyArn = nil
            $0.function.environment = [Fx.variable("LOG_LEVEL", nil)]
          }
        ]),
        quiet: Scenario([base.with { $0.function.kmsKeyArn = nil }]), severity: .low),
      // cross-tenant
      RuleCase(
        ruleId: "WARD-XTN-001",
        fires: Scenario([
          base,
          Fx.clean("other", account: Fx.betaAccount, tenant: "beta").with {
            $0.function.role = base.function.role
          },
        ]),
        quiet: Scenario([base, Fx.clean("other", account: Fx.betaAccount, tenant: "beta")])),
      RuleCase(
        ruleId: "WARD-XTN-002",
        fires: Scenario([base.with { $0.function.role = "arn:aws:iam::\(Fx.betaAccount):role/r" }]),
        quiet: Scenario([
          base.with { $0.function.role = "arn:aws:iam::\(Fx.externalAccount):role/r" }
        ]
        )),
      RuleCase(
        ruleId: "WARD-XTN-003",
        fires: Scenario([
          base.with {
            $0.policy = [
              Fx.statement($0, principals: ["s3.amazonaws.com"], sourceAccount: Fx.betaAccount)
            ]
          }
        ]),
        quiet: Scenario([
          base.with {
            $0.policy = [
              Fx.statement($0, principals: ["s3.amazonaws.com"], sourceAccount: Fx.alphaAccount)
            ]
          }
        ])),
      RuleCase(
        ruleId: "WARD-XTN-004",
        fires: Scenario([
          base.with {
            $0.triggers = [Fx.trigger($0, source: "arn:aws:sqs:eu-west-1:\(Fx.betaAccount):q")]
          }
        ]),
        quiet: Scenario([
          base.with {
            $0.triggers = [Fx.trigger($0, source: "arn:aws:sqs:eu-west-1:\(Fx.externalAccount):q")]
          }
        ])),
      RuleCase(
        ruleId: "WARD-XTN-005",
        fires: Scenario([
          base.with {
            $0.function.layers = [
              Layer(arn: "arn:aws:lambda:eu-west-1:\(Fx.betaAccount):layer:x:1")
            ]
          }
        ]),
        quiet: Scenario([
          base.with {
            $0.function.layers = [
              Layer(arn: "arn:aws:lambda:eu-west-1:\(Fx.externalAccount):layer:x:1")
            ]
          }
        ])),
      RuleCase(
        ruleId: "WARD-XTN-006",
        fires: Scenario([
          base.with {
            $0.function.environment = [
              Fx.variable("API_TOKEN", .knownToken, fingerprint: "sha256:same")
            ]
          },
          Fx.clean("other", account: Fx.betaAccount, tenant: "beta").with {
            $0.function.environment = [
              Fx.variable("TOKEN", .knownToken, fingerprint: "sha256:same")
            ]
          },
        ]),
        quiet: Scenario([
          base.with {
            $0.function.environment = [
              Fx.variable("API_TOKEN", .knownToken, fingerprint: "sha256:one")
            ]
          },
          Fx.clean("other", account: Fx.betaAccount, tenant: "beta").with {
            $0.function.environment = [Fx.variable("TOKEN", .knownToken, fingerprint: "sha256:two")]
          },
        ])),
      RuleCase(
        ruleId: "WARD-XTN-007",
        fires: Scenario([base.with { $0.function.tags = ["ward:tenants": "alpha, beta"] }]),
        quiet: Scenario([
          base.with {
            $0.function.tags = ["ward:tenants": "alpha, beta"]
            $0.function.tenantIsolationMode = "PER_TENANT"
          }
        ])),
    ] + RoleRuleCases.all
}
