import Foundation
import XCTest

@testable import ScenarioLanguage

/// Options checked by carrying on from the base check (`ResumedOptionChecks`) get exactly
/// the rules and diagnostics of a full check of each (`OptionChecker.check()`), whatever
/// they override, with or without errors.
final class ResumedOptionChecksTests: XCTestCase {
  private typealias Fixture = ScenarioFixture

  /// What a comparison found: how many options there were and how many carried on from a
  /// checkpoint rather than starting from the beginning.
  private struct Outcome {
    var options = 0
    var resumed = 0
    var withErrors = 0
    /// Blocks whose check was taken over from the base check, per option.
    var replayedBlocks: [Int] = []
    /// Settings of blocks checked again whose check was taken over, per option.
    var replayedSettings: [Int] = []
  }

  /// Checks every option of `text` both ways, as `ScenarioChecker` builds them, and asserts
  /// that the results are the same.
  @discardableResult
  private func assertSameAsFullChecks(
    _ text: String, path: String = "test.scenario", settings: [String] = [], file: StaticString = #filePath, line: UInt = #line
  ) -> Outcome {
    let source = SourceFile(path: path, text: text)
    var parser = Parser(source: source)
    guard var syntax = parser.parseScenario(), parser.diagnostics.isEmpty else {
      XCTFail("\(path) does not parse: \(parser.diagnostics.map(\.message))", file: file, line: line)
      return Outcome()
    }
    var list = DiagnosticList()
    syntax.readHouseholdFiles(directory: HouseholdFile.directory(ofScenario: path), scenarioFile: path, diagnostics: &list)
    var model = syntax
    model.items.removeAll { item in
      switch item {
      case .option, .sweep: return true
      default: return false
      }
    }
    let overrides = settings.compactMap { ParameterOverride.parse(commandLine: $0).0 }
    XCTAssertEqual(overrides.count, settings.count, file: file, line: line)

    var resumed = ResumedOptionChecks(base: OptionChecker(syntax: model, file: path, overrides: overrides))
    let (base, baseRules) = resumed.checkBase()
    var full = OptionChecker(syntax: model, file: path, overrides: overrides)
    let fullRules = full.check()
    XCTAssertEqual(baseRules, fullRules, "base rules of \(path)", file: file, line: line)
    XCTAssertEqual(base.diagnostics, full.diagnostics, "base diagnostics of \(path)", file: file, line: line)
    XCTAssertEqual(base.parameterPaths, full.parameterPaths, file: file, line: line)

    var checkers: [ResumedOptionChecks.Option] = []
    for item in syntax.items {
      guard case .option(let option) = item else { continue }
      var optionOverrides = overrides.filter { setting in !option.overrides.contains { $0.path.value == setting.path.value } }
      for written in option.overrides { optionOverrides.append(ParameterOverride(path: written.path, value: written.value, file: path)) }
      let locked = ScenarioChecker.lockedPaths.filter { locked in option.overrides.contains { $0.path.value == locked } }
      checkers.append(ResumedOptionChecks.Option(overrides: optionOverrides, lockedPaths: locked, writtenPaths: Set(option.overrides.map(\.path.value))))
    }
    let counted = resumed.runCountingReplays(checkers)
    let fast = resumed.run(checkers)
    let slow = checkers.map { entry in
      var checker = OptionChecker(syntax: model, file: path, overrides: entry.overrides, lockedPaths: entry.lockedPaths)
      let rules = checker.check()
      return (rules, checker.diagnostics, checker.parameterPaths)
    }
    var outcome = Outcome(options: checkers.count)
    outcome.resumed = resumed.startingCheckpoints(checkers).filter { $0 != nil }.count
    outcome.replayedBlocks = counted.map(\.replayed)
    outcome.replayedSettings = counted.map(\.replayedSettings)
    XCTAssertEqual(fast.count, slow.count, file: file, line: line)
    XCTAssertEqual(counted.count, slow.count, file: file, line: line)
    for (index, (countedResult, slowResult)) in zip(counted, slow).enumerated() {
      XCTAssertEqual(countedResult.rules, slowResult.0, "rules of option \(index) of \(path)", file: file, line: line)
      XCTAssertEqual(countedResult.diagnostics, slowResult.1, "diagnostics of option \(index) of \(path)", file: file, line: line)
      XCTAssertEqual(countedResult.knownPaths, slowResult.2, "known paths of option \(index) of \(path)", file: file, line: line)
    }
    for (index, (fastResult, slowResult)) in zip(fast, slow).enumerated() {
      XCTAssertEqual(fastResult.0, slowResult.0, "rules of option \(index) of \(path)", file: file, line: line)
      XCTAssertEqual(fastResult.1, slowResult.1, "diagnostics of option \(index) of \(path)", file: file, line: line)
      if slowResult.0 == nil { outcome.withErrors += 1 }
    }
    return outcome
  }

  /// `text` with `options` added before its last closing brace.
  private func adding(_ options: [String], to text: String) -> String {
    guard let end = text.lastIndex(of: "}") else { return text }
    return String(text[..<end]) + options.joined(separator: "\n") + "\n" + String(text[end...])
  }

  /// The parameter paths of a scenario (as `policysim check --parameters` lists them) and its
  /// first year.
  private func parameters(_ text: String, path: String) -> ([String], Int) {
    let result = ScenarioChecker.check(source: SourceFile(path: path, text: text))
    let first = result.scenario?.options.first?.rules.firstYear ?? 2016
    return (result.parameterPaths, first)
  }

  func testEveryParameterOfEveryScenarioOverriddenAgreesWithFullChecks() throws {
    let directory = Fixture.scenariosDirectory
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".scenario") }.sorted()
    XCTAssertTrue(names.contains("reference-county.scenario"))
    for name in names {
      let path = directory.appendingPathComponent(name).path
      let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
      // The scenario as written.
      assertSameAsFullChecks(text, path: path)
      // Each parameter set to values of several kinds: most are wrong for some parameters.
      let (paths, first) = parameters(text, path: path)
      XCTAssertFalse(paths.isEmpty, name)
      var options: [String] = []
      for (index, parameter) in paths.enumerated() {
        options.append("option \"p\(index) a\" { \(parameter) = 2 }")
        options.append("option \"p\(index) b\" { \(parameter) = 50% }")
        options.append("option \"p\(index) c\" { \(parameter) = registered }")
        options.append("option \"p\(index) d\" { \(parameter) = schedule(\(first): 1, \(first + 2): 3) }")
      }
      let outcome = assertSameAsFullChecks(adding(options, to: text), path: path)
      XCTAssertGreaterThanOrEqual(outcome.options, 4 * paths.count, name)
      XCTAssertGreaterThan(outcome.resumed, 0, name)
      XCTAssertGreaterThan(outcome.withErrors, 0, name)
      XCTAssertGreaterThan(outcome.replayedBlocks.reduce(0, +), 0, name)
    }
  }

  func testManyGeneratedOptionsAgreeWithFullChecks() throws {
    let text = try Fixture.referenceCounty
    let options = (1...300).map { "option \"generated \($0)\" { relocation.subsidy = \(10000 + $0) }" }
    let outcome = assertSameAsFullChecks(adding(options, to: text))
    XCTAssertEqual(outcome.options, 303)
    // Every option carries on from a checkpoint (the empty `baseline` from the last one).
    XCTAssertEqual(outcome.resumed, 303)
    // After `relocation`, the `industry` and `minimum_living` blocks are the base check's.
    XCTAssertEqual(outcome.replayedBlocks, [0] + Array(repeating: 2, count: 302))
    // Within `relocation`, the plan of its settings, `cost`, `repayment_years`, `eligible`
    // and the two effect lists read no override: only `subsidy` and `moves_when` (which
    // reads `subsidy`) are checked again. The `end of year` effects are taken over too.
    XCTAssertEqual(outcome.replayedSettings, [0] + Array(repeating: 7, count: 302))
  }

  func testOptionsOfManyBlocksStartAtAKeptCheckpointAndTakeOverTheOtherBlocks() {
    // More distinct starting checkpoints than are kept: each option starts at the latest kept
    // one before its block and takes over every other block from there.
    let count = 3 * ResumedOptionChecks.maximumSnapshots
    var body = ""
    for index in 0..<count { body += "programme subsidy p\(index) { amount \(index + 1) yuan per household }\n" }
    for index in 0..<count {
      let value = index % 5 == 4 ? "registered" : "\(index + 100)"
      body += "option \"o\(index)\" { p\(index).amount = \(value) }\n"
    }
    let outcome = assertSameAsFullChecks(Fixture.minimal(body: body))
    XCTAssertEqual(outcome.options, count)
    XCTAssertEqual(outcome.resumed, count)
    XCTAssertEqual(outcome.withErrors, count / 5)
    for (index, replayed) in outcome.replayedBlocks.enumerated() {
      XCTAssertGreaterThanOrEqual(replayed, count - 1 - index, "option \(index)")
      XCTAssertLessThanOrEqual(replayed, count - 1, "option \(index)")
    }
    // The first option's block is the first: it starts there and takes over all the others.
    XCTAssertEqual(outcome.replayedBlocks.first, count - 1)
  }

  func testPartsOfABlockCheckedAgainAreTakenOverUnlessTheyReadAnOverride() {
    // `cash.amount` is read by a setting of `move`, by an effect of `move` and by the
    // year's effects; `move.subsidy` by another setting and an effect of `move`.
    let body = """
      let bonus = 10 yuan per household
      programme subsidy cash {
        amount 100 yuan per household
        eligible when registered
      }
      programme relocation move {
        cost 85000 yuan per household
        subsidy 18720 yuan per household
        moves when cost - subsidy <= savings + 0 * cash.amount
        on join { savings += subsidy }
        next year { income += 0 * cash.amount }
      }
      end of year { savings += 0 * cash.amount }
      end of year { savings += bonus }
      option "amount" { cash.amount = 200 }
      option "broken amount" { cash.amount = registered }
      option "subsidy" { move.subsidy = 20000 }
      option "broken subsidy" { move.subsidy = registered }
      option "cost" { move.cost = 90000 }
      option "unknown" { move.costs = 90000 }
      """
    let text = Fixture.minimal(body: body)
    let outcome = assertSameAsFullChecks(text)
    XCTAssertEqual(outcome.options, 6)
    XCTAssertEqual(outcome.withErrors, 3)
    let replayed = Dictionary(uniqueKeysWithValues: zip(names(in: text), outcome.replayedSettings))
    // `cash`: its plan and `eligible`; `move`: its plan, `cost`, `subsidy`,
    // `repayment_years`, `eligible` and `on join`; the year's effects: `bonus`.
    XCTAssertEqual(replayed["amount"], 9)
    XCTAssertEqual(replayed["broken amount"], 9)
    // `move` (its plan, `cost`, `repayment_years`, `eligible`, `next year`) and the year's
    // effects.
    XCTAssertEqual(replayed["subsidy"], 7)
    XCTAssertEqual(replayed["broken subsidy"], 7)
    XCTAssertEqual(replayed["cost"], 8)
    XCTAssertEqual(replayed["unknown"], 0)
  }

  /// A scenario whose `let`s and settings are used in several places.
  private let sharedValues = """
    scenario "Shared values" {
      years 2016 to 2022
      seed 7
      poverty_line 2952 yuan per person per year indexed 3% per year
      let base_subsidy = 18720 yuan per household
      let rate = 60%
      population 1000 households {
        group remote share 30% {
          income ~ lognormal(median: 3400, sigma: 0.55)
        }
        group plain share 70% {
          income ~ lognormal(median: 5200, sigma: 0.55)
        }
        size ~ categorical(1: 20%, 2: 30%, 3: 50%)
        land ~ uniform(0, 6)
        savings = 0.8 * income * size
      }
      income growth normal(mean: 4.5%, sd: 12%) per year
      shock illness {
        probability 7% per year
        cost 35% of income * size
        reimbursed 50%
      }
      identification {
        detect 90% of poor
        include 5% below 1.2 * poverty_line
      }
      programme relocation {
        years 2017 to 2019
        eligible when group == remote and registered
        cost 85000 yuan per household
        subsidy base_subsidy
        let loan_ceiling = 20000 yuan per household
        moves when cost - subsidy <= savings + loan_ceiling
        on join { group = relocated }
      }
      programme industry tea "tea" {
        years 2017 to 2020
        eligible when registered and land >= 1
        grant 1000 yuan per mu
        success rate
        gain relocation.loan_ceiling / 20 + 0 * cash.amount yuan per person per year
      }
      programme subsidy cash {
        amount schedule(2016: 100, 2019: 200) yuan per household
      }
      transfer minimum_living {
        top up to 80% of poverty_line
        eligible when registered
      }
      end of year {
        savings += 10% of max(0, disposable - poverty_line) * size * rate
      }
      option unchanged {}
      option "subsidy" { relocation.subsidy = 40000 }
      option "let used twice" { base_subsidy = 30000 }
      option "let used in effects" { rate = 70% }
      option "block let used by another block" { relocation.loan_ceiling = 1000 yuan per household }
      option "attribute" { population.remote.income.median = 3000 }
      option "attribute shares" { population.size.1 = 30% }
      option "identification" { identification.detect = 80% }
      option "schedule" { cash.amount = schedule(2016: 50, 2020: 300) }
      option "schedule out of span" { cash.amount = schedule(2016: 50, 2030: 300) }
      option "out of range" { illness.probability = 150% }
      option "type" { relocation.subsidy = registered }
      option "unknown name" { relocation.subsidy = subsidyy }
      option "twice" {
        relocation.subsidy = 1
        relocation.subsidy = 2
      }
      option "locked" { seed = 3 }
      option "unknown parameter" { relocation.subsidyy = 1 }
      option "transfer" { minimum_living.top_up_to = 90% of poverty_line }
      option "poverty line" { poverty_line = 3000 yuan per person per year }
      option "condition" { relocation.moves_when = savings > 0 }
      option "let in a block" { tea.success = rate * 0.5 }
      option "growth" { growth.mean = 3% }
      option "two blocks" {
        relocation.subsidy = 40000
        minimum_living.top_up_to = 70% of poverty_line
      }
      option "cycle" {
        relocation.cost = subsidy
        relocation.subsidy = cost
      }
      option "last block only" { minimum_living.eligible = true }
      option "reads a later block" { relocation.subsidy = 1000 + 0 * cash.amount }
    }
    """

  func testOptionsOverridingSharedValuesAgreeWithFullChecks() {
    let outcome = assertSameAsFullChecks(sharedValues)
    XCTAssertEqual(outcome.options, 25)
    XCTAssertGreaterThan(outcome.resumed, 10)
    XCTAssertGreaterThanOrEqual(outcome.withErrors, 8)
    let replayed = Dictionary(uniqueKeysWithValues: zip(names(in: sharedValues), outcome.replayedBlocks))
    // Blocks: illness, identification, relocation, tea, cash, minimum_living.
    XCTAssertEqual(replayed["subsidy"], 3)
    XCTAssertEqual(replayed["let used twice"], 0)  // a `let`: checked from the beginning
    XCTAssertEqual(replayed["identification"], 4)
    // `tea.gain` reads `relocation.loan_ceiling`: `tea` is checked again, `cash` and
    // `minimum_living` are not.
    XCTAssertEqual(replayed["block let used by another block"], 2)
    XCTAssertEqual(replayed["two blocks"], 2)
    XCTAssertEqual(replayed["last block only"], 0)
    // `relocation` makes `cash.amount` a known path before `tea` looks it up.
    XCTAssertEqual(replayed["reads a later block"], 2)
  }

  private func names(in text: String) -> [String] {
    var parser = Parser(source: SourceFile(path: "test.scenario", text: text))
    return parser.parseScenario()?.items.compactMap { item in
      if case .option(let option) = item { return option.name.value }
      return nil
    } ?? []
  }

  func testOptionsOnTopOfCommandLineSettingsAgreeWithFullChecks() {
    assertSameAsFullChecks(sharedValues, settings: ["relocation.subsidy=30000", "rate=50%"])
    assertSameAsFullChecks(sharedValues, settings: ["minimum_living.top_up_to=2"])
    assertSameAsFullChecks(sharedValues, settings: ["no.such=1"])
  }

  func testAnOptionStartsAfterTheBlocksItCannotAffect() {
    let text = sharedValues
    let source = SourceFile(path: "test.scenario", text: text)
    var parser = Parser(source: source)
    guard var model = parser.parseScenario() else { return XCTFail("does not parse") }
    model.items.removeAll { item in
      if case .option = item { return true }
      return false
    }
    var resumed = ResumedOptionChecks(base: OptionChecker(syntax: model, file: source.path, overrides: []))
    _ = resumed.checkBase()
    func start(_ paths: Set<String>) -> Int? {
      resumed.startingCheckpoints([ResumedOptionChecks.Option(overrides: [], writtenPaths: paths)])[0]
    }
    // Checkpoints: before each of the 6 blocks (0 to 5), then before the transition (6), the
    // year's effects (7) and the rest (8).
    XCTAssertNil(start(["rate"]))  // a `let`: resolved before the blocks
    XCTAssertNil(start(["population.remote.income.median"]))
    XCTAssertEqual(start(["illness.probability"]), 0)
    XCTAssertEqual(start(["relocation.subsidy"]), 2)
    XCTAssertEqual(start(["minimum_living.eligible"]), 5)
    XCTAssertEqual(start(["relocation.subsidy", "minimum_living.eligible"]), 2)
    XCTAssertEqual(start(["no.such"]), 8)
    XCTAssertEqual(start([]), 8)
  }
}
