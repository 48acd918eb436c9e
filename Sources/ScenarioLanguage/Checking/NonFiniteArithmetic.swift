/// The places in a scenario whose arithmetic can produce NaN or infinity at run time:
/// divisions (`/`, `/=`), `log`, `sqrt` and `exp`.
///
/// Why: when a run produces a non-finite metric, the command line names these places so the
/// author sees which expressions to guard (e.g. with `max(1, x)`). A constant division by
/// zero is already refused by the checker; these are the ones that depend on households.
public enum NonFiniteArithmetic {
  /// Warnings, one per place, in source order (at most `limit`).
  public static func sites(in source: SourceFile, limit: Int = 10) -> [Diagnostic] {
    var lexer = Lexer(source: source)
    let tokens = lexer.tokenize()
    var sites: [Diagnostic] = []
    for (index, token) in tokens.enumerated() where sites.count < limit {
      let isCall = index + 1 < tokens.count && tokens[index + 1].kind == .leftParen && token.kind == .identifier
      let message: String?
      switch token.kind {
      case .slash: message = "this division gives NaN or infinity when the divisor is 0"
      case .slashAssign: message = "this division gives NaN or infinity when the divisor is 0"
      case .identifier where isCall && token.text == "log": message = "`log` gives NaN or minus infinity for 0 or a negative number"
      case .identifier where isCall && token.text == "sqrt": message = "`sqrt` gives NaN for a negative number"
      case .identifier where isCall && token.text == "exp": message = "`exp` gives infinity for arguments above about 709"
      default: message = nil
      }
      if let message {
        sites.append(
          Diagnostic(
            .warning, id: "non-finite-arithmetic", message: message, file: source.path, range: token.range))
      }
    }
    return sites
  }
}
