/// The help text of each subcommand.
enum HelpText {
  static let overview = """
    OVERVIEW: PolicySim simulates poverty-alleviation policy options with a Monte Carlo model of rural households.

    USAGE: policysim <subcommand>

    SUBCOMMANDS:
      run        Simulate a scenario and write summary.csv, comparison.csv and manifest.json.
      check      Check a scenario and report every error in it.
      plot       Draw a figure of a results folder as SVG (fan chart, bars, difference, sweep).
      notebook   Export a Jupyter notebook that loads a results folder and redraws its figures.
      compare    Print options against the baseline, with paired 95% CIs, from a results folder.
      target     Find the least parameter value at which a metric meets a target.
      calibrate  Fit the scenario's free parameters to its calibration targets.
      merge      Merge shards (run --replications A..<B) into the results of the whole run.
      slurm      Write a Slurm job array that runs a scenario as shards and merges them.
      fmt        Print scenarios in canonical layout (comments kept), or rewrite them in place.

      See 'policysim help <subcommand>' for detailed help.
    """

  static let run = """
    OVERVIEW: Simulate a scenario and write summary.csv, comparison.csv and manifest.json.

    USAGE: policysim run <scenario-file> [--replications <R>] [--seed <S>] [--threads <T>] [--households <H>] [--set <path=value> ...] [--sweep <path=a:b:s> ...] [--discount <rate>] [--overlay <file>] [--out <dir>] [--plot] [--quiet]

    ARGUMENTS:
      <scenario-file>         The scenario to simulate.

    OPTIONS:
      --replications <R>      Monte Carlo replications (default: the scenario's). A range A..<B runs only
                              replications A to B-1 (a shard) and also writes replications.csv,
                              every replication's metrics, for 'policysim merge'.
      --seed <S>              Random seed (default: the scenario's).
      --threads <T>           Worker threads (default: all cores). Results do not depend on it.
      --households <H>        Households in the synthetic population (default: the scenario's).
      --set <path=value>      Override a parameter for every option, e.g. --set relocation.subsidy=40000.
                              Repeatable. Options that set the same parameter keep their own value.
      --sweep <path=a:b:s>    Sweep a parameter from a to b by s (or --sweep <path=v1,v2,...> over a list):
                              one option per value, the baseline plus that value. Up to twice (a grid).
                              Replaces the scenario's own sweeps.
      --discount <rate>       Discount rate of the cost-effectiveness rows, e.g. 3% (default: the scenario's, else 0%).
      --overlay <file>        Apply a file of 'path = value' lines (e.g. calibrate's fitted.overlay) as --set, before --set.
      --out <dir>             Output folder (default: results/<scenario file name>).
      --plot                  Also write the headline SVG figures (see policysim plot) next to the CSV files.
      --quiet                 Print nothing but errors (and no progress line on a terminal).
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

  static let compare = """
    OVERVIEW: Print options against the baseline, with paired 95% CIs, from a results folder.

    USAGE: policysim compare <results-dir> [--year <Y>|all] [--metrics <a,b,...>] [--format text|markdown|csv] [--baseline <name>]

    ARGUMENTS:
      <results-dir>           A folder written by 'policysim run' (with manifest.json).

    OPTIONS:
      --year <Y>|all          The year to show, or all (default: the last).
      --metrics <a,b,...>     Metrics to show (default: incidence,poverty_gap,cost_total).
      --format <format>       text (default), markdown or csv.
      --baseline <name>       Check that the run's baseline is this option (differences are stored against it).
      -h, --help              Show help information.
    """

  static let notebook = """
    OVERVIEW: Export a Jupyter notebook that loads a results folder and redraws its figures.

    The notebook (nbformat 4.5, unexecuted) reads summary.csv and comparison.csv with pandas,
    explains them from manifest.json, and draws with matplotlib: a fan chart of incidence per
    option, the poverty gap, the cost per year and the difference from the baseline with its
    95% CI. The same results folder always gives the same notebook bytes.

    USAGE: policysim notebook <results-dir> [--out <file.ipynb>] [--data <path>] [--quiet]

    ARGUMENTS:
      <results-dir>           A folder written by 'policysim run' (with manifest.json).

    OPTIONS:
      --out <file.ipynb>      The notebook to write (default: notebooks-export/<results-dir name>.ipynb).
      --data <path>           The results folder as the notebook names it (default: its path
                              relative to the notebook's folder).
      --quiet                 Print nothing but errors.
      -h, --help              Show help information.
    """

  static let target = """
    OVERVIEW: Find the least parameter value at which a metric meets a target.

    USAGE: policysim target <scenario-file> --parameter <path> --metric <name> (--at-most <v>|--at-least <v>) --high <H> [--low <L>] [--year <Y>] [--confidence <c>] [--replications <R>] [--tolerance <T>] [--out <dir>]

    ARGUMENTS:
      <scenario-file>         The scenario; its baseline option is searched.

    OPTIONS:
      --parameter <path>      The parameter to vary, e.g. relocation.subsidy (see 'policysim check --parameters').
      --metric <name>         The metric to reach, e.g. incidence.
      --at-most <v>           Target: the metric's upper confidence bound at most v (3% or 0.03).
      --at-least <v>          Target: the metric's lower confidence bound at least v.
      --low <L>, --high <H>   The parameter's range (default --low 0); a value with % is a percentage.
      --year <Y>              The year of the target (default: the last).
      --confidence <c>        One-sided confidence of the bound (default: 95%).
      --replications <R>      Replications per evaluation, doubled near the answer (default: the scenario's).
      --tolerance <T>         Width of the final bracket (default: (H - L) / 100).
      --seed <S>, --households <H>, --threads <T>, --set <path=value>
                              As for 'policysim run'.
      --out <dir>             Output folder for target.csv and manifest.json (default: results/<scenario>-target).
      --quiet                 Print nothing but errors.
      -h, --help              Show help information.
    """

  static let plot = """
    OVERVIEW: Draw a figure of a results folder as SVG (fan chart, bars, difference, sweep).

    Kinds: fan (per option over the years: median line, p25-p75 and p05-p95 bands across
    replications), bars (options side by side in one year, whiskers the 95% CI of the mean),
    difference (each option minus the baseline over the years, with its 95% CI band, from
    comparison.csv), sweep (one year against the swept parameter's value; needs a run of a
    scenario with a sweep). The same results always give the same SVG bytes.

    USAGE: policysim plot <results-dir> [--metric <name>] [--kind fan|bars|difference|sweep] [--options <a,b,...>] [--year <Y>] [--out <file.svg>] [--quiet]

    ARGUMENTS:
      <results-dir>           A folder written by 'policysim run' (with summary.csv).

    OPTIONS:
      --metric <name>         The metric to draw, as in summary.csv (default: incidence).
      --kind <kind>           fan (default), bars, difference or sweep.
      --options <a,b,...>     Options to draw, in this order (default: all).
      --year <Y>              The year of a bars or sweep chart (default: the last).
      --out <file.svg>        The file to write (default: <results-dir>/<metric>-<kind>.svg).
      --quiet                 Print nothing but errors.
      -h, --help              Show help information.
    """

  static let calibrate = """
    OVERVIEW: Fit the scenario's free parameters to its calibration targets.

    USAGE: policysim calibrate <scenario-file> [--replications <R>] [--seed <S>] [--households <H>] [--threads <T>] [--set <path=value> ...] [--max-evaluations <M>] [--out <dir>] [--quiet]

    ARGUMENTS:
      <scenario-file>         A scenario with a 'calibrate { target … free … }' block.

    OPTIONS:
      --replications <R>      Replications per simulation (default: the scenario's).
      --seed <S>, --households <H>, --threads <T>, --set <path=value>
                              As for 'policysim run'.
      --max-evaluations <M>   Stop after M simulations (default: 200).
      --out <dir>             Output folder for calibration.csv, fitted.overlay and manifest.json
                              (default: results/<scenario>-calibration).
      --quiet                 Print nothing but errors.
      -h, --help              Show help information.
    """

  static let merge = """
    OVERVIEW: Merge shards (run --replications A..<B) into the results of the whole run.

    The shards must come from one run (same scenario bytes, seed, households, options,
    settings, sweeps) and their ranges must together cover 0..<R without overlap. The merged
    summary.csv and comparison.csv are byte-identical to those of a single run of R
    replications; replications.csv and manifest.json are written too.

    USAGE: policysim merge <shard-dir> ... --out <dir> [--force] [--quiet]

    ARGUMENTS:
      <shard-dir>             Results folders written by 'policysim run … --replications A..<B'.

    OPTIONS:
      --out <dir>             The merged results folder.
      --force                 Write into a non-empty folder that has no manifest.json.
      --quiet                 Print nothing but errors.
      -h, --help              Show help information.
    """

  static let slurm = """
    OVERVIEW: Write a Slurm job array that runs a scenario as shards and merges them.

    Writes <dir>/job.sbatch (a job array: task I runs 'policysim run … --replications A..<B
    --out <dir>/part-I'), <dir>/merge.sbatch (merges the parts into <dir>/merged) and
    <dir>/submit.sh (submits both, the merge with --dependency=afterok on the array).
    Paths in the scripts are absolute. See docs/cluster.md.

    USAGE: policysim slurm <scenario-file> --shards <N> --out <dir> [--replications <R>] [--partition <P>] [--time <T>] [--cpus-per-task <C>] [--account <A>] [--sbatch <option> ...] [run options]

    ARGUMENTS:
      <scenario-file>         The scenario to simulate.

    OPTIONS:
      --shards <N>            Array tasks; the replications are split into N contiguous ranges.
      --out <dir>             Folder of the scripts, logs/, part-I/ and merged/.
      --replications <R>      Replications in all (default: the scenario's).
      --partition <P>         #SBATCH --partition of every job.
      --time <T>              #SBATCH --time of every job, e.g. 02:00:00.
      --cpus-per-task <C>     Cores per shard (default: 1); the shard runs with --threads C.
      --account <A>           #SBATCH --account of every job.
      --sbatch <option>       Any other sbatch option for every job, e.g. --sbatch=--mem=4G. Repeatable.
      --seed <S>, --households <H>, --threads <T>, --set <path=value>, --sweep <…>, --discount <rate>, --overlay <file>
                              As for 'policysim run'; passed to every shard.
      --quiet                 Print nothing but errors.
      -h, --help              Show help information.
    """

  static let fmt = """
    OVERVIEW: Print scenarios in canonical layout (comments kept), or rewrite them in place.

    USAGE: policysim fmt <scenario-file> ... [--write | --check]

    ARGUMENTS:
      <scenario-file>         The scenarios to format. Without an option, the formatted text is printed.

    OPTIONS:
      -w, --write             Rewrite each file that is not in canonical layout (atomically) and name it.
      --check                 Change nothing; name each file that is not in canonical layout and exit 1 if any.
      -h, --help              Show help information.

    Layout: two spaces per block, one statement per line, canonical spelling of settings and numbers.
    Every comment is kept. A file with syntax errors is reported (exit 1) and never rewritten, and no
    file is rewritten unless its formatted text parses to the same scenario.
    """

  static func forCommand(_ name: String?) -> String {
    switch name {
    case "fmt": return fmt
    case "merge": return merge
    case "slurm": return slurm
    case "calibrate": return calibrate
    case "plot": return plot
    case "target": return target
    case "notebook": return notebook
    case "compare": return compare
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
