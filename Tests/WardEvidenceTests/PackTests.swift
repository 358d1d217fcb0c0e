import Foundation
import Testing
import WardModel
import WardStore

@testable import WardEvidence

@Suite struct EvidencePackTests {
  @Test func aPackVerifiesAndHoldsTheTenantsDecisionsWithOthersRedacted() throws {
    let fixture = try TwoTenantStore()
    let pack = try fixture.pack()
    let result = PackVerifier.verify(pack.archive)
    #expect(result.problems == [])
    #expect(result.tenant == "acme")
    #expect(result.findingCount == 3)
    #expect(result.decisionCount == fixture.acmeSeqs.count)
    let first = try #require(fixture.acmeSeqs.first)
    let last = try #require(fixture.acmeSeqs.last)
    #expect(result.headBefore.seq == first - 1)
    #expect(result.headAfter.seq == last)
    #expect(result.chainCount == Int(last - first + 1))
    #expect(result.redactedCount == fixture.globexSeqsInSlice.count)
    #expect(result.storeHead.seq == (try fixture.store.auditHead().seq))
    // Nothing of globex (names, ids, operator, reasons) is in any file.
    for (name, data) in try PackSurgery.files(pack.archive) {
      let text = String(decoding: data, as: UTF8.self)
      for secret in ["globex", "gina", "ginakey", TwoTenantStore.globex, "session start"] {
        #expect(!text.contains(secret), "\(name) mentions \(secret)")
      }
    }
    // The decisions carry who, from where, with which key, why, and until when.
    let files = Dictionary(uniqueKeysWithValues: try PackSurgery.files(pack.archive))
    let decisions = String(decoding: files[PackFiles.decisions]!, as: UTF8.self)
    #expect(decisions.contains(#""operator":"alice","address":"10.0.0.7","key":"SHA256:alicekey""#))
    #expect(decisions.contains(#""reason":"compensating control""#))
    #expect(decisions.contains(#""until":"2025-12-24T16:00:00Z""#))
    #expect(decisions.contains(#""note":"ticket SEC-42""#))
    let chain = String(decoding: files[PackFiles.chain]!, as: UTF8.self)
    let redactedSeq = try #require(fixture.globexSeqsInSlice.first)
    #expect(chain.contains(#"{"seq":\#(redactedSeq),"redacted":true,"prev_hash":"#))
  }

  @Test func theRecordNamesTheManifestAndIsAppendedToTheChain() throws {
    let fixture = try TwoTenantStore()
    let pack = try fixture.pack()
    let files = Dictionary(uniqueKeysWithValues: try PackSurgery.files(pack.archive))
    #expect(pack.manifestSHA256 == SHA256Hex.of(files[PackFiles.manifest]!))
    let before = try fixture.store.auditHead().seq
    let event = try fixture.store.recordEvidence(
      pack.record, by: Operator(name: "auditor"), now: TwoTenantStore.now)
    #expect(event.seq == before + 1)
    #expect(event.kind == .evidence)
    #expect(event.note?.contains("tenant=acme from=2025-11-24 to=2025-11-24 findings=3") == true)
    #expect(event.note?.hasSuffix("manifest-sha256=\(pack.manifestSHA256)") == true)
    #expect(try fixture.store.verifyAudit().isIntact)
  }

  @Test func oneAlteredByteInTheFindingsFileFailsTheManifest() throws {
    let fixture = try TwoTenantStore()
    let altered = try PackSurgery.edit(fixture.pack().archive, fixManifest: false) { files in
      var bytes = files[PackFiles.findings]!
      let at = bytes.firstIndex(of: UInt8(ascii: "k"))!
      bytes[at] = UInt8(ascii: "K")
      files[PackFiles.findings] = bytes
    }
    let problems = PackVerifier.verify(altered).problems
    #expect(problems.count == 1)
    #expect(problems.first?.file == PackFiles.findings)
    #expect(problems.first?.reason.contains("(the file was altered)") == true)
  }

  @Test func aFindingsStateChangedWithTheManifestRedoneFailsAgainstTheChain() throws {
    let fixture = try TwoTenantStore()
    let altered = try PackSurgery.edit(fixture.pack().archive, fixManifest: true) { files in
      files[PackFiles.findings] = PackSurgery.lines(files[PackFiles.findings]!) { lines in
        let i = lines.firstIndex { $0.contains(#""id":"acme-1""#) }!
        lines[i] = lines[i].replacingOccurrences(
          of: #""state":"resolved""#, with: #""state":"false-positive""#)
      }
    }
    let problems = PackVerifier.verify(altered).problems
    #expect(problems.map(\.file) == [PackFiles.findings])
    #expect(
      problems.first?.reason.contains("state is false-positive but event #") == true,
      "\(problems)")
    #expect(problems.first?.place.contains("(finding acme-1)") == true)
  }

  @Test func oneAlteredByteInTheChainFailsItsHashEvenWithTheManifestRedone() throws {
    let fixture = try TwoTenantStore()
    let target = fixture.acmeSeqs[1]
    let altered = try PackSurgery.edit(fixture.pack().archive, fixManifest: true) { files in
      files[PackFiles.chain] = PackSurgery.lines(files[PackFiles.chain]!) { lines in
        let i = lines.firstIndex { $0.hasPrefix(#"{"seq":\#(target),"#) }!
        lines[i] = lines[i].replacingOccurrences(of: "compensating", with: "compensatinG")
      }
    }
    let problems = PackVerifier.verify(altered).problems
    #expect(problems.count == 1, "\(problems)")
    #expect(problems.first?.file == PackFiles.chain)
    #expect(problems.first?.place.contains("(seq \(target))") == true)
    #expect(problems.first?.reason.hasPrefix("altered: its content hashes to") == true)
  }

  @Test func aRemovedDecisionIsNamedEvenWithTheManifestRedone() throws {
    let fixture = try TwoTenantStore()
    let removed = fixture.acmeSeqs[2]
    let altered = try PackSurgery.edit(fixture.pack().archive, fixManifest: true) { files in
      files[PackFiles.decisions] = PackSurgery.lines(files[PackFiles.decisions]!) { lines in
        lines.removeAll { $0.hasPrefix(#"{"seq":\#(removed),"#) }
      }
    }
    let problems = PackVerifier.verify(altered).problems
    #expect(problems.map(\.file).contains(PackFiles.decisions))
    #expect(
      problems.contains {
        $0.reason.contains("no line for event #\(removed)")
          && $0.reason.contains("a decision was removed")
      },
      "\(problems)")
  }

  @Test func aDecisionRemovedFromTheChainBreaksTheSlice() throws {
    let fixture = try TwoTenantStore()
    let removed = fixture.acmeSeqs[1]
    let altered = try PackSurgery.edit(fixture.pack().archive, fixManifest: true) { files in
      files[PackFiles.chain] = PackSurgery.lines(files[PackFiles.chain]!) { lines in
        lines.removeAll { $0.hasPrefix(#"{"seq":\#(removed),"#) }
      }
    }
    let problems = PackVerifier.verify(altered).problems
    #expect(
      problems.first?.description.contains(
        "chain.jsonl line \(removed - fixture.acmeSeqs[0] + 1) (seq \(removed + 1)): seq \(removed + 1) where \(removed) was expected"
      )
        == true, "\(problems)")
  }

  @Test func twoReorderedEventsFailTheNumberingAndTheLinks() throws {
    let fixture = try TwoTenantStore()
    let altered = try PackSurgery.edit(fixture.pack().archive, fixManifest: true) { files in
      files[PackFiles.chain] = PackSurgery.lines(files[PackFiles.chain]!) { lines in
        lines.swapAt(1, 2)
      }
    }
    let problems = PackVerifier.verify(altered).problems
    let first = fixture.acmeSeqs[0]
    #expect(problems.first?.file == PackFiles.chain)
    #expect(
      problems.first?.description
        == "chain.jsonl line 2 (seq \(first + 2)): seq \(first + 2) where \(first + 1) was expected (events removed, reordered or inserted)",
      "\(problems)")
    #expect(problems.contains { $0.reason.contains("the chain is broken here") })
  }

  @Test func aDifferentHeadAfterFailsTheSliceEnd() throws {
    let fixture = try TwoTenantStore()
    let altered = try PackSurgery.edit(fixture.pack().archive, fixManifest: true) { files in
      let text = String(decoding: files[PackFiles.pack]!, as: UTF8.self)
      // The head's hash as an off-host record would have it if the slice had been rewritten.
      let last = fixture.acmeSeqs.last!
      let prefix = #""head_after": {"seq":\#(last),"hash":""#
      let start = text.range(of: prefix)!.upperBound
      let end = text.index(start, offsetBy: 64)
      files[PackFiles.pack] = Array(
        text.replacingCharacters(in: start..<end, with: String(repeating: "b", count: 64)).utf8)
    }
    let problems = PackVerifier.verify(altered).problems
    #expect(problems.map(\.file) == [PackFiles.chain], "\(problems)")
    #expect(problems.first?.reason.contains("not at head_after") == true)
  }

  @Test func aLineThatIsNotJSONIsNamedByFileAndLine() throws {
    let fixture = try TwoTenantStore()
    let altered = try PackSurgery.edit(fixture.pack().archive, fixManifest: true) { files in
      files[PackFiles.chain] = PackSurgery.lines(files[PackFiles.chain]!) { lines in
        lines[2] = String(lines[2].dropLast())
      }
      files[PackFiles.findings] = PackSurgery.lines(files[PackFiles.findings]!) { lines in
        lines[1] = lines[1] + "," + lines[1]
      }
    }
    let problems = PackVerifier.verify(altered).problems
    #expect(problems.count == 1, "\(problems)")
    #expect(problems.first?.file == PackFiles.chain)
    #expect(problems.first?.place == "line 3")
    #expect(problems.first?.reason.hasPrefix("not a chain event: ") == true)
    let findingsOnly = try PackSurgery.edit(fixture.pack().archive, fixManifest: true) { files in
      files[PackFiles.findings] = PackSurgery.lines(files[PackFiles.findings]!) { lines in
        lines[1] = lines[1] + "," + lines[1]
      }
    }
    let second = PackVerifier.verify(findingsOnly).problems
    #expect(
      second.map(\.description).first?.hasPrefix("findings.jsonl line 2: not a finding") == true,
      "\(second)")
  }

  @Test func aNonGzipFileIsOneClearProblem() {
    let problems = PackVerifier.verify(Array("not a pack".utf8)).problems
    #expect(problems.map(\.description) == ["archive byte 0: not gzip (no 1f 8b magic)"])
  }

  @Test func aScopedHandleCannotReadOrRecordAnotherTenantsPack() throws {
    let fixture = try TwoTenantStore()
    let globexOnly = fixture.store.scoped(to: .only(["globex"]))
    #expect(throws: StoreError.tenantNotFound("acme")) {
      try globexOnly.evidence(tenant: "acme", period: TwoTenantStore.period)
    }
    let record = try fixture.pack().record
    let head = try fixture.store.auditHead()
    #expect(throws: StoreError.tenantNotFound("acme")) {
      try globexOnly.recordEvidence(record, by: Operator(name: "gina"), now: TwoTenantStore.now)
    }
    #expect(try fixture.store.auditHead() == head)
    // The tenant in scope works, and an unknown tenant reads the same as an unseen one.
    #expect(
      try globexOnly.evidence(tenant: "globex", period: TwoTenantStore.period).findings.count == 3)
    #expect(throws: StoreError.tenantNotFound("initech")) {
      try fixture.store.evidence(tenant: "initech", period: TwoTenantStore.period)
    }
  }

  @Test func aPeriodWithoutDecisionsHasAnEmptySliceThatVerifies() throws {
    let fixture = try TwoTenantStore()
    let start = UTC.parse("2025-11-20")!
    let content = try fixture.store.evidence(
      tenant: "acme", period: EvidencePeriod(start: start, end: start + UTC.day))
    #expect(content.findings.isEmpty)
    #expect(content.chain.isEmpty)
    let pack = try PackWriter.pack(
      content, fromDay: "2025-11-20", toDay: "2025-11-20",
      author: PackWriter.Author(actor: Operator(name: "auditor"), at: TwoTenantStore.now))
    let result = PackVerifier.verify(pack.archive)
    #expect(result.problems == [])
    #expect(result.chainCount == 0)
    #expect(result.headAfter == (try fixture.store.auditHead()))
    // With nothing in the slice, the store's head is the slice's end: it must agree.
    let head = try fixture.store.auditHead()
    let altered = try PackSurgery.edit(pack.archive, fixManifest: true) { files in
      let text = String(decoding: files[PackFiles.pack]!, as: UTF8.self)
      files[PackFiles.pack] = Array(
        text.replacingOccurrences(
          of: #""store_head": {"seq":\#(head.seq),"hash":"\#(head.hash)""#,
          with: #""store_head": {"seq":\#(head.seq),"hash":"\#(String(repeating: "a", count: 64))""#
        ).utf8)
    }
    #expect(
      PackVerifier.verify(altered).problems.map(\.description) == [
        "pack.json: store_head and head_after are both #\(head.seq) but their hashes differ"
      ])
  }
}
