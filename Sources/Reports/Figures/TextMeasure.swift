/// An estimate of the width of text in a sans-serif font, for layout without a font engine.
///
/// Why: labels must not overlap or be cut off, but the SVG is written without access to the
/// fonts the reader will have; a generous per-character estimate (wide for digits and
/// capitals, narrow for "i", "l", punctuation) keeps room in every common sans-serif font.
enum TextMeasure {
  /// Estimated width in pixels of `text` at font size `size`.
  static func width(_ text: String, size: Double) -> Double {
    var ems = 0.0
    for character in text {
      switch character {
      case "i", "l", "j", "t", "f", "r", ".", ",", ":", ";", "'", "!", "|", " ", "(", ")", "[", "]", "-": ems += 0.4
      case "m", "w", "M", "W": ems += 0.98
      case _ where character.isUppercase: ems += 0.76
      case _ where character.isNumber: ems += 0.66
      default: ems += 0.64
      }
    }
    return ems * size
  }
}
