import WardModel
import WardStore

/// A written evidence pack: the `.tar.gz` bytes and what the audit event records of it.
public struct EvidencePack: Sendable {
  /// The gzip-compressed ustar archive.
  public var archive: [UInt8]
  /// Hex SHA-256 of MANIFEST.sha256 (which names the SHA-256 of every other file).
  public var manifestSHA256: String
  /// The record for the audit chain.
  public var record: EvidenceRecord
}

/// Builds an evidence pack from what the store read (``EvidenceContent``): the files
/// (``PackFiles``), their manifest, as a gzip-compressed ustar archive.
public enum PackWriter {
  /// Who wrote the pack and when, as pack.json records it.
  public struct Author: Sendable {
    public var actor: Operator
    public var at: EpochSeconds
    public init(actor: Operator, at: EpochSeconds) {
      self.actor = actor
      self.at = at
    }
  }

  /// The pack for `content`; `fromDay` and `toDay` are the period's days as given.
  public static func pack(
    _ content: EvidenceContent, fromDay: String, toDay: String, author: Author
  ) throws -> EvidencePack {
    let files = self.files(content, fromDay: fromDay, toDay: toDay, author: author)
    var manifest = ""
    for (name, data) in files { manifest += "\(SHA256Hex.of(data))  \(name)\n" }
    let manifestBytes = Array(manifest.utf8)
    var tar = TarWriter()
    for (name, data) in files + [(PackFiles.manifest, manifestBytes)] {
      try tar.add(name: PackFiles.folder + "/" + name, data: data, mtime: author.at)
    }
    let manifestSHA256 = SHA256Hex.of(manifestBytes)
    let record = EvidenceRecord(
      tenant: content.tenant, fromDay: fromDay, toDay: toDay,
      findingCount: content.findings.count, decisionCount: content.decisions.count,
      sliceFirst: content.chain.first?.seq, sliceLast: content.chain.last?.seq,
      manifestSHA256: manifestSHA256)
    return EvidencePack(
      archive: try GzipCodec.compress(tar.finished()), manifestSHA256: manifestSHA256,
      record: record)
  }

  /// Every file but the manifest, in archive order.
  static func files(
    _ content: EvidenceContent, fromDay: String, toDay: String, author: Author
  ) -> [(String, [UInt8])] {
    func lines(_ items: [[UInt8]]) -> [UInt8] {
      var out: [UInt8] = []
      out.reserveCapacity(items.reduce(0) { $0 + $1.count + 1 })
      for item in items {
        out += item
        out.append(UInt8(ascii: "\n"))
      }
      return out
    }
    return [
      (PackFiles.readme, Array(PackReadme.text.utf8)),
      (
        PackFiles.pack,
        packJSON(content, fromDay: fromDay, toDay: toDay, author: author)
      ),
      (
        PackFiles.findings,
        lines(content.findings.map { PackLines.finding($0, tenant: content.tenant) })
      ),
      (PackFiles.decisions, lines(content.decisions.map(PackLines.decision))),
      (PackFiles.chain, lines(content.chain.map(PackLines.chain))),
    ]
  }

  /// pack.json: what the pack is for, who wrote it, the counts and the heads, one field
  /// per line.
  static func packJSON(
    _ content: EvidenceContent, fromDay: String, toDay: String, author: Author
  ) -> [UInt8] {
    func head(_ h: AuditHead) -> JSONScalar {
      .fields([("seq", .int(h.seq)), ("hash", .string(h.hash))])
    }
    let redacted = content.chain.filter { if case .redacted = $0 { true } else { false } }.count
    let fields: [(String, JSONScalar)] = [
      ("format", .string(PackFiles.format)),
      ("tenant", .string(content.tenant)),
      ("from", .string(fromDay)),
      ("to", .string(toDay)),
      ("period_start", .string(UTC.iso8601(content.period.start))),
      ("period_end", .string(UTC.iso8601(content.period.end))),
      ("period_start_epoch", .int(content.period.start)),
      ("period_end_epoch", .int(content.period.end)),
      (
        "finding_rule",
        .string(
          "the tenant's findings first seen before period_end and last seen at or after "
            + "period_start, or with an audit event in the period")
      ),
      ("written_at", .string(UTC.iso8601(author.at))),
      (
        "written_by",
        .fields([
          ("operator", .string(author.actor.name)),
          ("address", PackLines.text(author.actor.address)),
          ("key", PackLines.text(author.actor.keyFingerprint)),
        ])
      ),
      ("findings", .int(Int64(content.findings.count))),
      ("decisions", .int(Int64(content.decisions.count))),
      ("chain_events", .int(Int64(content.chain.count))),
      ("chain_redacted", .int(Int64(redacted))),
      ("head_before", head(content.headBefore)),
      ("head_after", head(content.headAfter)),
      (
        "store_head",
        .fields([
          ("seq", .int(content.storeHead.head.seq)), ("hash", .string(content.storeHead.head.hash)),
          ("at", PackLines.text(content.storeHead.at.map(UTC.iso8601))),
          ("events", .int(content.storeHead.eventCount)),
        ])
      ),
    ]
    var out = Array("{\n".utf8)
    for (i, (key, value)) in fields.enumerated() {
      out += "  ".utf8
      JSONLine.quote(key, into: &out)
      out += ": ".utf8
      JSONLine.write(value, into: &out)
      out += (i == fields.count - 1 ? "\n" : ",\n").utf8
    }
    return out + "}\n".utf8
  }
}
