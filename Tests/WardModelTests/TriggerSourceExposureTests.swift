import Testing
import WardModel

/// Who can write to a trigger source, judged only from what was collected.
@Suite struct TriggerSourceExposureTests {
  let open = SourceStatement(sid: "s", effect: "Allow", principals: ["*"], actions: ["s3:Put*"])

  func bucket(_ facts: TriggerSourceFacts) -> SourceExposure {
    FunctionTriggerSource(sourceArn: "arn:aws:s3:::b", via: [], facts: facts).exposure
  }

  @Test func iamPatternsMatchLikeIAM() {
    #expect(IAMPattern.matches("s3:Put*", "s3:PutObject", caseInsensitive: true))
    #expect(IAMPattern.matches("*", "sqs:SendMessage", caseInsensitive: true))
    #expect(IAMPattern.matches("SNS:Publish", "sns:publish", caseInsensitive: true))
    #expect(IAMPattern.matches("s3:?utObject", "s3:PutObject", caseInsensitive: true))
    #expect(!IAMPattern.matches("s3:Get*", "s3:PutObject", caseInsensitive: true))
    #expect(!IAMPattern.matches("s3:PutObjectAcl", "s3:PutObject", caseInsensitive: true))
  }

  @Test func aBucketIsOnlyJudgedOnWhatWasCollected() {
    #expect(bucket(TriggerSourceFacts()) == .unknown("bucket policy and ACL not collected"))
    // A public grant, but no public access block read: unknown, not public.
    guard case .unknown = bucket(TriggerSourceFacts(policy: [open], aclPublicGrants: [])) else {
      Issue.record("a grant without the block must be unknown")
      return
    }
    // No grant in the policy, ACL not read: a grant may hide there.
    guard
      case .unknown = bucket(TriggerSourceFacts(policy: [], publicAccessBlock: PublicAccessBlock()))
    else {
      Issue.record("an unread ACL must be unknown")
      return
    }
    guard
      case .open(let reasons) = bucket(
        TriggerSourceFacts(policy: [open], publicAccessBlock: PublicAccessBlock()))
    else {
      Issue.record("a public policy with no block is public")
      return
    }
    #expect(reasons.first?.contains("s3:Put*") == true)
    #expect(
      bucket(
        TriggerSourceFacts(
          policy: [open], aclPublicGrants: ["AllUsers READ"],
          publicAccessBlock: PublicAccessBlock(restrictPublicBuckets: true)))
        == .closed("public grants stopped by the public access block"))
    #expect(
      bucket(
        TriggerSourceFacts(
          policy: [], aclPublicGrants: ["AllUsers READ"], publicAccessBlock: PublicAccessBlock()))
        == .closed("no public write grant"))
  }

  @Test func queuesTopicsAndOtherSources() {
    let queue = "arn:aws:sqs:eu-west-1:111111111111:q"
    let send = SourceStatement(
      sid: nil, effect: "Allow", principals: ["*"], actions: ["sqs:SendMessage"])
    #expect(
      FunctionTriggerSource(sourceArn: queue, via: []).exposure
        == .unknown("queue policy not collected"))
    guard
      case .open = FunctionTriggerSource(
        sourceArn: queue, via: [], facts: TriggerSourceFacts(policy: [send])
      ).exposure
    else {
      Issue.record("an open queue is public")
      return
    }
    var denied = send
    denied.effect = "Deny"
    guard
      case .closed = FunctionTriggerSource(
        sourceArn: queue, via: [], facts: TriggerSourceFacts(policy: [denied])
      ).exposure
    else {
      Issue.record("a Deny grants nothing")
      return
    }
    guard
      case .unknown = FunctionTriggerSource(
        sourceArn: "arn:aws:kinesis:eu-west-1:111111111111:stream/s", via: []
      ).exposure
    else {
      Issue.record("kinesis is not judged")
      return
    }
  }
}
