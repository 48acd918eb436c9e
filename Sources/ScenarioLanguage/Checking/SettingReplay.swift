/// Taking over the base check's result for one part of a block that an option checks again
/// (the plan of its settings, one setting or one effect list), or for one effect list of the
/// year's effects stage.
///
/// When an option cannot take over a whole block (`BlockReplay`), usually only one or two of
/// its settings read the option's overrides. Sorting out a block's statements
/// (`settingsPlan`), checking one setting (`checkSetting`) or one effect list
/// (`checkEffects`) is a function of the block's syntax, the header's results
/// and the same state a block's check reads, so the base check records each of these parts
/// of each block as it records the block (what it read, what it did) with its outcome; the
/// option's check of the block takes over each part whose recorded reads give the same
/// answers in its state, and checks the others. A block's check calls `checkSettings` at
/// most once, so a part is found by the block's number and its place among the block's
/// parts (its path is compared too).
enum SettingReplay {
  /// One part of a block of the base check: what it read and did, and its outcome. Never
  /// changed once recorded; a class, so that an option's check looks it up without copying it.
  final class Record: Sendable {
    let path: String
    let changes: BlockReplay.Record
    let outcome: Outcome

    init(path: String, changes: BlockReplay.Record, outcome: Outcome) {
      self.path = path
      self.changes = changes
      self.outcome = outcome
    }
  }

  /// What checking a part gave.
  enum Outcome: Sendable {
    case plan(OptionChecker.SettingsPlan)
    case setting(SettingOutcome)
    case effects([EffectRule])

    /// Which kind of part this is the outcome of.
    var kind: Kind {
      switch self {
      case .plan: return .plan
      case .setting: return .setting
      case .effects: return .effects
      }
    }
  }

  /// The kinds of part.
  enum Kind { case plan, setting, effects }
}

/// What checking one setting of a block gave.
struct SettingOutcome: Sendable {
  /// The value, when written (or overridden) and valid enough to resolve.
  var value: ValueExpression?
  /// The money denominator written with it, if any.
  var denominator: UnitSyntax.Denominator?
  /// False when the setting is required and missing, or does not resolve.
  var complete = true
}

extension OptionChecker {
  /// The plan of a block's settings (see `checkSettings`), or the base check's.
  mutating func checkOrReplayPlan(_ block: BlockSyntax, specs: [SettingSpec]) -> SettingsPlan {
    let outcome = checkOrReplayPart(path: block.pathName, kind: .plan) { checker in .plan(checker.settingsPlan(block, specs: specs)) }
    // The kind is checked before a record is taken over, so this holds; checked for real if not.
    guard case .plan(let plan) = outcome else { return settingsPlan(block, specs: specs) }
    return plan
  }

  /// Checks one setting of a block (see `checkSettings`), or takes over the base check's
  /// result for it.
  mutating func checkOrReplaySetting(_ spec: SettingSpec, path: String, written: FieldSyntax?, scope: NameScope, block: BlockSyntax) -> SettingOutcome {
    let outcome = checkOrReplayPart(path: path, kind: .setting) { checker in
      .setting(checker.checkSetting(spec, path: path, written: written, scope: scope, block: block))
    }
    guard case .setting(let setting) = outcome else { return checkSetting(spec, path: path, written: written, scope: scope, block: block) }
    return setting
  }

  /// Checks one effect list of a block (see `checkSettings`), or takes over the base check's
  /// result for it.
  mutating func checkOrReplayEffects(_ list: EffectListSyntax, scope: NameScope, path: String) -> [EffectRule] {
    let outcome = checkOrReplayPart(path: path, kind: .effects) { checker in .effects(checker.checkEffects(list, scope: scope, path: path)) }
    guard case .effects(let effects) = outcome else { return checkEffects(list, scope: scope, path: path) }
    return effects
  }

  /// Checks one part of the block being checked (`check`), or takes over the base check's
  /// outcome for it, and records it when recording.
  private mutating func checkOrReplayPart(path: String, kind: SettingReplay.Kind, _ check: (inout OptionChecker) -> SettingReplay.Outcome)
    -> SettingReplay.Outcome
  {
    if let parts = blockReplay?.currentParts, let ordinal = blockReplay?.nextSetting {
      blockReplay?.nextSetting += 1
      if ordinal < parts.count, let replay = blockReplay {
        let record = parts[ordinal]
        if record.path == path, record.outcome.kind == kind, record.changes.readsSame(in: self, writtenPaths: replay.writtenPaths) {
          record.changes.applyChanges(to: &self, diagnostics: replay.diagnostics, knownPaths: replay.knownPaths)
          blockReplay?.replayedSettings += 1
          return record.outcome
        }
      }
      return check(&self)
    }
    guard blockLog?.current != nil else { return check(&self) }
    let start = recordingStart()
    blockLog?.currentSetting = BlockReplay.Record(drawIndexBefore: drawIndex, reportedCyclesBefore: reportedCycles, knownPathsBefore: knownPaths.count)
    let outcome = check(&self)
    if let record = blockLog?.currentSetting {
      blockLog?.currentSetting = nil
      finish(record, from: start)
      blockLog?.current?.settings.append(SettingReplay.Record(path: path, changes: record, outcome: outcome))
    }
    return outcome
  }
}
