import ScenarioLanguage

extension YearCycle {
  /// The stream of the bootstrap draws (one uniform per household, replication 0th year).
  static let bootstrapStream = RandomSource.purpose(MicrodataPopulation.bootstrapStream)

  /// Fills the mapped attribute columns (and the sampling weights) of households `start
  /// ..< start + count` from the household file: household `i` is row `i`, or with
  /// `bootstrap` (or when the run simulates another number of households than the file has
  /// rows, as `--households` asks) the row `⌊u · rows⌋` for a uniform `u` of
  /// `population.bootstrap`.
  ///
  /// Determinism: the rows drawn depend on (seed, replication, household) only, so every
  /// option of a replication simulates the same sample, and no other stream is touched.
  func fillFromMicrodata(start: Int, count: Int) {
    guard let microdata = plan.rules.microdata else { return }
    let rows = columns.scratchBuffer(Scratch.growth)
    // A household count other than the file's (`--households`) also resamples rows.
    if microdata.bootstrap != nil || columns.householdCount != microdata.rowCount {
      columns.fillUniforms(stream: Self.bootstrapStream, start: start, into: UnsafeMutableBufferPointer(start: rows, count: count))
      let rowCount = Double(microdata.rowCount)
      for i in 0..<count { rows[i] = min((rows[i] * rowCount).rounded(.down), rowCount - 1) }
    } else {
      for i in 0..<count { rows[i] = Double(start + i) }
    }
    for mapped in microdata.columns {
      let target = columns.column(mapped.attribute, from: start)
      mapped.values.withUnsafeBufferPointer { values in
        for i in 0..<count { target[i] = values[Int(rows[i])] }
      }
    }
    if let weights = microdata.weights, plan.layout.householdWeight >= 0 {
      let target = columns.column(plan.layout.householdWeight, from: start)
      weights.withUnsafeBufferPointer { values in
        for i in 0..<count { target[i] = values[Int(rows[i])] }
      }
    }
  }

  /// The person weights of a block: the size column itself for an unweighted population
  /// (so synthetic results are unchanged bit for bit), else size × sampling weight, kept in
  /// the `personWeight` column for the year's median.
  func personWeights(size: UnsafeMutablePointer<Double>, start: Int, count: Int) -> UnsafeMutablePointer<Double> {
    guard plan.layout.personWeight >= 0 else { return size }
    let weight = columns.column(plan.layout.householdWeight, from: start)
    let persons = columns.column(plan.layout.personWeight, from: start)
    for i in 0..<count { persons[i] = size[i] * weight[i] }
    return persons
  }
}
