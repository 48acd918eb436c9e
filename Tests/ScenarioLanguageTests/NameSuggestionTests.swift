import ScenarioLanguage
import XCTest

/// "Did you mean …?": the edit distance and which names are close enough to suggest.
final class NameSuggestionTests: XCTestCase {
  func testEditDistanceTable() {
    let table: [(a: String, b: String, distance: Int)] = [
      ("", "", 0),
      ("", "abc", 3),
      ("abc", "", 3),
      ("same", "same", 0),
      ("subsdy", "subsidy", 1),  // deletion
      ("subsidyy", "subsidy", 1),  // insertion
      ("subsidx", "subsidy", 1),  // substitution
      ("lnad", "land", 1),  // adjacent swap counts as one edit
      ("ab", "ba", 1),
      ("kitten", "sitting", 3),
      ("flaw", "lawn", 2),
      ("registred", "registered", 1),
      ("replicatons", "replications", 1),
      ("Income", "income", 1),  // case matters for the distance
      ("ca", "abc", 3),  // optimal string alignment: no edit of a swapped pair
      ("名称", "名字", 1),  // characters, not bytes
      ("e\u{301}", "é", 0),  // canonically equivalent characters
    ]
    for (a, b, distance) in table {
      XCTAssertEqual(NameSuggestion.editDistance(a, b), distance, "\(a) → \(b)")
      XCTAssertEqual(NameSuggestion.editDistance(b, a), distance, "\(b) → \(a) (symmetric)")
    }
  }

  func testSuggestions() {
    let table: [(name: String, candidates: [String], suggestion: String)] = [
      ("subsdy", ["cost", "subsidy", "eligible"], "subsidy"),
      ("registred", ["registered", "disposable", "income"], "registered"),
      ("lnad", ["land", "lane"], "land"),  // distance 1 beats distance 2
      ("remot", ["plain", "remote"], "remote"),
      ("sucess", ["success", "grant", "gain"], "success"),
      ("INCOME", ["size", "income"], "income"),  // case-insensitive match wins
      ("Size", ["sizes", "size"], "size"),  // … even over a closer-looking candidate
      ("ab", ["ac"], "ac"),  // short names allow one edit
      ("cat", ["bat", "hat"], "bat"),  // ties: the first candidate
      ("tea.grnt", ["tea.gain", "tea.grant", "tea.success"], "tea.grant"),
    ]
    for (name, candidates, suggestion) in table {
      XCTAssertEqual(NameSuggestion.closest(to: name, among: candidates), suggestion, name)
    }
  }

  func testNoSuggestionWhenNothingIsClose() {
    let table: [(name: String, candidates: [String])] = [
      ("xyz", ["income", "size"]),
      ("ab", ["xy"]),  // two edits in a two-letter name
      ("abcdef", ["abcxyz"]),  // three edits: more than a third of six letters
      ("zzzzzz", []),
      ("cost", ["cost"]),  // the name itself is not a suggestion
    ]
    for (name, candidates) in table {
      XCTAssertNil(NameSuggestion.closest(to: name, among: candidates), name)
      XCTAssertNil(NameSuggestion.hint(for: name, among: candidates), name)
    }
  }

  func testLimitIsAThirdOfTheLongerName() {
    // Nine letters allow three edits, not four.
    XCTAssertEqual(NameSuggestion.closest(to: "abcdefghi", among: ["abcdefxyz"]), "abcdefxyz")
    XCTAssertNil(NameSuggestion.closest(to: "abcdefghi", among: ["abcdewxyz"]))
  }

  func testHintSentence() {
    XCTAssertEqual(NameSuggestion.hint(for: "subsdy", among: ["subsidy"]), "did you mean `subsidy`?")
  }
}
