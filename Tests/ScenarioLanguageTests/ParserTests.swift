import ScenarioLanguage
import XCTest

/// The parser: each construct of the grammar (see the top of `Parser.swift`), error
/// recovery and the nesting limit.
final class ParserTests: XCTestCase {
  // MARK: - Helpers

  private func parse(_ text: String) -> (syntax: ScenarioSyntax?, diagnostics: [Diagnostic]) {
    var parser = Parser(source: SourceFile(path: "parse", text: text))
    let syntax = parser.parseScenario()
    return (syntax, parser.diagnostics)
  }

  /// The items of `scenario "T" { body }`, which must parse without diagnostics.
  private func items(_ body: String, file: StaticString = #filePath, line: UInt = #line) -> [ScenarioItem] {
    let text = "scenario \"T\" {\n\(body)\n}\n"
    let (syntax, diagnostics) = parse(text)
    XCTAssertEqual(diagnostics.map(\.message), [], file: file, line: line)
    return syntax?.items ?? []
  }

  /// The only item of `scenario "T" { body }`.
  private func item(_ body: String, file: StaticString = #filePath, line: UInt = #line) -> ScenarioItem? {
    let items = items(body, file: file, line: line)
    XCTAssertEqual(items.count, 1, file: file, line: line)
    return items.first
  }

  private func block(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> BlockSyntax? {
    guard case .block(let block)? = item(text, file: file, line: line) else {
      XCTFail("not a block", file: file, line: line)
      return nil
    }
    return block
  }

  /// The fields of a block by name (`include X below Y` gives two).
  private func fields(_ block: BlockSyntax?) -> [String: FieldSyntax] {
    var fields: [String: FieldSyntax] = [:]
    for item in block?.items ?? [] { if case .field(let field) = item { fields[field.name.value] = field } }
    return fields
  }

  private func expression(_ text: String) -> (expression: ScenarioLanguage.Expression?, diagnostics: [Diagnostic]) {
    var parser = Parser(source: SourceFile(path: "expression", text: text))
    let expression = parser.parseStandaloneExpression()
    return (expression, parser.diagnostics)
  }

  private func outline(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
    let (expression, diagnostics) = expression(text)
    XCTAssertEqual(diagnostics.map(\.message), [], text, file: file, line: line)
    return expression?.outline
  }

  // MARK: - File structure

  func testScenarioNameAndRange() {
    let text = "# comment\nscenario \"Reference county\" {\n}\n"
    let (syntax, diagnostics) = parse(text)
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(syntax?.name.value, "Reference county")
    XCTAssertEqual(syntax?.name.range, ScenarioFixture.range(of: "\"Reference county\"", in: text))
    XCTAssertEqual(syntax?.range, SourceRange(start: 10, end: text.utf8.count - 1))
    XCTAssertEqual(syntax?.items.count, 0)
    XCTAssertEqual(parse("scenario county {}").syntax?.name.value, "county", "an identifier may name the scenario")
  }

  func testFileLevelErrors() {
    let table: [(text: String, id: String)] = [
      ("", "empty-file"),
      ("  # only a comment\n", "empty-file"),
      ("years 2016 to 2020", "expected-scenario"),
      ("scenario { }", "expected-name"),
      ("scenario \"A\" { } }", "trailing-text"),
      ("scenario \"A\" { } years 2016", "trailing-text"),
      ("scenario \"A\" {\n  years 2016\n", "unclosed-brace"),
      ("scenario \"A\" {\n  scenario \"B\" { }\n}", "nested-scenario"),
    ]
    for (text, id) in table {
      XCTAssertEqual(parse(text).diagnostics.map(\.id), [id], text)
    }
    XCTAssertNil(parse("").syntax, "nothing to return without a header")
    XCTAssertNotNil(parse("scenario \"A\" {").syntax, "an unclosed scenario is still returned")
  }

  // MARK: - Statements

  func testYears() {
    guard case .years(let span)? = item("years 2016 to 2025") else { return XCTFail() }
    XCTAssertEqual(span.first.value, 2016)
    XCTAssertEqual(span.last.value, 2025)
    guard case .years(let dash)? = item("years 2016 - 2020") else { return XCTFail() }
    XCTAssertEqual(dash.last.value, 2020, "a dash is accepted for `to`")
    guard case .years(let single)? = item("years 2018") else { return XCTFail() }
    XCTAssertEqual(single.first.value, 2018)
    XCTAssertEqual(single.last.value, 2018, "one year: first and last are the same")
  }

  func testYearMustBeAWholeNumber() {
    for text in ["years 2016.5 to 2020", "years 2016 to x", "years 1e6"] {
      let diagnostics = parse("scenario \"T\" {\n  \(text)\n}").diagnostics
      XCTAssertEqual(diagnostics.map(\.id), ["expected-year"], text)
    }
  }

  func testParameter() {
    guard case .parameter(let parameter)? = item("let loan_ceiling = 20000 yuan per household") else { return XCTFail() }
    XCTAssertEqual(parameter.name.value, "loan_ceiling")
    XCTAssertEqual(parameter.value.outline, "20000[yuan per household]")
  }

  func testHeaderFields() {
    let parsed = items("replications 200\nseed 20161231\npoverty_line 2952 yuan per person per year indexed 3% per year")
    let fields = parsed.compactMap { item -> FieldSyntax? in if case .field(let field) = item { return field } else { return nil } }
    XCTAssertEqual(fields.map(\.name.value), ["replications", "seed", "poverty_line"])
    XCTAssertEqual(fields.map(\.value.outline), ["200", "20161231", "(indexed 2952[yuan per person per year] 0.03[% per year])"])
    XCTAssertEqual(fields[2].unit?.description, "yuan per person per year", "the unit of an indexed value is its base's")
  }

  func testPopulationWithGroupsAndAttributes() {
    let text = """
      population 20000 households {
        group remote share 30% {
          income ~ lognormal(median: 3400, sigma: 0.55)
          land ~ uniform(0, 3) mu
        }
        group plain share 70%
        size ~ categorical(1: 10%, 2: 90%)
        savings = 0.8 * income * size
      }
      """
    guard case .population(let population)? = item(text) else { return XCTFail() }
    XCTAssertEqual(population.count.name.value, "households")
    XCTAssertEqual(population.count.value.outline, "20000[households]")
    XCTAssertEqual(population.groups.map(\.name.value), ["remote", "plain"])
    XCTAssertEqual(population.groups.map(\.share.value.outline), ["0.3[%]", "0.7[%]"])
    XCTAssertEqual(population.groups[0].attributes.map(\.name.value), ["income", "land"])
    XCTAssertEqual(population.groups[0].attributes.map(\.definition), [.drawn, .drawn])
    XCTAssertEqual(population.groups[0].attributes[1].trailingUnit?.description, "mu")
    XCTAssertEqual(population.groups[1].attributes.count, 0, "a group without a block has no attributes")
    XCTAssertEqual(population.attributes.map(\.name.value), ["size", "savings"])
    XCTAssertEqual(population.attributes.map(\.definition), [.drawn, .derived])
    XCTAssertEqual(population.attributes[0].value.outline, "categorical(1: 0.1[%], 2: 0.9[%])")
    XCTAssertEqual(population.attributes[1].value.outline, "(* (* 0.8 income) size)")
  }

  func testAttributeNeedsTildeOrEquals() {
    let diagnostics = parse("scenario \"T\" {\n population 1 households {\n  income lognormal(median: 1, sigma: 1)\n }\n}").diagnostics
    XCTAssertEqual(diagnostics.map(\.id), ["expected-definition"])
    XCTAssertEqual(diagnostics.first?.hint, "write `income ~ distribution(…)` to draw it, or `income = expression` to compute it")
  }

  func testIncomeGrowthWithAndWithoutGroup() {
    let parsed = items("income growth normal(mean: 4.5%, sd: 12%) per year\nincome growth for remote 3% per year")
    guard parsed.count == 2, case .growth(let common) = parsed[0], case .growth(let remote) = parsed[1] else { return XCTFail() }
    XCTAssertNil(common.group)
    XCTAssertEqual(common.value.value.outline, "normal(mean: 0.045[%], sd: 0.12[%])")
    XCTAssertEqual(common.value.trailingUnit?.description, "per year")
    XCTAssertEqual(remote.group?.value, "remote")
    XCTAssertEqual(remote.value.value.outline, "0.03[% per year]")
  }

  func testIncomeAsAFieldNameWithoutGrowth() {
    // `income` is only a growth statement when followed by `growth`.
    guard case .field(let field)? = item("income 5") else { return XCTFail() }
    XCTAssertEqual(field.name.value, "income")
  }

  func testShockBlock() {
    let shock = block("shock illness {\n probability 7% per year\n cost 35% of income * size\n reimbursed 50%\n}")
    XCTAssertEqual(shock?.keyword.value, "shock")
    XCTAssertEqual(shock?.name?.value, "illness")
    XCTAssertNil(shock?.kind)
    XCTAssertEqual(shock?.pathName, "illness")
    let fields = fields(shock)
    XCTAssertEqual(fields["probability"]?.value.outline, "0.07[% per year]")
    XCTAssertEqual(fields["cost"]?.value.outline, "(* (of 0.35[%] income) size)")
    XCTAssertEqual(fields["reimbursed"]?.value.outline, "0.5[%]")
  }

  func testIdentificationBlock() {
    let text = "identification {\n detect 90% of poor\n include 5% below 1.2 * poverty_line\n}"
    let identification = block(text)
    XCTAssertEqual(identification?.pathName, "identification")
    let fields = fields(identification)
    XCTAssertEqual(Set(fields.keys), ["detect", "include", "include_below"])
    XCTAssertEqual(fields["detect"]?.value.outline, "0.9[%]", "`of poor` is part of the setting, not an `of` product")
    XCTAssertEqual(fields["detect"]?.range, ScenarioFixture.range(of: "detect 90% of poor", in: "scenario \"T\" {\n" + text))
    XCTAssertEqual(fields["include"]?.value.outline, "0.05[%]")
    XCTAssertEqual(fields["include_below"]?.value.outline, "(* 1.2 poverty_line)")
  }

  func testProgrammeHeaders() {
    let relocation = block("programme relocation { }")
    XCTAssertEqual(relocation?.kind?.value, "relocation")
    XCTAssertNil(relocation?.name)
    XCTAssertEqual(relocation?.pathName, "relocation")

    let tea = block("programme industry \"white peony tea\" { }")
    XCTAssertEqual(tea?.kind?.value, "industry")
    XCTAssertNil(tea?.name)
    XCTAssertEqual(tea?.title?.value, "white peony tea")
    XCTAssertEqual(tea?.pathName, "industry")

    let named = block("programme subsidy cash \"Cash for the poor\" { }")
    XCTAssertEqual(named?.kind?.value, "subsidy")
    XCTAssertEqual(named?.name?.value, "cash")
    XCTAssertEqual(named?.pathName, "cash")

    let transfer = block("transfer minimum_living \"minimum living guarantee\" { }")
    XCTAssertEqual(transfer?.keyword.value, "transfer")
    XCTAssertNil(transfer?.kind)
    XCTAssertEqual(transfer?.pathName, "minimum_living")
    XCTAssertEqual(transfer?.title?.value, "minimum living guarantee")
  }

  func testMultiWordSettings() {
    let text = """
      programme relocation {
        years 2017 to 2019
        eligible when group == remote and registered
        let loan_ceiling = 20000 yuan per household
        moves when cost - subsidy <= savings + loan_ceiling
        debt repaid over 5 years
      }
      """
    let relocation = block(text)
    let fields = fields(relocation)
    XCTAssertEqual(Set(fields.keys), ["eligible", "moves_when", "repayment_years"])
    XCTAssertEqual(fields["eligible"]?.value.outline, "(and (== group remote) registered)")
    XCTAssertEqual(fields["eligible"]?.name.range, ScenarioFixture.range(of: "eligible when", in: "scenario \"T\" {\n" + text))
    XCTAssertEqual(fields["moves_when"]?.value.outline, "(<= (- cost subsidy) (+ savings loan_ceiling))")
    XCTAssertEqual(fields["repayment_years"]?.value.outline, "5[years]")
    guard case .years(let years)? = relocation?.items.first else { return XCTFail() }
    XCTAssertEqual(years.first.value...years.last.value, 2017...2019)
    guard case .parameter(let parameter)? = relocation?.items[2] else { return XCTFail() }
    XCTAssertEqual(parameter.name.value, "loan_ceiling")

    let transfer = self.fields(block("transfer dibao { top up to 80% of poverty_line }"))
    XCTAssertEqual(transfer["top_up_to"]?.value.outline, "(of 0.8[%] poverty_line)")
    let singular = self.fields(block("programme relocation { move when true }"))
    XCTAssertEqual(singular["moves_when"]?.value.outline, "true")
  }

  func testUnitWordStartingALineBeginsTheNextStatement() {
    let cash = block("programme subsidy cash {\n eligible when registered\n years 2017 to 2019\n amount 100 yuan\n households 3\n}")
    let items = cash?.items ?? []
    XCTAssertEqual(items.count, 4)
    guard items.count == 4, case .field(let eligible) = items[0], case .years(let years) = items[1], case .field(let amount) = items[2],
      case .field(let households) = items[3]
    else { return XCTFail() }
    XCTAssertNil(eligible.unit, "`years` on the next line is not the unit of the condition")
    XCTAssertEqual(years.first.value...years.last.value, 2017...2019)
    XCTAssertEqual(amount.unit?.description, "yuan")
    XCTAssertEqual(households.name.value, "households")
  }

  func testIncompleteMultiWordSettingIsAnOrdinaryField() {
    // `debt 5` is a field named `debt` (the checker reports it as unknown).
    XCTAssertEqual(Set(fields(block("programme relocation { debt 5 }")).keys), ["debt"])
  }

  func testEffects() {
    let text = """
      programme relocation {
        on join { group = relocated  savings -= 100 }
        next year { income *= 1.25  income /= 2  savings += 1 }
      }
      end of year { savings += 10% of max(0, disposable - poverty_line) * size }
      """
    let parsed = items(text)
    guard parsed.count == 2, case .block(let relocation) = parsed[0], case .yearEnd(let yearEnd) = parsed[1] else { return XCTFail() }
    let lists = relocation.items.compactMap { item -> EffectListSyntax? in if case .effects(let list) = item { return list } else { return nil } }
    XCTAssertEqual(lists.map(\.timing), [.onJoin, .nextYear])
    XCTAssertEqual(lists[0].effects.map(\.target.value), ["group", "savings"])
    XCTAssertEqual(lists[0].effects.map(\.operation), [.set, .subtract])
    XCTAssertEqual(lists[0].effects[0].value.outline, "relocated")
    XCTAssertEqual(lists[1].effects.map(\.operation), [.multiply, .divide, .add])
    XCTAssertEqual(yearEnd.timing, .endOfYear)
    XCTAssertEqual(yearEnd.effects.map(\.target.value), ["savings"])
    XCTAssertEqual(yearEnd.effects[0].value.outline, "(* (of 0.1[%] max(0, (- disposable poverty_line))) size)")
  }

  func testEffectNeedsAnAssignment() {
    let diagnostics = parse("scenario \"T\" {\n end of year { group relocated }\n}").diagnostics
    XCTAssertEqual(diagnostics.map(\.id), ["expected-assignment"])
  }

  func testOptions() {
    let parsed = items(
      """
      option baseline {}
      option "subsidy 40k" { relocation.subsidy = 40000 }
      option high baseline { relocation.subsidy = 60000  population.size.3 = 30%  industry.success = 70% }
      """)
    let options = parsed.compactMap { item -> OptionSyntax? in if case .option(let option) = item { return option } else { return nil } }
    XCTAssertEqual(options.map(\.name.value), ["baseline", "subsidy 40k", "high"])
    XCTAssertEqual(options.map(\.isBaseline), [false, false, true], "`option baseline` names an option; only `NAME baseline` marks one")
    XCTAssertEqual(options[0].overrides.count, 0)
    XCTAssertEqual(options[1].overrides.map(\.path.value), ["relocation.subsidy"])
    XCTAssertEqual(options[1].overrides.map(\.value.outline), ["40000"])
    XCTAssertEqual(options[2].overrides.map(\.path.value), ["relocation.subsidy", "population.size.3", "industry.success"])
  }

  func testParsePath() {
    var parser = Parser(source: SourceFile(path: "p", text: "population.remote.income.median"))
    XCTAssertEqual(parser.parsePath()?.value, "population.remote.income.median")
    parser = Parser(source: SourceFile(path: "p", text: "population.size.3"))
    XCTAssertEqual(parser.parsePath()?.value, "population.size.3")
    parser = Parser(source: SourceFile(path: "p", text: "relocation."))
    XCTAssertNil(parser.parsePath())
    XCTAssertEqual(parser.diagnostics.map(\.id), ["expected-name"])
  }

  // MARK: - Expressions

  func testOperatorPrecedence() {
    let table: [(text: String, outline: String)] = [
      ("1 + 2 * 3", "(+ 1 (* 2 3))"),
      ("1 * 2 + 3", "(+ (* 1 2) 3)"),
      ("1 - 2 - 3", "(- (- 1 2) 3)"),
      ("8 / 4 / 2", "(/ (/ 8 4) 2)"),
      ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
      ("35% of income * size", "(* (of 0.35[%] income) size)"),
      ("a of b + c", "(+ (of a b) c)"),
      ("-x * 2", "(* (- x) 2)"),
      ("-3", "-3"),
      ("- -3", "3"),
      ("a - -1", "(- a -1)"),
      ("a + 1 <= b * 2", "(<= (+ a 1) (* b 2))"),
      ("a != b", "(!= a b)"),
      ("a or b and c", "(or a (and b c))"),
      ("a and b or c", "(or (and a b) c)"),
      ("not a and b", "(and (not a) b)"),
      ("not x > 1", "(not (> x 1))"),
      ("not not a", "(not (not a))"),
      ("group == remote and registered", "(and (== group remote) registered)"),
      ("income >= 1 and registered or not x", "(or (and (>= income 1) registered) (not x))"),
      ("true or false", "(or true false)"),
      ("relocation.subsidy / 2", "(/ relocation.subsidy 2)"),
      ("\"white peony\"", "white peony"),
      ("2952 indexed 3%", "(indexed 2952 0.03[%])"),
      ("a + b indexed r", "(indexed (+ a b) r)"),
    ]
    for (text, expected) in table {
      XCTAssertEqual(outline(text), expected, text)
    }
  }

  func testComparisonsDoNotChain() {
    let (expression, diagnostics) = expression("1 < 2 < 3")
    XCTAssertNil(expression)
    XCTAssertEqual(diagnostics.map(\.id), ["trailing-text"])
  }

  func testSingleEqualsInAConditionIsReported() {
    let (expression, diagnostics) = expression("group = remote")
    XCTAssertEqual(expression?.outline, "(== group remote)", "read as `==` so that checking can go on")
    XCTAssertEqual(diagnostics.map(\.id), ["assignment-in-expression"])
    XCTAssertEqual(diagnostics.first?.hint, "write `==` to compare")
  }

  func testCalls() {
    XCTAssertEqual(outline("max(0, disposable - poverty_line)"), "max(0, (- disposable poverty_line))")
    XCTAssertEqual(outline("lognormal(median: 3400, sigma: 0.55)"), "lognormal(median: 3400, sigma: 0.55)")
    XCTAssertEqual(outline("categorical(1: 10%, 2: 20%, 3: 70%)"), "categorical(1: 0.1[%], 2: 0.2[%], 3: 0.7[%])")
    XCTAssertEqual(outline("categorical(low: 40%, high: 60%)"), "categorical(low: 0.4[%], high: 0.6[%])")
    XCTAssertEqual(outline("f()"), "f()")
    XCTAssertEqual(outline("min(a, b, c,)"), "min(a, b, c)", "a trailing comma is allowed")
    let (call, _) = expression("uniform(0, 3)")
    guard case .call(let name, let arguments)? = call?.kind else { return XCTFail() }
    XCTAssertEqual(name.range, SourceRange(start: 0, end: 7))
    XCTAssertEqual(arguments.count, 2)
    XCTAssertEqual(call?.range, SourceRange(start: 0, end: 13))
  }

  func testUnclosedCall() {
    let (expression, diagnostics) = expression("max(1, 2")
    XCTAssertNil(expression)
    XCTAssertEqual(diagnostics.map(\.id), ["expected-comma"])
    XCTAssertEqual(diagnostics.first?.hint, "is a `)` missing?")
  }

  func testSchedule() {
    XCTAssertEqual(outline("schedule(2016: 18720, 2019: 25000 yuan per household)"), "schedule(2016: 18720, 2019: 25000[yuan per household])")
    let (expression, diagnostics) = expression("schedule(2016 18720)")
    XCTAssertNil(expression)
    XCTAssertEqual(diagnostics.map(\.message), ["expected `:` after the year in a schedule, found `18720`"])
    XCTAssertEqual(self.expression("schedule(x: 1)").diagnostics.map(\.id), ["expected-year"])
  }

  func testUnits() {
    let table: [(text: String, outline: String)] = [
      ("85000 yuan per household", "85000[yuan per household]"),
      ("2952 yuan per person per year", "2952[yuan per person per year]"),
      ("1000 yuan per mu", "1000[yuan per mu]"),
      ("1000 households", "1000[households]"),
      ("5 years", "5[years]"),
      ("3 mu", "3[mu]"),
      ("3% per year", "0.03[% per year]"),
      ("1200 yuan per people per annum", "1200[yuan per person per year]"),
      ("7 per year", "7[per year]"),
    ]
    for (text, expected) in table {
      XCTAssertEqual(outline(text), expected, text)
    }
  }

  func testUnknownUnit() {
    let (_, diagnostics) = expression("5 yuan per week")
    XCTAssertEqual(diagnostics.map(\.id), ["unknown-unit"])
    XCTAssertEqual(diagnostics.first?.message, "unknown unit `per week`")
    XCTAssertEqual(diagnostics.first?.range, SourceRange(start: 7, end: 15))
  }

  func testIndexRateWithAMoneyUnitIsRefused() {
    let (_, diagnostics) = expression("line indexed rate yuan per household")
    XCTAssertEqual(diagnostics.map(\.id), ["unexpected-unit"])
  }

  func testExpressionRangesCoverTheirText() {
    let text = "(a + b) * 10% of c"
    let (expression, _) = expression(text)
    XCTAssertEqual(expression?.range, SourceRange(start: 0, end: text.utf8.count))
    guard case .binary(_, let lhs, _)? = expression?.kind else { return XCTFail() }
    XCTAssertEqual(lhs.range, SourceRange(start: 0, end: 13), "the parenthesised sum times `10%`")
  }

  // MARK: - Commas in numbers

  func testCommaGroupingDigitsIsOneDiagnosticAndOneNumber() {
    let text = "scenario \"T\" {\n programme relocation {\n  cost 85,000 yuan per household\n  subsidy 1\n }\n}"
    let (syntax, diagnostics) = parse(text)
    XCTAssertEqual(diagnostics.map(\.id), ["comma-in-number"])
    XCTAssertEqual(diagnostics.first?.range, ScenarioFixture.range(of: "85,000", in: text))
    XCTAssertEqual(diagnostics.first?.hint, "write `85_000` (or `85000`); commas only separate arguments")
    guard case .block(let block)? = syntax?.items.first else { return XCTFail() }
    let fields = fields(block)
    XCTAssertEqual(fields["cost"]?.value.outline, "85000[yuan per household]", "read as the writer meant")
    XCTAssertEqual(fields["subsidy"]?.value.outline, "1", "the next statement is read normally")
  }

  func testSeveralCommaGroups() {
    let (expression, diagnostics) = expression("1,000,000")
    XCTAssertEqual(expression?.outline, "1000000")
    XCTAssertEqual(diagnostics.map(\.hint), ["write `1_000_000` (or `1000000`); commas only separate arguments"])
  }

  func testCommaInLabelledArgumentGroupsDigits() {
    let (expression, diagnostics) = expression("lognormal(median: 3,400, sigma: 0.55)")
    XCTAssertEqual(expression?.outline, "lognormal(median: 3400, sigma: 0.55)")
    XCTAssertEqual(diagnostics.map(\.id), ["comma-in-number"])
  }

  func testCommaBetweenPositionalArgumentsSeparatesThem() {
    for text in ["uniform(0,100)", "max(1,100)", "categorical(1: 5,100: 95)", "uniform(0, 100)", "max(10,3)"] {
      let (expression, diagnostics) = expression(text)
      XCTAssertEqual(diagnostics, [], text)
      guard case .call(_, let arguments)? = expression?.kind else { return XCTFail(text) }
      XCTAssertEqual(arguments.count, 2, text)
    }
  }

  func testCommaAfterANumberOutsideGroupingIsASyntaxError() {
    // `0,100` cannot be a grouped number; the comma is then unexpected (with the hint).
    let diagnostics = parse("scenario \"T\" {\n seed 0,100\n}").diagnostics
    XCTAssertEqual(diagnostics.map(\.id), ["unexpected-token"])
    XCTAssertEqual(diagnostics.first?.hint, "numbers group digits with `_` (`85_000`), not `,`")
  }

  // MARK: - Recovery

  func testSeveralErrorsAreReportedInOnePass() {
    let text = """
      scenario "R" {
        years 2016 to
        poverty_line 2952 yuan per person per year
        population 100 households {
          income lognormal(median: 1, sigma: 1)
          size = 4
        }
        programme relocation { cost = 5 }
        option "a" { relocation.cost = 1 }
      }
      """
    let (syntax, diagnostics) = parse(text)
    XCTAssertEqual(diagnostics.map(\.id), ["expected-year", "expected-definition", "unexpected-token"])
    XCTAssertEqual(
      diagnostics.map(\.range.start),
      [
        ScenarioFixture.range(of: "poverty_line", in: text).start,
        ScenarioFixture.range(of: "lognormal", in: text).start,
        ScenarioFixture.range(of: "= 5", in: text).start,
      ])
    // The statements around the errors are still read.
    let items = syntax?.items ?? []
    var kinds: [String] = []
    for item in items {
      switch item {
      case .field(let field): kinds.append("field \(field.name.value)")
      case .population(let population): kinds.append("population \(population.attributes.map(\.name.value))")
      case .block(let block): kinds.append("block \(block.pathName) \(block.items.count)")
      case .option(let option): kinds.append("option \(option.name.value) \(option.overrides.count)")
      default: kinds.append("other")
      }
    }
    XCTAssertEqual(kinds, ["field poverty_line", "population [\"size\"]", "block relocation 0", "option a 1"])
  }

  func testRecoveryKeepsTheNextLineAfterAnIncompleteStatement() {
    let text = "scenario \"R\" {\n  years 2016 to\n  poverty_line 2952 yuan per person per yaer\n}"
    let diagnostics = parse(text).diagnostics
    XCTAssertEqual(diagnostics.map(\.id), ["expected-year", "unknown-unit"], "the misspelt unit on the next line is found too")
  }

  func testRecoveryInsideBlocksStopsAtTheClosingBrace() {
    let text = "scenario \"R\" {\n  shock s { probability 5 + }\n  seed 3\n}"
    let (syntax, diagnostics) = parse(text)
    XCTAssertEqual(diagnostics.map(\.id), ["unexpected-token"])
    XCTAssertEqual(syntax?.items.count, 2, "the shock block and `seed`")
  }

  // MARK: - Nesting limit

  func testTenThousandNestedParenthesesGiveOneDiagnostic() {
    let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
    let (syntax, diagnostics) = parse("scenario \"D\" {\n  seed \(deep)\n}\n")
    XCTAssertNotNil(syntax)
    XCTAssertEqual(diagnostics.map(\.id), ["nesting-too-deep"])
    XCTAssertEqual(diagnostics.first?.message, "nesting is deeper than \(Parser.maximumDepth) levels")

    let result = ScenarioFixture.check("scenario \"D\" {\n  seed \(deep)\n}\n")
    XCTAssertEqual(result.diagnostics.map(\.id), ["nesting-too-deep"], "no `missing` errors after it")
  }

  func testDeepPrefixOperatorsGiveOneDiagnostic() {
    for text in [String(repeating: "-", count: 10_000) + "1", String(repeating: "not ", count: 10_000) + "true"] {
      let (expression, diagnostics) = expression(text)
      XCTAssertNil(expression)
      XCTAssertEqual(diagnostics.map(\.id), ["nesting-too-deep"])
    }
  }

  func testModerateNestingIsFine() {
    let text = String(repeating: "(", count: 50) + "1" + String(repeating: ")", count: 50)
    XCTAssertEqual(outline(text), "1")
    XCTAssertEqual(outline(String(repeating: "- ", count: 50) + "x"), String(repeating: "(- ", count: 50) + "x" + String(repeating: ")", count: 50))
  }

  // MARK: - Properties

  /// Every prefix of the reference scenario parses and checks without crashing, and every
  /// diagnostic points inside the text.
  func testEveryPrefixOfTheReferenceScenarioIsHandled() throws {
    let text = try ScenarioFixture.referenceCounty
    let characters = Array(text)
    for length in stride(from: 0, through: characters.count, by: 3) {
      let prefix = String(characters[..<length])
      let source = SourceFile(path: "prefix", text: prefix)
      let result = ScenarioChecker.check(source: source)
      for diagnostic in result.diagnostics {
        XCTAssertLessThanOrEqual(diagnostic.range.end, source.bytes.count, "prefix of \(length) characters")
        XCTAssertLessThanOrEqual(diagnostic.range.start, diagnostic.range.end)
      }
      if length < characters.count - 2 {
        XCTAssertNil(result.scenario, "a cut scenario does not check (\(length) characters)")
        XCTAssertFalse(result.diagnostics.isEmpty, "a cut scenario has diagnostics (\(length) characters)")
      }
      _ = DiagnosticRenderer(sources: [source]).render(result.diagnostics)
    }
  }

  /// Random edits of the reference scenario (deleting, duplicating or replacing a
  /// character) never crash the front end. Deterministic: a fixed-seed generator.
  func testRandomEditsOfTheReferenceScenarioAreHandled() throws {
    let characters = Array(try ScenarioFixture.referenceCounty)
    let alphabet = Array("{}()\":,.%~=<>+-*/#_0123456789 \nabcxyz（×\u{FFFD}")
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      // SplitMix64.
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
    for _ in 0..<300 {
      var edited = characters
      for _ in 0..<(1 + next(4)) {
        let position = next(edited.count)
        switch next(3) {
        case 0: edited.remove(at: position)
        case 1: edited.insert(edited[position], at: position)
        default: edited[position] = alphabet[next(alphabet.count)]
        }
      }
      let source = SourceFile(path: "edited", text: String(edited))
      let result = ScenarioChecker.check(source: source)
      XCTAssertEqual(
        result.scenario == nil, result.diagnostics.contains { $0.severity == .error },
        "a scenario is returned exactly when there is no error")
      for diagnostic in result.diagnostics {
        XCTAssertLessThanOrEqual(diagnostic.range.end, source.bytes.count)
      }
      _ = DiagnosticRenderer(sources: [source]).render(result.diagnostics)
    }
  }
}
