import ScenarioLanguage
import Simulation

/// The note of `run` that says where a NaN or infinity was first computed: the setting and
/// where it is written, the household, the year and the replication.
enum NonFiniteOriginNote {
  /// E.g. "  = note: first computed by `illness.cost` (my.scenario:37:5) for household 17 in
  /// 2017, replication 0: infinity", then the source line.
  static func text(_ origin: NonFiniteOrigin, source: SourceFile) -> String {
    var parser = Parser(source: source)
    let range = parser.parseScenario().flatMap { SettingLocation.range(of: origin.setting, in: $0) }
    let what: String
    if origin.setting.isEmpty {
      what = "the year cycle's own arithmetic"
    } else if origin.isAfterSetting {
      what = "the year cycle's own arithmetic right after `\(origin.setting)`"
    } else if origin.isUpdate {
      what = "updating the attribute with `\(origin.setting)`"
    } else {
      what = "`\(origin.setting)`"
    }
    let when = origin.isPopulation ? "when the population was drawn" : "in \(origin.year)"
    var location = ""
    var sourceLine = ""
    if let range {
      let (line, column) = source.lineAndColumn(of: range.start)
      location = " (\(source.path):\(line):\(column))"
      sourceLine = "\n \(line) | \(source.lineText(line))"
    }
    return
      "  = note: first computed by \(what)\(location) for household \(origin.household) \(when), replication \(origin.replication): \(origin.valueDescription)"
      + sourceLine
  }
}
