import Foundation
import Testing
import WardModel

@testable import WardIngest

/// Trigger-source responses as `scripts/collect-aws.sh` saved them from moto through the
/// real aws CLI (Tests/Fixtures/moto-triggers, SOURCES.md): each recognised by its content,
/// the bucket or rule it is about taken from the path.
@Suite struct TriggerSourceFormatTests {
  static let account = "123456789012"

  func read(_ relative: String) throws -> ImportBatch {
    var contexts = DirectoryContexts(workingDirectory: "/")
    let path = Fixture.path("moto-triggers/" + relative)
    return try Importer.read(path: path, context: contexts.context(for: path))
  }

  @Test func aPublicBucketItsNotificationPolicyACLAndMissingBlock() throws {
    let bucket = "arn:aws:s3:::ward-e2e-uploads"
    let notifications = try read("s3/ward-e2e-uploads/get-bucket-notification-configuration.json")
    #expect(
      notifications.sourceLinks == [
        SourceLinkSet(
          via: .s3Notification, owner: bucket,
          links: [
            SourceLink(
              sourceArn: bucket,
              functionArn: "arn:aws:lambda:eu-west-1:\(Self.account):function:thumbnailer",
              via: .s3Notification, detail: "s3:ObjectCreated:*")
          ])
      ])
    // A bucket policy is told from a Lambda policy by its S3 resources.
    let policy = try read("s3/ward-e2e-uploads/get-bucket-policy.json")
    #expect(policy.policies.isEmpty)
    #expect(
      policy.sourceFacts == [
        SourceFact(
          sourceArn: bucket,
          change: .policy([
            SourceStatement(
              sid: "AnyoneUploads", effect: "Allow", principals: ["*"], actions: ["s3:PutObject"])
          ]))
      ])
    let acl = try read("s3/ward-e2e-uploads/get-bucket-acl.json")
    #expect(
      acl.sourceFacts == [
        SourceFact(sourceArn: bucket, change: .aclPublicGrants(["AllUsers WRITE"]))
      ])
    // The CLI's NoSuchPublicAccessBlockConfiguration text: known to have none.
    let block = try read("s3/ward-e2e-uploads/get-public-access-block.json")
    #expect(
      block.sourceFacts == [
        SourceFact(sourceArn: bucket, change: .publicAccessBlock(PublicAccessBlock()))
      ])
  }

  @Test func aBlockedBucketsPublicAccessBlock() throws {
    let block = try read("s3/ward-e2e-archive/get-public-access-block.json")
    #expect(
      block.sourceFacts == [
        SourceFact(
          sourceArn: "arn:aws:s3:::ward-e2e-archive",
          change: .publicAccessBlock(
            PublicAccessBlock(
              blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true,
              restrictPublicBuckets: true)))
      ])
  }

  @Test func queueAndTopicPoliciesNameTheirSource() throws {
    let open = try read("sqs/ward-e2e-orders.json")
    let openFact = try #require(open.sourceFacts.first)
    #expect(openFact.sourceArn == "arn:aws:sqs:eu-west-1:\(Self.account):ward-e2e-orders")
    guard case .policy(let statements) = openFact.change else {
      Issue.record("\(openFact)")
      return
    }
    #expect(statements.map { $0.grantsEveryone("sqs:SendMessage") } == [true])
    let ledger = try read("sqs/ward-e2e-ledger.json")
    guard case .policy(let conditioned) = try #require(ledger.sourceFacts.first).change else {
      Issue.record("\(ledger)")
      return
    }
    #expect(conditioned.first?.conditionJSON.contains("aws:SourceAccount") == true)
    #expect(conditioned.map { $0.grantsEveryone("sqs:SendMessage") } == [false])
    // The default topic policy allows AWS:* only under AWS:SourceOwner: not public.
    let audit = try read("sns/ward-e2e-audit.json")
    #expect(audit.format == "aws-sns-get-topic-attributes")
    guard case .policy(let defaults) = try #require(audit.sourceFacts.first).change else {
      Issue.record("\(audit)")
      return
    }
    #expect(!defaults.isEmpty && defaults.allSatisfy { !$0.grantsEveryone("sns:Publish") })
  }

  @Test func subscriptionsRulesAndTargetsBecomeLinks() throws {
    let subscriptions = try read("sns-list-subscriptions.json")
    let set = try #require(subscriptions.sourceLinks.first)
    #expect(set.owner == "\(Self.account):eu-west-1")
    #expect(
      Set(set.links.map(\.functionArn))
        == Set(
          ["notify-worker", "audit-sink"].map {
            "arn:aws:lambda:eu-west-1:\(Self.account):function:\($0)"
          }))
    let rules = try read("events-list-rules.json")
    #expect(
      rules.sourceFacts == [
        SourceFact(
          sourceArn: "arn:aws:events:eu-west-1:\(Self.account):rule/ward-e2e-nightly",
          change: .eventRule(state: "ENABLED", selector: "cron(0 2 * * ? *)"))
      ])
    let targets = try read("events/ward-e2e-nightly/list-targets-by-rule.json")
    #expect(
      targets.sourceLinks.first?.links.map(\.functionArn)
        == ["arn:aws:lambda:eu-west-1:\(Self.account):function:nightly-report"])
  }

  @Test func aPerBucketResponseOutsideItsDirectoryIsRefusedNamingWhatIsMissing() throws {
    let bytes = try [UInt8](
      Data(
        contentsOf: URL(
          fileURLWithPath: Fixture.path("moto-triggers/s3/ward-e2e-uploads/get-bucket-acl.json"))))
    let error = try #require(Fixture.error(bytes, name: "get-bucket-acl.json"))
    #expect(error.reason.contains("cannot tell which bucket"), "\(error)")
    #expect(error.reason.contains("s3/BUCKET/"), "\(error)")
    let noPolicy = Array(
      "An error occurred (NoSuchBucketPolicy) when calling the GetBucketPolicy operation: The bucket policy does not exist\n"
        .utf8)
    let refused = try #require(Fixture.error(noPolicy, name: "get-bucket-policy.json"))
    #expect(refused.reason.contains("cannot tell which bucket"), "\(refused)")
  }

  @Test func theBucketAndRuleComeFromThePath() {
    var contexts = DirectoryContexts(workingDirectory: "/")
    #expect(contexts.context(for: "/x/s3/my-bucket/get-bucket-acl.json").bucket == "my-bucket")
    #expect(
      contexts.context(for: "/x/events/nightly/list-targets-by-rule.json").eventRule == "nightly")
    #expect(contexts.context(for: "/x/functions/f/get-policy.json").bucket == nil)
  }
}
