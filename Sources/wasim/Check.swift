import ArgumentParser
import Wasim

/// `wasim check`: compiles the rules and reports every problem.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile the rules, or validate gold files, and print every diagnostic (file:line:col with a caret).",
        discussion: "Exits with status 1 when any error is found; warnings alone do not fail.\n\nExamples:\n  wasim check --rules my-rules/    (Check a rule directory)"
    )

    @OptionGroup var rules: RulesOptions

    @Option(name: .long, help: ArgumentHelp(
        "Also validate the brat gold files below this directory (offsets, labels, flat spans, span edges).",
        valueName: "dir"))
    var gold: String?

    func run() throws {
        if let gold {
            let (documents, diagnostics) = GoldValidator().validate(directory: gold)
            var formatter = DiagnosticFormatter()
            if !diagnostics.isEmpty { Console.error(formatter.format(diagnostics)) }
            Console.output("\(documents) gold documents read from \(gold), \(diagnostics.count) problem\(diagnostics.count == 1 ? "" : "s")\n")
            if diagnostics.hasErrors { throw ExitCode(1) }
            return
        }
        let (pack, hadErrors) = rules.loadPack()
        let entries = pack.lexicons.values.reduce(0) { $0 + $1.entries.count }
        Console.output("\(pack.rules.count) rules, \(pack.lexicons.count) lexicons (\(entries) entries) compiled from \(rules.rulesPath)\n")
        if hadErrors { throw ExitCode(1) }
    }
}
