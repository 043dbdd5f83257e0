import ArgumentParser
import Wasim

/// `wasim compile`: the ICU pattern each rule compiles to.
struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the ICU pattern each rule compiles to.",
        discussion: "With --json, a JSON array with one {\"rule\",\"label\",\"pattern\"} object per line.\n\nExamples:\n  wasim compile --json > patterns.json    (Feed the patterns to another engine)"
    )

    @OptionGroup var rules: RulesOptions

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let (pack, hadErrors) = rules.loadPack()
        if json {
            let lines = pack.rules.map { rule in
                "{\"rule\":\(JSONText.string(rule.name)),\"label\":\(JSONText.string(rule.label)),\"pattern\":\(JSONText.string(rule.pattern))}"
            }
            Console.output("[\n" + lines.joined(separator: ",\n") + "\n]\n")
        } else {
            for rule in pack.rules {
                Console.output("\(rule.name) \(rule.isBlocker ? "block" : rule.label) (\(rule.location))\n  \(rule.pattern)\n")
            }
        }
        if hadErrors { throw ExitCode(1) }
    }
}
