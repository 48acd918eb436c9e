import Foundation
import Reports
import ScenarioLanguage

extension ScenarioInput {
  /// Reads an overlay file (`path = value` lines, see `ParameterOverlay`) and applies its
  /// overrides before the `--set` ones, so that `--set` wins for a path given in both.
  /// Malformed lines become diagnostics (pointing into the overlay file).
  /// - Returns: the overlay's lines and the SHA-256 of its bytes.
  mutating func applyOverlay(at path: String) throws(ReadError) -> (lines: [String], sha256: String) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw ReadError(message: "\(path): error: no such file") }
    guard !isDirectory.boolValue else { throw ReadError(message: "\(path): error: is a folder, not an overlay file") }
    guard let data = FileManager.default.contents(atPath: path) else { throw ReadError(message: "\(path): error: cannot be read") }
    guard data.count <= Self.maximumBytes else { throw ReadError(message: "\(path): error: the overlay is too large") }
    let bytes = [UInt8](data)
    let file = SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self))
    sources.append(file)
    let (overlay, problems) = ParameterOverlay.parse(file)
    diagnostics += problems
    settings = (overlay?.overrides ?? []) + settings
    return (overlay?.lines ?? [], Reports.SHA256.hexDigest(bytes))
  }
}
