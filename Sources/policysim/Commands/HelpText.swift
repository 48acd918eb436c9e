/// The help text of each subcommand.
enum HelpText {
  static let overview = """
    OVERVIEW: PolicySim simulates poverty-alleviation policy options with a Monte Carlo model of rural households.

    USAGE: policysim <subcommand>

    SUBCOMMANDS:
      run        Simulate a scenario and write summary.csv, comparison.csv and manifest.json.
      check      Check a scenario and report every error in it.

      See 'policysim help <subcommand>' for detailed help.
    """

  static let run = """
    OVERVIEW: Simulate a scenario and write summary.csv, comparison.csv and manifest.json.

    USAGE: policysim run <scenario-file> [--replications <R>] [--seed <S>] [--threads <T>] [--households <H>] [--set <path=value> ...] [--out <dir>] [--quiet]

    ARGUMENTS:
      <scenario-file>         The scenario to simulate.

    OPTIONS:
      --replications <R>      Monte Carlo replications (default: the scenario's).
      --seed <S>              Random seed (default: the scenario's).
      --threads <T>           Worker threads (default: all cores). Results do not depend on it.
      --households <H>        Households in the synthetic population (default: the scenario's).
      --set <path=value>      Override a parameter for every option, e.g. --set relocation.subsidy=40000.
                              Repeatable. Options that set the same parameter keep their own value.
      --out <dir>             Output folder (default: results/<scenario file name>).
      --quiet                 Print nothing but errors.
      -h, --help              Show help information.
    """

  static let check = """
    OVERVIEW: Check a scenario and report every error in it.

    USAGE: policysim check <scenario-file> [--set <path=value> ...] [--parameters]

    ARGUMENTS:
      <scenario-file>         The scenario to check.

    OPTIONS:
      --set <path=value>      Check with a parameter overridden, as 'run' would.
      --parameters            List every parameter path that options and --set can override.
      -h, --help              Show help information.
    """

  static func forCommand(_ name: String?) -> String {
    switch name {
    case "run": return run
    case "check": return check
    default: return overview
    }
  }

  static func usageLine(_ name: String?) -> String {
    let text = forCommand(name)
    return text.split(separator: "\n").first { $0.hasPrefix("USAGE:") }.map(String.init) ?? "USAGE: policysim <subcommand>"
  }
}
