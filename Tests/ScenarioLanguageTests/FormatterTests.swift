import Foundation
import ScenarioLanguage
import XCTest

/// `ScenarioPrinter` / `ScenarioFormatter`: parse → print → parse gives the same tree, print
/// is idempotent, comments survive, for every shipped scenario and for generated trees.
final class FormatterTests: XCTestCase {
  private func parse(_ text: String, path: String = "test.scenario") -> (ScenarioSyntax?, [Diagnostic]) {
    var parser = Parser(source: SourceFile(path: path, text: text))
    let syntax = parser.parseScenario()
    return (syntax, parser.diagnostics)
  }

  private func format(_ text: String) throws -> String {
    let result = ScenarioFormatter.format(SourceFile(path: "test.scenario", text: text))
    return try XCTUnwrap(result.text, "\(result.diagnostics.map(\.message))")
  }

  private func comments(_ text: String) -> [String] {
    let source = SourceFile(path: "", text: text)
    var lexer = Lexer(source: source)
    _ = lexer.tokenize()
    return lexer.comments.map { source.text(in: $0).trimmingCharacters(in: .whitespaces) }
  }

  func testEveryShippedScenarioRoundTripsKeepsCommentsAndIsIdempotent() throws {
    let files = try FileManager.default.contentsOfDirectory(at: ScenarioFixture.scenariosDirectory, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "scenario" }.sorted { $0.path < $1.path }
    XCTAssertGreaterThanOrEqual(files.count, 4)
    for url in files {
      let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
      let (original, _) = parse(text)
      let formatted = try format(text)
      let (reparsed, problems) = parse(formatted)
      XCTAssertEqual(problems.map(\.message), [], url.lastPathComponent)
      XCTAssertEqual(reparsed.map { SyntaxShape.of($0) }, original.map { SyntaxShape.of($0) }, url.lastPathComponent)
      XCTAssertEqual(comments(formatted), comments(text), url.lastPathComponent)
      XCTAssertFalse(comments(text).isEmpty, url.lastPathComponent)
      XCTAssertEqual(try format(formatted), formatted, "not idempotent: \(url.lastPathComponent)")
    }
  }

  func testGeneratedTreesRoundTripAndPrintingIsIdempotent() {
    for seed in UInt64(1)...400 {
      var generator = ScenarioGenerator(seed: seed)
      let tree = generator.scenario()
      let printed = ScenarioPrinter.print(tree)
      let (reparsed, problems) = parse(printed)
      guard problems.isEmpty, let reparsed else {
        XCTFail("seed \(seed): \(problems.map(\.message))\n\(printed)")
        return
      }
      guard SyntaxShape.of(reparsed) == SyntaxShape.of(tree) else {
        XCTFail("seed \(seed): different tree after printing\n\(printed)\n\(SyntaxShape.of(tree))\n\(SyntaxShape.of(reparsed))")
        return
      }
      if seed == 7 && ProcessInfo.processInfo.environment["SHOW_GENERATED"] != nil { print(printed) }
      XCTAssertEqual(ScenarioPrinter.print(reparsed), printed, "seed \(seed)")
      XCTAssertEqual(try? format(printed), printed, "seed \(seed)")
    }
  }

  func testCommentsInsertedAnywhereInShippedScenariosSurvive() throws {
    let files = try FileManager.default.contentsOfDirectory(at: ScenarioFixture.scenariosDirectory, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "scenario" }.sorted { $0.path < $1.path }
    var state: UInt64 = 99
    func random(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for url in files {
      let lines = String(decoding: try Data(contentsOf: url), as: UTF8.self).components(separatedBy: "\n")
      for round in 0..<5 {
        // Comments at the end of random lines, on new lines between them, and blank lines.
        var mutated: [String] = []
        for (index, line) in lines.enumerated() {
          switch random(6) {
          case 0: mutated.append("  # own \(round).\(index)")
          case 1: mutated.append("")
          default: break
          }
          mutated.append(random(3) == 0 && !line.contains("#") ? line + "   # end \(round).\(index)  " : line)
        }
        let text = mutated.joined(separator: "\n")
        let result = ScenarioFormatter.format(SourceFile(path: url.lastPathComponent, text: text))
        let formatted = try XCTUnwrap(result.text, "\(url.lastPathComponent) round \(round): \(result.diagnostics.map(\.message))\n\(text)")
        XCTAssertEqual(comments(formatted), comments(text), "\(url.lastPathComponent) round \(round)")
        XCTAssertEqual(try format(formatted), formatted, "\(url.lastPathComponent) round \(round): not idempotent")
      }
    }
  }

  func testShapeIgnoresRangesButSeesEveryValue() {
    let a = parse("scenario \"S\" {\n  seed 7\n}\n").0
    let b = parse("scenario   S {   seed    7 }").0
    let c = parse("scenario \"S\" {\n  seed 8\n}\n").0
    let d = parse("scenario \"S\" {\n  seed -0\n}\n").0
    let e = parse("scenario \"S\" {\n  seed 0\n}\n").0
    XCTAssertEqual(a.map { SyntaxShape.of($0) }, b.map { SyntaxShape.of($0) })
    XCTAssertNotEqual(a.map { SyntaxShape.of($0) }, c.map { SyntaxShape.of($0) })
    XCTAssertNotEqual(d.map { SyntaxShape.of($0) }, e.map { SyntaxShape.of($0) })
    func shape(_ value: String) -> String? { parse("scenario \"S\" {\n  x \(value)\n}\n").0.map { SyntaxShape.of($0) } }
    let distinct = [
      "a + b", "a - b", "x * (y + z)", "x * y + z", "5 yuan", "5 mu", "5 per year", "5", "5%", "0.05", "f(a: 1)", "f(b: 1)",
      "f(1)", "not a", "-a", "schedule(2016: 1)", "schedule(2017: 1)", "a indexed 2%", "a.b", "\"a.b\"", "true", "\"true\"",
    ].map(shape)
    XCTAssertEqual(Set(distinct.compactMap { $0 }).count, distinct.count, "every value has its own shape")
    XCTAssertEqual(shape("a+b"), shape("(a) + (b)"))
    XCTAssertEqual(shape("85_000"), shape("85000"))
  }

  func testDigitGroupingAsWrittenIsKept() throws {
    let text = ScenarioFixture.minimal(
      body: "programme relocation { cost 85_000 yuan per household  subsidy 18720 yuan per household }\nlet big = 1_000_000.5")
    let formatted = try format(text)
    XCTAssertTrue(formatted.contains("cost 85_000 yuan per household"), formatted)
    XCTAssertTrue(formatted.contains("subsidy 18720 yuan per household"), formatted)
    XCTAssertTrue(formatted.contains("let big = 1_000_000.5"), formatted)
    XCTAssertEqual(try format(formatted), formatted)
  }

  func testCanonicalLayout() throws {
    let text = """
      # header

      scenario Messy {   years 2016 to 2020
        seed 7 replications 85_000
        poverty_line 2952 yuan per person per year indexed 3% per year


        population 100 households { size = 4 group remote share 30% { income ~ lognormal(median: 3400, sigma: 0.55) } }
        identification { detect 90% of poor include 5% below 1.2*poverty_line }
        programme relocation { moves when (cost - subsidy) <= savings debt repaid over 5 years on move { group = relocated } }
        transfer t { top up to 80% of poverty_line eligible registered }
        let x = -(a + b) * (c - (d - e)) / -f
        let y = not (a and b) or not c
        let z = (a indexed 2%) * 2
        cost (5) yuan    # odd but valid
        option baseline {} option "40k" baseline { relocation.subsidy = 40000 relocation.cost = 1 }
        sweep relocation.subsidy over (1,2, 3)
      }   # end
      """
    let expected = """
      # header

      scenario "Messy" {
        years 2016 to 2020
        seed 7
        replications 85_000
        poverty_line 2952 yuan per person per year indexed 3% per year

        population 100 households {
          size = 4
          group remote share 30% {
            income ~ lognormal(median: 3400, sigma: 0.55)
          }
        }
        identification {
          detect 90% of poor
          include 5% below 1.2 * poverty_line
        }
        programme relocation {
          moves when cost - subsidy <= savings
          debt repaid over 5 years
          on join { group = relocated }
        }
        transfer t {
          top up to 80% of poverty_line
          eligible when registered
        }
        let x = -(a + b) * (c - (d - e)) / -f
        let y = not (a and b) or not c
        let z = (a indexed 2%) * 2
        cost (5) yuan  # odd but valid
        option baseline {}
        option "40k" baseline {
          relocation.subsidy = 40000
          relocation.cost = 1
        }
        sweep relocation.subsidy over (1, 2, 3)
      }  # end

      """
    XCTAssertEqual(try format(text), expected)
  }

  func testCanonicalLayoutOfHouseholdFilesBlocksGuardsAndMultiWordSettings() throws {
    let text = """
      scenario "New" {
        population from "data/h.csv" { column income = income_pc  column village = "village name" label
          weight "w" missing land = 0 bootstrap
          bootstrap 384 households  tea = min(land, 3) }
        start of year { age += 1 labour -= 1 when age >= 60 }
        exit { when disposable >= poverty_line for 2 years }
        transition "four do not pick" { keep outpatient,minimum_living share 60% }
        monitoring { marginal below 1.5 * poverty_line exited true detect 90% delay 1 year }
        price grain { share of income 40% sd 12% per year by village }
        shock flood { covariate by village probability 8% hits 60% exempt 500 yuan }
        shock drought { covariate
          probability 5% }
        programme subsidy s { budget 2_000_000 yuan per year by village places 5 priority random }
        programme subsidy u { places 5
          by village priority registry order }
        programme subsidy v { budget 5 priority lowest income * size }
        programme microcredit loans { take up 60% discount limit 50000 yuan default when disposable < 0 priority highest land }
        programme training skills { job loss 10% per year }
        report by village
      }
      """
    let expected = """
      scenario "New" {
        population from "data/h.csv" {
          column income = "income_pc"
          column village = "village name" label
          weight "w"
          missing land = 0
          bootstrap
          bootstrap 384 households
          tea = min(land, 3)
        }
        start of year {
          age += 1
          labour -= 1 when age >= 60
        }
        exit {
          when disposable >= poverty_line
          for 2 years
        }
        transition "four do not pick" {
          keep outpatient, minimum_living
          share 60%
        }
        monitoring {
          marginal below 1.5 * poverty_line
          exited true
          detect 90%
          delay 1 year
        }
        price grain {
          share of income 40%
          sd 12% per year
          by village
        }
        shock flood {
          covariate by village
          probability 8%
          hits 60%
          exempt 500 yuan
        }
        shock drought {
          covariate
          probability 5%
        }
        programme subsidy s {
          budget 2_000_000 yuan per year by village
          places 5
          priority random
        }
        programme subsidy u {
          places 5 by village
          priority registry order
        }
        programme subsidy v {
          budget 5
          priority lowest income * size
        }
        programme microcredit loans {
          take up 60%
          discount limit 50000 yuan
          default when disposable < 0
          priority highest land
        }
        programme training skills {
          job loss 10% per year
        }
        report by village
      }

      """
    XCTAssertEqual(try format(text), expected)
    XCTAssertEqual(try format(expected), expected)
  }

  func testCommentsStayWithTheirStatements() throws {
    let text = """
      scenario "C" {
        # before years
        years 2016 to 2020  # after years
        population 10 households {  # on the header
          size = max(1,   # inside a call
            4)
          # last in block
        }

        # before an option, after a blank line
        option baseline {}  # trailing
      }
      # after the file
      """
    let expected = """
      scenario "C" {
        # before years
        years 2016 to 2020  # after years
        population 10 households {  # on the header
          # inside a call
          size = max(1, 4)
          # last in block
        }

        # before an option, after a blank line
        option baseline {}  # trailing
      }
      # after the file

      """
    XCTAssertEqual(try format(text), expected)
  }

  func testSyntaxErrorsAreReportedNotFormatted() {
    let result = ScenarioFormatter.format(SourceFile(path: "bad.scenario", text: "scenario \"B\" {\n  seed 7 +\n}\n"))
    XCTAssertNil(result.text)
    XCTAssertEqual(result.diagnostics.first?.id, "unexpected-token")
    let empty = ScenarioFormatter.format(SourceFile(path: "empty.scenario", text: ""))
    XCTAssertNil(empty.text)
    XCTAssertEqual(empty.diagnostics.map(\.id), ["empty-file"])
  }

  func testNumbersKeepTheirExactValue() throws {
    let text = "scenario \"N\" {\n  a 0.1\n  b 7%\n  c 0.07%\n  d 12.345678901234567%\n  e 1e-05\n  f 1.5e20\n  g -0\n  h 33.333333333333336%\n}\n"
    let formatted = try format(text)
    XCTAssertEqual(
      formatted, "scenario \"N\" {\n  a 0.1\n  b 7%\n  c 0.07%\n  d 12.345678901234567%\n  e 1e-05\n  f 1.5e+20\n  g -0\n  h 33.333333333333336%\n}\n")
  }
}

/// The fuzzer's corpus through the formatter: every input that parses without errors
/// formats (the re-parse check passes) and formatting it again changes nothing.
final class FormatterCorpusTests: XCTestCase {
  func testEveryParsableCorpusInputFormatsAndIsIdempotent() throws {
    let folder = GoldenFile.bundledDirectory("fuzz-corpus")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
    var formatted = 0
    for name in names {
      let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
      let source = SourceFile(path: name, text: String(decoding: bytes, as: UTF8.self))
      let result = ScenarioFormatter.format(source)
      XCTAssertFalse(result.diagnostics.contains { $0.id == "format-changed-meaning" }, "\(name): \(source.text)")
      guard let text = result.text else { continue }
      formatted += 1
      XCTAssertEqual(ScenarioFormatter.format(SourceFile(path: name, text: text)).text, text, "\(name): not idempotent")
    }
    XCTAssertGreaterThanOrEqual(formatted, 5)
  }
}

/// `ScenarioFormatter.verify`, the guard that keeps `fmt --write` from changing a file's
/// meaning or losing a comment if the printer has a bug.
final class FormatterGuardTests: XCTestCase {
  private let text = "scenario \"G\" {\n  seed 7  # lucky\n  replications 10\n}\n"

  private func problem(_ printed: String) throws -> Diagnostic? {
    let source = SourceFile(path: "g.scenario", text: text)
    var parser = Parser(source: source)
    let syntax = try XCTUnwrap(parser.parseScenario())
    var lexer = Lexer(source: source)
    _ = lexer.tokenize()
    return ScenarioFormatter.verify(printed, formats: syntax, source: source, comments: lexer.comments)
  }

  func testTheFormattedTextPasses() throws {
    XCTAssertNil(try problem(text))
    XCTAssertNil(try problem("scenario \"G\" { seed 7 # lucky\n replications 10 }"))
  }

  func testAChangedValueIsRefused() throws {
    let diagnostic = try XCTUnwrap(try problem("scenario \"G\" {\n  seed 8  # lucky\n  replications 10\n}\n"))
    XCTAssertEqual(diagnostic.id, "format-changed-meaning")
    XCTAssertEqual(
      DiagnosticRenderer(sources: [SourceFile(path: "g.scenario", text: text)]).render([diagnostic]),
      """
      g.scenario:1:1: error: formatting would change what the scenario says; the file is left as it is
       1 | scenario "G" {
         | ^
         = hint: this is a bug in `policysim fmt`; please report it with the file
      1 error generated.

      """)
  }

  func testALostOrChangedCommentIsRefused() throws {
    let lost = try XCTUnwrap(try problem("scenario \"G\" {\n  seed 7\n  replications 10\n}\n"))
    XCTAssertEqual(lost.message, "formatting would lose or change a comment; the file is left as it is")
    XCTAssertNotNil(try problem("scenario \"G\" {\n  seed 7  # Lucky\n  replications 10\n}\n"))
    XCTAssertNotNil(try problem("scenario \"G\" {\n  seed 7  # lucky\n  replications 10\n}\n# extra\n"))
  }

  func testTextThatDoesNotParseIsRefused() throws {
    XCTAssertEqual(try problem("scenario \"G\" {\n  seed 7  # lucky\n").map(\.id), "format-changed-meaning")
  }
}
