import WardModel

/// The sources of `service` feeding the function that anyone can write to, as evidence.
/// Sources whose exposure is unknown (not collected) raise nothing.
private func openSources(_ s: RuleSubject, services: Set<String>) -> [String] {
  s.inventory.sources.compactMap { source in
    guard services.contains(source.service), case .open(let reasons) = source.exposure else {
      return nil
    }
    return "\(source.sourceArn) (\(source.via.joined(separator: ", "))): "
      + reasons.joined(separator: "; ")
  }
}

/// WARD-ATS-010: an S3 bucket anyone can write to notifies the function.
struct PublicWriteBucketTriggerRule: Rule {
  let entry = RuleEntry(
    id: "WARD-ATS-010", category: .attackSurface, severity: .high,
    title: "Function is triggered by a publicly writable S3 bucket",
    rationale:
      "When a bucket's policy grants s3:PutObject to `*` with no condition, or its ACL grants WRITE to AllUsers or AuthenticatedUsers, and its public access block does not stop it (RestrictPublicBuckets, IgnorePublicAcls), anyone on the internet can upload the objects whose events invoke the function: crafted file names, metadata and contents become its input (event injection), and a flood of uploads is a flood of invocations. Judged from the bucket's notification configuration, policy, ACL and bucket-level public access block as collected; when one of them was not collected the function detail says unknown and nothing is raised. The account-level public access block is not read.",
    remediation:
      "Remove the public write grant from the bucket policy and ACL, turn on the bucket's (and account's) public access block, and have uploads go through signed URLs or an authenticated API."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    RuleHit.listing(openSources(s, services: ["s3"]))
  }
}

/// WARD-ATS-011: a queue or topic anyone can send to triggers the function.
struct OpenQueueOrTopicTriggerRule: Rule {
  let entry = RuleEntry(
    id: "WARD-ATS-011", category: .attackSurface, severity: .high,
    title: "Function is triggered by a queue or topic any principal can send to",
    rationale:
      "An SQS queue policy granting sqs:SendMessage, or an SNS topic policy granting sns:Publish, to `*` with no condition lets any AWS account put messages into the function's input: event injection from outside the estate, and a way to run up its invocations. Judged from the queue's or topic's policy as collected (get-queue-attributes, get-topic-attributes); not collected is unknown and raises nothing.",
    remediation:
      "Restrict the policy's principal to the producers, or add an aws:SourceArn / aws:SourceAccount / aws:PrincipalOrgID condition; validate messages in the function."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    RuleHit.listing(openSources(s, services: ["sqs", "sns"]))
  }
}

/// WARD-DOS-005: a public function whose reserved concurrency anyone can use up.
struct StarvableConcurrencyRule: Rule {
  /// Reserved concurrency at or below which one caller can hold every slot.
  static let threshold = 10
  let entry = RuleEntry(
    id: "WARD-DOS-005", category: .dos, severity: .medium,
    title: "Public function with reserved concurrency low enough for anyone to starve it",
    rationale:
      "Reserved concurrency caps the function: with a cap of 10 or less, a handful of slow requests from any caller hold every execution environment and every legitimate request is throttled. The cap that protects the account's other functions (WARD-DOS-001) becomes an easy denial of service when the function is public (URL with AuthType NONE, public policy, or an API route with no authorizer). Reserved concurrency 0 is WARD-DOS-002.",
    remediation:
      "Put authentication or a rate limit in front of the function (authorizer, usage plan, WAF rate rule), and size reserved concurrency to the expected peak."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard let reserved = s.function.reservedConcurrency, reserved > 0,
      reserved <= Self.threshold
    else { return nil }
    guard let path = s.inventory.anyoneCanInvoke.first else { return nil }
    return RuleHit(
      evidence:
        "ReservedConcurrentExecutions=\(reserved) (threshold \(Self.threshold)); public: \(path)")
  }
}
