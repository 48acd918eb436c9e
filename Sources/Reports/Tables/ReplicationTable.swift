import Simulation

/// `replications.csv`: every metric of every replication, option and year — the sufficient
/// statistics of a run, from which `policysim merge` rebuilds `summary.csv` and
/// `comparison.csv` of several shards exactly.
///
/// Layout (wide, one row per replication × option × year, in that order, the order of
/// `ReplicationResults.values`): `option`, one column per swept parameter, `replication`,
/// `year`, then one column per metric in metric order. Values are written so that they read
/// back as the same `Double` (see `format`).
public enum ReplicationTable {
  /// The file's name in a results folder.
  public static let fileName = "replications.csv"

  /// The column names: `option`, swept paths, `replication`, `year`, then the metrics.
  public static func header(metrics: [String], design: RunDesign) -> [String] {
    ["option"] + design.sweptParameters + ["replication", "year"] + metrics
  }

  /// Builds the table.
  /// - Complexity: O(replications × options × years × metrics).
  public static func make(_ results: ReplicationResults, design: RunDesign = RunDesign()) -> CSVTable {
    var table = CSVTable(header: header(metrics: results.metrics, design: design))
    let sweepCells = results.options.indices.map { design.sweepCells(option: $0) }
    for replication in results.replications {
      for option in results.options.indices {
        for yearIndex in results.years.indices {
          var row = [results.options[option]] + sweepCells[option] + [String(replication), String(results.years[yearIndex])]
          for metric in results.metrics.indices {
            row.append(format(results.value(replication: replication, option: option, year: yearIndex, metric: metric)))
          }
          table.append(row)
        }
      }
    }
    return table
  }

  /// `CSVNumber.format`, except that negative zero is written `-0`, so that every value
  /// (but a NaN's payload) reads back with `Double(_:)` as the identical bit pattern.
  public static func format(_ x: Double) -> String {
    x == 0 && x.sign == .minus ? "-0" : CSVNumber.format(x)
  }

  /// Reads a value written by `format` (also `NaN`, `Inf`, `-Inf`).
  public static func parse(_ text: String) -> Double? {
    switch text {
    case "NaN": return .nan
    case "Inf": return .infinity
    case "-Inf": return -.infinity
    default: return Double(text)
    }
  }
}
