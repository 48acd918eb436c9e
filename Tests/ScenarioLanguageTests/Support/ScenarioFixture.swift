import ScenarioLanguage
import XCTest

/// Scenario text for tests, and the front end run over it.
enum ScenarioFixture {
  /// Errors that make a fixture unusable.
  struct FixtureError: Error, CustomStringConvertible {
    var description: String
  }

  /// A valid scenario: five years, a poverty line, a population with `income` and `size`.
  ///
  /// `population` lines go inside the population block (after `income` and `size`); `body`
  /// goes after it (growth, blocks, options).
  static func minimal(population: String = "", body: String = "") -> String {
    """
    scenario "Fixture" {
      years 2016 to 2020
      poverty_line 2952 yuan per person per year
      population 1000 households {
        income ~ lognormal(median: 3400, sigma: 0.55)
        size = 4
    \(population)
      }
    \(body)
    }
    """
  }

  /// The reference county scenario of the repository.
  static var referenceCounty: String {
    get throws {
      let url = scenariosDirectory.appendingPathComponent("reference-county.scenario")
      return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }
  }

  /// `scenarios/` at the root of the package.
  static let scenariosDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // ScenarioLanguageTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root
    .appendingPathComponent("scenarios")

  /// Checks scenario text, with `--set` settings given as on the command line.
  static func check(_ text: String, settings: [String] = [], path: String = "test.scenario") -> ScenarioChecker.Result {
    let source = SourceFile(path: path, text: text)
    let overrides = settings.compactMap { ParameterOverride.parse(commandLine: $0).0 }
    precondition(overrides.count == settings.count, "a --set in a test does not parse")
    return ScenarioChecker.check(source: source, settings: overrides)
  }

  /// Checks scenario text that must check; throws with the rendered diagnostics otherwise.
  static func scenario(_ text: String, settings: [String] = []) throws -> Scenario {
    let result = check(text, settings: settings)
    guard let scenario = result.scenario else {
      throw FixtureError(description: rendered(text, result.diagnostics))
    }
    return scenario
  }

  /// The diagnostics rendered as the command line shows them (for failure messages).
  static func rendered(_ text: String, _ diagnostics: [Diagnostic], path: String = "test.scenario") -> String {
    DiagnosticRenderer(sources: [SourceFile(path: path, text: text)]).render(diagnostics)
  }

  /// The diagnostics of a scenario text.
  static func diagnostics(_ text: String, settings: [String] = []) -> [Diagnostic] {
    check(text, settings: settings).diagnostics
  }

  /// The byte range of the first occurrence of `fragment` in `text`.
  static func range(of fragment: String, in text: String) -> SourceRange {
    let bytes = Array(text.utf8)
    let needle = Array(fragment.utf8)
    for start in 0...(bytes.count - needle.count) where Array(bytes[start..<start + needle.count]) == needle {
      return SourceRange(start: start, end: start + needle.count)
    }
    preconditionFailure("`\(fragment)` is not in the text")
  }
}

/// Assertions about diagnostics, with the rendered list in the failure message.
extension XCTestCase {
  /// Asserts that exactly one diagnostic has the id and returns it.
  @discardableResult
  func assertSingle(
    _ id: String, in diagnostics: [Diagnostic], text: String, file: StaticString = #filePath, line: UInt = #line
  ) -> Diagnostic? {
    let matching = diagnostics.filter { $0.id == id }
    XCTAssertEqual(matching.count, 1, "expected one `\(id)`:\n\(ScenarioFixture.rendered(text, diagnostics))", file: file, line: line)
    return matching.first
  }

  /// Asserts that the diagnostics are exactly the given ids, in order.
  func assertIDs(_ diagnostics: [Diagnostic], _ ids: [String], text: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(diagnostics.map(\.id), ids, ScenarioFixture.rendered(text, diagnostics), file: file, line: line)
  }
}
