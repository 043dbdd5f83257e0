import ArgumentParser
import Wasim

/// `wasim test`: runs every rule's examples.
struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the examples written next to each rule and report failures with file:line.",
        discussion: """
            `example "TEXT" -> "SPAN" key=value` must produce SPAN from its own rule with those \
            attributes (`key=(none)`: no such attribute); `counter "TEXT"` must produce no span of the \
            rule's label. Examples run without a reference date, so relative dates have no value. The whole pack \
            annotates each example, so conflicts between rules show up here.
            """
    )

    @OptionGroup var rules: RulesOptions

    func run() throws {
        let (pack, hadErrors) = rules.loadPack()
        let runner = ExampleRunner(annotator: Annotator(pack: pack))
        let (count, failures) = runner.run()
        for failure in failures {
            Console.output("\(failure.location): error: \(failure.message)\n")
        }
        Console.output("\(count - failures.count) passed, \(failures.count) failed\n")
        if hadErrors || !failures.isEmpty { throw ExitCode(1) }
    }
}
