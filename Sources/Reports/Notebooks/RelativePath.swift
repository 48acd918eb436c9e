import Foundation

/// The path from one folder to a file or folder, as a notebook refers to its results.
///
/// Why: an exported notebook must keep working when the repository is cloned elsewhere, so it
/// names the results folder relative to itself (`data/reference-county`), never absolutely.
public enum RelativePath {
  /// The path to `target` from the folder `base`; both relative to `current` unless absolute.
  /// `.` and `..` components and repeated slashes are resolved lexically (symbolic links
  /// are not followed). Gives `.` when they are the same folder.
  /// - Complexity: O(number of path components).
  public static func from(_ base: String, to target: String, current: String = FileManager.default.currentDirectoryPath) -> String {
    let baseParts = components(absolute(base, current: current))
    let targetParts = components(absolute(target, current: current))
    var shared = 0
    while shared < baseParts.count, shared < targetParts.count, baseParts[shared] == targetParts[shared] {
      shared += 1
    }
    let parts = Array(repeating: "..", count: baseParts.count - shared) + targetParts[shared...]
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }

  /// `path` made absolute against `current`.
  private static func absolute(_ path: String, current: String) -> String {
    path.hasPrefix("/") ? path : current + "/" + path
  }

  /// The components of an absolute path with `.`, `..` and empty ones resolved.
  private static func components(_ path: String) -> [String] {
    var parts: [String] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..": if !parts.isEmpty { parts.removeLast() }
      default: parts.append(String(part))
      }
    }
    return parts
  }
}
