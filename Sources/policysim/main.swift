import Foundation
import Reports
import ScenarioLanguage

var output = TerminalOutput()
exit(PolicySimCommand.main(CommandLine.arguments, output: &output))
