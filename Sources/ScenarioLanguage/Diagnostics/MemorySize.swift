/// Amounts of memory written for people: "58 TiB", "1.5 GiB", "800 MiB".
enum MemorySize {
  /// `bytes` in the largest binary unit that keeps the number at or above 1, with at most
  /// one decimal below 10.
  static func text(_ bytes: Double) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    var value = bytes
    var unit = 0
    while value >= 1024, unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    let rounded = value < 10 ? (value * 10).rounded() / 10 : value.rounded()
    // Beyond exbibytes (or not finite) the number stays a Double: `Int(_:)` would trap.
    let number = rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    return "\(number) \(units[unit])"
  }
}
