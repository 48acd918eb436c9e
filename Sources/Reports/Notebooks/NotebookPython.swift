/// The text of an exported notebook's cells: Python (pandas, matplotlib) and the Markdown
/// that explains each table and figure.
///
/// The code reads columns and metrics by name, so it keeps working when a results folder
/// has extra columns (swept parameters) or extra metrics; figures use the Okabe–Ito palette,
/// which readers with the common forms of colour blindness tell apart.
enum NotebookPython {
  /// Imports, the results path, the scenario's names, and the figures' style.
  static func setup(resultsPath: String, scenario: String, baseline: String) -> String {
    #"""
    from pathlib import Path

    import matplotlib.pyplot as plt
    import pandas as pd
    from matplotlib.ticker import MaxNLocator

    # The run's results folder, relative to this notebook: change it to read another run.
    RESULTS = Path(\#(NotebookJSON.quoted(resultsPath)))
    SCENARIO = \#(NotebookJSON.quoted(scenario))
    BASELINE = \#(NotebookJSON.quoted(baseline))

    # Okabe–Ito palette: distinguishable with the common forms of colour blindness.
    PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
    plt.rcParams.update({
        "axes.prop_cycle": plt.cycler(color=PALETTE),
        "axes.grid": True,
        "grid.alpha": 0.3,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.dpi": 100,
        "font.size": 11,
    })
    """#
  }

  /// The text of the `summaryAbout` cell (Markdown).
  static let summaryAbout = """
    ## `summary.csv`: each metric across replications

    One row per option × year × metric. `mean`, `sd` and `se` (the standard error of the mean, the Monte Carlo error) are taken over the replications; `p05` … `p95` are quantiles across replications, so they show how much the metric varies from one simulated history to another, not across households. Metrics are defined in the PolicySim documentation (`docs/outputs.md`): `incidence` is the share of persons below the poverty line, `poverty_gap` the FGT1 index, `cost_total` the fiscal cost of all programmes in the year (yuan).
    """

  /// The text of the `summaryLoad` cell (code).
  static let summaryLoad = #"""
    def read_table(name, numeric):
        """A CSV of the results folder; "NaN", "Inf", "-Inf" and empty fields in the numeric
        columns are numbers (empty: missing), and names such as "NA" stay text."""
        table = pd.read_csv(RESULTS / name, keep_default_na=False, na_values=["", "NaN"])
        for column in numeric:
            if column in table:
                table[column] = pd.to_numeric(table[column], errors="coerce")
        return table


    summary = read_table("summary.csv", ["year", "mean", "sd", "se", "p05", "p25", "p50", "p75", "p95"])
    OPTIONS = list(dict.fromkeys(summary["option"]))  # in the scenario's order
    COLOURS = {option: PALETTE[index % len(PALETTE)] for index, option in enumerate(OPTIONS)}
    # Past eight options the colours repeat: the line style then tells them apart.
    DASHES = {option: ["-", "--", ":"][index // len(PALETTE) % 3] for index, option in enumerate(OPTIONS)}
    YEARS = sorted(summary["year"].unique())
    print(f"{len(OPTIONS)} options, {YEARS[0]} to {YEARS[-1]}, {summary['metric'].nunique()} metrics")
    summary.head(10)
    """#

  /// The text of the `comparisonAbout` cell (Markdown).
  static func comparisonAbout(baseline: String) -> String {
    """
    ## `comparison.csv`: each option minus the baseline

    One row per option other than the baseline (*\(RunNotebook.escaped(baseline))*) × year × metric. `difference` is the mean over replications of the paired difference option − baseline; since both use the same random numbers in each replication, its standard error `se` is much smaller than either mean's. `ci95_low` and `ci95_high` bound a normal 95% confidence interval, and `distinguishable` says whether it excludes 0.
    """
  }

  /// The text of the `comparisonLoad` cell (code).
  static let comparisonLoad = #"""
    comparison = read_table(
        "comparison.csv", ["year", "option_mean", "baseline_mean", "difference", "se", "ci95_low", "ci95_high"]
    )
    comparison["distinguishable"] = comparison["distinguishable"] == "yes"
    print(f"{len(comparison)} rows; {int(comparison['distinguishable'].sum())} differences distinguishable from 0")
    comparison.head(10)
    """#

  /// The text of the `headlineAbout` cell (Markdown).
  static let headlineAbout = """
    ## The last year at a glance

    Mean over replications, per option, of the headline metrics in the last simulated year.
    """

  /// The text of the `headline` cell (code).
  static let headline = #"""
    HEADLINE = ["incidence", "poverty_gap", "mean_income", "relocated_households", "cost_total"]
    last = summary[(summary["year"] == YEARS[-1]) & summary["metric"].isin(HEADLINE)]
    table = last.pivot_table(index="option", columns="metric", values="mean", sort=False)
    table.reindex(index=[o for o in OPTIONS if o in table.index], columns=[m for m in HEADLINE if m in table.columns])
    """#

  /// The text of the `fanAbout` cell (Markdown).
  static let fanAbout = """
    ## Poverty incidence: fan chart per option

    For each option, the median across replications (line), the band from the 25th to the 75th percentile (dark) and from the 5th to the 95th (light), year by year.
    """

  /// The text of the `fanChart` cell (code).
  static let fanChart = #"""
    def fan_chart(metric, ylabel, scale=1.0):
        """One panel per option: median line, p25–p75 and p05–p95 bands across replications."""
        rows = summary[summary["metric"] == metric]
        if rows.empty:
            print(f"summary.csv has no metric {metric!r}")
            return
        columns = min(len(OPTIONS), 3)
        panels = -(-len(OPTIONS) // columns)
        figure, axes = plt.subplots(panels, columns, figsize=(4.2 * columns, 3.3 * panels), sharex=True, sharey=True, squeeze=False, layout="constrained")
        for ax, option in zip(axes.flat, OPTIONS):
            data = rows[rows["option"] == option].sort_values("year")
            colour = COLOURS[option]
            ax.fill_between(data["year"], data["p05"] * scale, data["p95"] * scale, color=colour, alpha=0.18, linewidth=0, label="p05–p95")
            ax.fill_between(data["year"], data["p25"] * scale, data["p75"] * scale, color=colour, alpha=0.40, linewidth=0, label="p25–p75")
            ax.plot(data["year"], data["p50"] * scale, color=colour, linewidth=2, label="median")
            ax.set_title(option)
            ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
            ax.tick_params(labelbottom=True)
        for ax in list(axes.flat)[len(OPTIONS):]:
            ax.set_visible(False)
        for ax in axes[:, 0]:
            ax.set_ylabel(ylabel)
        for ax in axes.flat:
            ax.set_xlabel("year")
        axes.flat[0].legend(loc="best", fontsize=9)
        figure.suptitle(f"{SCENARIO}: {metric}")
        plt.show()
    """#

  /// The text of the `fanIncidence` cell (code).
  static let fanIncidence = #"""
    fan_chart("incidence", "poor persons (% of persons)", scale=100)
    """#

  /// The text of the `gapAbout` cell (Markdown).
  static let gapAbout = """
    ## Poverty gap (FGT1)

    The person-weighted mean of the shortfall below the line, as a share of the line (0 when nobody is poor): it falls when the poor get closer to the line even if they do not cross it.
    """

  /// The text of the `fanGap` cell (code).
  static let fanGap = #"""
    fan_chart("poverty_gap", "poverty gap, FGT1 (% of the line)", scale=100)
    """#

  /// The text of the `costAbout` cell (Markdown).
  static let costAbout = """
    ## Fiscal cost per year

    Total cost of all programmes and transfers in each year: the mean across replications (line) and the 5th to 95th percentile band, in million yuan.
    """

  /// The text of the `cost` cell (code).
  static let cost = #"""
    rows = summary[summary["metric"] == "cost_total"]
    if rows.empty:
        print("summary.csv has no metric 'cost_total'")
    else:
        figure, ax = plt.subplots(figsize=(10, 4.5), layout="constrained")
        for option in OPTIONS:
            data = rows[rows["option"] == option].sort_values("year")
            ax.fill_between(data["year"], data["p05"] / 1e6, data["p95"] / 1e6, color=COLOURS[option], alpha=0.15, linewidth=0)
            ax.plot(data["year"], data["mean"] / 1e6, color=COLOURS[option], linestyle=DASHES[option], linewidth=2, marker="o", markersize=3, label=option)
        ax.set_xlabel("year")
        ax.set_ylabel("cost (million yuan per year)")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title(f"{SCENARIO}: total fiscal cost")
        figure.legend(fontsize=9, loc="outside right upper")
        plt.show()
    """#

  /// The text of the `differenceAbout` cell (Markdown).
  static func differenceAbout(baseline: String) -> String {
    """
    ## Difference from the baseline

    Each option minus the baseline (*\(RunNotebook.escaped(baseline))*), with the paired 95% confidence interval as a band: where the band does not cross 0 the options are distinguishable at this number of replications.
    """
  }

  /// The text of the `difference` cell (code).
  static let difference = #"""
    METRICS = [("incidence", "incidence (percentage points)", 100), ("cost_total", "cost (million yuan per year)", 1e-6)]
    others = [option for option in OPTIONS if option != BASELINE]
    if not others or comparison.empty:
        print("only the baseline: nothing to compare")
    else:
        figure, axes = plt.subplots(1, len(METRICS), figsize=(13, 4.5), squeeze=False, layout="constrained")
        for ax, (metric, ylabel, scale) in zip(axes.flat, METRICS):
            rows = comparison[comparison["metric"] == metric]
            for option in others:
                data = rows[rows["option"] == option].sort_values("year")
                if data.empty:
                    continue
                ax.fill_between(data["year"], data["ci95_low"] * scale, data["ci95_high"] * scale, color=COLOURS[option], alpha=0.25, linewidth=0)
                ax.plot(data["year"], data["difference"] * scale, color=COLOURS[option], linestyle=DASHES[option], linewidth=2, label=option)
            ax.axhline(0, color="black", linewidth=0.8)
            ax.set_title(f"{metric}: option − {BASELINE}")
            ax.set_xlabel("year")
            ax.set_ylabel(ylabel)
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        handles, labels = axes.flat[0].get_legend_handles_labels()
        if handles:
            figure.legend(handles, labels, fontsize=9, loc="outside right upper")
        figure.suptitle(f"{SCENARIO}: difference from {BASELINE} with 95% CI")
        plt.show()
    """#
}
