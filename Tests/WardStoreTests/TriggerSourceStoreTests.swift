import Testing
import WardModel

@testable import WardStore

/// Trigger sources in the store: each fact fills its own column and leaves the others
/// unknown, link lists replace their owner's, re-applying changes nothing, and a function's
/// sources join mappings, links and policy grants.
@Suite struct TriggerSourceStoreTests {
  static let fn = T.arn("worker", account: "111122223333")
  static let bucket = "arn:aws:s3:::uploads"
  static let queue = "arn:aws:sqs:us-east-1:111122223333:orders"

  let temp = TempStore()

  func store() throws -> PostureStore {
    let store = try temp.open()
    try store.apply(
      T.batch { b in
        b.functions = [T.function("worker", account: "111122223333")]
        b.triggers = [Trigger(id: "m1", functionArn: Self.fn, sourceArn: Self.queue)]
      }, now: T.now)
    return store
  }

  @Test func factsFillTheirOwnColumnsAndReapplyingChangesNothing() throws {
    let store = try store()
    let open = SourceStatement(sid: "a", effect: "Allow", principals: ["*"], actions: ["s3:*"])
    var batch = ImportBatch(format: "t")
    batch.sourceLinks = [
      SourceLinkSet(
        via: .s3Notification, owner: Self.bucket,
        links: [
          SourceLink(
            sourceArn: Self.bucket, functionArn: Self.fn, via: .s3Notification,
            detail: "s3:ObjectCreated:*")
        ])
    ]
    batch.sourceFacts = [SourceFact(sourceArn: Self.bucket, change: .policy([open]))]
    let first = try store.apply(batch, now: T.now)
    #expect(first[.sources].inserted == 2)
    let again = try store.apply(batch, now: T.now)
    #expect(again.totalChanged == 0, "\(again)")

    var sources = try store.triggerSources(forFunction: Self.fn)
    #expect(sources.map(\.sourceArn) == [Self.queue, Self.bucket])
    #expect(sources[0].via == ["event source mapping m1"])
    #expect(sources[0].facts == TriggerSourceFacts())
    #expect(sources[1].via == ["S3 notification s3:ObjectCreated:*"])
    #expect(sources[1].facts.policy == [open])
    #expect(sources[1].facts.aclPublicGrants == nil && sources[1].facts.publicAccessBlock == nil)

    // A later ACL fills its column and keeps the policy.
    var acl = ImportBatch(format: "t")
    acl.sourceFacts = [SourceFact(sourceArn: Self.bucket, change: .aclPublicGrants([]))]
    try store.apply(acl, now: T.now)
    sources = try store.triggerSources(forFunction: Self.fn)
    #expect(sources[1].facts.policy == [open] && sources[1].facts.aclPublicGrants == [])

    // The bucket's next notification configuration, without the function, replaces the link.
    var cleared = ImportBatch(format: "t")
    cleared.sourceLinks = [SourceLinkSet(via: .s3Notification, owner: Self.bucket, links: [])]
    #expect(try store.apply(cleared, now: T.now)[.sources].updated == 1)
    #expect(try store.triggerSources(forFunction: Self.fn).map(\.sourceArn) == [Self.queue])
  }

  @Test func policyGrantsToServicesNameTheirSource() throws {
    let store = try store()
    var batch = ImportBatch(format: "t")
    batch.policies = [
      FunctionPolicy(
        functionArn: Self.fn,
        statements: [
          PolicyStatement(
            functionArn: Self.fn, sid: "sns", effect: "Allow", principals: ["sns.amazonaws.com"],
            actions: ["lambda:InvokeFunction"],
            sourceArn: "arn:aws:sns:us-east-1:111122223333:t"),
          PolicyStatement(
            functionArn: Self.fn, sid: "api", effect: "Allow",
            principals: ["apigateway.amazonaws.com"], actions: ["lambda:InvokeFunction"],
            sourceArn: "arn:aws:execute-api:us-east-1:111122223333:abc/*"),
        ])
    ]
    try store.apply(batch, now: T.now)
    let sources = try store.triggerSources(forFunction: Self.fn)
    #expect(sources.map(\.sourceArn) == [Self.queue, "arn:aws:sns:us-east-1:111122223333:t"])
    #expect(sources[1].via == ["resource policy grants sns.amazonaws.com"])
  }
}
