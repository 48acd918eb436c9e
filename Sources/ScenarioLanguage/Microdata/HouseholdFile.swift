import Foundation

/// Finds and reads the household file a scenario names in `population from "…"`.
///
/// The path is resolved against the scenario file's folder (or the folder a library user
/// passes); absolute paths and `~` are refused, so that a scenario moved with its data keeps
/// working and reads only files beside it or below a folder it names with `..`. Only the one
/// named regular file is read (never a folder, device or pipe), and only up to
/// `maximumBytes`.
public enum HouseholdFile {
  /// Household files larger than this are refused before reading (1 GiB).
  public static let maximumBytes = 1 << 30

  /// The path a scenario's `population from "…"` names, resolved against `directory`.
  public static func resolve(_ written: String, in directory: String) -> String {
    if directory.isEmpty || directory == "." { return written }
    return directory.hasSuffix("/") ? directory + written : directory + "/" + written
  }

  /// The folder of a scenario path (`.` for a bare file name).
  public static func directory(ofScenario path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let folder = String(path[..<slash])
    return folder.isEmpty ? "/" : folder
  }

  /// Why a named file cannot be used, or nil when the name is acceptable.
  static func problem(withName written: String) -> (message: String, hint: String)? {
    if written.isEmpty { return ("the household file name is empty", "write the CSV file's path relative to the scenario, e.g. `\"data/households.csv\"`") }
    if written.hasPrefix("/") || written.hasPrefix("~") || written.hasPrefix("\\") || (written.count > 1 && Array(written)[1] == ":") {
      return (
        "`\(written)` is an absolute path; household files are named relative to the scenario file",
        "move the data next to the scenario (e.g. into `data/`) and write `\"data/\(written.split(separator: "/").last.map(String.init) ?? "households.csv")\"`"
      )
    }
    return nil
  }

  /// Reads the file at `path` (already resolved): its bytes, or why it cannot be read.
  static func bytes(atPath path: String, written: String) -> Result<[UInt8], HouseholdTableProblem> {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return .failure(HouseholdTableProblem(line: 0, message: "household file `\(written)` does not exist (looked for `\(path)`)"))
    }
    guard !isDirectory.boolValue else { return .failure(HouseholdTableProblem(line: 0, message: "`\(written)` is a folder, not a household file")) }
    // A symbolic link is followed to the file it names.
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    guard let attributes = try? manager.attributesOfItem(atPath: target) else {
      return .failure(HouseholdTableProblem(line: 0, message: "household file `\(written)` cannot be read"))
    }
    guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
      return .failure(HouseholdTableProblem(line: 0, message: "`\(written)` is not a regular file"))
    }
    if let size = (attributes[.size] as? NSNumber)?.int64Value, size > Int64(maximumBytes) {
      return .failure(
        HouseholdTableProblem(
          line: 0,
          message: "household file `\(written)` is \(MemorySize.text(Double(size))); household files are limited to \(MemorySize.text(Double(maximumBytes)))"))
    }
    guard manager.isReadableFile(atPath: target), let data = manager.contents(atPath: target) else {
      return .failure(HouseholdTableProblem(line: 0, message: "household file `\(written)` cannot be read (permission denied?)"))
    }
    return .success([UInt8](data))
  }
}
