import Foundation
import WardModel
import WardStore

/// Checks an evidence pack offline, from its bytes alone (no store): the archive, every
/// digest in the manifest, the chain slice (numbering, links, the hash of every whole
/// event, both ends against the heads in pack.json), that decisions.jsonl is exactly the
/// slice's events on the tenant's findings in the period, and that each finding's state is
/// the one its latest state event in the slice sets.
public struct PackVerifier {
  /// How many problems are listed before the check stops.
  public static let problemLimit = 50

  private var result = PackVerification()
  private var files: [String: [UInt8]] = [:]

  private init() {}

  /// Checks `archive` (a `.tar.gz` written by ``PackWriter``).
  public static func verify(_ archive: [UInt8]) -> PackVerification {
    var verifier = PackVerifier()
    verifier.run(archive)
    return verifier.result
  }

  private var full: Bool { result.problems.count >= Self.problemLimit }

  private mutating func problem(_ file: String, _ place: String, _ reason: String) {
    if !full { result.problems.append(PackProblem(file: file, place: place, reason)) }
  }

  private mutating func problem(_ file: String, _ reason: String) {
    problem(file, "", reason)
  }

  private mutating func run(_ archive: [UInt8]) {
    guard readArchive(archive), checkManifest(), let pack = readPack() else { return }
    let chain = checkChain(pack)
    guard result.problems.isEmpty, let chain else { return }
    let findings = readFindings()
    guard let findings else { return }
    checkDecisions(chain, pack: pack, findings: findings)
    checkFindings(findings, chain: chain)
  }

  // MARK: archive and manifest

  private mutating func readArchive(_ archive: [UInt8]) -> Bool {
    let entries: [TarReader.Entry]
    do {
      entries = try TarReader.entries(try GzipCodec.decompress(archive))
    } catch let error as ArchiveError {
      problem("archive", error.place, error.reason)
      return false
    } catch {
      problem("archive", "\(error)")
      return false
    }
    for entry in entries {
      let prefix = PackFiles.folder + "/"
      guard entry.name.hasPrefix(prefix) else {
        problem("archive", "entry \(entry.name)", "is outside the \(prefix) folder")
        continue
      }
      let name = String(entry.name.dropFirst(prefix.count))
      if files[name] != nil { problem("archive", "entry \(entry.name)", "appears twice") }
      files[name] = entry.data
    }
    for name in PackFiles.all where files[name] == nil {
      problem(name, "is missing from the archive")
    }
    return result.problems.isEmpty
  }

  /// Every file but the manifest is listed once with its SHA-256, and matches it.
  private mutating func checkManifest() -> Bool {
    var listed: Set<String> = []
    for (i, bytes) in Self.lines(files[PackFiles.manifest] ?? []).enumerated() {
      let line = String(decoding: bytes, as: UTF8.self)
      let place = "line \(i + 1)"
      let parts = line.split(separator: " ", maxSplits: 1)
      guard parts.count == 2, parts[0].count == 64, parts[1].hasPrefix(" ") else {
        problem(PackFiles.manifest, place, "expected `SHA256  NAME`, got `\(line.prefix(80))`")
        continue
      }
      let digest = String(parts[0]).lowercased()
      let name = String(parts[1].dropFirst())
      guard let data = files[name] else {
        problem(PackFiles.manifest, place, "names \(name), which is not in the pack")
        continue
      }
      if !listed.insert(name).inserted {
        problem(PackFiles.manifest, place, "names \(name) a second time")
      }
      let actual = SHA256Hex.of(data)
      if actual != digest {
        problem(
          name,
          "its SHA-256 is \(actual) but \(PackFiles.manifest) \(place) says \(digest) "
            + "(the file was altered)")
      }
    }
    for name in files.keys.sorted() where name != PackFiles.manifest && !listed.contains(name) {
      problem(PackFiles.manifest, "does not list \(name)")
    }
    return result.problems.isEmpty
  }

  // MARK: pack.json

  struct Pack: Decodable {
    struct Head: Decodable {
      var seq: Int64
      var hash: String
    }
    var format: String
    var tenant: String
    var from: String
    var to: String
    var periodStart: Int64
    var periodEnd: Int64
    var findings: Int
    var decisions: Int
    var chainEvents: Int
    var chainRedacted: Int
    var headBefore: Head
    var headAfter: Head
    var storeHead: Head

    enum CodingKeys: String, CodingKey {
      case format, tenant, from, to, findings, decisions
      case periodStart = "period_start_epoch"
      case periodEnd = "period_end_epoch"
      case chainEvents = "chain_events"
      case chainRedacted = "chain_redacted"
      case headBefore = "head_before"
      case headAfter = "head_after"
      case storeHead = "store_head"
    }
  }

  private mutating func readPack() -> Pack? {
    let pack: Pack
    do {
      pack = try JSONDecoder().decode(Pack.self, from: Data(files[PackFiles.pack] ?? []))
    } catch {
      problem(PackFiles.pack, "not the pack's description: \(Self.describe(error))")
      return nil
    }
    guard pack.format == PackFiles.format else {
      problem(PackFiles.pack, "format is \(pack.format), this ward reads \(PackFiles.format)")
      return nil
    }
    result.tenant = pack.tenant
    result.fromDay = pack.from
    result.toDay = pack.to
    result.headBefore = AuditHead(seq: pack.headBefore.seq, hash: pack.headBefore.hash)
    result.headAfter = AuditHead(seq: pack.headAfter.seq, hash: pack.headAfter.hash)
    result.storeHead = AuditHead(seq: pack.storeHead.seq, hash: pack.storeHead.hash)
    if pack.storeHead.seq == pack.headAfter.seq, pack.storeHead.hash != pack.headAfter.hash {
      problem(
        PackFiles.pack,
        "store_head and head_after are both #\(pack.storeHead.seq) but their hashes differ")
    }
    if pack.storeHead.seq < pack.headAfter.seq {
      problem(
        PackFiles.pack,
        "store_head #\(pack.storeHead.seq) is before head_after "
          + "#\(pack.headAfter.seq)")
    }
    return pack
  }

  // MARK: chain.jsonl

  /// The slice as read: whole events by seq, and the order of seqs.
  struct Chain {
    var events: [Int64: AuditEvent] = [:]
    var first: Int64 = 0
    var last: Int64 = 0
  }

  private mutating func checkChain(_ pack: Pack) -> Chain? {
    var chain = Chain()
    var expectedSeq = pack.headBefore.seq + 1
    var previousHash = pack.headBefore.hash
    var count = 0
    var redacted = 0
    guard let lines = decodeLines(PackFiles.chain, as: ChainLine.self, "not a chain event")
    else { return nil }
    for (i, line) in lines.enumerated() {
      if full { return nil }
      let place = "line \(i + 1) (seq \(line.seq))"
      count += 1
      if line.seq != expectedSeq {
        problem(
          PackFiles.chain, place,
          "seq \(line.seq) where \(expectedSeq) was expected (events removed, reordered or "
            + "inserted)")
      }
      if line.prevHash != previousHash {
        problem(
          PackFiles.chain, place,
          "prev_hash \(line.prevHash.prefix(16))… is not the hash of the event before it "
            + "(\(previousHash.prefix(16))…): the chain is broken here")
      }
      if line.redacted == true {
        redacted += 1
      } else {
        switch line.event() {
        case .failure(let error): problem(PackFiles.chain, place, error.reason)
        case .success(let event):
          let recomputed = event.recomputedHash
          if recomputed != line.hash {
            problem(
              PackFiles.chain, place,
              "altered: its content hashes to \(recomputed.prefix(16))…, not its hash "
                + "\(line.hash.prefix(16))…")
          }
          chain.events[line.seq] = event
        }
      }
      if i == 0 { chain.first = line.seq }
      chain.last = line.seq
      expectedSeq = line.seq + 1
      previousHash = line.hash
    }
    result.chainCount = count
    result.redactedCount = redacted
    if count == 0 {
      if pack.headBefore.seq != pack.headAfter.seq || pack.headBefore.hash != pack.headAfter.hash {
        problem(PackFiles.chain, "is empty but head_before and head_after differ in pack.json")
      }
    } else if chain.last != pack.headAfter.seq || previousHash != pack.headAfter.hash {
      problem(
        PackFiles.chain, "line \(count) (seq \(chain.last))",
        "the slice ends at #\(chain.last) \(previousHash.prefix(16))…, not at head_after "
          + "#\(pack.headAfter.seq) \(pack.headAfter.hash.prefix(16))… of pack.json")
    }
    if count != pack.chainEvents || redacted != pack.chainRedacted {
      problem(
        PackFiles.chain,
        "holds \(count) events (\(redacted) redacted) but pack.json says "
          + "\(pack.chainEvents) (\(pack.chainRedacted))")
    }
    return chain
  }

  // MARK: findings.jsonl

  private mutating func readFindings() -> [String: (line: Int, finding: FindingLine)]? {
    var out: [String: (line: Int, finding: FindingLine)] = [:]
    guard let lines = decodeLines(PackFiles.findings, as: FindingLine.self, "not a finding")
    else { return nil }
    for (i, f) in lines.enumerated() {
      if out[f.id] != nil {
        problem(PackFiles.findings, "line \(i + 1)", "finding \(f.id) is listed twice")
      }
      if f.tenant != result.tenant {
        problem(
          PackFiles.findings, "line \(i + 1)",
          "finding \(f.id) is of tenant \(f.tenant), not \(result.tenant)")
      }
      out[f.id] = (i + 1, f)
    }
    result.findingCount = out.count
    return result.problems.isEmpty ? out : nil
  }

  // MARK: decisions.jsonl

  /// Each decision is the slice's event of the same seq, rendered the same way; every
  /// whole event of the slice in the period is a decision; each is on a listed finding.
  private mutating func checkDecisions(
    _ chain: Chain, pack: Pack, findings: [String: (line: Int, finding: FindingLine)]
  ) {
    var seen: Set<Int64> = []
    var previous: Int64 = 0
    let lines = Self.lines(files[PackFiles.decisions] ?? [])
    for (i, text) in lines.enumerated() {
      if full { return }
      guard let seq = Self.leadingSeq(text) else {
        problem(PackFiles.decisions, "line \(i + 1)", "not a decision (JSON object with a seq)")
        continue
      }
      let place = "line \(i + 1) (seq \(seq))"
      if seq <= previous {
        problem(PackFiles.decisions, place, "out of order: seq \(seq) after \(previous)")
      }
      previous = seq
      guard let event = chain.events[seq] else {
        problem(
          PackFiles.decisions, place,
          "no whole event #\(seq) in \(PackFiles.chain) (outside the slice or redacted)")
        continue
      }
      seen.insert(seq)
      let expected = PackLines.decision(event)
      if !expected.elementsEqual(text) {
        problem(
          PackFiles.decisions, place,
          "does not match event #\(seq) of \(PackFiles.chain): "
            + Self.difference(
              String(decoding: text, as: UTF8.self), String(decoding: expected, as: UTF8.self)))
      }
      if findings[event.findingId] == nil {
        problem(
          PackFiles.decisions, place,
          "is on finding \(event.findingId), not in \(PackFiles.findings)")
      }
      if !(pack.periodStart..<pack.periodEnd).contains(event.at) {
        problem(
          PackFiles.decisions, place, "its time \(UTC.iso8601(event.at)) is outside the period")
      }
    }
    result.decisionCount = lines.count
    for seq in chain.events.keys.sorted() where !seen.contains(seq) {
      guard let event = chain.events[seq] else { continue }
      if (pack.periodStart..<pack.periodEnd).contains(event.at) {
        problem(
          PackFiles.decisions,
          "has no line for event #\(seq) of \(PackFiles.chain) (\(event.kind.rawValue) on "
            + "\(event.findingId) at \(UTC.iso8601(event.at))): a decision was removed")
      }
    }
    if lines.count != pack.decisions {
      problem(
        PackFiles.decisions, "holds \(lines.count) decisions but pack.json says \(pack.decisions)")
    }
    if findings.count != pack.findings {
      problem(
        PackFiles.findings, "holds \(findings.count) findings but pack.json says \(pack.findings)")
    }
  }

  /// Each finding's state is the `to` of its latest state event in the slice, and its
  /// `state_seq` names that event (or one after the slice when it was decided later, or
  /// one before it when the slice has no state event for it).
  private mutating func checkFindings(
    _ findings: [String: (line: Int, finding: FindingLine)], chain: Chain
  ) {
    var latest: [String: AuditEvent] = [:]
    for event in chain.events.values where event.kind == .state {
      if let known = latest[event.findingId], known.seq > event.seq { continue }
      latest[event.findingId] = event
    }
    for (id, entry) in findings.sorted(by: { $0.value.line < $1.value.line }) {
      if full { return }
      let f = entry.finding
      let place = "line \(entry.line) (finding \(id))"
      guard let event = latest[id] else {
        if let seq = f.stateSeq, (chain.first...max(chain.first, chain.last)).contains(seq),
          !chain.events.isEmpty
        {
          problem(
            PackFiles.findings, place,
            "state_seq #\(seq) is inside the slice but the slice has no state event for it")
        }
        continue
      }
      guard let seq = f.stateSeq, seq >= event.seq else {
        problem(
          PackFiles.findings, place,
          "its latest state event in the slice is #\(event.seq) but state_seq is "
            + "\(f.stateSeq.map { "#\($0)" } ?? "none")")
        continue
      }
      if seq == event.seq && event.to.rawValue != f.state {
        problem(
          PackFiles.findings, place,
          "state is \(f.state) but event #\(seq) of \(PackFiles.chain) sets \(event.to.rawValue)")
      }
      if seq > event.seq && seq <= chain.last {
        problem(
          PackFiles.findings, place,
          "state_seq #\(seq) is inside the slice but is not a state event on this finding")
      }
    }
  }

  // MARK: helpers

  /// Every line of a `.jsonl` file decoded, or nil after naming the first bad line. The
  /// lines are decoded as one JSON array (one decoder call instead of one per line); only
  /// when that fails, or finds another number of values than lines, line by line.
  private mutating func decodeLines<T: Decodable>(
    _ file: String, as type: T.Type, _ what: String
  ) -> [T]? {
    let lines = Self.lines(files[file] ?? [])
    var array: [UInt8] = [UInt8(ascii: "[")]
    array.reserveCapacity((files[file]?.count ?? 0) + 2)
    for (i, line) in lines.enumerated() {
      if i > 0 { array.append(UInt8(ascii: ",")) }
      array += line
    }
    array.append(UInt8(ascii: "]"))
    let decoder = JSONDecoder()
    if let values = try? decoder.decode([T].self, from: Data(array)), values.count == lines.count {
      return values
    }
    for (i, line) in lines.enumerated() {
      do {
        _ = try decoder.decode(T.self, from: Data(line))
      } catch {
        problem(file, "line \(i + 1)", "\(what): \(Self.describe(error))")
        return nil
      }
    }
    problem(file, "is not one JSON object per line")
    return nil
  }

  /// The lines of a text file, as bytes without their newline (empty lines skipped).
  static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    bytes.split(separator: UInt8(ascii: "\n"))
  }

  /// The seq of a decision line, which starts `{"seq":N,` (as ``PackLines`` writes it);
  /// else read from the line as JSON; nil when it has none.
  static func leadingSeq(_ line: ArraySlice<UInt8>) -> Int64? {
    let prefix = #"{"seq":"#.utf8
    if line.starts(with: prefix) {
      let digits = line.dropFirst(prefix.count).prefix { $0 != UInt8(ascii: ",") }
      if let seq = Int64(String(decoding: digits, as: UTF8.self)) { return seq }
    }
    let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
    return (object?["seq"] as? NSNumber)?.int64Value
  }

  /// The first field that differs between two JSON lines.
  static func difference(_ actual: String, _ expected: String) -> String {
    let a = (try? JSONSerialization.jsonObject(with: Data(actual.utf8)) as? [String: Any]) ?? [:]
    let e = (try? JSONSerialization.jsonObject(with: Data(expected.utf8)) as? [String: Any]) ?? [:]
    for key in Set(a.keys).union(e.keys).sorted() {
      let av = a[key].map { "\($0)" } ?? "missing"
      let ev = e[key].map { "\($0)" } ?? "missing"
      if av != ev { return "\(key) is \(av.prefix(80)), the chain says \(ev.prefix(80))" }
    }
    return "the same fields, written differently"
  }

  /// A decoding error in a sentence.
  static func describe(_ error: Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): return "no \(key.stringValue)"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      return "\(context.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type"
    case DecodingError.dataCorrupted(let context):
      return context.underlyingError.map { "\($0.localizedDescription)" } ?? "not JSON"
    default: return "\(error)"
    }
  }
}
