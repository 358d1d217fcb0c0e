import WardModel

extension RuleCatalogue {
  /// Marker lines around the generated section of docs/rules.md.
  public static let markdownBegin = "<!-- BEGIN GENERATED: RuleCatalogue.markdown() -->"
  public static let markdownEnd = "<!-- END GENERATED -->"

  /// The generated catalogue section of docs/rules.md: every rule (id, category, severity,
  /// title, rationale, remediation) and the detectors with their method and thresholds.
  public static func markdown() -> String {
    var out: [String] = [markdownBegin, "", "## Rule catalogue", ""]
    out.append(
      "\(all.count) rules. Severity is the catalogue default; a ladder is noted where the evidence sets it."
    )
    out.append("")
    out.append("| id | category | severity | title |")
    out.append("|---|---|---|---|")
    for e in entries {
      out.append(
        "| \(e.id) | `\(e.category.id)` | \(e.severityNote == nil ? e.severity.rawValue : "\(e.severity.rawValue) (ladder)") | \(e.title) |"
      )
    }
    for category in Category.allCases {
      out.append("")
      out.append("### \(category.title) (`\(category.id)`)")
      for e in entries where e.category == category {
        out.append("")
        out.append("#### \(e.id): \(e.title)")
        out.append("")
        out.append("- Severity: \(e.severity.rawValue)" + (e.severityNote.map { " (\($0))" } ?? ""))
        out.append("- Rationale: \(e.rationale)")
        out.append("- Remediation: \(e.remediation)")
      }
    }
    let T = DetectorThresholds.self
    out += [
      "", "## Detectors", "",
      "Hourly detectors compare each hour with the **same hour of day** over the previous \(T.hourlyBaselineDays) days (median and median absolute deviation, MAD); cost detectors compare each day with the previous \(T.dailyBaselineDays) days. Missing hours count as 0 invocations, errors, throttles and cold starts (Lambda emits no datapoint for an empty period); missing durations are skipped. A point is scored once \(T.minimumBaselineSamples) baseline values exist. Robust z = (observed − median) / max(\(T.madScale) × MAD, \(formatNumber(T.relativeSpreadFloor)) × median, floor); floor is 1 for hourly counts and durations, 0.01 for cost. Consecutive anomalous points merge into one alert; its id is `StableID.make(\"alert\", [kind, subject, start])`, and `end` is empty while the run reaches the newest period.",
      "",
      "| kind | series | fires when (all of) | severity |",
      "|---|---|---|---|",
      "| `invocation-spike` | invocations per hour | z ≥ \(formatNumber(T.robustZ)); observed ≥ \(formatNumber(T.spikeRatio)) × median; observed − median ≥ \(formatNumber(T.spikeMinExcess)) | by ratio to median: ≥ 20 critical, ≥ 10 high, ≥ 4 medium, else low |",
      "| `error-burst` | errors per hour | z ≥ \(formatNumber(T.robustZ)); errors ≥ \(formatNumber(T.errorMinCount)); errors ≥ \(formatPercent(T.errorMinShare)) of invocations; ≥ \(formatNumber(T.errorRatio)) × median | high when ≥ 50% of invocations fail, else medium |",
      "| `throttle-storm` | throttles per hour | z ≥ \(formatNumber(T.robustZ)); throttles ≥ \(formatNumber(T.throttleMinCount)); ≥ \(formatPercent(T.throttleMinShare)) of attempts (invocations + throttles); ≥ \(formatNumber(T.throttleRatio)) × median | high when throttles ≥ invocations, else medium |",
      "| `duration-regression` | p99 duration (else average) per hour | z ≥ \(formatNumber(T.robustZ)); ≥ \(formatNumber(T.durationRatio)) × median; ≥ \(formatNumber(T.durationMinInvocations)) invocations in the hour; run of ≥ \(T.durationMinHours) hours | medium when the run lasts ≥ 24 h, else low |",
      "| `cold-start-surge` | cold starts per hour | z ≥ \(formatNumber(T.robustZ)); cold starts ≥ \(formatNumber(T.coldStartMinCount)); ≥ \(formatNumber(T.coldStartRatio)) × median | by ratio, as invocation-spike |",
      "| `cost-anomaly` (function) | cost per day, by function ARN or name | z ≥ \(formatNumber(T.robustZ)); ≥ \(formatNumber(T.costRatio)) × median; ≥ median + \(formatNumber(T.functionCostMinExcess)) | by ratio, as invocation-spike |",
      "| `cost-anomaly` (tenant, denial of wallet) | cost per day, by tenant | z ≥ \(formatNumber(T.robustZ)); ≥ \(formatNumber(T.costRatio)) × median; ≥ median + \(formatNumber(T.tenantCostMinExcess)) | by ratio, as invocation-spike |",
      "", markdownEnd,
    ]
    return out.joined(separator: "\n") + "\n"
  }
}
