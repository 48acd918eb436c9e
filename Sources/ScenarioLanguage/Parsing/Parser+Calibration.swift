extension Parser {
  /// calibrate := 'calibrate' '{' (target | free)* '}'
  /// target    := 'target' IDENT INT '=' number ('weight' number)? ('scale' number)?
  /// free      := 'free' path 'between' number 'and' number
  /// number    := '-'? NUMBER '%'?
  mutating func parseCalibration() -> CalibrationSyntax? {
    let start = current.range.start
    advance()
    guard expect(.leftBrace, "`{` to open the calibration") else { recover(); return nil }
    guard enterNesting() else { return nil }
    defer { depth -= 1 }
    var targets: [CalibrationTargetSyntax] = []
    var free: [FreeParameterSyntax] = []
    while current.kind != .rightBrace && current.kind != .endOfFile {
      statementStart = index
      if current.isWord("target") {
        if let target = parseCalibrationTarget() { targets.append(target) } else { recover() }
      } else if current.isWord("free") {
        if let parameter = parseFreeParameter() { free.append(parameter) } else { recover() }
      } else {
        error(
          "unexpected-token", "expected `target` or `free` in the calibration, found \(current.quoted)", current.range,
          hint: "e.g. `target incidence 2013 = 9.21%` or `free growth.mean between 0% and 15%`")
        recover()
      }
    }
    let end = current.range.end
    _ = expect(.rightBrace, "`}` to close the calibration")
    return CalibrationSyntax(targets: targets, free: free, range: SourceRange(start: start, end: end))
  }

  /// target := 'target' IDENT INT '=' number ('weight' number)? ('scale' number)?
  private mutating func parseCalibrationTarget() -> CalibrationTargetSyntax? {
    let start = current.range.start
    advance()
    guard let metric = parseName("a metric name such as `incidence`") else { return nil }
    guard current.kind == .number, let year = Int(current.text) else {
      unexpected(current, expecting: "the year observed, e.g. `2013`")
      return nil
    }
    let yearToken = Located(year, current.range)
    advance()
    guard expect(.assign, "`=` and the observed value") else { return nil }
    guard let observed = parseCalibrationNumber("the observed value, e.g. `9.21%` or `8100`") else { return nil }
    var end = observed.range.end
    var weight: CalibrationNumberSyntax?
    var scale: CalibrationNumberSyntax?
    if current.isWord("weight") && !current.startsLine {
      advance()
      guard let number = parseCalibrationNumber("the target's weight") else { return nil }
      weight = number
      end = number.range.end
    }
    if current.isWord("scale") && !current.startsLine {
      advance()
      guard let number = parseCalibrationNumber("the target's scale") else { return nil }
      scale = number
      end = number.range.end
    }
    return CalibrationTargetSyntax(
      metric: metric, year: yearToken, observed: observed, weight: weight, scale: scale, range: SourceRange(start: start, end: end))
  }

  /// free := 'free' path 'between' number 'and' number
  private mutating func parseFreeParameter() -> FreeParameterSyntax? {
    let start = current.range.start
    advance()
    guard let path = parsePath() else { return nil }
    guard expectWord("between") else { return nil }
    guard let low = parseCalibrationNumber("the lower bound") else { return nil }
    guard expectWord("and") else { return nil }
    guard let high = parseCalibrationNumber("the upper bound") else { return nil }
    return FreeParameterSyntax(path: path, low: low, high: high, range: SourceRange(start: start, end: high.range.end))
  }

  /// number := '-'? NUMBER '%'?
  private mutating func parseCalibrationNumber(_ what: String) -> CalibrationNumberSyntax? {
    let start = current.range.start
    var sign = 1.0
    if current.kind == .minus {
      sign = -1
      advance()
    }
    guard current.kind == .number else {
      unexpected(current, expecting: what)
      return nil
    }
    var value = sign * current.number
    var end = current.range.end
    advance()
    var isPercent = false
    if current.kind == .percent {
      isPercent = true
      value /= 100
      end = current.range.end
      advance()
    }
    return CalibrationNumberSyntax(value: value, isPercent: isPercent, range: SourceRange(start: start, end: end))
  }
}
