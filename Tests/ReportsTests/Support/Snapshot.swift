import Foundation
import XCTest

/// Golden files (snapshots) under `Tests/ReportsTests/Golden/`.
///
/// `RECORD_SNAPSHOTS=1 swift test` rewrites them in the source tree (found from this file's
/// path) instead of comparing; the test then fails once to say so, and passes on the next
/// run. Comparison reads the copy bundled with the test target (`resources: [.copy("Golden")]`).
enum Snapshot {
  /// Whether this run records snapshots.
  static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

  /// The golden folder in the source tree.
  static var sourceFolder: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Golden")
  }

  /// The golden folder bundled with the tests, falling back to the source tree.
  static var bundledFolder: URL {
    if let resources = Bundle.module.resourceURL?.appendingPathComponent("Golden"),
      FileManager.default.fileExists(atPath: resources.path)
    {
      return resources
    }
    return sourceFolder
  }

  /// Compares `text` byte for byte with the golden file `name` (or records it).
  static func assertMatches(
    _ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let bytes = Data(text.utf8)
    if isRecording {
      let url = sourceFolder.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try bytes.write(to: url)
      XCTFail(
        "recorded \(url.path); run again without RECORD_SNAPSHOTS to compare", file: file,
        line: line)
      return
    }
    let url = bundledFolder.appendingPathComponent(name)
    guard let golden = FileManager.default.contents(atPath: url.path) else {
      XCTFail(
        "no golden file \(url.path); record it with RECORD_SNAPSHOTS=1 swift test", file: file,
        line: line)
      return
    }
    guard golden != bytes else { return }
    let expected = String(decoding: golden, as: UTF8.self).components(separatedBy: "\r\n")
    let actual = text.components(separatedBy: "\r\n")
    let first =
      zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(expected.count, actual.count)
    let shown = { (lines: [String]) in
      first < lines.count ? lines[first].debugDescription : "(end of file)"
    }
    XCTFail(
      """
      \(name) differs from its golden file at record \(first + 1) (\(golden.count) bytes expected, \(bytes.count) written):
        golden: \(shown(expected))
        actual: \(shown(actual))
      If the change is intended, re-record with RECORD_SNAPSHOTS=1 swift test.
      """, file: file, line: line)
  }
}
