import WardModel

/// ce get-cost-and-usage and get-cost-and-usage-with-resources.
enum CostReader {
  /// Cost metrics in order of preference.
  static let metricPreference = [
    "UnblendedCost", "NetUnblendedCost", "AmortizedCost", "BlendedCost",
  ]

  /// Tag keys whose value names the function (`Function$orders-api`).
  static let functionTagKeys: Set<String> = [
    "function", "functionname", "function-name", "function_name", "lambda:function-name",
    "lambda:functionname", "aws:lambda:function-name",
  ]

  static func read(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-ce-get-cost-and-usage")
    let definitions = try value.array("GroupDefinitions") ?? []
    let groupTypes: [(type: String, key: String)] = try definitions.map {
      (try $0.string("Type") ?? "", try $0.string("Key") ?? "")
    }
    for period in try value.required("ResultsByTime").array() {
      let startValue = try period.required("TimePeriod").required("Start")
      let startText = try startValue.string()
      guard let start = UTC.parse(startText) else {
        throw startValue.failure("not a date: \"\(startText)\"")
      }
      let day = UTC.dayFloor(start)
      let groups = try period.array("Groups") ?? []
      if groups.isEmpty {
        guard let total = try period.object("Total"), let (amount, unit) = try pick(total) else {
          continue
        }
        batch.costs.append(
          CostSample(
            account: context.account, service: "Total", day: day, amount: amount, currency: unit))
        continue
      }
      for group in groups {
        let keys = try group.required("Keys").array().map { try $0.string() }
        var account = context.account
        var service: String? = nil
        var function: String? = nil
        for (k, key) in keys.enumerated() {
          let def = k < groupTypes.count ? groupTypes[k] : (type: "DIMENSION", key: "")
          switch (def.type, def.key) {
          case ("DIMENSION", "LINKED_ACCOUNT"): account = key
          case ("DIMENSION", "SERVICE"): service = key
          case ("DIMENSION", "RESOURCE_ID"):
            function = ARN(key)?.unqualifiedLambdaARN ?? key
          case ("TAG", _):
            let parts = key.split(separator: "$", maxSplits: 1, omittingEmptySubsequences: false)
            let tagKey = parts.count == 2 ? String(parts[0]) : def.key
            let tagValue = parts.count == 2 ? String(parts[1]) : key
            if functionTagKeys.contains(tagKey.lowercased())
              || functionTagKeys.contains(def.key.lowercased())
            {
              function = tagValue.isEmpty ? nil : (ARN(tagValue)?.unqualifiedLambdaARN ?? tagValue)
            }
          default: break
          }
        }
        guard let metrics = try group.object("Metrics"), let (amount, unit) = try pick(metrics)
        else {
          continue
        }
        let serviceName = service ?? (function != nil ? "AWS Lambda" : "Total")
        batch.costs.append(
          CostSample(
            account: account, service: serviceName, function: function, day: day, amount: amount,
            currency: unit))
      }
    }
    return batch
  }

  /// The preferred cost metric's amount (a string in Cost Explorer) and unit.
  static func pick(_ metrics: JSONValue) throws -> (Double, String)? {
    for name in metricPreference {
      guard let m = try metrics.object(name) else { continue }
      let amountValue = try m.required("Amount")
      let text =
        try amountValue.kind == .number ? String(amountValue.double()) : amountValue.string()
      guard let amount = Double(text) else {
        throw amountValue.failure("not an amount: \"\(text)\"")
      }
      guard amount.isFinite, ValueDomain.amounts.contains(amount) else {
        throw amountValue.failure(
          "amount \(text) is out of range (Ward accepts 0 to 1e12; credits and refunds are not per-function cost)"
        )
      }
      return (amount, try m.string("Unit") ?? "USD")
    }
    return nil
  }
}
