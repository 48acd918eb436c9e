import Foundation
import ScenarioLanguage
import XCTest

/// The rendered diagnostics of a corpus of broken scenarios, compared with golden files.
///
/// Each `Golden/diagnostics/NAME.scenario` is a small scenario with one or a few mistakes;
/// `NAME.expected` is the full output of the renderer for it, as `policysim check` prints
/// it. Re-record with `RECORD_SNAPSHOTS=1 swift test --filter DiagnosticGoldenTests`.
final class DiagnosticGoldenTests: XCTestCase {
  private static let folder = "diagnostics"

  private func corpus() throws -> [(name: String, source: SourceFile)] {
    let names = try GoldenFile.bundledFiles(in: Self.folder, withExtension: "scenario")
    return try names.map { name in (name, SourceFile(path: name, text: try GoldenFile.bundledText(name, in: Self.folder))) }
  }

  private func rendered(_ source: SourceFile) -> (text: String, diagnostics: [Diagnostic]) {
    let diagnostics = ScenarioChecker.check(source: source).diagnostics
    return (DiagnosticRenderer(sources: [source]).render(diagnostics), diagnostics)
  }

  func testCorpusIsThere() throws {
    let corpus = try corpus()
    XCTAssertGreaterThanOrEqual(corpus.count, 15)
    let expected = try GoldenFile.bundledFiles(in: Self.folder, withExtension: "expected")
    if !GoldenFile.isRecording {
      XCTAssertEqual(
        expected.map { $0.replacingOccurrences(of: ".expected", with: "") },
        corpus.map { $0.name.replacingOccurrences(of: ".scenario", with: "") },
        "each scenario has its golden file and no golden file is left over")
    }
  }

  func testRenderedDiagnosticsMatchGoldenFiles() throws {
    for (name, source) in try corpus() {
      let golden = name.replacingOccurrences(of: ".scenario", with: ".expected")
      try GoldenFile.assertMatches(rendered(source).text, golden: golden, in: Self.folder)
    }
  }

  /// Every scenario of the corpus is broken: it has errors and no checked scenario.
  func testEveryCorpusScenarioHasErrors() throws {
    for (name, source) in try corpus() {
      let result = ScenarioChecker.check(source: source)
      XCTAssertNil(result.scenario, name)
      XCTAssertTrue(result.diagnostics.contains { $0.severity == .error }, name)
      XCTAssertLessThanOrEqual(result.diagnostics.count, 10, "\(name) should stay small: one or a few mistakes")
    }
  }

  /// Each diagnostic renders as a `file:line:column:` header, the source line, a caret line
  /// under the range and, when the checker gives one, a hint; then one count line.
  func testEachDiagnosticHasHeaderSourceLineCaretAndHint() throws {
    for (name, source) in try corpus() {
      let (text, diagnostics) = rendered(source)
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      XCTAssertEqual(lines.popLast(), "", "\(name): output ends with a newline")
      let errors = diagnostics.filter { $0.severity == .error }.count
      XCTAssertEqual(lines.popLast(), errors == 1 ? "1 error generated." : "\(errors) errors generated.", name)

      var position = 0
      for diagnostic in diagnostics {
        let (line, column) = source.lineAndColumn(of: diagnostic.range.start)
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        guard position + 3 <= lines.count else { return XCTFail("\(name): output too short") }

        XCTAssertEqual(lines[position], "\(name):\(line):\(column): error: \(diagnostic.message)", name)
        XCTAssertEqual(lines[position + 1], " \(gutter) | \(source.lineText(line).replacingOccurrences(of: "\t", with: " "))", name)
        let caretLine = lines[position + 2]
        XCTAssertTrue(caretLine.hasPrefix(" \(pad) | "), "\(name): \(caretLine)")
        let marker = caretLine.dropFirst(pad.count + 4)
        let leading = marker.prefix { $0 == " " }.count
        XCTAssertEqual(leading, column - 1, "\(name): the caret stands under column \(column)")
        let underline = marker.dropFirst(leading)
        XCTAssertTrue(underline.hasPrefix("^"), "\(name): \(caretLine)")
        XCTAssertTrue(underline.dropFirst().allSatisfy { $0 == "~" }, "\(name): \(caretLine)")
        position += 3
        if let hint = diagnostic.hint {
          XCTAssertEqual(lines[position], " \(pad) = hint: \(hint)", name)
          position += 1
        }
      }
      XCTAssertEqual(position, lines.count, "\(name): nothing but diagnostics and the count line")
    }
  }

  /// Checking the corpus twice gives the same output (no dependence on hashing order).
  func testOutputIsDeterministic() throws {
    for (name, source) in try corpus() {
      XCTAssertEqual(rendered(source).text, rendered(source).text, name)
    }
  }
}
