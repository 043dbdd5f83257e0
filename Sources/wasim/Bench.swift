import ArgumentParser
import Foundation
import Wasim

/// `wasim bench`: measures annotation speed on a generated corpus.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure annotation speed (MB/s, documents/s, peak memory) on a generated corpus.",
        discussion: """
            Builds a corpus from the seeds and the dev gold texts, then annotates it with the \
            bundled rules.
            """
    )

    @OptionGroup var rules: RulesOptions

    @Option(name: .long, help: "Print the time of each rule over this many MB of text instead of benchmarking.")
    var profile: Double?

    @Argument(help: "Source texts for the corpus (default: seeds/ and Gold/dev).")
    var sources: [String] = []

    func run() throws {
        let (pack, _) = rules.loadPack()
        let annotator = Annotator(pack: pack)
        var documents: [Document] = []
        DocumentSource(inputs: sources).forEach { item in
            if case .success(let input) = item { documents.append(input.document) }
        }
        let bytes = documents.reduce(0) { $0 + $1.text.utf8.count }
        let target = Int((profile ?? 1) * 1e6)
        var corpus: [Document] = []
        var size = 0
        while size < target {
            for document in documents { corpus.append(document) }
            size += bytes
        }
        let entries = RuleProfiler(annotator: annotator).profile(corpus)
        let total = entries.reduce(0) { $0 + $1.seconds }
        print(String(format: "%.2f MB, %.2f s, %.3f MB/s", Double(size) / 1e6, total, Double(size) / 1e6 / total))
        for entry in entries {
            print(String(format: "%8.3f s %6.1f%% %6d  ", entry.seconds, entry.seconds / total * 100, entry.candidates) + entry.rule + (entry.isLexiconWalk ? " (walk)" : "") + (entry.starts.map { " starts=\($0)" } ?? ""))
        }
    }
}
