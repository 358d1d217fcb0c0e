/// The README.txt of every evidence pack: what each file is and how to check it by hand.
enum PackReadme {
  static let text = #"""
    Ward evidence pack (format ward-evidence-v1)
    ============================================

    This pack holds one tenant's findings and triage decisions for a period of whole UTC
    days, and the part of Ward's hash-chained audit log that records those decisions, so
    that you can check, without access to the posture store, that the decisions are the
    ones Ward recorded and that none was altered, removed or reordered.

    Check it with Ward (offline, nothing else needed):

        ward evidence verify PACK.tar.gz

    or by hand, as below.

    Files
    -----
    pack.json        The tenant, the period (from, to; period_start inclusive, period_end
                     exclusive), who wrote the pack and when, the counts, and three heads
                     of the audit chain: head_before (the event just before the slice),
                     head_after (the slice's last event) and store_head (the store's last
                     event when the pack was written). seq 0 with 64 zeros means "before
                     the first event".
    findings.jsonl   One JSON object per line: the tenant's findings first seen before
                     period_end and last seen at or after period_start, or with an audit
                     event in the period. Each has its current state with reason, note,
                     until, state_by, state_at, version, and state_seq: the seq of the
                     audit event that set that state (null: no state event, state new).
    decisions.jsonl  Every audit event on those findings in the period, oldest first:
                     seq, time, finding, kind (state or note), from, to, operator, SSH
                     address and key fingerprint, source, reason, note, until, policy
                     rule, batch, undoes, and the event's hash.
    chain.jsonl      The audit chain from the first decision's seq to the last one's,
                     every seq in between, one event per line, with every field the hash
                     covers (times as seconds since 1970-01-01 UTC, as hashed).
                     Events that are not on this tenant's findings (other tenants'
                     decisions, console sessions, earlier packs) are redacted: their line
                     holds only seq, "redacted": true, prev_hash and hash.
    MANIFEST.sha256  The SHA-256 of every other file, in `sha256sum` format.
    README.txt       This text.

    1. The files are the ones written
    ---------------------------------
        tar xzf PACK.tar.gz && cd ward-evidence && sha256sum -c MANIFEST.sha256

    The manifest catches damage and careless edits only: whoever can edit a file can edit
    the manifest too. What cannot be forged is the chain (2) anchored in a head recorded
    somewhere else (4). Writing the pack was itself recorded in the store's audit chain as
    an event of kind "evidence" whose note holds manifest-sha256=SHA-256 of MANIFEST.sha256
    (`sha256sum MANIFEST.sha256`), so the store's owner can show that this is the pack
    that was written.

    2. The chain slice is intact
    ----------------------------
    Line by line: seq goes up by one from head_before.seq + 1 to head_after.seq; each
    prev_hash equals the hash of the line before (the first: head_before.hash); the last
    hash equals head_after.hash; and each line that is not redacted hashes to its hash:

        hash = SHA-256( "ward-audit-v1" || field || field || ... )   (lower-case hex)

    over these fields in this order: seq, kind, finding, from, to, reason, note, until,
    operator, address, key, source, at, undoes, prev_hash; then, only when rule is not
    null: batch, rule, policy_sha256; else, only when batch is not null: batch. Each
    field is one tag byte and its value: null is 0x00; an integer (seq, until, at,
    undoes) is 0x01 then 8 bytes big-endian two's complement; a text is 0x02 then its
    UTF-8 length as 8 bytes big-endian, then the UTF-8 bytes. The same function is in
    Ward's source (Sources/WardStore/Audit/AuditHash.swift) and docs/audit.md. In Python 3:

        import hashlib, json, struct
        def i(v): return b"\0" if v is None else b"\1" + struct.pack(">q", v)
        def t(v):
            if v is None: return b"\0"
            b = v.encode("utf-8"); return b"\2" + struct.pack(">Q", len(b)) + b
        def encode(e):
            f = [i(e["seq"]), t(e["kind"]), t(e["finding"]), t(e["from"]), t(e["to"]),
                 t(e["reason"]), t(e["note"]), i(e["until"]), t(e["operator"]),
                 t(e["address"]), t(e["key"]), t(e["source"]), i(e["at"]),
                 i(e["undoes"]), t(e["prev_hash"])]
            if e["rule"] is not None: f += [t(e["batch"]), t(e["rule"]), t(e["policy_sha256"])]
            elif e["batch"] is not None: f += [t(e["batch"])]
            return b"ward-audit-v1" + b"".join(f)
        pack = json.load(open("pack.json"))
        seq, prev = pack["head_before"]["seq"], pack["head_before"]["hash"]
        for line in open("chain.jsonl"):
            e = json.loads(line); seq += 1
            assert e["seq"] == seq, ("seq", e["seq"])
            assert e["prev_hash"] == prev, ("link", e["seq"])
            if not e.get("redacted"):
                assert hashlib.sha256(encode(e)).hexdigest() == e["hash"], ("hash", e["seq"])
            prev = e["hash"]
        assert (seq, prev) == (pack["head_after"]["seq"], pack["head_after"]["hash"])
        print("chain slice intact")

    What redaction hides and what it does not: a redacted line is another tenant's (or a
    session's, or an earlier pack's) event. Its content is not in the pack, so its hash
    cannot be recomputed from the pack; its seq and both hashes are, so every link can be
    followed, and each whole event's hash covers its prev_hash, which is the hash of the
    event before it. What the pack alone cannot show is that a redacted line really is
    someone else's event (rather than one of this tenant's, removed and replaced by a line
    with the same hashes). That is shown by the store: `ward audit verify --head
    SEQ:HASH`, run by an operator who sees every tenant, with head_after (or store_head)
    from pack.json, recomputes every hash, redacted ones included, and checks that the
    store's chain still passes through that head.

    3. The decisions and states are the chain's
    -------------------------------------------
    Every line of decisions.jsonl is the chain.jsonl line of the same seq (times written
    as ISO 8601 there); every non-redacted chain line whose "at" is inside the period is
    in decisions.jsonl; and each finding's state is the "to" of its latest state event in
    the slice, which is the event its state_seq names (a state_seq after the slice means
    the finding was decided again after the period; before it, that no state event of the
    finding falls in the slice).

    4. The chain is the store's chain
    ---------------------------------
    Compare head_after or store_head with a head recorded somewhere the store's writers
    cannot reach (`ward audit head --json`, kept off the host): if the recorded head has
    a seq at or after head_after.seq, ask the store's owner to run
    `ward audit verify --head SEQ:HASH` with it: it fails if any event up to that head,
    including this slice, was changed since the head was recorded.
    """#
}
