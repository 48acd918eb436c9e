import ScenarioLanguage
import XCTest

/// `sweep PATH from A to B step S`, `sweep PATH over (…)` and `--sweep`: the options they
/// make, their names, values and overrides, and the mistakes they report.
final class SweepTests: XCTestCase {
  private typealias Fixture = ScenarioFixture

  private let programme = "  programme subsidy support { amount 500 yuan per person  eligible when registered }\n"

  private func options(_ scenario: Scenario) -> [String] { scenario.options.map(\.name) }

  // MARK: - Parsing

  func testParsesARangeAndAList() throws {
    let text = Fixture.minimal(body: programme + "  sweep support.amount from 100 to 500 step 200\n  sweep identification.detect over (80%, 90%)")
    var parser = Parser(source: SourceFile(path: "t", text: text))
    let items = parser.parseScenario()?.items ?? []
    XCTAssertEqual(parser.diagnostics.map(\.id), [])
    let sweeps = items.compactMap { item -> SweepSyntax? in if case .sweep(let sweep) = item { return sweep } else { return nil } }
    XCTAssertEqual(sweeps.map(\.path.value), ["support.amount", "identification.detect"])
    guard case .range(let from, let to, let step) = sweeps[0].values, case .list(let values) = sweeps[1].values else { return XCTFail() }
    XCTAssertEqual([from, to, step].map(\.kind), [.number(100, unit: nil), .number(500, unit: nil), .number(200, unit: nil)])
    XCTAssertEqual(values.count, 2)
    XCTAssertEqual(sweeps[0].range, Fixture.range(of: "sweep support.amount from 100 to 500 step 200", in: text))
  }

  func testAListSeparatesValuesAtEveryComma() throws {
    let scenario = try Fixture.scenario(Fixture.minimal(body: programme + "  sweep support.amount over (100,200)"))
    XCTAssertEqual(options(scenario), ["baseline", "support.amount=100", "support.amount=200"])
  }

  // MARK: - The options made

  func testARangeMakesOneOptionPerValueOnTheBaseline() throws {
    let text = Fixture.minimal(
      body: programme + """
          identification { detect 90% of poor }
          option base baseline { identification.detect = 95% }
          option other { support.amount = 900 }
          sweep support.amount from 100 to 500 step 200
        """)
    let scenario = try Fixture.scenario(text)
    XCTAssertEqual(options(scenario), ["base", "other", "support.amount=100", "support.amount=300", "support.amount=500"])
    XCTAssertEqual(scenario.sweptParameters, ["support.amount"])
    XCTAssertEqual(scenario.baselineIndex, 0)
    XCTAssertEqual(scenario.options.map(\.sweptValues), [[:], [:], ["support.amount": 100], ["support.amount": 300], ["support.amount": 500]])
    // The baseline's overrides come first, then the swept value.
    XCTAssertEqual(scenario.options[3].overrides, ["identification.detect = 95%", "support.amount = 300"])
    XCTAssertEqual(scenario.options[3].rules.identification.detect, .constant(0.95))
  }

  func testARangeEndsAtTheLastValueNotAboveIt() throws {
    let scenario = try Fixture.scenario(Fixture.minimal(body: programme + "  sweep support.amount from 100 to 600 step 200"))
    XCTAssertEqual(options(scenario), ["baseline", "support.amount=100", "support.amount=300", "support.amount=500"])
  }

  func testDecimalStepsGiveTheWrittenDecimals() throws {
    let scenario = try Fixture.scenario(
      Fixture.minimal(body: "  identification { detect 90% of poor }\n  sweep identification.detect from 10% to 30% step 10%"))
    XCTAssertEqual(options(scenario), ["baseline", "identification.detect=10%", "identification.detect=20%", "identification.detect=30%"])
    XCTAssertEqual(scenario.options.compactMap { $0.sweptValues["identification.detect"] }, [0.1, 0.2, 0.3])
  }

  func testTwoSweepsMakeEveryCombinationFirstSweepSlowest() throws {
    let text = Fixture.minimal(
      body: programme + """
          identification { detect 90% of poor }
          sweep support.amount over (100, 200)
          sweep identification.detect over (80%, 90%)
        """)
    let scenario = try Fixture.scenario(text)
    XCTAssertEqual(
      options(scenario),
      [
        "baseline", "support.amount=100, identification.detect=80%", "support.amount=100, identification.detect=90%",
        "support.amount=200, identification.detect=80%", "support.amount=200, identification.detect=90%",
      ])
    XCTAssertEqual(scenario.sweptParameters, ["support.amount", "identification.detect"])
    XCTAssertEqual(scenario.options[2].sweptValues, ["support.amount": 100, "identification.detect": 0.9])
  }

  func testWithoutSweepsNothingIsSwept() throws {
    let scenario = try Fixture.scenario(Fixture.minimal(body: programme))
    XCTAssertEqual(scenario.sweptParameters, [])
    XCTAssertEqual(scenario.options.map(\.sweptValues), [[:]])
  }

  func testAValueIsCheckedLikeAnOverride() {
    let text = Fixture.minimal(body: programme + "  sweep support.amount over (10%, -5)")
    let diagnostics = Fixture.diagnostics(text)
    XCTAssertEqual(diagnostics.map(\.id), ["unit-mismatch", "out-of-range"])
    XCTAssertEqual(diagnostics[0].range, Fixture.range(of: "10%", in: text))
    XCTAssertEqual(diagnostics[1].range, Fixture.range(of: "-5", in: text))
  }

  func testValuesOutOfRangeAreReportedWhereWritten() {
    let text = Fixture.minimal(body: "  identification { detect 90% of poor }\n  sweep identification.detect from 60% to 180% step 40%")
    let diagnostics = Fixture.diagnostics(text)
    XCTAssertEqual(
      diagnostics.map(\.message), ["`identification.detect` is 140%, outside 0% to 100%", "`identification.detect` is 180%, outside 0% to 100%"])
    XCTAssertEqual(diagnostics[0].range, Fixture.range(of: "60% to 180% step 40%", in: text), "an inner value: the whole range")
    XCTAssertEqual(diagnostics[1].range, Fixture.range(of: "180%", in: text), "the last value: `to`")
  }

  func testSharedSettingsCannotBeSwept() {
    let diagnostics = Fixture.diagnostics(Fixture.minimal(body: "  sweep seed over (1, 2)"))
    XCTAssertEqual(diagnostics.map(\.id), ["override-not-allowed"])
  }

  func testASweepOptionNameMayNotBeTaken() {
    let text = Fixture.minimal(body: programme + "  option \"support.amount=100\" {}\n  sweep support.amount over (100)")
    XCTAssertEqual(Fixture.diagnostics(text).map(\.id), ["duplicate-name"])
  }

  func testAnEmptyListIsRefused() {
    XCTAssertEqual(Fixture.diagnostics(Fixture.minimal(body: programme + "  sweep support.amount over ()")).map(\.id), ["empty-sweep"])
  }

  func testTwoSweepsOfMoreThanAThousandCombinationsAreRefused() {
    let text = Fixture.minimal(body: programme + "  sweep support.amount from 1 to 100 step 1\n  sweep poverty_line from 1 to 11 step 1")
    let diagnostics = Fixture.diagnostics(text)
    XCTAssertEqual(diagnostics.map(\.message), ["the two sweeps make 1100 combinations, more than 1000"])
  }

  func testAThousandValuesAreAllowed() throws {
    let scenario = try Fixture.scenario(Fixture.minimal(body: programme + "  sweep support.amount from 1 to 1000 step 1"))
    XCTAssertEqual(scenario.options.count, 1001)
    XCTAssertEqual(scenario.options.last?.name, "support.amount=1000")
  }

  // MARK: - Discount

  func testDiscountIsZeroByDefaultAndSetOrOverridden() throws {
    XCTAssertEqual(try Fixture.scenario(Fixture.minimal()).discountRate, 0)
    let text = Fixture.minimal(body: "  discount 3% per year")
    XCTAssertEqual(try Fixture.scenario(text).discountRate, 0.03)
    XCTAssertEqual(try Fixture.scenario(text, settings: ["discount=5%"]).discountRate, 0.05)
  }

  func testDiscountMistakes() {
    XCTAssertEqual(Fixture.diagnostics(Fixture.minimal(body: "  discount 3 yuan")).map(\.id), ["unit-mismatch"])
    XCTAssertEqual(Fixture.diagnostics(Fixture.minimal(body: "  discount -1%")).map(\.id), ["out-of-range"])
    XCTAssertEqual(Fixture.diagnostics(Fixture.minimal(body: "  option a { discount = 5% }")).map(\.id), ["override-not-allowed"])
  }

  // MARK: - The command line

  private func commandLine(_ text: String) -> (CommandLineSweep?, [Diagnostic]) {
    let (sweep, _, diagnostics) = CommandLineSweep.parse(commandLine: text)
    return (sweep, diagnostics)
  }

  func testCommandLineRangeAndList() throws {
    let range = try XCTUnwrap(commandLine("support.amount=100:500:200").0)
    XCTAssertEqual(range.file, "--sweep support.amount=100:500:200")
    XCTAssertEqual(range.syntax.path.value, "support.amount")
    XCTAssertEqual(range.syntax.path.range, SourceRange(start: 0, end: 14))
    guard case .range(let from, _, let step) = range.syntax.values else { return XCTFail() }
    XCTAssertEqual(from.range, SourceRange(start: 15, end: 18), "offsets into the text as given")
    XCTAssertEqual(step.kind, .number(200, unit: nil))
    let list = try XCTUnwrap(commandLine("identification.detect=80%,90%,95%").0)
    guard case .list(let values) = list.syntax.values else { return XCTFail() }
    let numbers = values.map { value -> Double? in if case .number(let number, _) = value.kind { return number } else { return nil } }
    XCTAssertEqual(numbers, [0.8, 0.9, 0.95])
    XCTAssertEqual(values.count, 3)
  }

  func testCommandLineMistakes() {
    XCTAssertEqual(commandLine("support.amount").1.map(\.id), ["expected-assignment"])
    XCTAssertEqual(commandLine("support.amount=1:2").1.map(\.id), ["expected-sweep-values"])
    XCTAssertEqual(commandLine("support.amount=1,,2").1.map(\.id), ["expected-number"])
    XCTAssertEqual(commandLine("=1,2").1.map(\.id), ["expected-name"])
  }

  func testCommandLineSweepsReplaceTheFilesSweeps() throws {
    let text = Fixture.minimal(body: programme + "  sweep support.amount over (100, 200)")
    let sweep = try XCTUnwrap(commandLine("support.amount=300:500:100").0)
    let result = ScenarioChecker.check(source: SourceFile(path: "t", text: text), sweeps: [sweep])
    let scenario = try XCTUnwrap(result.scenario)
    XCTAssertEqual(options(scenario), ["baseline", "support.amount=300", "support.amount=400", "support.amount=500"])
  }

  func testCommandLineValueErrorsPointIntoTheArgument() throws {
    let sweep = try XCTUnwrap(commandLine("support.amout=1,2").0)
    let result = ScenarioChecker.check(source: SourceFile(path: "t", text: Fixture.minimal(body: programme)), sweeps: [sweep])
    XCTAssertEqual(result.diagnostics.map(\.file), ["--sweep support.amout=1,2"])
    XCTAssertEqual(result.diagnostics.map(\.hint), ["did you mean `support.amount`?"])
    XCTAssertEqual(result.diagnostics.first?.range, SourceRange(start: 0, end: 13))
  }
}
