/// The colours of options in figures: the Okabe–Ito palette, distinguishable by readers with
/// the common forms of colour blindness, each with a dash pattern as well, so that lines
/// stay apart in greyscale print and where two options coincide (the later one's dashes
/// let the earlier one show through).
///
/// An option keeps its colour in every figure of a results folder: the colour is chosen by
/// the option's position in the scenario, not by its position in one figure.
public enum ColourPalette {
  /// Okabe–Ito colours in the order used (yellow last: it is faint on white).
  public static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]

  /// Dash patterns for lines (solid first); (colour, dash) pairs repeat after 32 options.
  public static let dashes = ["", "6 3", "2 3", "8 3 2 3"]

  /// The colour of the option at `index` (0-based, scenario order).
  public static func colour(_ index: Int) -> String {
    colours[((index % colours.count) + colours.count) % colours.count]
  }

  /// The dash pattern of the option at `index` ("" for a solid line).
  public static func dash(_ index: Int) -> String {
    let index = max(0, index)
    return dashes[(index + index / colours.count) % dashes.count]
  }

  /// Neutral grey for axes, grid lines and reference lines.
  public static let axis = "#333333"
  /// Light grey for grid lines.
  public static let grid = "#dddddd"
}
