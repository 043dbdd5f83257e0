import ArgumentParser
import Wasim

/// `wasim check`: compiles the rules and reports every problem.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile the rules and print every diagnostic (file:line:col with a caret).",
        discussion: "Exits with status 1 when any error is found; warnings alone do not fail.\n\nExamples:\n  wasim check --rules my-rules/    (Check a rule directory)"
    )

    @OptionGroup var rules: RulesOptions

    func run() throws {
        let (pack, hadErrors) = rules.loadPack()
        let entries = pack.lexicons.values.reduce(0) { $0 + $1.entries.count }
        Console.output("\(pack.rules.count) rules, \(pack.lexicons.count) lexicons (\(entries) entries) compiled from \(rules.rulesPath)\n")
        if hadErrors { throw ExitCode(1) }
    }
}
