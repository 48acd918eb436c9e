import ScenarioLanguage

/// Seeded random syntax trees of every construct, for the formatter's round-trip property.
///
/// The trees are those the parser can produce (e.g. `-5` is a negative number, never a
/// negation of `5`; `%` numbers are decimal texts divided by 100), but not necessarily
/// ones the checker accepts: the property is about syntax.
struct ScenarioGenerator {
  private var state: UInt64
  private let here = SourceRange.point(0)

  init(seed: UInt64) { state = seed }

  /// SplitMix64.
  private mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  private mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
  }

  private mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

  private mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

  private func located<T>(_ value: T) -> Located<T> { Located(value, here) }

  static let identifiers = ["income", "size", "land", "registered", "savings", "poverty_line", "remote", "plain", "x_1", "poor", "_tmp"]
  static let strings = ["white peony tea", "say \"hi\"", "back\\slash", "tab\tand", "true", "and", "年", "yuan"]
  static let fieldNames = [
    "cost", "subsidy", "grant", "probability", "reimbursed", "gain", "success", "seed", "detect", "eligible", "moves_when",
    "repayment_years", "top_up_to", "include_below", "budget", "priority",
    // Multi-word settings stored under one name (`Parser.parseField`).
    "marginal_below", "job_loss", "share_of_income", "covariate_by", "take_up", "default_when", "discount_limit", "priority_lowest",
    "priority_highest", "exempt", "hits", "finances", "loan", "term", "interest", "wage", "employment", "when", "for", "delay",
    "exited", "persistence", "sd",
  ]
  /// Settings written without a value (`covariate`, `priority random`, `priority registry
  /// order`): the parser stores `true`.
  static let valuelessNames = ["covariate", "priority_random", "priority_registry"]

  mutating func scenario() -> ScenarioSyntax {
    var items: [ScenarioItem] = []
    for _ in 0..<int(0...12) { items.append(scenarioItem()) }
    var syntax = ScenarioSyntax(name: located(chance(50) ? pick(Self.strings) : pick(Self.identifiers)), items: items, range: here)
    if chance(30) { syntax.calibrations = [calibration()] }
    return syntax
  }

  private mutating func scenarioItem() -> ScenarioItem {
    switch int(0...10) {
    case 0: return .years(years())
    case 1: return .field(field(names: ["replications", "seed", "poverty_line", "discount", "report_by"]))
    case 2: return .parameter(ParameterSyntax(name: located(pick(Self.identifiers)), value: expression(depth: 3), range: here))
    case 3: return .population(population())
    case 4:
      let value = FieldSyntax(name: located("growth"), value: expression(depth: 3), trailingUnit: chance(40) ? unit(percent: false) : nil, range: here)
      return .growth(GrowthSyntax(group: chance(50) ? located(pick(Self.identifiers)) : nil, value: value, range: here))
    case 5: return .block(block())
    case 6: return .yearEnd(effects(chance(50) ? .endOfYear : .startOfYear))
    case 7:
      let overrides = (0..<int(0...3)).map { _ in OverrideSyntax(path: located(path()), value: expression(depth: 2), range: here) }
      let name = chance(50) ? pick(Self.strings) : pick(Self.identifiers + ["baseline"])
      return .option(OptionSyntax(name: located(name), isBaseline: chance(30), overrides: overrides, range: here))
    case 8:
      let values: SweepSyntax.Values =
        chance(50)
        ? .range(from: expression(depth: 2), to: expression(depth: 2), step: expression(depth: 2))
        : .list((0..<int(0...4)).map { _ in expression(depth: 2) })
      return .sweep(SweepSyntax(path: located(path()), values: values, range: here))
    default: return .field(field(names: Self.fieldNames.filter { $0 != "include_below" }))
    }
  }

  private mutating func years() -> YearSpanSyntax {
    let first = int(1990...2040)
    return YearSpanSyntax(first: located(first), last: located(chance(20) ? first : int(1990...2040)), range: here)
  }

  private mutating func field(names: [String]) -> FieldSyntax {
    FieldSyntax(name: located(pick(names)), value: expression(depth: 3), trailingUnit: chance(25) ? unit(percent: false) : nil, range: here)
  }

  private mutating func path() -> String {
    var parts = [pick(Self.identifiers)]
    for _ in 0..<int(0...2) { parts.append(chance(20) ? String(int(1...6)) : pick(Self.identifiers)) }
    return parts.joined(separator: ".")
  }

  private mutating func population() -> PopulationSyntax {
    if chance(40) { return microdataPopulation() }
    let count = FieldSyntax(
      name: located("households"), value: expression(depth: 1), trailingUnit: chance(30) ? unit(percent: false) : nil, range: here)
    let groups = (0..<int(0...3)).map { _ in
      GroupSyntax(
        name: located(pick(Self.identifiers)),
        share: FieldSyntax(name: located("share"), value: expression(depth: 1), trailingUnit: nil, range: here),
        attributes: (0..<int(0...3)).map { _ in attribute() }, range: here)
    }
    return PopulationSyntax(count: count, groups: groups, attributes: (0..<int(0...4)).map { _ in attribute() }, range: here)
  }

  /// `population from "file" { column … weight … missing … bootstrap … }` as the parser
  /// builds it (a count of 0 standing at the file name).
  private mutating func microdataPopulation() -> PopulationSyntax {
    let count = FieldSyntax(name: located("households"), value: Expression(.number(0, unit: nil), here), trailingUnit: nil, range: here)
    let columns = (0..<int(0...3)).map { _ in
      ColumnMappingSyntax(attribute: located(pick(Self.identifiers)), header: located(pick(Self.strings)), isLabel: chance(40), range: here)
    }
    let weights = (0..<int(0...2)).map { _ in located(pick(Self.strings)) }
    let missing = (0..<int(0...2)).map { _ in
      MissingRuleSyntax(attribute: located(pick(Self.identifiers)), value: expression(depth: 2), range: here)
    }
    let bootstraps = (0..<int(0...2)).map { _ in
      BootstrapSyntax(
        keyword: here,
        count: chance(50)
          ? nil
          : FieldSyntax(name: located("bootstrap"), value: expression(depth: 2), trailingUnit: chance(30) ? unit(percent: false) : nil, range: here))
    }
    let groups = (0..<int(0...1)).map { _ in
      GroupSyntax(
        name: located(pick(Self.identifiers)),
        share: FieldSyntax(name: located("share"), value: expression(depth: 1), trailingUnit: nil, range: here),
        attributes: (0..<int(0...2)).map { _ in attribute() }, range: here)
    }
    var population = PopulationSyntax(count: count, groups: groups, attributes: (0..<int(0...3)).map { _ in attribute() }, range: here)
    population.microdata = MicrodataSyntax(
      file: located(pick(Self.strings + ["data/households.csv"])), columns: columns, weights: weights, missing: missing,
      bootstraps: bootstraps)
    return population
  }

  private mutating func attribute() -> AttributeSyntax {
    AttributeSyntax(
      name: located(pick(Self.identifiers)), definition: chance(50) ? .drawn : .derived, value: expression(depth: 3),
      trailingUnit: chance(25) ? unit(percent: false) : nil, range: here)
  }

  private mutating func block() -> BlockSyntax {
    let keyword = pick(["shock", "identification", "programme", "transfer", "exit", "transition", "monitoring", "price"])
    var kind: Located<String>?
    var name: Located<String>?
    switch keyword {
    case "programme":
      kind = located(pick(["relocation", "industry", "subsidy", "microcredit", "training"]))
      if chance(50) { name = located(pick(Self.identifiers)) }
    case "shock", "transfer", "price": name = located(pick(Self.identifiers))
    default: break
    }
    var items: [BlockItem] = []
    for _ in 0..<int(0...8) {
      switch int(0...9) {
      case 0: items.append(.years(years()))
      case 1: items.append(.parameter(ParameterSyntax(name: located(pick(Self.identifiers)), value: expression(depth: 2), range: here)))
      case 2: items.append(.effects(effects(chance(50) ? .onJoin : .nextYear)))
      case 3:
        items.append(.field(FieldSyntax(name: located("include"), value: expression(depth: 2), trailingUnit: nil, range: here)))
        items.append(.field(FieldSyntax(name: located("include_below"), value: expression(depth: 2), trailingUnit: nil, range: here)))
      case 4:
        let names = (0..<int(1...3)).map { _ in located(pick(Self.identifiers)) }
        items.append(.names(NameListSyntax(name: located("keep"), names: names, range: here)))
      case 5:
        items.append(.field(FieldSyntax(name: located(pick(Self.valuelessNames)), value: Expression(.boolean(true), here), trailingUnit: nil, range: here)))
      case 6:
        // `budget X [unit] by ATTR` / `places N by ATTR`: two fields, `by` holding a name.
        items.append(.field(field(names: ["budget", "places"])))
        if chance(60) {
          items.append(.field(FieldSyntax(name: located("by"), value: Expression(.name(pick(Self.identifiers)), here), trailingUnit: nil, range: here)))
        }
      case 7 where keyword == "price":
        // A price's own `by ATTR` line.
        items.append(.field(FieldSyntax(name: located("by"), value: Expression(.name(pick(Self.identifiers)), here), trailingUnit: nil, range: here)))
      default: items.append(.field(field(names: Self.fieldNames)))
      }
    }
    return BlockSyntax(
      keyword: located(keyword), kind: kind, name: name, title: chance(30) ? located(pick(Self.strings)) : nil, items: items, range: here)
  }

  private mutating func effects(_ timing: EffectListSyntax.Timing) -> EffectListSyntax {
    let operators: [EffectSyntax.Operator] = [.set, .add, .subtract, .multiply, .divide]
    let effects = (0..<int(0...3)).map { _ in
      var effect = EffectSyntax(target: located(pick(Self.identifiers)), operation: pick(operators), value: expression(depth: 2), range: here)
      if chance(40) { effect.condition = expression(depth: 2) }
      return effect
    }
    return EffectListSyntax(timing: timing, effects: effects, range: here)
  }

  private mutating func calibration() -> CalibrationSyntax {
    let targets = (0..<int(0...3)).map { _ in
      CalibrationTargetSyntax(
        metric: located(pick(Self.identifiers)), year: located(int(2000...2030)), observed: calibrationNumber(),
        weight: chance(40) ? calibrationNumber() : nil, scale: chance(40) ? calibrationNumber() : nil, range: here)
    }
    let free = (0..<int(0...2)).map { _ in
      FreeParameterSyntax(path: located(path()), low: calibrationNumber(), high: calibrationNumber(), range: here)
    }
    return CalibrationSyntax(targets: targets, free: free, range: here)
  }

  private mutating func calibrationNumber() -> CalibrationNumberSyntax {
    let percent = chance(50)
    let (value, _) = numberValue(percent: percent)
    return CalibrationNumberSyntax(value: value, isPercent: percent, range: here)
  }

  /// A number as the parser computes it from a random decimal text.
  private mutating func numberValue(percent: Bool) -> (Double, String) {
    let texts = ["0", "7", "85000", "0.55", "3.5", "1e-05", "2.5e20", "12.345678901234567", "0.1", "0.3", "99.99", "1e300", "4.5"]
    let text = pick(texts)
    var value = Double(text)!
    if percent { value /= 100 }
    if chance(20) { value = -value }
    return (value, text)
  }

  private mutating func unit(percent: Bool) -> UnitSyntax {
    let measures: [UnitSyntax.Measure?] = [nil, .yuan, .households, .persons, .years, .mu]
    var measure = percent ? .percent : pick(measures)
    let per = (0..<int(0...2)).map { _ in pick(UnitSyntax.Denominator.allCases) }
    if measure == nil && per.isEmpty { measure = .yuan }
    return UnitSyntax(measure: measure, per: per, range: here)
  }

  mutating func expression(depth: Int) -> Expression {
    if depth <= 0 || chance(25) { return leaf() }
    switch int(0...6) {
    case 0:
      // The parser folds `-` into a number, so negation is of something else.
      var operand = expression(depth: depth - 1)
      if case .number = operand.kind { operand = Expression(.name(pick(Self.identifiers)), here) }
      return Expression(.unary(.negate, operand), here)
    case 1: return Expression(.unary(.not, expression(depth: depth - 1)), here)
    case 2, 3:
      let operators: [Expression.BinaryOperator] = [
        .or, .and, .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual, .add, .subtract, .multiply, .divide, .of,
      ]
      return Expression(.binary(pick(operators), expression(depth: depth - 1), expression(depth: depth - 1)), here)
    case 4:
      let arguments = (0..<int(0...3)).map { _ in
        Expression.Argument(
          label: chance(50) ? located(pick(["median", "sigma", "1", "2", "mean", "sd"])) : nil, value: expression(depth: depth - 1))
      }
      return Expression(.call(located(pick(["lognormal", "uniform", "max", "min", "categorical", "normal"])), arguments), here)
    case 5:
      let entries = (0..<int(0...3)).map { _ in Expression.ScheduleEntry(year: located(int(2010...2030)), value: expression(depth: depth - 1)) }
      return Expression(.schedule(entries), here)
    default: return Expression(.indexed(base: expression(depth: depth - 1), rate: expression(depth: depth - 1)), here)
    }
  }

  private mutating func leaf() -> Expression {
    switch int(0...5) {
    case 0, 1:
      let percent = chance(40)
      let (value, _) = numberValue(percent: percent)
      return Expression(.number(value, unit: percent ? unit(percent: true) : (chance(30) ? unit(percent: false) : nil)), here)
    case 2: return Expression(.boolean(chance(50)), here)
    case 3: return Expression(.name(chance(20) ? pick(Self.strings) : pick(Self.identifiers)), here)
    case 4: return Expression(.path([pick(Self.identifiers), pick(Self.identifiers)]), here)
    default: return Expression(.name(pick(Self.identifiers)), here)
    }
  }
}
