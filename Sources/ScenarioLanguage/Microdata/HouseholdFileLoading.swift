extension ScenarioSyntax {
  /// Reads the household file of a `population from "…"` block into its `table`, reporting
  /// why it cannot be read. Paths are relative to `directory` (the scenario's folder).
  ///
  /// The file is read once here, before the options are checked, so that every option and
  /// sweep point sees the same table.
  mutating func readHouseholdFiles(directory: String, scenarioFile: String, diagnostics: inout DiagnosticList) {
    // Items are only read until a table is stored: a scenario with thousands of options is
    // not copied for nothing.
    for (index, item) in items.enumerated() {
      guard case .population(var population) = item, var microdata = population.microdata else { continue }
      let written = microdata.file.value
      func report(_ message: String, hint: String?) {
        diagnostics.append(Diagnostic(id: "household-file", message: message, file: scenarioFile, range: microdata.file.range, hint: hint))
      }
      if let (message, hint) = HouseholdFile.problem(withName: written) {
        report(message, hint: hint)
        continue
      }
      let path = HouseholdFile.resolve(written, in: directory)
      switch HouseholdFile.bytes(atPath: path, written: written) {
      case .failure(let problem):
        report(problem.message, hint: "household files are named relative to the scenario file's folder")
      case .success(let bytes):
        switch HouseholdTable.read(bytes) {
        case .failure(let problems):
          for (offset, problem) in problems.problems.enumerated() {
            let isLast = offset == problems.problems.count - 1
            report(
              "`\(written)`: \(problem.message)",
              hint: [problem.hint, isLast && problems.more > 0 ? "and \(problems.more) more \(problems.more == 1 ? "problem" : "problems") like these" : nil]
                .compactMap { $0 }.joined(separator: "; ").nilIfEmpty)
          }
        case .success(let table):
          microdata.table = table
          microdata.resolvedPath = path
          population.microdata = microdata
          items[index] = .population(population)
        }
      }
    }
  }
}

extension String {
  /// nil for the empty string.
  fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
