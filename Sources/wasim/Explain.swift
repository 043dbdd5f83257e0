import ArgumentParser
import Wasim

/// `wasim explain`: every candidate match in a text, which won and why.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show every candidate match in a text, which rule won and why, and the ICU patterns.",
        discussion: """
            Conflicts are resolved by priority, then span length, then start, then file order; \
            blockers first remove the candidates they cover. Each line gives the code-point span, \
            the label, the text, the rule and its verdict.
            
            Examples:
              wasim explain \"وفي نهاية عشت 2022، أوقفت الشرطة\"    (Why is this a date?)
            """
    )

    @OptionGroup var rules: RulesOptions
    @OptionGroup var reference: ReferenceDateOption

    @Flag(name: .long, help: "Print the compiled ICU pattern of every rule that matched.")
    var patterns = false

    @Argument(help: "The text to explain.")
    var text: String

    func run() throws {
        let (pack, hadErrors) = rules.loadPack()
        let annotator = Annotator(pack: pack, referenceDate: reference.date)
        let document = Document(id: "explain", text: text)
        let (candidates, verdicts, errors) = annotator.explain(document)
        let order = candidates.indices.sorted { (candidates[$0].start, candidates[$0].end, candidates[$0].order) < (candidates[$1].start, candidates[$1].end, candidates[$1].order) }
        if candidates.isEmpty { Console.output("no rule matched\n") }
        for index in order {
            let candidate = candidates[index]
            let attributes = candidate.attributes.keys.sorted().map { "\($0)=\(candidate.attributes[$0]!)" }.joined(separator: " ")
            let mark = verdicts[index] == .won ? "✔" : "✘"
            Console.output("\(mark) [\(candidate.start),\(candidate.end)) \(candidate.label.isEmpty ? "(blocker)" : candidate.label) \u{2068}\(candidate.text)\u{2069}  rule=\(candidate.rule) priority=\(candidate.priority)\(attributes.isEmpty ? "" : "  " + attributes)\n")
            Console.output("    \(verdicts[index])\n")
        }
        for error in errors { Console.error("error: \(error)\n") }
        if patterns {
            var shown = Set<String>()
            for candidate in candidates where shown.insert(candidate.rule).inserted {
                if let rule = pack.rule(named: candidate.rule) {
                    Console.output("\n\(rule.name) (\(rule.location)):\n  \(rule.pattern)\n")
                }
            }
        }
        if hadErrors || !errors.isEmpty { throw ExitCode(1) }
    }
}
