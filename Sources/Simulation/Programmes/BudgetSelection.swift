import ScenarioLanguage

extension YearCycle {
  /// The selection of a capped programme, between its two passes: serves demanding
  /// households in priority order (ties and `registry order` by household index) while the
  /// budget and places of their group last.
  ///
  /// A household is served fully or not at all; one whose cost exceeds what is left of its
  /// budget is passed over and the next is considered (cheaper households may still be
  /// served). Rewrites the cap's `selected` column to 1 for the served and adds the passed
  /// over to `unserved_NAME`.
  ///
  /// - Complexity: O(d log d) for d demanding households.
  mutating func select(_ index: Int, year: Int, metrics: UnsafeMutableBufferPointer<Double>) {
    guard let cap = plan.caps[index] else { return }
    let households = columns.householdCount
    let selected = columns.column(cap.selected)
    let cost = columns.column(cap.cost)
    let key = columns.column(cap.key)
    selectionOrder.removeAll(keepingCapacity: true)
    for i in 0..<households where selected[i] != 0 { selectionOrder.append(Int32(i)) }
    // A strict total order (key, then index; NaN keys last), so any sort gives one result.
    selectionOrder.sort { a, b in
      let ka = key[Int(a)], kb = key[Int(b)]
      if ka.isNaN != kb.isNaN { return kb.isNaN }
      if !ka.isNaN, ka != kb { return ka < kb }
      return a < b
    }
    let line = plan.povertyLine(year: year)
    let budget = cap.rule.budget.map { $0.value(inYear: year, povertyLine: line) ?? 0 } ?? .infinity
    let places = cap.rule.places.map { $0.value(inYear: year, povertyLine: line) ?? 0 } ?? .infinity
    let group = cap.rule.byAttribute.map { columns.column($0) }
    var left: [Double: (budget: Double, places: Double)] = [:]
    var unserved = 0.0
    for household in selectionOrder {
      let i = Int(household)
      let label = group?[i] ?? 0
      var remaining = left[label] ?? (budget, places)
      if remaining.places >= 1, cost[i] <= remaining.budget {
        remaining.budget -= cost[i]
        remaining.places -= 1
        selected[i] = 1
      } else {
        selected[i] = 0
        unserved += 1
      }
      left[label] = remaining
    }
    metrics[catalog.unserved(index)] += unserved
  }
}
