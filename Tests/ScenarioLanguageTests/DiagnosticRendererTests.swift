import ScenarioLanguage
import XCTest

/// How diagnostics are drawn: header, source line, caret and underline, hint, count line.
final class DiagnosticRendererTests: XCTestCase {
  private func render(_ text: String, from start: Int, to end: Int, hint: String? = nil, path: String = "x.scenario") -> String {
    let source = SourceFile(path: path, text: text)
    let diagnostic = Diagnostic(id: "test", message: "message", file: path, range: SourceRange(start: start, end: end), hint: hint)
    return DiagnosticRenderer(sources: [source]).render(diagnostic)
  }

  /// Renders a diagnostic on the first occurrence of `fragment`.
  private func render(_ text: String, under fragment: String, hint: String? = nil) -> String {
    let range = ScenarioFixture.range(of: fragment, in: text)
    return render(text, from: range.start, to: range.end, hint: hint)
  }

  func testASCIILine() {
    let text = "programme relocation {\n    subsdy 40000 yuan per household\n}\n"
    XCTAssertEqual(
      render(text, under: "subsdy", hint: "did you mean `subsidy`?"),
      """
      x.scenario:2:5: error: message
       2 |     subsdy 40000 yuan per household
         |     ^~~~~~
         = hint: did you mean `subsidy`?

      """)
  }

  func testNoHintLineWithoutAHint() {
    XCTAssertEqual(render("seed x", under: "x"), "x.scenario:1:6: error: message\n 1 | seed x\n   |      ^\n")
  }

  func testGutterWidensWithTheLineNumber() {
    let text = String(repeating: "\n", count: 11) + "seed x"
    XCTAssertEqual(render(text, under: "x"), "x.scenario:12:6: error: message\n 12 | seed x\n    |      ^\n")
  }

  func testColumnsAndCaretsCountCharactersNotBytes() {
    // `收入` is six bytes but two columns; `（` is three bytes, one column.
    let text = "let 收入 = x（y"
    XCTAssertEqual(render(text, under: "收入"), "x.scenario:1:5: error: message\n 1 | let 收入 = x（y\n   |     ^~\n")
    XCTAssertEqual(render(text, under: "（"), "x.scenario:1:11: error: message\n 1 | let 收入 = x（y\n   |           ^\n")
    XCTAssertEqual(render(text, under: "y"), "x.scenario:1:12: error: message\n 1 | let 收入 = x（y\n   |            ^\n")
  }

  func testEmojiAndCombiningCharactersCountAsScalars() {
    // Columns count Unicode scalars, as the header's column number does.
    let text = "a 😀 e\u{301} b"  // 😀 is one scalar, the accented e two
    let rendered = render(text, under: "b")
    XCTAssertTrue(rendered.hasPrefix("x.scenario:1:8: error"), rendered)
    XCTAssertTrue(rendered.hasSuffix("   |        ^\n"), rendered)
  }

  func testTabsAreShownAsOneSpaceSoCaretsLineUp() {
    let text = "population 1 households {\n\tsize\t= x\n}"
    XCTAssertEqual(render(text, under: "x"), "x.scenario:2:9: error: message\n 2 |  size = x\n   |         ^\n")
  }

  func testRangeSpanningLinesIsUnderlinedToTheEndOfTheFirstLine() {
    let text = "  group a share 30% {}\n  group b share 60% {}\n"
    let start = ScenarioFixture.range(of: "share 30%", in: text).start
    let end = ScenarioFixture.range(of: "share 60%", in: text).end
    XCTAssertEqual(
      render(text, from: start, to: end),
      "x.scenario:1:11: error: message\n 1 |   group a share 30% {}\n   |           ^~~~~~~~~~~~\n")
  }

  func testEmptyRangeGetsOneCaret() {
    XCTAssertEqual(render("years 2016", from: 5, to: 5), "x.scenario:1:6: error: message\n 1 | years 2016\n   |      ^\n")
  }

  func testPositionAtTheEndOfTheFile() {
    XCTAssertEqual(render("seed 1\n", from: 7, to: 7), "x.scenario:2:1: error: message\n 2 | \n   | ^\n")
    XCTAssertEqual(render("seed 1", from: 6, to: 6), "x.scenario:1:7: error: message\n 1 | seed 1\n   |       ^\n")
  }

  func testRangesBeyondTheTextAreClamped() {
    XCTAssertEqual(render("seed 1", from: 4, to: 100), "x.scenario:1:5: error: message\n 1 | seed 1\n   |     ^~\n")
  }

  func testCarriageReturnsAreNotShown() {
    XCTAssertEqual(render("seed 1\r\nyears x\r\n", under: "x"), "x.scenario:2:7: error: message\n 2 | years x\n   |       ^\n")
  }

  func testUnknownFileIsRenderedWithoutSourceLines() {
    let diagnostic = Diagnostic(id: "t", message: "message", file: "elsewhere", range: .point(0), hint: "a hint")
    XCTAssertEqual(DiagnosticRenderer(sources: []).render(diagnostic), "elsewhere: error: message\n  = hint: a hint\n")
  }

  func testWarningsAreLabelled() {
    let source = SourceFile(path: "w", text: "seed 1")
    let warning = Diagnostic(.warning, id: "t", message: "careful", file: "w", range: SourceRange(start: 0, end: 4))
    XCTAssertEqual(DiagnosticRenderer(sources: [source]).render(warning), "w:1:1: warning: careful\n 1 | seed 1\n   | ^~~~\n")
  }

  func testEachDiagnosticIsShownFromItsOwnSource() {
    let scenario = SourceFile(path: "a.scenario", text: "seed 1")
    let setting = SourceFile(path: "--set x=1", text: "x=1")
    let diagnostics = [
      Diagnostic(id: "t", message: "in the file", file: "a.scenario", range: SourceRange(start: 5, end: 6)),
      Diagnostic(id: "t", message: "on the command line", file: "--set x=1", range: SourceRange(start: 0, end: 1)),
    ]
    XCTAssertEqual(
      DiagnosticRenderer(sources: [scenario, setting]).render(diagnostics),
      """
      a.scenario:1:6: error: in the file
       1 | seed 1
         |      ^
      --set x=1:1:1: error: on the command line
       1 | x=1
         | ^
      2 errors generated.

      """)
  }

  func testCountLine() {
    let source = SourceFile(path: "c", text: "abc")
    let renderer = DiagnosticRenderer(sources: [source])
    func diagnostics(errors: Int, warnings: Int) -> [Diagnostic] {
      Array(repeating: Diagnostic(id: "e", message: "e", file: "c", range: .point(0)), count: errors)
        + Array(repeating: Diagnostic(.warning, id: "w", message: "w", file: "c", range: .point(0)), count: warnings)
    }
    let table: [(errors: Int, warnings: Int, line: String?)] = [
      (0, 0, nil),
      (1, 0, "1 error generated."),
      (2, 0, "2 errors generated."),
      (0, 1, "1 warning generated."),
      (0, 3, "3 warnings generated."),
      (1, 2, "1 error and 2 warnings generated."),
      (2, 1, "2 errors and 1 warning generated."),
    ]
    for (errors, warnings, line) in table {
      let text = renderer.render(diagnostics(errors: errors, warnings: warnings))
      let lines = text.split(separator: "\n").map(String.init)
      XCTAssertEqual(lines.last.flatMap { $0.hasSuffix("generated.") ? $0 : nil }, line, "\(errors) errors, \(warnings) warnings")
      XCTAssertEqual(lines.filter { $0.hasPrefix("c:1:1:") }.count, errors + warnings)
    }
    XCTAssertEqual(renderer.render([Diagnostic]()), "", "nothing at all without diagnostics")
  }

  func testCheckerDiagnosticsRenderWithTheirFilesLineAndColumn() {
    let text = "scenario \"T\" {\n  years 2016 to 2020\n  poverty_line 2952\n  population 10 households { income = 1  size = 1 }\n  sed 3\n}\n"
    let source = SourceFile(path: "t.scenario", text: text)
    let output = DiagnosticRenderer(sources: [source]).render(ScenarioChecker.check(source: source).diagnostics)
    XCTAssertEqual(
      output,
      """
      t.scenario:5:3: error: unknown setting `sed`
       5 |   sed 3
         |   ^~~
         = hint: did you mean `seed`?
      1 error generated.

      """)
  }
}
