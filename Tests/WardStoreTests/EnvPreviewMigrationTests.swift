import Testing
import WardModel

@testable import WardStore

/// Migration 5 removes the value characters that older imports kept in plain previews.
@Suite struct EnvPreviewMigrationTests {
  @Test func plainPreviewsFromOlderImportsKeepOnlyTheLength() throws {
    let temp = TempStore()
    var function = T.function("orders")
    function.environment = [
      EnvironmentVariable(
        name: "MODE", fingerprint: "sha256:00", preview: "production-eu", secretKind: nil,
        entropy: 3, length: 13),
      EnvironmentVariable(
        name: "DB_PASSWORD", fingerprint: "sha256:01", preview: "***(8)",
        secretKind: .namedCredential, entropy: 3, length: 8),
      EnvironmentVariable(
        name: "EMPTY", fingerprint: "sha256:02", preview: "(empty)", secretKind: nil,
        entropy: 0, length: 0),
    ]
    try temp.open().apply(T.batch { $0.functions = [function] }, now: T.now)
    // As a store written before migration 5 looks.
    let raw = RawConnection(path: temp.path)
    raw.rewind(
      to: Schema.migrations.firstIndex(of: EnvPreviewSchema.plainPreviewsKeepOnlyTheLength)!)
    let store = try temp.open()
    let env = try #require(try store.function(arn: function.arn)?.function.environment)
    let previews = Dictionary(uniqueKeysWithValues: env.map { ($0.name, $0.preview) })
    #expect(previews == ["MODE": "…(13)", "DB_PASSWORD": "***(8)", "EMPTY": "(empty)"])
  }
}
