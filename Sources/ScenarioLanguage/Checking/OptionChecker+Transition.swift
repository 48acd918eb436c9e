/// `exit { … }`, `transition { … }`, `monitoring { … }` and `programme training`: their
/// settings, checks and the household variables they introduce.
extension OptionChecker {
  /// The keywords of the blocks checked here (each at most once per scenario).
  static let transitionKeywords: Set<String> = ["exit", "transition", "monitoring"]

  /// The settings of the exit, transition and monitoring blocks.
  static func transitionSettings(for keyword: String) -> [SettingSpec] {
    switch keyword {
    case "exit":
      return [SettingSpec(name: "when", expected: .condition), SettingSpec(name: "for", expected: .count(.years))]
    case "transition":
      return [SettingSpec(name: "share", expected: .share)]
    default:
      return [
        SettingSpec(name: "marginal_below", expected: .money(allowed: [.person, nil])), SettingSpec(name: "exited", expected: .condition),
        SettingSpec(name: "detect", expected: .share), SettingSpec(name: "delay", expected: .number),
      ]
    }
  }

  /// The settings of `programme training` (without `eligible when`).
  static var trainingSettings: [SettingSpec] {
    [
      SettingSpec(name: "cost", expected: .money(allowed: [.person, .household, nil]), required: true),
      SettingSpec(name: "employment", expected: .share),
      SettingSpec(name: "wage", expected: .money(allowed: [.household, .person, nil])),
      SettingSpec(name: "job_loss", expected: .share),
    ]
  }

  /// The training settings of a checked block. A cost `per person` is per trainee (one per
  /// household); a wage `per person` is multiplied by `size`.
  func training(_ values: [String: ValueExpression], denominators: [String: UnitSyntax.Denominator], block: BlockSyntax) -> ProgrammeRule.Training {
    var wage = values["wage"] ?? .constant(0)
    if denominators["wage"] == .person {
      wage = .binary(.multiply, wage, .attribute(attributeNames.firstIndex(of: AttributeDefinition.size) ?? 1))
    }
    return ProgrammeRule.Training(
      cost: values["cost"] ?? .constant(0), employment: values["employment"] ?? .constant(1), wage: wage,
      jobLoss: values["job_loss"] ?? .constant(0), employmentStream: "programme.\(block.pathName).employment",
      jobLossStream: "programme.\(block.pathName).job_loss")
  }

  /// Whether the scenario has a block with this keyword.
  func hasBlock(_ keyword: String) -> Bool {
    syntax.items.contains { item in
      if case .block(let block) = item { return block.keyword.value == keyword }
      return false
    }
  }

  /// `exited`, `monitored` and `years_since_exit`, known only in scenarios with an `exit`
  /// block (`monitored` with a `monitoring` block), so that older scenarios keep their names.
  func transitionVariable(_ name: String) -> TypedValue? {
    switch name {
    case "exited" where hasBlock("exit"): return TypedValue(value: .variable(.exited), type: .boolean)
    case "years_since_exit" where hasBlock("exit"): return TypedValue(value: .variable(.yearsSinceExit), type: .number)
    case "monitored" where hasBlock("exit") && hasBlock("monitoring"): return TypedValue(value: .variable(.monitored), type: .boolean)
    default: return nil
    }
  }

  /// Checks the three blocks together; nil without an `exit` block.
  mutating func checkTransition(exit: [BlockSyntax], transition: [BlockSyntax], monitoring: [BlockSyntax], programmes: [ProgrammeRule]) -> TransitionRule? {
    for extra in [exit.dropFirst(), transition.dropFirst(), monitoring.dropFirst()].joined() {
      error("duplicate-setting", "\(extra.keyword.value) is defined twice", extra.keyword.range, hint: "keep one `\(extra.keyword.value)` block")
    }
    guard let exitBlock = exit.first else {
      for block in [transition.first, monitoring.first].compactMap({ $0 }) {
        let settings = checkSettings(block, specs: Self.transitionSettings(for: block.keyword.value))
        _ = settings
        error(
          "needs-exit", "`\(block.keyword.value)` needs an `exit` block", block.keyword.range,
          hint: "without `exit { … }` the registry is drawn up anew every year and nobody exits; add e.g. `exit { when disposable >= poverty_line }`")
      }
      return nil
    }
    let exitSettings = checkSettings(exitBlock, specs: Self.transitionSettings(for: "exit"))
    let exitFor = wholeYears(exitSettings.values["for"], setting: "for", block: exitBlock, lowest: 1, default: 1)
    let when = exitSettings.values["when"] ?? .binary(.greaterEqual, .variable(.disposable), .yearly(.povertyLine))
    var window: TransitionRule.Window?
    if let block = transition.first {
      let settings = checkSettings(block, specs: Self.transitionSettings(for: "transition"))
      var kept: [Int] = []
      if let keep = settings.keep {
        for name in keep.names {
          guard let index = programmes.firstIndex(where: { $0.name == name.value }) else {
            // A programme with errors of its own is not reported again here.
            if hasProgrammeBlock(named: name.value) { continue }
            error(
              "unknown-name", "there is no programme or transfer `\(name.value)` to keep", name.range,
              hint: NameSuggestion.hint(for: name.value, among: programmes.map(\.name)) ?? "`keep` lists programmes and transfers by name")
            continue
          }
          if programmes[index].isRelocation || programmes[index].isTraining {
            error(
              "cannot-keep", "programme `\(name.value)` cannot be kept: a household joins it once", name.range,
              hint: "relocation and training cannot be kept; keep transfers, subsidies or industry support")
            continue
          }
          if kept.contains(index) {
            error("duplicate-setting", "`\(name.value)` is listed twice in `keep`", name.range, hint: "keep one")
            continue
          }
          kept.append(index)
        }
      } else {
        error(
          "missing-setting", "transition has no `keep`", block.keyword.range,
          hint: "add e.g. `keep minimum_living` inside the block: the support exited households keep")
      }
      window = TransitionRule.Window(years: settings.years, kept: kept, share: settings.values["share"] ?? .constant(1))
    }
    var rules: TransitionRule.Monitoring?
    if let block = monitoring.first {
      let settings = checkSettings(block, specs: Self.transitionSettings(for: "monitoring"))
      let delay = wholeYears(settings.values["delay"], setting: "delay", block: block, lowest: 0, default: 0)
      rules = TransitionRule.Monitoring(
        marginalBelow: settings.values["marginal_below"] ?? .yearly(.povertyLine), exited: settings.values["exited"] ?? .constant(1),
        detect: settings.values["detect"] ?? .constant(1), delay: delay, stream: "monitoring", years: settings.years)
    }
    return TransitionRule(exitYears: exitSettings.years, exitWhen: when, exitFor: exitFor, window: window, monitoring: rules)
  }

  /// Whether a programme or transfer block has this name (checked or not).
  private func hasProgrammeBlock(named name: String) -> Bool {
    syntax.items.contains { item in
      if case .block(let block) = item { return (block.keyword.value == "programme" || block.keyword.value == "transfer") && block.pathName == name }
      return false
    }
  }

  /// Where a setting's value is written in a block (the override's text is not located
  /// here; the block's keyword stands for it).
  private mutating func valueRange(of setting: String, in block: BlockSyntax) -> SourceRange {
    for item in block.items {
      if case .field(let field) = item, field.name.value == setting, override(at: "\(block.pathName).\(setting)") == nil { return field.value.range }
    }
    return block.keyword.range
  }

  /// A whole number of years known before the run, from `lowest` to 50.
  private mutating func wholeYears(_ value: ValueExpression?, setting: String, block: BlockSyntax, lowest: Int, default fallback: Int) -> Int {
    guard let value else { return fallback }
    let range = valueRange(of: setting, in: block)
    guard case .constant(let number) = value else {
      error(
        "expected-constant", "`\(block.keyword.value).\(setting)` must be a whole number of years known before the run", range,
        hint: setting == "for" ? "e.g. `for 2 years`" : "e.g. `delay 1 year`")
      return fallback
    }
    guard number.rounded() == number, number >= Double(lowest), number <= 50 else {
      // `for` is a count: `checkValue` has already said that it must be at least 1.
      if lowest == 0 || number >= 1 {
        error(
          "out-of-range", "`\(block.keyword.value).\(setting)` must be a whole number of years from \(lowest) to 50, not \(CountFormat.text(number))",
          range, hint: nil)
      }
      return fallback
    }
    return Int(number)
  }
}
