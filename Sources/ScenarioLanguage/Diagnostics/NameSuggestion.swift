/// "Did you mean …?" suggestions by edit distance.
public enum NameSuggestion {
  /// The candidate closest to `name`, if it is close enough to be a plausible typo.
  ///
  /// Close enough means a Damerau–Levenshtein distance of at most a third of the longer
  /// name (and at least 1), or a case-insensitive match.
  public static func closest(to name: String, among candidates: [String]) -> String? {
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != name {
      if candidate.lowercased() == name.lowercased() { return candidate }
      let distance = editDistance(name, candidate)
      let limit = max(1, max(name.count, candidate.count) / 3)
      if distance <= limit, distance < (best?.distance ?? Int.max) {
        best = (candidate, distance)
      }
    }
    return best?.name
  }

  /// A hint sentence "did you mean `x`?" or nil.
  public static func hint(for name: String, among candidates: [String]) -> String? {
    closest(to: name, among: candidates).map { "did you mean `\($0)`?" }
  }

  /// Optimal-string-alignment distance (insert, delete, substitute, swap adjacent).
  /// - Complexity: O(m·n).
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        current[j] = value
      }
      previous2 = previous
      previous = current
    }
    return previous[b.count]
  }
}
