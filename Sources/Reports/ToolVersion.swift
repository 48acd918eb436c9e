/// The version of PolicySim, recorded in every manifest.
public enum ToolVersion {
  /// Semantic version of this build.
  public static let current = "0.2.0"
}
