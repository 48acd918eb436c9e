import ScenarioLanguage

/// The village-level draws of one year: which villages a covariate shock hits, and the
/// price factor of each village. Indexed by label code (`ModelRules.labels`), so a
/// household finds its village's value by its attribute's code.
struct YearHazards {
  /// Per shock: 1 where the village (label code) is hit this year (empty for other shocks);
  /// for a county-wide shock one entry, index 0.
  var villageHit: [[Double]] = []
  /// Per price: exp(p) by label code (one entry for a county-wide price).
  var priceFactor: [[Double]] = []
}

/// The log price indices of one replication, carried from year to year (AR(1)).
struct PriceIndices {
  /// Per price: the log index by label code (one entry for a county-wide price).
  var logIndex: [[Double]] = []
}

extension YearCycle {
  /// The counter word of a village's draws: the hash of its label, so that a village keeps
  /// its draws when labels are declared in another order; 0 for the county.
  func villageKey(code: Int, attribute: Int?) -> UInt32 {
    guard attribute != nil, code < plan.rules.labels.count else { return 0 }
    return RandomSource.purpose(plan.rules.labels[code])
  }

  /// Draws the year's village events and moves the price indices, before the first block
  /// (docs/model.md § Villages, disasters, prices and health support).
  ///
  /// A covariate shock hits village v in year t when u(v, t) < probability(t), with u from
  /// the shock's covariate stream at counter (village, t); prices follow
  /// p(v, t) = persistence(t) · p(v, t − 1) + sd(t) · z(v, t), p = 0 in the first year.
  func drawHazards(year: Int, isFirst: Bool, prices: inout PriceIndices, metrics: UnsafeMutableBufferPointer<Double>) -> YearHazards {
    var hazards = YearHazards()
    let line = plan.povertyLine(year: year)
    let labelCount = max(1, plan.rules.labels.count)
    for (index, shock) in plan.shocks.enumerated() {
      guard let hazard = shock.hazard, let covariate = hazard.covariate, shock.rule.years.contains(year) else {
        hazards.villageHit.append([])
        continue
      }
      let probability = hazard.probability.value(inYear: year, povertyLine: line) ?? 0
      let codes = covariate.attribute == nil ? [0] : Array(0..<labelCount)
      var hit = Array(repeating: 0.0, count: codes.count)
      for code in codes {
        let u = columns.random.uniform(
          replication: columns.replication, household: villageKey(code: code, attribute: covariate.attribute), yearIndex: columns.yearIndex,
          purpose: hazard.stream)
        hit[code] = u < probability ? 1 : 0
      }
      hazards.villageHit.append(hit)
      if let metric = catalog.extended.hitVillages[index] {
        var count = 0.0
        for code in covariate.villageCodes where code < hit.count { count += hit[code] }
        metrics[metric] = count
      }
    }
    if prices.logIndex.count != plan.prices.count { prices.logIndex = Array(repeating: [], count: plan.prices.count) }
    for (index, price) in plan.prices.enumerated() {
      let codes = price.rule.attribute == nil ? [0] : Array(0..<labelCount)
      var log = prices.logIndex[index]
      if isFirst || log.count != codes.count {
        log = Array(repeating: 0, count: codes.count)
      } else {
        let persistence = price.rule.persistence.value(inYear: year, povertyLine: line) ?? 0
        let sd = price.rule.sd.value(inYear: year, povertyLine: line) ?? 0
        for code in codes {
          let z = columns.random.standardNormal(
            replication: columns.replication, household: villageKey(code: code, attribute: price.rule.attribute), yearIndex: columns.yearIndex,
            purpose: price.stream)
          log[code] = persistence * log[code] + sd * z
        }
      }
      prices.logIndex[index] = log
      hazards.priceFactor.append(log.map { DeterministicMath.exp($0) })
    }
    return hazards
  }

  /// 2b. Prices: disposable income gains share · income · (exp(p) − 1), p of the household's
  /// village (or the county).
  func applyPrices(_ hazards: YearHazards, start: Int, count: Int) {
    guard !plan.prices.isEmpty else { return }
    let disposable = columns.column(plan.layout.disposable, from: start)
    let income = columns.column(plan.rules.incomeIndex, from: start)
    for (index, price) in plan.prices.enumerated() {
      let share = columns.evaluate(price.share, start: start, count: count, intoScratch: Scratch.first)
      let factor = hazards.priceFactor[index]
      if let attribute = price.rule.attribute {
        let village = columns.column(attribute, from: start)
        for i in 0..<count {
          let code = Int(village[i])
          let f = code >= 0 && code < factor.count ? factor[code] : 1
          disposable[i] += share[i] * income[i] * (f - 1)
        }
      } else {
        let f = factor[0]
        for i in 0..<count { disposable[i] += share[i] * income[i] * (f - 1) }
      }
    }
  }
}
