import XCTest

@testable import Simulation

/// `programme training`: trainees, cost per trainee, jobs from next year, wages, job loss.
final class TrainingTests: XCTestCase {
  func testTraineeEarnsTheWageFromNextYearUntilTheJobIsLost() throws {
    let text = ScenarioRun.tiny(
      years: "2016 to 2019",
      population: """
            income = 2000
            size = 2
            labour = 1
        """,
      body: """
          programme training skills "skills training" {
            eligible when registered and labour >= 1
            cost 3000 yuan per person
            employment 100%
            wage 4000 yuan per household per year
            job loss 0% per year
          }
          option baseline {}
          option "no job" { skills.employment = 0% }
          option "lost" { skills.job_loss = 100% }
        """)
    let results = try ScenarioRun.results(text)
    let years = 2016...2019
    // Trained once in 2016 (3000 per trainee); employed from 2017: d = 2000 + 4000/2.
    XCTAssertEqual(years.map { results.value("participants_skills", year: $0) }, [1, 0, 0, 0])
    XCTAssertEqual(years.map { results.value("cost_skills", year: $0) }, [3000, 0, 0, 0])
    XCTAssertEqual(years.map { results.value("employed_skills", year: $0) }, [0, 1, 1, 1])
    XCTAssertEqual(years.map { results.value("mean_income", year: $0) }, [2000, 4000, 4000, 4000])
    XCTAssertEqual(years.map { results.value("cost_total", year: $0) }, [3000, 0, 0, 0])
    // No job found: trained, never paid.
    XCTAssertEqual(years.map { results.value("employed_skills", year: $0, option: "no job") }, [0, 0, 0, 0])
    XCTAssertEqual(years.map { results.value("mean_income", year: $0, option: "no job") }, [2000, 2000, 2000, 2000])
    // Job lost after the first paid year.
    XCTAssertEqual(years.map { results.value("employed_skills", year: $0, option: "lost") }, [0, 1, 0, 0])
    XCTAssertEqual(years.map { results.value("mean_income", year: $0, option: "lost") }, [2000, 4000, 2000, 2000])
  }
}
