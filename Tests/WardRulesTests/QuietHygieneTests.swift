import Testing
import WardModel

@testable import WardRules

/// Hygiene rules rank by exposure, secrets by value and name: the medium-and-above findings
/// of an account are its real problems.
@Suite struct QuietHygieneTests {
  func hit(_ id: String, _ inventory: FunctionInventory) throws -> RuleHit? {
    let rule = try #require(RuleCatalogue.rule(id: id))
    let context = RuleContext(
      tenants: Fx.tenants, functions: [inventory], metrics: [:], now: Fx.now,
      lifecycle: .bundled)
    return rule.evaluate(RuleSubject(inventory: inventory, context: context))
  }

  @Test func hygieneIsOneStepHigherOnAnExposedFunctionAndSaysWhy() throws {
    let bare = Fx.clean().with {
      $0.function.tracingMode = nil
      $0.function.vpcId = nil
      $0.function.logRetentionDays = nil
    }
    let exposed = [
      bare.with { $0.url = Fx.url($0) },
      bare.with { $0.routes = [RuleCases.route($0)] },
      bare.with { $0.sources = [RuleCases.bucket(acl: ["AllUsers WRITE"])] },
    ]
    for id in ["WARD-MON-001", "WARD-ATS-005", "WARD-FOR-002"] {
      #expect(try hit(id, bare)?.severity == .info, "\(id) on an unexposed function")
      for inventory in exposed {
        let h = try #require(try hit(id, inventory))
        #expect(h.severity == .low, "\(id): \(h)")
        #expect(h.evidence.contains("exposed: "), "\(id): \(h.evidence)")
      }
    }
    let short = bare.with { $0.function.logRetentionDays = 7 }
    #expect(try hit("WARD-FOR-001", short)?.severity == .low)
    #expect(try hit("WARD-FOR-001", short.with { $0.url = Fx.url($0) })?.severity == .medium)
  }

  @Test func aBucketWhoseExposureIsUnknownDoesNotExposeTheFunction() throws {
    let unknown = Fx.clean().with {
      $0.function.tracingMode = nil
      $0.sources = [RuleCases.bucket(acl: ["AllUsers WRITE"], block: nil)]
    }
    #expect(try hit("WARD-MON-001", unknown)?.severity == .info)
    #expect(try hit("WARD-ATS-010", unknown) == nil)
  }

  @Test func theCustomerKeyMattersMoreWhenTheEnvironmentHoldsACredential() throws {
    let plain = Fx.clean().with {
      $0.function.kmsKeyArn = nil
      $0.function.environment = [Fx.variable("LOG_LEVEL", nil)]
    }
    #expect(try hit("WARD-SEC-002", plain)?.severity == .low)
    let credential = plain.with {
      $0.function.environment.append(Fx.variable("DB_PASSWORD", .namedCredential))
    }
    let h = try #require(try hit("WARD-SEC-002", credential))
    #expect(h.severity == .medium)
    #expect(h.evidence.contains("holds credential-like values"))
  }

  @Test func aSecretIsRankedByItsNameAsWellAsItsValue() throws {
    func severity(_ name: String, _ value: String) throws -> Severity? {
      let inventory = Fx.clean().with {
        $0.function.environment = [
          EnvironmentVariable(
            name: name, fingerprint: "sha256:0", preview: "***",
            secretKind: SecretClassifier.classify(name: name, value: value), entropy: 0,
            length: value.count)
        ]
      }
      return try hit("WARD-SEC-001", inventory)?.severity
    }
    // A short, simple password is still a password.
    #expect(try severity("DB_PASSWORD", "hunter2") == .high)
    #expect(try severity("ADMIN_PWD", "abc") == .high)
    // A vaguer key-like name with a plain value stays medium.
    #expect(try severity("AUTH_MODE_KEY", "cookie-session") == .medium)
    #expect(try severity("DB_PASSWORD", "") == nil)
    #expect(try severity("FEATURE_FLAGS", "hunter2") == nil)
    // An AWS secret access key under its usual names and shape is critical.
    let key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    for name in ["AWS_SECRET_ACCESS_KEY", "S3_SECRET_KEY", "UPLOADER_SECRETKEY", "AWS_SECRET"] {
      #expect(SecretClassifier.classify(name: name, value: key) == .awsSecretAccessKey, "\(name)")
      #expect(try severity(name, key) == .critical, "\(name)")
    }
    // The same shape under another name is not called an AWS key (it is still high entropy).
    #expect(SecretClassifier.classify(name: "SESSION_TOKEN", value: key) == .highEntropy)
    #expect(SecretClassifier.classify(name: "AWS_SECRET_ACCESS_KEY", value: "short") != nil)
  }
}
