import Foundation
import XCTest

/// Golden files (snapshots) under `Tests/ScenarioLanguageTests/Golden/`.
///
/// Tests compare against the copies bundled with the test target. With
/// `RECORD_SNAPSHOTS=1 swift test` they write the current output into the source tree
/// instead; review the change with `git diff` before committing it.
enum GoldenFile {
  /// Whether this run re-records golden files instead of comparing.
  static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

  /// `Golden/<folder>` as bundled with the tests.
  static func bundledDirectory(_ folder: String) -> URL {
    Bundle.module.resourceURL!.appendingPathComponent("Golden").appendingPathComponent(folder)
  }

  /// `Golden/<folder>` in the source tree (where recording writes).
  static func sourceDirectory(_ folder: String) -> URL {
    targetDirectory.appendingPathComponent("Golden").appendingPathComponent(folder)
  }

  private static let targetDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // ScenarioLanguageTests

  /// The names of the files in a bundled golden folder with the given extension, sorted.
  static func bundledFiles(in folder: String, withExtension pathExtension: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: bundledDirectory(folder).path)
      .filter { $0.hasSuffix("." + pathExtension) }
      .sorted()
  }

  /// The text of a bundled golden file, decoded as the command line decodes scenario files
  /// (invalid UTF-8 becomes U+FFFD).
  static func bundledText(_ name: String, in folder: String) throws -> String {
    String(decoding: try Data(contentsOf: bundledDirectory(folder).appendingPathComponent(name)), as: UTF8.self)
  }

  /// Compares `actual` with the golden file, or records it when `RECORD_SNAPSHOTS=1`.
  static func assertMatches(
    _ actual: String, golden name: String, in folder: String, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    if isRecording {
      let directory = sourceDirectory(folder)
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: directory.appendingPathComponent(name))
      return
    }
    let url = bundledDirectory(folder).appendingPathComponent(name)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      XCTFail("no golden file \(folder)/\(name); record it with `RECORD_SNAPSHOTS=1 swift test`", file: file, line: line)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard actual != expected else { return }
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let first =
      zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(actualLines.count, expectedLines.count)
    let expectedLine = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
    let actualLine = first < actualLines.count ? String(actualLines[first]) : "<end>"
    XCTFail(
      """
      \(folder)/\(name) differs at line \(first + 1):
        expected: \(expectedLine)
        actual:   \(actualLine)
      full output:
      \(actual)
      (re-record with `RECORD_SNAPSHOTS=1 swift test` if the change is intended)
      """, file: file, line: line)
  }
}
