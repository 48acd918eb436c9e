/// Finds where a setting named by a path was written, for run-time messages that name a
/// setting (e.g. the origin of a NaN, `Simulation.NonFiniteOrigin`).
///
/// Paths: `BLOCK.SETTING` (`illness.cost`, `identification.include_below`,
/// `relocation.moves_when`), `poverty_line` and other top-level settings,
/// `population.ATTRIBUTE`, `population.GROUP.ATTRIBUTE`, `income_growth`,
/// `income_growth.GROUP`, `end_of_year.ATTRIBUTE`, `BLOCK.on_join.ATTRIBUTE`,
/// `BLOCK.next_year.ATTRIBUTE`, `start_of_year.ATTRIBUTE`, and a guard `….ATTRIBUTE.when`.
public enum SettingLocation {
  /// The range of the statement that defines `path`, or nil when it is not written in the
  /// file (a default value, or an option's override).
  /// - Complexity: O(statements in the file).
  public static func range(of path: String, in syntax: ScenarioSyntax) -> SourceRange? {
    let parts = path.split(separator: ".").map(String.init)
    guard let head = parts.first else { return nil }
    for item in syntax.items {
      switch item {
      case .field(let field):
        if parts.count == 1 && field.name.value == head { return field.range }
      case .population(let population):
        guard head == "population" else { continue }
        if parts.count == 2, let attribute = population.attributes.first(where: { $0.name.value == parts[1] }) { return attribute.range }
        if parts.count == 3, let group = population.groups.first(where: { $0.name.value == parts[1] }),
          let attribute = group.attributes.first(where: { $0.name.value == parts[2] })
        {
          return attribute.range
        }
      case .growth(let growth):
        guard head == "income_growth" else { continue }
        if growth.group?.value == (parts.count == 2 ? parts[1] : nil) { return growth.range }
      case .yearEnd(let effects):
        if head == (effects.timing == .startOfYear ? "start_of_year" : "end_of_year"), let range = guardedEffect(parts.dropFirst(), in: effects) {
          return range
        }
      case .block(let block):
        guard block.pathName == head, parts.count >= 2 else { continue }
        for blockItem in block.items {
          switch blockItem {
          case .field(let field):
            if parts.count == 2 && field.name.value == parts[1] { return field.range }
          case .effects(let list):
            let timing: String
            switch list.timing {
            case .onJoin: timing = "on_join"
            case .nextYear: timing = "next_year"
            case .endOfYear: timing = "end_of_year"
            case .startOfYear: timing = "start_of_year"
            }
            if parts.count >= 3, parts[1] == timing, let range = guardedEffect(parts.dropFirst(2), in: list) { return range }
          case .years, .parameter, .names: continue
          }
        }
      case .years, .parameter, .option, .sweep: continue
      }
    }
    return nil
  }

  /// `ATTRIBUTE` (the first update of it in `list`) or `ATTRIBUTE.when` (its first guard).
  private static func guardedEffect(_ parts: ArraySlice<String>, in list: EffectListSyntax) -> SourceRange? {
    guard let target = parts.first, parts.count <= 2 else { return nil }
    if parts.count == 2 {
      guard parts.last == "when" else { return nil }
      return list.effects.first { $0.target.value == target && $0.condition != nil }?.condition?.range
    }
    return list.effects.first { $0.target.value == target }?.range
  }
}
