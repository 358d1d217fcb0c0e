import WardModel
import WardUI

/// The function detail's Triggers pane: every source that feeds the function, how it
/// reaches it, and who can write to it as far as Ward has read (public, not public, or
/// unknown with what was not collected).
enum FunctionTriggerLines {
  /// The pane's lines for `inventory`, wrapped to `width`.
  static func lines(_ inventory: FunctionInventory?, width: Int) -> [TextLine] {
    guard let inventory else {
      return [TextLine("function not found (or outside your scope)", style: Style(role: .error))]
    }
    var out: [TextLine] = [.heading("Triggers (\(inventory.sources.count))")]
    if inventory.sources.isEmpty {
      out.append(
        TextLine(
          "  none collected: no event source mapping, bucket notification, SNS subscription, EventBridge rule or service grant names this function",
          style: Style(fg: .role(.muted))))
    }
    for source in inventory.sources {
      out.append(
        TextLine("  " + pad(source.service, to: 7))
          .then(source.sourceArn, style: Style(attributes: .bold)))
      for how in source.via {
        out.append(TextLine("         via " + how, style: Style(fg: .role(.muted))))
      }
      let exposure = source.exposure
      let role: Role =
        switch exposure {
        case .open: .error
        case .closed: .text
        case .unknown: .muted
        }
      let mark = if case .open = exposure { "! " } else { "" }
      out.append(TextLine("         " + mark + exposure.label, style: Style(fg: .role(role))))
      if let selector = source.facts.ruleSelector, !selector.isEmpty {
        out.append(
          TextLine(
            "         rule \(source.facts.ruleState ?? "?"): \(selector)",
            style: Style(fg: .role(.muted))))
      }
    }
    return out.wrapped(width: width)
  }
}
