import ArgumentParser

/// The `wasim` command: rule-based annotation of Arabic text.
@main
struct WasimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wasim",
        abstract: "Rule-based annotation of Arabic text: dates, numbers, places and security agencies.",
        discussion: """
            Rules live in *.wasim files (see docs/rule-language.md); the bundled pack under Rules/ is \
            used unless --rules names another. Offsets in every output are Unicode code points.

            Start with:
              wasim annotate seeds/                 annotate the bundled seeds, JSONL on stdout
              wasim explain "في 11 ماي 2022"         see which rule matched and why
              wasim test                            run every rule's examples
              wasim eval --gold Gold/seeds --rules Rules   score the rules against the gold
              wasim convert --to html Gold/seeds -o pages  read the gold in a browser
            """,
        subcommands: [Annotate.self, Eval.self, Check.self, Test.self, Explain.self, Compile.self, Convert.self, Bench.self]
    )
}
