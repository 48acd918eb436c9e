/// How far an `OptionChecker` has got in `check(resuming:checkpoint:)`, with what it has
/// collected so far: together with the checker's own state, everything needed to carry on
/// from a checkpoint.
struct CheckProgress: Sendable {
  /// The stages of a check, in order.
  enum Stage: Sendable { case header, blocks, yearEffects, breakdowns }

  var stage = Stage.header
  /// The next block to check, while `stage` is `.blocks`.
  var nextBlock = 0

  // Collected by the header stage.
  var blocks: [BlockSyntax] = []
  var yearEnd: [EffectListSyntax] = []
  var reportBy: [FieldSyntax] = []
  var povertyLine = ValueExpression.constant(0)
  var groups: [PopulationGroup] = []
  var attributes: [AttributeDefinition] = []
  var order: [Int] = []
  var growth = GrowthRule(common: nil, byGroup: [:])

  // Collected by the block stage.
  var shocks: [ShockRule] = []
  var identification: IdentificationRule?
  var programmes: [ProgrammeRule] = []
  var transfers: [ProgrammeRule] = []
  var prices: [PriceRule] = []
  var transitionBlocks: [String: [BlockSyntax]] = [:]
  /// For each block, the keyword of the first block before it with the same path name (nil:
  /// none), from the syntax alone (see `indexBlockNames`).
  var earlierKeywords: [String?] = []

  // Collected by the later stages.
  var transition: TransitionRule?
  var startOfYear: [EffectRule] = []
  var endOfYear: [EffectRule] = []

  /// Finds, once the header stage has collected the blocks, the blocks named like an earlier
  /// one (`earlierKeywords`): every check of the same syntax shares the answer, so a check
  /// carrying on from a checkpoint does not build it again.
  mutating func indexBlockNames() {
    var firstKeywords: [String: String] = [:]
    earlierKeywords = blocks.map { block in
      let earlier = firstKeywords[block.pathName]
      if earlier == nil { firstKeywords[block.pathName] = block.keyword.value }
      return earlier
    }
  }

  /// Records a block's outcome (after `OptionChecker.checkBlock`).
  mutating func add(_ outcome: BlockOutcome, of block: BlockSyntax) {
    switch outcome {
    case .shock(let rule): if let rule { shocks.append(rule) }
    case .price(let rule): if let rule { prices.append(rule) }
    case .identification(let rule): identification = rule
    case .transfer(let rule): if let rule { transfers.append(rule) }
    case .programme(let rule): if let rule { programmes.append(rule) }
    case .transitionPart: transitionBlocks[block.keyword.value, default: []].append(block)
    }
  }
}

/// What checking one block gave (nil: the block has errors).
enum BlockOutcome: Sendable {
  case shock(ShockRule?)
  case price(PriceRule?)
  case identification(IdentificationRule?)
  case transfer(ProgrammeRule?)
  case programme(ProgrammeRule?)
  /// An `exit`, `transition` or `monitoring` block, checked with the others after all blocks.
  case transitionPart
}
