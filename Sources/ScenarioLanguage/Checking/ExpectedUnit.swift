/// What a setting measures, for unit and range checks.
enum ExpectedUnit {
  /// Yuan per one of the allowed denominators (`[]` = per household, written `yuan`).
  case money(allowed: [UnitSyntax.Denominator?])
  /// A share between 0% and 100% (probabilities, reimbursement rates, group shares).
  case share
  /// A yearly rate (growth, indexation): any percentage.
  case rate
  /// A whole count of households or years.
  case count(UnitSyntax.Measure)
  /// A plain number (attributes, expressions).
  case number
  /// A condition.
  case condition

  /// How the expected unit is described in messages.
  var description: String {
    switch self {
    case .money(let allowed):
      let forms = allowed.compactMap { $0.map { "`yuan per \($0.rawValue)`" } }
      return forms.count <= 2 ? forms.joined(separator: " or ") : forms.dropLast().joined(separator: ", ") + " or " + (forms.last ?? "")
    case .share: return "a share between 0% and 100%"
    case .rate: return "a yearly rate such as `3% per year`"
    case .count(let measure): return "a whole number of \(measure.rawValue)"
    case .number: return "a number"
    case .condition: return "a condition"
    }
  }
}
