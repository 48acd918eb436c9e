import ScenarioLanguage
import XCTest

/// Scenarios with many options: every option is checked (in parallel above a threshold),
/// and options and diagnostics come out in the order written, as with a few options.
final class ManyOptionsTests: XCTestCase {
  private typealias Fixture = ScenarioFixture

  private func scenarioText(options: Int, broken: Set<Int> = []) -> String {
    var body = "programme subsidy cash { amount 100 yuan per household }\n"
    for index in 0..<options {
      let path = broken.contains(index) ? "cash.amuont" : "cash.amount"
      body += "option \"o\(index)\" { \(path) = \(100 + index) }\n"
    }
    return Fixture.minimal(body: body)
  }

  func testManyOptionsKeepTheirOrderAndOwnValues() throws {
    let scenario = try Fixture.scenario(scenarioText(options: 200))
    XCTAssertEqual(scenario.options.map(\.name), (0..<200).map { "o\($0)" })
    for (index, option) in scenario.options.enumerated() {
      guard case .subsidy(let amount) = option.rules.programmes[0].kind else { return XCTFail("not a subsidy") }
      XCTAssertEqual(amount, .constant(Double(100 + index)), "option \(index)")
    }
  }

  func testErrorsOfManyOptionsAreAllReportedInFileOrder() {
    let text = scenarioText(options: 60, broken: [3, 41, 59])
    let diagnostics = Fixture.diagnostics(text)
    XCTAssertEqual(diagnostics.map(\.id), ["unknown-parameter", "unknown-parameter", "unknown-parameter"])
    let expected = [3, 41, 59].map { Fixture.range(of: "option \"o\($0)\" { cash.amuont", in: text).end - "cash.amuont".utf8.count }
    XCTAssertEqual(diagnostics.map(\.range.start), expected)
  }

  func testParallelAndSequentialChecksAgree() throws {
    // Below the threshold options are checked on one thread; the same options above it,
    // in parallel, must give the same rules.
    let few = try Fixture.scenario(scenarioText(options: 10))
    let many = try Fixture.scenario(scenarioText(options: 40))
    XCTAssertEqual(few.options.map(\.rules.programmes), Array(many.options.prefix(10)).map(\.rules.programmes))
  }
}
