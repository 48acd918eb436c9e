import Foundation
import ScenarioLanguage
let path = CommandLine.arguments[1]
let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
let source = SourceFile(path: path, text: text)
let result = ScenarioChecker.check(source: source)
print(DiagnosticRenderer(sources: [source]).render(result.diagnostics), terminator: "")
if let s = result.scenario { print(s.name, s.years, s.households, s.options.map(\.name)); print(result.parameterPaths.joined(separator: " ")) }
