import Reports
import ScenarioLanguage

/// `policysim fmt FILE…`: prints scenarios in canonical layout, rewrites them (`--write`)
/// or reports those not in it (`--check`). Comments are kept; a file with syntax errors is
/// never rewritten (see `ScenarioFormatter`).
enum FmtCommand {
  static let specification = ArgumentList.Specification(
    command: "fmt", valued: [], flags: ["--write", "-w", "--check"], positionalCount: 1...100_000)

  static func main(_ arguments: [String], output: inout TerminalOutput) throws(UsageError) -> Int32 {
    let list = try ArgumentList(arguments, specification)
    let write = list.flags.contains("--write") || list.flags.contains("-w")
    let check = list.flags.contains("--check")
    if write && check { throw UsageError(message: "'--write' and '--check' cannot be used together", command: "fmt") }
    var status = ExitCode.success
    for path in list.positional {
      let input: ScenarioInput
      do {
        input = try ScenarioInput(path: path, settings: [])
      } catch {
        output.error(error.message)
        status = max(status, ExitCode.inputError)
        continue
      }
      let result = ScenarioFormatter.format(input.source)
      guard let text = result.text else {
        output.error(input.render(result.diagnostics), newline: false)
        status = max(status, ExitCode.inputError)
        continue
      }
      let unchanged = Array(text.utf8) == input.bytes
      if check {
        if !unchanged {
          output.print(path)
          status = max(status, ExitCode.inputError)
        }
      } else if write {
        guard !unchanged else { continue }
        // Repairing invalid UTF-8 (in a comment or string) would change bytes fmt must keep.
        guard Array(String(decoding: input.bytes, as: UTF8.self).utf8) == input.bytes else {
          output.error("\(path): error: the file is not valid UTF-8; it is left as it is")
          status = max(status, ExitCode.inputError)
          continue
        }
        do throws(OutputError) {
          try AtomicFile.write(text, to: path)
          output.print("formatted \(path)")
        } catch {
          output.error("error: \(error.description)")
          status = max(status, ExitCode.cannotCreate)
        }
      } else {
        output.print(text, newline: false)
      }
    }
    return status
  }
}
