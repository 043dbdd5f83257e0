import ArgumentParser
import Wasim

/// `wasim compile`: the ICU pattern each rule compiles to.
struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the ICU pattern each rule compiles to.",
        discussion: """
            With --json, a JSON array with one {"rule","label","blocker","options","pattern"} object \
            per line; "options" lists the rule's options that differ from the defaults \
            (e.g. "ignore-case"). Rules with optional diacritics (no "no-diacritics") match text \
            whose harakat (U+064B-U+0652), superscript alef (U+0670) and tatweel (U+0640) are removed.

            Examples:
              wasim compile --json > patterns.json    (Feed the patterns to another engine)
            """
    )

    @OptionGroup var rules: RulesOptions

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let (pack, hadErrors) = rules.loadPack()
        if json {
            let lines = pack.rules.map { rule in
                "{\"rule\":\(JSONText.string(rule.name)),\"label\":\(JSONText.string(rule.label)),"
                    + "\"blocker\":\(rule.isBlocker),\"options\":[\(rule.options.changedWords.map(JSONText.string).joined(separator: ","))],"
                    + "\"pattern\":\(JSONText.string(rule.pattern))}"
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
