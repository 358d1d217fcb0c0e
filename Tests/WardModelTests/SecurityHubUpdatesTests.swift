import Testing

@testable import WardModel

@Suite struct SecurityHubWorkflowTests {
  @Test func everyStateMapsAsDocumented() {
    let expected: [TriageState: (String, String?)] = [
      .new: ("NEW", nil), .acknowledged: ("NOTIFIED", nil), .inProgress: ("NOTIFIED", nil),
      .resolved: ("RESOLVED", nil), .falsePositive: ("RESOLVED", "FALSE_POSITIVE"),
      .riskAccepted: ("SUPPRESSED", nil), .suppressed: ("SUPPRESSED", nil),
    ]
    #expect(Set(expected.keys) == Set(TriageState.allCases))
    for (state, (status, verification)) in expected {
      #expect(SecurityHubWorkflow.status(for: state) == status, "\(state)")
      #expect(SecurityHubWorkflow.verificationState(for: state) == verification, "\(state)")
    }
  }

  @Test func readingAStatusAndWritingItBackAgree() {
    for status in ["NEW", "NOTIFIED", "SUPPRESSED", "RESOLVED"] {
      let state = try! #require(SecurityHubWorkflow.state(forStatus: status.lowercased()))
      #expect(SecurityHubWorkflow.status(for: state) == status)
    }
    #expect(SecurityHubWorkflow.state(forStatus: "DEFERRED") == nil)
  }
}

@Suite struct SecurityHubNoteTests {
  @Test func textSaysStateReasonNoteAndUntil() {
    #expect(
      SecurityHubNote.text(
        state: .riskAccepted, reason: "vendor fix due", note: "owner on leave",
        until: 1_803_859_200) == "risk-accepted: vendor fix due — owner on leave (until 2027-03-01)"
    )
    #expect(
      SecurityHubNote.text(state: .acknowledged, reason: nil, note: nil, until: nil)
        == "acknowledged")
    #expect(SecurityHubNote.text(state: .new, reason: nil, note: nil, until: nil) == nil)
  }

  @Test func longTextIsCutAtTheUTF16LimitWithoutSplittingAnEmoji() {
    // "new: " is 5 units; 253 emoji of 2 units each = 506; total 511, so one more emoji
    // (513) does not fit whole with the ellipsis.
    let reason = String(repeating: "🛡", count: 300)
    let text = try! #require(
      SecurityHubNote.text(state: .new, reason: reason, note: nil, until: nil))
    #expect(text.utf16.count <= SecurityHubNote.textLimit)
    #expect(text.hasSuffix("…"))
    #expect(text.hasPrefix("new: 🛡"))
    #expect(text.dropLast().allSatisfy { $0 == "🛡" || "new: ".contains($0) })
    #expect(text.utf16.count == 5 + 253 * 2 + 1)
    // No lone surrogate: the text survives a round trip through UTF-8.
    #expect(String(decoding: Array(text.utf8), as: UTF8.self) == text)
  }

  @Test func textExactlyAtTheLimitIsKeptWhole() {
    let reason = String(repeating: "a", count: 512 - "suppressed: ".utf16.count)
    let text = SecurityHubNote.text(state: .suppressed, reason: reason, note: nil, until: nil)
    #expect(text?.utf16.count == 512)
    #expect(text?.hasSuffix("a") == true)
    let over = SecurityHubNote.text(state: .suppressed, reason: reason + "b", note: nil, until: nil)
    #expect(over?.utf16.count == 512)
    #expect(over?.hasSuffix("a…") == true)
  }

  @Test func combinedCharactersAreNotSplit() {
    // "e" + combining acute is one character of 2 units.
    let text = SecurityHubNote.truncated(String(repeating: "e\u{301}", count: 10), toUTF16: 6)
    #expect(text == "e\u{301}e\u{301}…")
  }

  @Test func updatedByIsTheOperatorCutTo128() {
    #expect(SecurityHubNote.updatedBy("alice") == "alice")
    #expect(SecurityHubNote.updatedBy(nil) == "ward")
    #expect(SecurityHubNote.updatedBy("   ") == "ward")
    let long = SecurityHubNote.updatedBy(String(repeating: "ø", count: 200))
    #expect(long.utf16.count == 128 && long.hasSuffix("…"))
  }
}

@Suite struct SecurityHubUpdatesTests {
  static func decision(
    _ n: Int, state: TriageState = .riskAccepted, seen: String? = "NEW",
    region: String = "us-east-1", by: String? = "alice", reason: String? = "vendor fix due",
    since: Set<TriageState>? = nil, decidedAt: EpochSeconds = 2_000,
    changedAt: EpochSeconds? = nil, inWindow: Bool = true, verification: String? = nil
  ) -> SecurityHubDecision {
    SecurityHubDecision(
      findingId: String(format: "shub-%04d", n),
      ref: SourceRef(
        system: SourceRef.securityHub,
        id: "arn:aws:securityhub:\(region):111122223333:subscription/x/finding/\(n)",
        productArn: "arn:aws:securityhub:\(region)::product/aws/securityhub",
        workflowStatus: seen, verificationState: verification),
      state: state, reason: reason, until: state == .riskAccepted ? 1_803_859_200 : nil,
      decidedBy: by, decidedAt: decidedAt, sourceChangedAt: changedAt,
      statesSinceSeen: since ?? (by == "import" ? [] : [state]), inWindow: inWindow)
  }

  @Test func aHundredAndOneSameDecisionsAreTwoRequests() {
    let plan = SecurityHubUpdates.plan((0..<201).map { Self.decision($0) })
    #expect(plan.requests.map(\.identifiers.count) == [100, 100, 1])
    #expect(plan.identifierCount == 201)
    #expect(Set(plan.requests.flatMap(\.identifiers).map(\.id)).count == 201)
    let r = plan.requests[0]
    #expect(r.status == "SUPPRESSED" && r.verificationState == nil)
    #expect(r.noteText == "risk-accepted: vendor fix due (until 2027-03-01)")
    #expect(r.updatedBy == "alice")
    #expect(plan.skipped.isEmpty)
  }

  @Test func requestsNeverMixRegionsNotesOrOperators() {
    let plan = SecurityHubUpdates.plan([
      Self.decision(1), Self.decision(2, region: "us-west-2"), Self.decision(3, by: "bob"),
      Self.decision(4, reason: "other"), Self.decision(5),
    ])
    #expect(plan.requests.count == 4)
    #expect(plan.requests.map(\.region) == ["us-east-1", "us-east-1", "us-east-1", "us-west-2"])
    #expect(plan.requests[0].identifiers.count == 2)
    for r in plan.requests {
      #expect(r.identifiers.allSatisfy { $0.productArn.contains(":\(r.region)::") })
    }
  }

  @Test func falsePositiveSetsVerificationAndLeavingOneClearsIt() {
    let fp = SecurityHubUpdates.plan([Self.decision(1, state: .falsePositive)]).requests
    #expect(fp.map(\.status) == ["RESOLVED"] && fp.map(\.verificationState) == ["FALSE_POSITIVE"])
    // Security Hub holds a false positive that Ward reopened: UNKNOWN clears it.
    let back = SecurityHubUpdates.plan([
      Self.decision(2, state: .new, seen: "RESOLVED", verification: "FALSE_POSITIVE")
    ]).requests
    #expect(back.map(\.status) == ["NEW"] && back.map(\.verificationState) == ["UNKNOWN"])
    // A false positive Ward sent earlier (since the last import) is cleared too.
    let undone = SecurityHubUpdates.plan([
      Self.decision(3, state: .new, seen: "NEW", since: [.falsePositive, .new])
    ]).requests
    #expect(undone.map(\.verificationState) == ["UNKNOWN"])
  }

  @Test func skipsWhatSecurityHubAlreadyHoldsOrSaidItself() {
    let plan = SecurityHubUpdates.plan([
      // Imported as SUPPRESSED: Security Hub's own state.
      Self.decision(1, state: .suppressed, seen: "SUPPRESSED", by: "import"),
      // Ward suppressed it and Security Hub shows SUPPRESSED since.
      Self.decision(2, state: .suppressed, seen: "SUPPRESSED"),
      // acknowledged and NOTIFIED are the same thing.
      Self.decision(3, state: .acknowledged, seen: "NOTIFIED"),
      // Outside --since.
      Self.decision(4, inWindow: false),
      // Security Hub changed it (at 3000) after Ward's decision (at 2000).
      Self.decision(5, seen: "NOTIFIED", decidedAt: 2_000, changedAt: 3_000),
      // A false positive where Security Hub holds RESOLVED but not FALSE_POSITIVE: sent.
      Self.decision(6, state: .falsePositive, seen: "RESOLVED"),
      // Ward's decision after Security Hub's change: sent.
      Self.decision(7, seen: "NOTIFIED", decidedAt: 4_000, changedAt: 3_000),
    ])
    #expect(
      plan.skipped == [
        .stateFromSecurityHub: 1, .alreadyHeld: 2, .notInWindow: 1, .changedInSecurityHub: 1,
      ])
    #expect(plan.requests.flatMap(\.identifiers).map(\.id).map { $0.suffix(2) } == ["/6", "/7"])
  }

  @Test func aDecisionThatLeftAndCameBackIsSentAgain() {
    // Ward risk-accepted (maybe exported: Security Hub may hold SUPPRESSED now) then undid
    // it; the last import saw NEW, which no longer proves Security Hub holds NEW.
    let d = Self.decision(1, state: .new, seen: "NEW", reason: nil, since: [.riskAccepted, .new])
    let plan = SecurityHubUpdates.plan([d])
    #expect(plan.requests.map(\.status) == ["NEW"])
    #expect(plan.requests[0].noteText == nil)
    #expect(
      SecurityHubUpdates.skipReason(Self.decision(2, state: .new, seen: "NEW", reason: nil))
        == .alreadyHeld)
  }

  @Test func regionComesFromTheProductArn() {
    #expect(
      SourceRef(
        system: "securityhub", id: "x",
        productArn: "arn:aws:securityhub:eu-west-1::product/aws/securityhub"
      ).region
        == "eu-west-1")
    #expect(SourceRef(system: "securityhub", id: "x", productArn: "not-an-arn").region == "")
  }
}

@Suite struct SecurityHubNoteClusterTests {
  @Test func aFamilyEmojiIsKeptWholeOrDroppedWhole() {
    let family = "👩‍👩‍👧‍👦"  // 7 scalars, 11 UTF-16 units, one character
    #expect(family.utf16.count == 11 && family.count == 1)
    let text = SecurityHubNote.truncated("ab" + family + family, toUTF16: 20)
    // "ab" (2) + one family (11) + "…" (1) = 14; a second family would need 25.
    #expect(text == "ab" + family + "…")
    #expect(text.unicodeScalars.count == 2 + 7 + 1)
  }
}
