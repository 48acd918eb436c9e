/// Why shards cannot be merged: a folder that is not a shard, or shards of different runs,
/// overlapping or leaving a gap. The message names the shard folder.
public struct MergeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, naming the shard.
  public let message: String

  /// Creates an error.
  public init(_ message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { message }
}
