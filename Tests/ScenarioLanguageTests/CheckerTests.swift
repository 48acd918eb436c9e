import ScenarioLanguage
import XCTest

/// The checker's rules, and the model it resolves a scenario into.
final class CheckerTests: XCTestCase {
  private typealias Fixture = ScenarioFixture

  // MARK: - Shares and probabilities

  func testGroupSharesMustSumToOneHundredPercent() {
    let text = Fixture.minimal(population: "group remote share 30% {}\ngroup plain share 60% {}")
    let diagnostics = Fixture.diagnostics(text)
    let diagnostic = assertSingle("shares-do-not-sum", in: diagnostics, text: text)
    XCTAssertEqual(diagnostic?.message, "group shares add up to 90%, not 100%")
    XCTAssertEqual(diagnostic?.hint, "make the shares of `remote`, `plain` sum to 100%")
    XCTAssertEqual(diagnostics.count, 1)
  }

  func testUsingASettingTheBlockDoesNotWriteNamesIt() {
    let text = Fixture.minimal(body: "programme relocation {\n  cost 85000\n  moves when cost - subsidy <= savings\n}")
    let diagnostics = Fixture.diagnostics(text)
    let diagnostic = assertSingle("setting-not-written", in: diagnostics, text: text)
    XCTAssertEqual(diagnostic?.message, "`subsidy` is not set in programme `relocation`")
    XCTAssertEqual(diagnostic?.range, Fixture.range(of: "subsidy", in: text))
    XCTAssertEqual(diagnostics.count, 1)
  }

  func testSharesThatSumToOneHundredPercentUpToRoundingAreAccepted() throws {
    let text = Fixture.minimal(population: "group a share 10% {}\ngroup b share 20% {}\ngroup c share 70% {}")
    let scenario = try Fixture.scenario(text)
    XCTAssertEqual(scenario.baseline.rules.groups.map(\.share), [0.1, 0.2, 0.7])
  }

  func testCategoryProbabilitiesMustSumToOneHundredPercent() {
    let text = Fixture.minimal(population: "kind ~ categorical(low: 10%, high: 20%)")
    let diagnostic = assertSingle("shares-do-not-sum", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.message, "category probabilities add up to 30%, not 100%")
    XCTAssertEqual(diagnostic?.range, Fixture.range(of: "categorical(low: 10%, high: 20%)", in: text))
  }

  func testProbabilityWrittenWithoutPercentSuggestsThePercentage() {
    let text = Fixture.minimal(body: "shock illness {\n probability 7 per year\n cost 100\n}\nidentification { detect 90 of poor }")
    let diagnostics = Fixture.diagnostics(text)
    assertIDs(diagnostics, ["out-of-range", "out-of-range"], text: text)
    XCTAssertEqual(
      diagnostics.map(\.message),
      [
        "`illness.probability` is 700%, outside 0% to 100%",
        "`identification.detect` is 9000%, outside 0% to 100%",
      ])
    XCTAssertEqual(
      diagnostics.map(\.hint),
      [
        "did you mean `7%`? A share is between 0% and 100%",
        "did you mean `90%`? A share is between 0% and 100%",
      ])
  }

  func testProbabilityOutOfRangeWithPercentGetsNoSuggestion() {
    let text = Fixture.minimal(
      population: "kind ~ categorical(low: 140%, high: -40%)",
      body: "shock illness {\n probability 140%\n cost 100\n}")
    let diagnostics = Fixture.diagnostics(text)
    assertIDs(diagnostics, ["out-of-range", "out-of-range"], text: text)
    XCTAssertEqual(
      diagnostics.map(\.hint), ["expected a share between 0% and 100%", "expected a share between 0% and 100%"],
      "`did you mean 140%?` would repeat what is written")
  }

  func testCategoryProbabilityWithoutPercentSuggestsThePercentage() {
    let text = Fixture.minimal(population: "kind ~ categorical(low: 40, high: 60%)")
    let diagnostic = assertSingle("out-of-range", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.message, "probability 4000% is outside 0% to 100%")
    XCTAssertEqual(diagnostic?.hint, "did you mean `40%`?")
  }

  func testNegativeAndAboveOneHundredShares() {
    for value in ["-5%", "101%", "1.5"] {
      let text = Fixture.minimal(body: "programme industry tea { success \(value) }")
      assertSingle("out-of-range", in: Fixture.diagnostics(text), text: text)
    }
    for value in ["0%", "100%", "1", "0.5"] {
      let text = Fixture.minimal(body: "programme industry tea { success \(value) }")
      XCTAssertEqual(Fixture.diagnostics(text), [], value)
    }
  }

  func testBernoulliProbabilityOutOfRange() {
    let text = Fixture.minimal(population: "owns_land ~ bernoulli(1.3)")
    let diagnostic = assertSingle("out-of-range", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.message, "the probability of `bernoulli` is 130%, outside 0% to 100%")
  }

  // MARK: - Names

  func testUnknownNamesGetSuggestions() {
    let text = Fixture.minimal(
      population: "land ~ uniform(0, 3)",
      body: "programme industry tea {\n eligible when registred and lnad >= 1\n}")
    let diagnostics = Fixture.diagnostics(text)
    assertIDs(diagnostics, ["unknown-name", "unknown-name"], text: text)
    XCTAssertEqual(diagnostics.map(\.message), ["unknown name `registred`", "unknown name `lnad`"])
    XCTAssertEqual(diagnostics.map(\.hint), ["did you mean `registered`?", "did you mean `land`?"])
    XCTAssertEqual(diagnostics.map(\.range), [Fixture.range(of: "registred", in: text), Fixture.range(of: "lnad", in: text)])
  }

  func testUnknownNameWithoutAnyCloseCandidate() {
    let text = Fixture.minimal(body: "programme subsidy cash { amount zzzzzz }")
    let diagnostic = assertSingle("unknown-name", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(
      diagnostic?.hint,
      "names are attributes, parameters (`let`), settings of the same block, `poverty_line`, `year`, `disposable` and `registered`")
  }

  func testUnknownLabelGetsSuggestion() {
    let text = Fixture.minimal(
      population: "kind ~ categorical(low: 40%, high: 60%)",
      body: "programme subsidy cash { amount 1  eligible when kind == hgih }")
    let diagnostic = assertSingle("unknown-name", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.hint, "did you mean `high`?")
  }

  func testHouseholdVariablesAreNotKnownInThePopulation() {
    let text = Fixture.minimal(population: "wealth = disposable * 2")
    let diagnostic = assertSingle("not-available", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.message, "`disposable` is not known in the population")
  }

  func testAttributesAreNotKnownInTheHeader() {
    let text = Fixture.minimal().replacingOccurrences(of: "poverty_line 2952", with: "poverty_line income *")
    let diagnostic = assertSingle("not-available", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.message, "household attribute `income` cannot be used in `poverty_line`")
  }

  func testUnknownGroupInGrowth() {
    let text = Fixture.minimal(population: "group remote share 40% {}\ngroup plain share 60% {}", body: "income growth for remot 3% per year")
    let diagnostic = assertSingle("unknown-name", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.message, "unknown group `remot`")
    XCTAssertEqual(diagnostic?.hint, "did you mean `remote`?")
  }

  func testUnknownFunctionAndArgument() {
    let text = Fixture.minimal(population: "a = maxx(1, 2)\nb ~ lognormal(median: 1, sigam: 2)")
    let diagnostics = Fixture.diagnostics(text)
    assertIDs(diagnostics, ["unknown-function", "unknown-argument"], text: text)
    XCTAssertEqual(diagnostics.map(\.hint), ["did you mean `max`?", "did you mean `sigma`?"])
  }

  func testDistributionArgumentGivenTwice() {
    let table: [(call: String, message: String)] = [
      ("lognormal(median: 1, sigma: 0.5, sigma: 0.6)", "`lognormal` is given `sigma` twice"),
      ("lognormal(median: 1, mean: 2, sigma: 1)", "`lognormal` is given `mean` twice"),
      ("normal(sd: 1, 2)", "`normal` is given `sd` twice"),
    ]
    for (call, message) in table {
      let text = Fixture.minimal(population: "a ~ \(call)")
      let diagnostic = assertSingle("duplicate-argument", in: Fixture.diagnostics(text), text: text)
      XCTAssertEqual(diagnostic?.message, message, call)
    }
  }

  func testCommaInsideALabelledArgumentIsOneError() {
    let text = Fixture.minimal(population: "a ~ lognormal(median: 3,400, sigma: 0.55)")
    assertIDs(Fixture.diagnostics(text), ["comma-in-number"], text: text)
  }

  // MARK: - Settings

  func testUnknownTopLevelSetting() {
    let text = Fixture.minimal(body: "replicatons 100")
    let diagnostic = assertSingle("unknown-setting", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.message, "unknown setting `replicatons`")
    XCTAssertEqual(diagnostic?.hint, "did you mean `replications`?")
  }

  func testUnknownBlockSetting() {
    let text = Fixture.minimal(body: "programme industry tea {\n sucess 60%\n}\nshock flood { probability 1%  cost 1  frequency 2 }")
    let diagnostics = Fixture.diagnostics(text)
    assertIDs(diagnostics, ["unknown-setting", "unknown-setting"], text: text)
    XCTAssertEqual(diagnostics.map(\.message), ["unknown setting `sucess` in programme `tea`", "unknown setting `frequency` in shock `flood`"])
    XCTAssertEqual(diagnostics[0].hint, "did you mean `success`?")
    XCTAssertEqual(diagnostics[1].hint, "shock `flood` accepts `probability`, `cost`, `reimbursed`, `eligible when` and `years`")
  }

  func testUnknownKindOfProgramme() {
    let text = Fixture.minimal(body: "programme relocaton { cost 1 }")
    let diagnostic = assertSingle("unknown-programme", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.hint, "did you mean `relocation`?")
  }

  func testRequiredBlockSettings() {
    let text = Fixture.minimal(body: "shock flood { probability 1% }\ntransfer dibao { eligible when registered }\nprogramme relocation { subsidy 1 }")
    let diagnostics = Fixture.diagnostics(text)
    assertIDs(diagnostics, ["missing-setting", "missing-setting", "missing-setting"], text: text)
    XCTAssertEqual(
      diagnostics.map(\.message),
      [
        "shock `flood` has no `cost`", "transfer `dibao` has no `top up to`", "programme `relocation` has no `cost`",
      ])
  }

  func testSettingsSetTwice() {
    let text = Fixture.minimal(body: "seed 1\nseed 2\nshock flood { probability 1%  cost 1  cost 2 }")
    let diagnostics = Fixture.diagnostics(text)
    assertIDs(diagnostics, ["duplicate-setting", "duplicate-setting"], text: text)
    XCTAssertEqual(diagnostics.map(\.message), ["`seed` is set twice", "`cost` is set twice in shock `flood`"])
  }

  func testHeaderCountsMustBeWholeNumbersInRange() {
    for setting in ["replications 0", "replications 2.5", "replications 100000000", "seed -1"] {
      let text = Fixture.minimal(body: setting)
      assertSingle("out-of-range", in: Fixture.diagnostics(text), text: text)
    }
    XCTAssertEqual(Fixture.diagnostics(Fixture.minimal(body: "seed 0")), [], "seed 0 is allowed")
  }

  func testRepaymentYearsMustBeAWholeNumberReportedOnce() {
    let text = Fixture.minimal(body: "programme relocation {\n cost 1\n debt repaid over 2.5 years\n}")
    let diagnostics = Fixture.diagnostics(text)
    assertIDs(diagnostics, ["out-of-range"], text: text)
    XCTAssertEqual(diagnostics.first?.message, "`relocation.repayment_years` must be a whole number of at least 1, not 2.5")
    XCTAssertEqual(diagnostics.first?.range, Fixture.range(of: "2.5 years", in: text))

    let tooLong = Fixture.minimal(body: "programme relocation {\n cost 1\n debt repaid over 101 years\n}")
    assertIDs(Fixture.diagnostics(tooLong), ["expected-constant"], text: tooLong)
  }

  // MARK: - Parameter paths and overrides

  func testUnknownParameterPathInAnOption() {
    let text = Fixture.minimal(
      population: "land ~ uniform(0, 3)",
      body: "programme industry tea { grant 1000 yuan per mu }\noption \"more\" { tea.grnt = 2000 }")
    let diagnostic = assertSingle("unknown-parameter", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.message, "there is no parameter `tea.grnt`")
    XCTAssertEqual(diagnostic?.hint, "did you mean `tea.grant`?")
    XCTAssertEqual(diagnostic?.file, "test.scenario")
    XCTAssertEqual(diagnostic?.range, Fixture.range(of: "tea.grnt", in: text))
  }

  func testUnknownParameterPathOnTheCommandLine() throws {
    let text = try Fixture.referenceCounty
    let diagnostics = Fixture.diagnostics(text, settings: ["relocaton.subsidy=1"])
    let diagnostic = assertSingle("unknown-parameter", in: diagnostics, text: text)
    XCTAssertEqual(diagnostic?.file, "--set relocaton.subsidy=1", "reported in the `--set` pseudo-file, once for all options")
    XCTAssertEqual(diagnostic?.range, SourceRange(start: 0, end: 17))
    XCTAssertEqual(diagnostic?.hint, "did you mean `relocation.subsidy`?")
  }

  func testParameterOverrideParsing() {
    let (override, source, diagnostics) = ParameterOverride.parse(commandLine: " relocation.subsidy = 40_000 yuan per household")
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(source.path, "--set  relocation.subsidy = 40_000 yuan per household")
    XCTAssertEqual(override?.path.value, "relocation.subsidy")
    XCTAssertEqual(override?.path.range, SourceRange(start: 1, end: 19))
    XCTAssertEqual(override?.value.outline, "40000[yuan per household]")
    XCTAssertEqual(override.map { source.text(in: $0.value.range) }, "40_000 yuan per household", "value offsets are the text's own")
    XCTAssertEqual(override?.file, source.path)
  }

  func testParameterOverrideParsingErrors() {
    let table: [(text: String, ids: [String])] = [
      ("relocation.subsidy", ["expected-assignment"]),
      ("=3", ["expected-name"]),
      ("a.b=1 2", ["trailing-text"]),
      ("a.b=", ["unexpected-token"]),
      ("a.b=1e400", ["number-out-of-range"]),
      ("a.b=(1", ["unexpected-token"]),
    ]
    for (text, ids) in table {
      let (override, source, diagnostics) = ParameterOverride.parse(commandLine: text)
      XCTAssertNil(override, text)
      XCTAssertEqual(diagnostics.map(\.id), ids, text)
      XCTAssertTrue(diagnostics.allSatisfy { $0.file == source.path }, text)
    }
  }

  func testHeaderSettingsCannotBeOverriddenInAnOption() {
    let text = Fixture.minimal(body: "option a { replications = 5  seed = 3  population.households = 10 }")
    let diagnostics = Fixture.diagnostics(text)
    assertIDs(diagnostics, ["override-not-allowed", "override-not-allowed", "override-not-allowed"], text: text)
    XCTAssertEqual(
      diagnostics.map(\.message),
      [
        "`replications` is shared by all options and cannot be changed in one",
        "`seed` is shared by all options and cannot be changed in one",
        "`population.households` is shared by all options and cannot be changed in one",
      ])
  }

  func testHeaderSettingsCanBeSetOnTheCommandLine() throws {
    let text = try Fixture.referenceCounty
    let result = Fixture.check(text, settings: ["seed=7", "replications=3", "population.households=50"])
    XCTAssertEqual(result.diagnostics, [], Fixture.rendered(text, result.diagnostics))
    XCTAssertEqual(result.scenario?.seed, 7)
    XCTAssertEqual(result.scenario?.replications, 3)
    XCTAssertEqual(result.scenario?.households, 50)
  }

  func testParameterPathsListTheOverridableSettings() throws {
    let result = Fixture.check(try Fixture.referenceCounty)
    let paths = result.parameterPaths
    for expected in [
      "replications", "seed", "poverty_line", "population.households", "population.remote.share",
      "population.remote.income.median", "population.plain.land.max", "population.size.3", "population.savings",
      "growth", "growth.sd", "growth.remote.mean", "illness.probability", "illness.reimbursed", "identification.detect",
      "identification.include_below", "relocation.subsidy", "relocation.loan_ceiling", "relocation.moves_when",
      "relocation.repayment_years", "industry.grant", "industry.success", "minimum_living.top_up_to",
    ] {
      XCTAssertTrue(paths.contains(expected), "missing \(expected)")
    }
    XCTAssertEqual(Set(paths).count, paths.count, "each path is listed once")
    XCTAssertFalse(paths.contains("relocation.title"))
  }

  func testEveryListedPathCanBeOverridden() throws {
    let text = try Fixture.referenceCounty
    let result = Fixture.check(text)
    // A listed path is one the checker knows: overriding it is never an unknown parameter.
    for path in ["relocation.subsidy", "population.remote.income.median", "illness.reimbursed", "seed"] {
      XCTAssertTrue(result.parameterPaths.contains(path))
      let overridden = Fixture.check(text, settings: ["\(path)=0.5"])
      XCTAssertFalse(overridden.diagnostics.contains { $0.id == "unknown-parameter" }, path)
    }
  }

  func testCategoryProbabilityCanBeOverriddenInAnOption() throws {
    let text = Fixture.minimal(
      population: "kind ~ categorical(low: 40%, high: 60%)",
      body: "option base {}\noption more_low { population.kind.low = 70%  population.kind.high = 30% }")
    let scenario = try Fixture.scenario(text)
    func probabilities(_ option: PolicyOption) -> [Double]? {
      let rules = option.rules
      guard let index = rules.attributeIndex("kind"), case .draw(let draw) = rules.attributes[index].initial,
        case .categorical(_, let probabilities) = draw.distribution
      else { return nil }
      return probabilities
    }
    XCTAssertEqual(probabilities(scenario.options[0]), [0.4, 0.6])
    XCTAssertEqual(probabilities(scenario.options[1]), [0.7, 0.3])
  }

  // MARK: - Years

  func testReversedYears() {
    let text = Fixture.minimal().replacingOccurrences(of: "years 2016 to 2020", with: "years 2020 to 2016")
    let diagnostic = assertSingle("years-reversed", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.message, "the last year 2016 is before the first year 2020")
    XCTAssertEqual(diagnostic?.hint, "write `years 2016 to 2020`")
  }

  func testReversedYearsDoNotCascade() {
    // After the span is reported, the years the hint suggests are used for the rest.
    let text = Fixture.minimal(body: "programme subsidy cash { years 2017 to 2019  amount 1 }")
      .replacingOccurrences(of: "years 2016 to 2020", with: "years 2020 to 2016")
    assertIDs(Fixture.diagnostics(text), ["years-reversed"], text: text)
  }

  func testProgrammeYearsOutsideTheSpan() {
    let text = Fixture.minimal(body: "programme subsidy early { years 2015 to 2018  amount 1 }\nprogramme subsidy late { years 2019 to 2021  amount 1 }")
    let diagnostics = Fixture.diagnostics(text)
    assertIDs(diagnostics, ["year-out-of-span", "year-out-of-span"], text: text)
    XCTAssertEqual(
      diagnostics.map(\.message),
      [
        "year 2015 is outside the simulated span 2016 to 2020", "year 2021 is outside the simulated span 2016 to 2020",
      ])
    XCTAssertEqual(diagnostics.map(\.range), [Fixture.range(of: "2015", in: text), Fixture.range(of: "2021", in: text)])
  }

  func testProgrammeYearsReversed() {
    let text = Fixture.minimal(body: "programme subsidy cash { years 2019 to 2017  amount 1 }")
    let diagnostic = assertSingle("years-reversed", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.hint, "write `years 2017 to 2019`")
  }

  func testScheduleYears() {
    let text = Fixture.minimal().replacingOccurrences(
      of: "poverty_line 2952 yuan", with: "poverty_line schedule(2016: 2952, 2015: 3000, 2030: 4000) yuan")
    let diagnostics = Fixture.diagnostics(text)
    assertIDs(diagnostics, ["schedule-order", "year-out-of-span"], text: text)
  }

  func testTooManyYears() {
    let text = Fixture.minimal().replacingOccurrences(of: "years 2016 to 2020", with: "years 2000 to 2300")
    assertSingle("too-many-years", in: Fixture.diagnostics(text), text: text)
  }

  // MARK: - Attributes

  func testCycleAmongDerivedAttributes() {
    let text = """
      scenario "Cycle" {
        years 2016 to 2020
        poverty_line 2952 yuan per person per year
        population 1000 households {
          income = savings / size
          size = 4
          savings = income * 2
        }
      }
      """
    let diagnostic = assertSingle("attribute-cycle", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.message, "attributes depend on each other in a cycle: income → savings → income")
    let definition = Fixture.range(of: "income = savings", in: text)
    XCTAssertEqual(diagnostic?.range, SourceRange(start: definition.start, end: definition.start + 6), "at the attribute's name")
  }

  func testDerivedAttributesAreInitialisedAfterWhatTheyUse() throws {
    let text = Fixture.minimal(population: "wealth = savings * 2\nsavings = income * size")
    let rules = try Fixture.scenario(text).baseline.rules
    let order = rules.initializationOrder.map { rules.attributes[$0].name }
    for (before, after) in [("income", "savings"), ("size", "savings"), ("savings", "wealth")] {
      XCTAssertLessThan(order.firstIndex(of: before)!, order.firstIndex(of: after)!, "\(before) before \(after) in \(order)")
    }
  }

  func testDrawnAttributeMustUseADistribution() {
    let text = Fixture.minimal(population: "wealth ~ 3")
    let diagnostic = assertSingle("expected-distribution", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.message, "`~` draws `wealth` from a distribution, but this is not one")
  }

  func testAttributeDefinedForSomeGroupsOnly() {
    let text = Fixture.minimal(population: "group remote share 30% { land ~ uniform(0, 3) }\ngroup plain share 70%")
    let diagnostic = assertSingle("attribute-not-defined", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.message, "attribute `land` is defined for group `remote` but not for `plain`")
  }

  func testHouseholdSizesMustBeWholeNumbersFromOne() {
    let text = """
      scenario "Sizes" {
        years 2016 to 2020
        poverty_line 2952 yuan per person per year
        population 1000 households {
          income ~ lognormal(median: 3400, sigma: 0.55)
          size ~ categorical(0: 50%, 2.5: 50%)
        }
      }
      """
    let diagnostics = Fixture.diagnostics(text)
    assertIDs(diagnostics, ["out-of-range", "out-of-range"], text: text)
    XCTAssertEqual(diagnostics.map(\.message), ["a household has at least 1 person, not 0", "a household has at least 1 person, not 2.5"])
  }

  // MARK: - Units

  func testMoneyPerMuWhereMoneyPerHouseholdIsExpected() {
    let text = Fixture.minimal(body: "programme relocation {\n cost 85000 yuan per mu\n subsidy 18720 yuan per household\n}")
    let diagnostic = assertSingle("unit-mismatch", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.message, "`yuan per mu` where `yuan per household` was expected")
    XCTAssertEqual(diagnostic?.hint, "`relocation.cost` is in yuan per household")
    XCTAssertEqual(diagnostic?.range, Fixture.range(of: "yuan per mu", in: text))
  }

  func testUnitMismatches() {
    let table: [(body: String, message: String)] = [
      ("income growth 3% per mu", "`% per mu` where a yearly rate such as `3% per year` was expected"),
      ("shock s { probability 5 yuan  cost 1 }", "`yuan` where a share between 0% and 100% was expected"),
      ("programme relocation { cost 1  debt repaid over 5 mu }", "`mu` where a whole number of years was expected"),
      ("transfer t { top up to 1000 yuan per mu }", "`yuan per mu` where `yuan per person` was expected"),
    ]
    for (body, message) in table {
      let text = Fixture.minimal(body: body)
      let diagnostic = assertSingle("unit-mismatch", in: Fixture.diagnostics(text), text: text)
      XCTAssertEqual(diagnostic?.message, message, body)
    }
  }

  func testPovertyLinePerHouseholdIsRefused() {
    let text = Fixture.minimal().replacingOccurrences(of: "yuan per person per year", with: "yuan per household per year")
    let diagnostic = assertSingle("unit-mismatch", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.message, "`yuan per household per year` where `yuan per person` was expected")
  }

  func testIndexRateWithADenominatorIsRefused() {
    let text = Fixture.minimal().replacingOccurrences(of: "per person per year", with: "per person per year indexed 3% per household")
    assertSingle("unit-mismatch", in: Fixture.diagnostics(text), text: text)
  }

  func testAcceptedUnits() {
    for body in [
      "programme relocation { cost 85000 yuan  subsidy 1 yuan per household per year }",
      "programme relocation { cost 85000 }",
      "income growth 3% per year",
      "income growth 0.03",
      "programme relocation { cost 1  debt repaid over 5 years }",
      "programme industry tea { grant 1000 yuan per person  gain 1200 yuan per household per year }",
    ] {
      XCTAssertEqual(Fixture.diagnostics(Fixture.minimal(body: body)).map(\.message), [], body)
    }
  }

  func testYuanPerMuNeedsALandAttribute() {
    let text = Fixture.minimal(body: "programme industry tea { grant 1000 yuan per mu }")
    let diagnostic = assertSingle("missing-attribute", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.message, "`yuan per mu` in programme `tea` needs a `land` attribute (mu of land per household)")
  }

  // MARK: - Types

  func testConditionsNumbersAndLabelsAreNotInterchangeable() {
    let text = Fixture.minimal(
      population: "group remote share 30% {}\ngroup plain share 70% {}",
      body: """
        programme subsidy cash {
          eligible when income
          amount registered
        }
        transfer dibao {
          top up to remote
          eligible when group == 3
        }
        end of year { income += group }
        """)
    let diagnostics = Fixture.diagnostics(text)
    assertIDs(diagnostics, Array(repeating: "type-mismatch", count: 5), text: text)
    XCTAssertEqual(
      diagnostics.map(\.message),
      [
        "`cash.eligible` must be a condition, but this is a number",
        "`cash.amount` must be a number, but this is a condition (true or false)",
        "`dibao.top_up_to` must be a number, but this is a category label",
        "cannot compare a category label with a number",
        "`income` is a number, but this is a category label",
      ])
    XCTAssertEqual(diagnostics[3].hint, "known labels: `remote`, `plain`")
  }

  func testOperatorsCheckTheirOperands() {
    let table: [(condition: String, message: String)] = [
      ("income and registered", "`and` needs a condition (true or false), but this is a number"),
      ("not income", "`not` needs a condition (true or false), but this is a number"),
      ("registered + 1 > 0", "`+` needs a number, but this is a condition (true or false)"),
      ("-registered < 0", "`-` needs a number, but this is a condition (true or false)"),
    ]
    for (condition, message) in table {
      let text = Fixture.minimal(body: "programme subsidy cash { amount 1  eligible when \(condition) }")
      let diagnostic = assertSingle("type-mismatch", in: Fixture.diagnostics(text), text: text)
      XCTAssertEqual(diagnostic?.message, message, condition)
    }
  }

  func testDivisionByZeroConstant() {
    let text = Fixture.minimal(body: "programme subsidy cash { amount 100 / (2 - 2) }")
    assertSingle("division-by-zero", in: Fixture.diagnostics(text), text: text)
  }

  func testRandomDrawsAreRefusedInTheHeader() {
    let text = Fixture.minimal().replacingOccurrences(of: "poverty_line 2952", with: "poverty_line normal(mean: 2952, sd: 1) *")
    assertSingle("draw-not-allowed", in: Fixture.diagnostics(text), text: text)
  }

  func testParameterDefinedFromItself() {
    let text = Fixture.minimal(body: "let a = b + 1\nlet b = a * 2\nprogramme subsidy cash { amount a }")
    let diagnostics = Fixture.diagnostics(text)
    XCTAssertFalse(diagnostics.isEmpty)
    XCTAssertEqual(Set(diagnostics.map(\.id)), ["parameter-cycle"], Fixture.rendered(text, diagnostics))
    for diagnostic in diagnostics {
      XCTAssertTrue(["`a` is defined from itself", "`b` is defined from itself"].contains(diagnostic.message), diagnostic.message)
    }
  }

  // MARK: - Options

  func testDuplicateOptionNamesAndBaselines() {
    let text = Fixture.minimal(
      body: "programme subsidy cash { amount 1 }\noption a baseline { cash.amount = 2 }\noption b baseline { cash.amount = 3 }\noption a {}")
    let diagnostics = Fixture.diagnostics(text)
    assertIDs(diagnostics, ["duplicate-baseline", "duplicate-name"], text: text)
    XCTAssertEqual(diagnostics.map(\.message), ["more than one option is marked `baseline`", "option `a` is defined twice"])
  }

  func testPathSetTwiceInOneOption() {
    let text = Fixture.minimal(body: "programme subsidy cash { amount 1 }\noption c { cash.amount = 1  cash.amount = 2 }")
    let diagnostic = assertSingle("duplicate-setting", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.message, "`cash.amount` is set twice in option `c`")
  }

  func testBaselineIndex() throws {
    let marked = Fixture.minimal(body: "option a {}\noption b baseline {}\noption c {}")
    let scenario = try Fixture.scenario(marked)
    XCTAssertEqual(scenario.options.map(\.name), ["a", "b", "c"])
    XCTAssertEqual(scenario.baselineIndex, 1)
    XCTAssertEqual(scenario.baseline.name, "b")

    XCTAssertEqual(try Fixture.scenario(Fixture.minimal(body: "option a {}\noption b {}")).baselineIndex, 0, "unmarked: the first")
    let none = try Fixture.scenario(Fixture.minimal())
    XCTAssertEqual(none.options.map(\.name), ["baseline"], "without options, the scenario as written is the baseline")
    XCTAssertEqual(none.baselineIndex, 0)
  }

  // MARK: - Missing settings

  func testMissingYearsPovertyLineIncomeAndSize() {
    let text = "scenario \"Missing\" {\n  population 1000 households {\n    savings = 0\n  }\n}\n"
    let diagnostics = Fixture.diagnostics(text)
    assertIDs(diagnostics, ["missing-setting", "missing-setting", "missing-attribute", "missing-attribute"], text: text)
    XCTAssertEqual(
      diagnostics.map(\.message),
      [
        "the scenario has no `years`", "the scenario has no `poverty_line`",
        "the population has no `income` attribute", "the population has no `size` attribute",
      ])
  }

  func testMissingPopulation() {
    let text = "scenario \"Empty\" {\n  years 2016\n  poverty_line 1\n}"
    let diagnostic = assertSingle("missing-setting", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.message, "the scenario has no `population`")
  }

  func testSyntaxErrorsSuppressMissingSettings() {
    // `years` is incomplete, so the scenario has no span: one error, not also "no `years`".
    let text = "scenario \"S\" {\n  years 2016 to\n  poverty_line 2952\n  population 10 households { income = 1  size = 1 }\n}"
    assertIDs(Fixture.diagnostics(text), ["expected-year"], text: text)
  }

  // MARK: - The resolved model

  func testReferenceCountyResolves() throws {
    let scenario = try Fixture.scenario(try Fixture.referenceCounty)
    XCTAssertEqual(scenario.name, "Reference county")
    XCTAssertEqual(scenario.years, 2016...2025)
    XCTAssertEqual(scenario.replications, 200)
    XCTAssertEqual(scenario.seed, 20_161_231)
    XCTAssertEqual(scenario.households, 20_000)
    XCTAssertEqual(scenario.options.map(\.name), ["baseline", "subsidy 40k", "subsidy 60k"])
    XCTAssertEqual(scenario.options.map(\.overrides), [[], ["relocation.subsidy = 40000"], ["relocation.subsidy = 60000"]])
    XCTAssertEqual(scenario.baselineIndex, 0)

    let rules = scenario.baseline.rules
    XCTAssertEqual(rules.firstYear, 2016)
    XCTAssertEqual(rules.groups, [PopulationGroup(name: "remote", code: 0, share: 0.3), PopulationGroup(name: "plain", code: 1, share: 0.7)])
    XCTAssertTrue(rules.labels.contains("relocated"), "labels set by effects are known")
    XCTAssertEqual(rules.programmes.map(\.name), ["relocation", "industry", "minimum_living"])
    XCTAssertEqual(rules.programmes.map(\.title), ["relocation", "white peony tea", "minimum living guarantee"])
    XCTAssertEqual(rules.programmes.map(\.years), [2017...2019, 2017...2020, 2016...2025])
    XCTAssertEqual(rules.programmes.map(\.isTransfer), [false, false, true])
    XCTAssertEqual(rules.shocks.map(\.name), ["illness"])
    XCTAssertEqual(rules.shocks.first?.probability, .constant(0.07))
    XCTAssertEqual(rules.shocks.first?.reimbursed, .constant(0.5))
    XCTAssertEqual(rules.identification.detect, .constant(0.9))
    XCTAssertEqual(rules.identification.include, .constant(0.05))
  }

  func testOptionOverrideChangesTheRelocationSubsidy() throws {
    let scenario = try Fixture.scenario(try Fixture.referenceCounty)
    func relocation(_ option: PolicyOption) -> (cost: ValueExpression, subsidy: ValueExpression, years: Int)? {
      for programme in option.rules.programmes {
        if case .relocation(let cost, let subsidy, _, let years) = programme.kind { return (cost, subsidy, years) }
      }
      return nil
    }
    XCTAssertEqual(scenario.options.map { relocation($0)?.subsidy }, [.constant(18720), .constant(40000), .constant(60000)])
    XCTAssertEqual(scenario.options.map { relocation($0)?.cost }, [.constant(85000), .constant(85000), .constant(85000)])
    XCTAssertEqual(relocation(scenario.baseline)?.years, 5)
  }

  func testCommandLineSettingAppliesToEveryOptionButAnOptionsOwnOverrideWins() throws {
    let text = try Fixture.referenceCounty
    let scenario = try Fixture.scenario(text, settings: ["relocation.subsidy=30000", "relocation.cost=90000"])
    var subsidies: [ValueExpression] = []
    var costs: [ValueExpression] = []
    for option in scenario.options {
      for programme in option.rules.programmes {
        if case .relocation(let cost, let subsidy, _, _) = programme.kind {
          subsidies.append(subsidy)
          costs.append(cost)
        }
      }
    }
    XCTAssertEqual(subsidies, [.constant(30000), .constant(40000), .constant(60000)])
    XCTAssertEqual(costs, [.constant(90000), .constant(90000), .constant(90000)])
  }

  func testCommandLineSettingOfADistributionArgument() throws {
    let scenario = try Fixture.scenario(try Fixture.referenceCounty, settings: ["population.remote.income.median=3000"])
    for option in scenario.options {
      let rules = option.rules
      guard let remote = rules.labels.firstIndex(of: "remote"),
        case .draw(let draw)? = rules.attributes[rules.incomeIndex].initialByGroup[remote],
        case .lognormal(let median, let sigma) = draw.distribution
      else { return XCTFail("remote income is not a lognormal draw") }
      XCTAssertEqual(median, .constant(3000))
      XCTAssertEqual(sigma, .constant(0.55))
    }
  }

  func testCategoricalSizeResolves() throws {
    let rules = try Fixture.scenario(try Fixture.referenceCounty).baseline.rules
    guard case .draw(let draw) = rules.attributes[rules.sizeIndex].initial,
      case .categorical(let values, let probabilities) = draw.distribution
    else { return XCTFail("size is not a categorical draw") }
    XCTAssertEqual(values, [1, 2, 3, 4, 5, 6])
    XCTAssertEqual(probabilities.count, 6)
    for (probability, expected) in zip(probabilities, [0.10, 0.20, 0.25, 0.25, 0.12, 0.08]) {
      XCTAssertEqual(probability, expected, accuracy: 1e-12)
    }
    XCTAssertEqual(draw.stream, "population.size")
  }

  func testLabelledCategoriesResolveToLabelCodes() throws {
    let rules = try Fixture.scenario(Fixture.minimal(population: "kind ~ categorical(low: 40%, high: 60%)")).baseline.rules
    guard let kind = rules.attributeIndex("kind"), case .draw(let draw) = rules.attributes[kind].initial,
      case .categorical(let values, _) = draw.distribution
    else { return XCTFail() }
    XCTAssertEqual(rules.attributes[kind].kind, .label)
    XCTAssertEqual(values, [Double(rules.labels.firstIndex(of: "low")!), Double(rules.labels.firstIndex(of: "high")!)])
  }

  func testIndexedPovertyLine() throws {
    let text = Fixture.minimal().replacingOccurrences(of: "per person per year", with: "per person per year indexed 3% per year")
    let rules = try Fixture.scenario(text).baseline.rules
    XCTAssertEqual(rules.povertyLine, .indexed(base: .constant(2952), rate: .constant(0.03), baseYear: 2016))
    XCTAssertEqual(rules.povertyLine.value(inYear: 2016)!, 2952, accuracy: 1e-9)
    XCTAssertEqual(rules.povertyLine.value(inYear: 2018)!, 2952 * 1.03 * 1.03, accuracy: 1e-9)
  }

  func testGrantPerMuIsMultipliedByLand() throws {
    let text = Fixture.minimal(
      population: "land ~ uniform(0, 6)",
      body: "programme industry tea { grant 1000 yuan per mu  success 60%  gain 1200 yuan per household per year }")
    let rules = try Fixture.scenario(text).baseline.rules
    guard case .industry(let grant, let success, let gain, let stream)? = rules.programmes.first?.kind else { return XCTFail() }
    let land = try XCTUnwrap(rules.attributeIndex("land"))
    XCTAssertEqual(grant, .binary(.multiply, .constant(1000), .attribute(land)))
    XCTAssertEqual(success, .constant(0.6))
    XCTAssertEqual(gain, .binary(.divide, .constant(1200), .attribute(rules.sizeIndex)), "a gain per household is shared by its persons")
    XCTAssertTrue(stream.hasSuffix("tea.success"), "the success draw has a stream of its own programme: \(stream)")
  }

  func testSubsidyPerPersonIsMultipliedBySize() throws {
    let rules = try Fixture.scenario(Fixture.minimal(body: "programme subsidy cash { amount 100 yuan per person }")).baseline.rules
    guard case .subsidy(let amount)? = rules.programmes.first?.kind else { return XCTFail() }
    XCTAssertEqual(amount, .binary(.multiply, .constant(100), .attribute(rules.sizeIndex)))
    XCTAssertEqual(rules.programmes.first?.eligible, .variable(.registered), "eligible by default: registered households")
  }

  func testConstantsAreFolded() throws {
    let rules = try Fixture.scenario(Fixture.minimal(body: "let base = 1000\nprogramme subsidy cash { amount base * 2 + max(1, 3) }")).baseline.rules
    guard case .subsidy(let amount)? = rules.programmes.first?.kind else { return XCTFail() }
    XCTAssertEqual(amount, .constant(2003))
  }

  func testEffectsResolveToAttributeColumns() throws {
    let rules = try Fixture.scenario(try Fixture.referenceCounty).baseline.rules
    guard let relocation = rules.programmes.first(where: \.isRelocation) else { return XCTFail() }
    XCTAssertEqual(
      relocation.onJoin, [EffectRule(target: rules.groupIndex, operation: .set, value: .constant(Double(rules.labels.firstIndex(of: "relocated")!)))])
    XCTAssertEqual(relocation.nextYear, [EffectRule(target: rules.incomeIndex, operation: .multiply, value: .constant(1.25))])
    XCTAssertEqual(rules.yearEndEffects.map(\.target), [rules.savingsIndex])
    XCTAssertEqual(rules.yearEndEffects.map(\.operation), [.add])
  }

  func testUnknownAttributeInAnEffect() {
    let text = Fixture.minimal(body: "end of year { wealht += 1 }")
    let diagnostic = assertSingle("unknown-name", in: Fixture.diagnostics(text), text: text)
    XCTAssertEqual(diagnostic?.message, "unknown attribute `wealht`")
  }

  func testEffectsOutsideProgrammesAreRefused() {
    let text = Fixture.minimal(body: "shock s { probability 1%  cost 1  on join { income = 1 } }")
    assertSingle("unexpected-effects", in: Fixture.diagnostics(text), text: text)
  }
}

/// Populations far beyond any machine: refused with the memory they would need, however
/// large the number (found by the fuzzer: 10^121 households trapped in the size text).
final class AstronomicalPopulationTests: XCTestCase {
  func testAnyNumberOfHouseholdsIsRefusedWithoutATrap() {
    for count in ["1e12", "1e20", "1e121", "1e300"] {
      let text = ScenarioFixture.minimal().replacingOccurrences(of: "population 1000 households", with: "population \(count) households")
      let diagnostic = assertSingle("out-of-range", in: ScenarioFixture.diagnostics(text), text: text)
      XCTAssertTrue(diagnostic?.message.contains("it would need at least") ?? false, count)
    }
  }
}
