/// Selections by bit masks, for hot loops over random masks (who is registered, who is
/// poor), where a branch per household mispredicts and LLVM may turn `c ? a : b` back into
/// a branch.
///
/// Determinism: a selection returns one of its operands bit for bit (NaN, infinities and −0
/// pass unchanged), exactly as `c ? a : b` does.
enum BranchFree {
  /// All ones when `condition` holds, else zero.
  @inline(__always)
  static func mask(_ condition: Bool) -> UInt64 {
    0 &- UInt64(condition ? 1 : 0)
  }

  /// `a` where `mask` is all ones, `b` where it is zero.
  @inline(__always)
  static func select(_ mask: UInt64, _ a: Double, _ b: Double) -> Double {
    Double(bitPattern: (a.bitPattern & mask) | (b.bitPattern & ~mask))
  }
}
