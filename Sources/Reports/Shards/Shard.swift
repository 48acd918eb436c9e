import Foundation
import Simulation

/// A results folder written by `policysim run … --replications A..<B`: its manifest and the
/// per-replication values of `replications.csv`, read back exactly.
public struct Shard: Sendable {
  /// The folder's path as given.
  public let path: String
  /// Its `manifest.json`.
  public let manifest: RunManifest
  /// The replications held.
  public let replications: Range<Int>
  /// Metric names, in column order.
  public let metrics: [String]
  /// Each option's swept values by path, read from the swept-value columns.
  public let sweptValues: [[String: Double]]
  /// Values laid out as `ReplicationResults.values`: `[replication][option][year][metric]`.
  public let values: [Double]

  /// Reads the shard at `path`.
  /// - Throws: `MergeError` naming the folder and file when something is missing or malformed.
  public init(folder path: String) throws(MergeError) {
    func read(_ name: String) throws(MergeError) -> Data {
      guard let data = FileManager.default.contents(atPath: (path as NSString).appendingPathComponent(name)) else {
        throw MergeError("\(path): no \(name); shards are written by 'policysim run … --replications A..<B'")
      }
      return data
    }
    let manifestData = try read("manifest.json")
    let manifest: RunManifest
    do {
      manifest = try JSONDecoder().decode(RunManifest.self, from: manifestData)
    } catch {
      throw MergeError("\(path)/manifest.json: not a PolicySim manifest (\(error))")
    }
    guard let bounds = manifest.replicationRange, bounds.count == 2, bounds[0] >= 0, bounds[0] < bounds[1] else {
      throw MergeError("\(path)/manifest.json: no replication_range; run the shard with '--replications A..<B'")
    }
    self.path = path
    self.manifest = manifest
    self.replications = bounds[0]..<bounds[1]
    let table: CSVReader
    do {
      table = try CSVReader(text: String(decoding: try read(ReplicationTable.fileName), as: UTF8.self))
    } catch let error as MergeError {
      throw error
    } catch {
      throw MergeError("\(path)/\(ReplicationTable.fileName): \(error)")
    }
    let swept = manifest.sweptParameters
    let fixed = 1 + swept.count + 2
    guard table.header.count > fixed, Array(table.header.prefix(fixed)) == ["option"] + swept + ["replication", "year"] else {
      throw MergeError("\(path)/\(ReplicationTable.fileName): unexpected header (\(table.header.prefix(fixed).joined(separator: ",")))")
    }
    metrics = Array(table.header.dropFirst(fixed))
    let options = manifest.options.map(\.name)
    let years = Array(manifest.firstYear...manifest.lastYear)
    let expectedRows = replications.count * options.count * years.count
    guard table.rows.count == expectedRows else {
      throw MergeError("\(path)/\(ReplicationTable.fileName): \(table.rows.count) rows where \(expectedRows) were expected")
    }
    var values: [Double] = []
    values.reserveCapacity(expectedRows * metrics.count)
    var sweptValues = [[String: Double]](repeating: [:], count: options.count)
    var index = 0
    for replication in replications {
      for (option, name) in options.enumerated() {
        for year in years {
          let row = table.rows[index]
          index += 1
          let line = index + 1
          guard row.count == table.header.count, row[0] == name, row[1 + swept.count] == String(replication),
            row[2 + swept.count] == String(year)
          else {
            throw MergeError(
              "\(path)/\(ReplicationTable.fileName): line \(line) should hold option '\(name)', replication \(replication), year \(year)")
          }
          for (offset, parameter) in swept.enumerated() where !row[1 + offset].isEmpty {
            guard let value = ReplicationTable.parse(row[1 + offset]) else {
              throw MergeError("\(path)/\(ReplicationTable.fileName): line \(line): '\(row[1 + offset])' is not a number")
            }
            sweptValues[option][parameter] = value
          }
          for cell in row.dropFirst(fixed) {
            guard let value = ReplicationTable.parse(cell) else {
              throw MergeError("\(path)/\(ReplicationTable.fileName): line \(line): '\(cell)' is not a number")
            }
            values.append(value)
          }
        }
      }
    }
    self.sweptValues = sweptValues
    self.values = values
  }
}
