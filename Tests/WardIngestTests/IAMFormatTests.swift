import Foundation
import Testing
import WardModel

@testable import WardIngest

/// iam get-account-authorization-details: the CLI documentation's example page, moto's
/// output, URL-encoded documents, and bad input.
@Suite struct IAMFormatTests {
  @Test func theCLIDocumentationExampleReadsItsRoleAndPolicies() throws {
    let batch = try Fixture.read("real/aws-cli/iam_get-account-authorization-details.example1.json")
    #expect(batch.format == "aws-iam-get-account-authorization-details")
    let role = try #require(batch.iamRoles.first)
    #expect(batch.iamRoles.count == 1)
    #expect(role.arn == "arn:aws:iam::123456789012:role/EC2role" && role.account == "123456789012")
    #expect(
      role.attachedPolicyArns == [
        "arn:aws:iam::aws:policy/AmazonS3FullAccess",
        "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess",
      ])
    #expect(
      batch.iamPolicies.map(\.name) == [
        "create-update-delete-set-managed-policies", "S3-read-only-specific-bucket",
        "AmazonEC2FullAccess",
      ])
    // A single statement object counts as a list of one.
    #expect(batch.iamPolicies[0].document.statements.first?.actions.count == 9)
    #expect(
      batch.iamPolicies[2].document.statements.map(\.actions) == [
        ["ec2:*"], ["elasticloadbalancing:*"], ["cloudwatch:*"], ["autoscaling:*"],
      ])
    // Users and groups are not execution roles: skipped, not counted.
    #expect(batch.recordCount == 4)
    // The role's two AWS-managed policies are not on this page: its permissions are unknown.
    let joined = ExecutionRole(
      role: role,
      managedPolicies: batch.iamPolicies.filter { role.attachedPolicyArns.contains($0.arn) },
      boundary: nil)
    #expect(joined.uncollectedPolicies.count == 2)
    #expect(EffectivePermissions(role: joined) == nil)
  }

  @Test func motoOutputReadsEveryRoleWithItsBoundaryAndInlinePolicies() throws {
    let batch = try Fixture.read("moto-iam/iam-get-account-authorization-details.json")
    #expect(
      batch.iamRoles.map(\.name) == [
        "ward-e2e", "checkout-role", "admin-task-role", "deployer-role", "bounded-role",
        "denied-role", "partner-role",
      ])
    let bounded = try #require(batch.iamRoles.first { $0.name == "bounded-role" })
    #expect(bounded.boundaryArn == "arn:aws:iam::123456789012:policy/reports-read-boundary")
    #expect(bounded.attachedPolicyArns == ["arn:aws:iam::123456789012:policy/full-admin"])
    // moto leaves PolicyName out of Policies: the name comes from the ARN.
    #expect(batch.iamPolicies.map(\.name) == ["full-admin", "reports-read-boundary"])
    let denied = try #require(batch.iamRoles.first { $0.name == "denied-role" })
    #expect(denied.inlinePolicies.map(\.name).sorted() == ["allow-s3", "deny-s3"])
    // Joined and evaluated: the boundary caps the admin policy to one bucket prefix.
    let policies = Dictionary(uniqueKeysWithValues: batch.iamPolicies.map { ($0.arn, $0) })
    let role = ExecutionRole(
      role: bounded, managedPolicies: bounded.attachedPolicyArns.compactMap { policies[$0] },
      boundary: bounded.boundaryArn.flatMap { policies[$0] })
    let p = try #require(EffectivePermissions(role: role))
    #expect(p.access(to: "*").grant == nil)
    #expect(
      p.grants.map(\.label) == [
        "s3:GetObject on arn:aws:s3:::reports/* from managed policy full-admin"
      ])
  }

  @Test func urlEncodedAndStringDocumentsAreDecoded() throws {
    let doc =
      #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"#
    let encoded = try #require(doc.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
    for text in [encoded, doc] {
      let json = """
        {"RoleDetailList":[{"Arn":"arn:aws:iam::111122223333:role/r","RoleName":"r",
          "RolePolicyList":[{"PolicyName":"p","PolicyDocument":\(try jsonString(text))}]}],
         "IsTruncated":false}
        """
      let batch = try Fixture.read(json: json)
      let s = try #require(batch.iamRoles.first?.inlinePolicies.first?.document.statements.first)
      #expect(s.effect == .deny && s.notActions == ["s3:GetObject"] && s.hasCondition)
    }
  }

  @Test func badStatementsAreRefusedWithTheirPlace() throws {
    func failure(_ statement: String) -> String {
      let json = """
        {"RoleDetailList":[{"Arn":"arn:aws:iam::111122223333:role/r",
          "RolePolicyList":[{"PolicyName":"p","PolicyDocument":{"Statement":[\(statement)]}}]}]}
        """
      return Fixture.error(Array(json.utf8)).map { "\($0)" } ?? "imported"
    }
    #expect(
      failure(#"{"Effect":"Maybe","Action":"*","Resource":"*"}"#).contains(
        "Effect must be Allow or Deny"))
    #expect(failure(#"{"Effect":"Allow","Resource":"*"}"#).contains("neither Action nor NotAction"))
    #expect(
      failure(#"{"Effect":"Allow","Action":"*"}"#).contains("neither Resource nor NotResource"))
    #expect(failure(#"{"Effect":"Allow","Action":"*","Resource":"*"}"#) == "imported")
    let place = failure(#"{"Effect":"Maybe","Action":"*","Resource":"*"}"#)
    #expect(place.contains("RoleDetailList[0]"), "\(place)")
    let noDefault =
      #"{"Policies":[{"Arn":"arn:aws:iam::1:policy/x","PolicyVersionList":[]}],"UserDetailList":[]}"#
    #expect(
      (Fixture.error(Array(noDefault.utf8)).map { "\($0)" } ?? "").contains("no default version"))
    let notRole = #"{"RoleDetailList":[{"Arn":"arn:aws:iam::1:user/u"}]}"#
    #expect(
      (Fixture.error(Array(notRole.utf8)).map { "\($0)" } ?? "").contains("not an IAM role ARN"))
  }

  func jsonString(_ text: String) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: [text]), as: UTF8.self)
      .dropFirst().dropLast().description
  }
}
