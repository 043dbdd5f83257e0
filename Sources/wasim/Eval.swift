import ArgumentParser
import Foundation
import Wasim

/// `wasim eval`: scores predictions (or the rules) against gold.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score predictions or rules against gold: nervaluate's four modes, attributes, errors by rule.",
        discussion: """
            GOLD, PRED and BASELINE are brat directories (.txt + .ann), JSONL files, inline markup \
            (.xml files) or CoNLL files. With --rules instead of \
            --pred, the gold texts are annotated first. Documents are paired by id and their texts \
            must be identical.

            Modes (SemEval-2013 Task 9.1, as nervaluate computes them): strict (boundaries and \
            label), exact (boundaries), partial (overlap counts half), ent_type (overlap and label). \
            Attribute accuracy is measured over strictly matched spans.

            Examples:
              wasim eval --gold Gold/seeds --rules Rules                 (score the bundled rules)
              wasim eval --gold Gold/seeds --pred out.jsonl --errors     (every error, with its rule)
              wasim eval --gold Gold --rules Rules --min-f1 DATE=0.9,NUMBER=0.9   (fail CI below a floor)
              wasim eval --gold Gold/seeds --rules Rules --json > scores.json
              wasim eval --gold Gold/dev --rules Rules --html errors/   (open errors/index.html)
              wasim annotate Gold/dev -o before.jsonl; (edit rules); \
              wasim eval --gold Gold/dev --rules Rules --baseline before.jsonl   (what the edit did)

            With --baseline, the report ends with the F1 change per label, a paired bootstrap \
            confidence interval for F1 and its change (--bootstrap draws, 0 to skip), and every span \
            gained, lost or changed, marked + when it fixed an error and - when it made one.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Gold annotations: a brat directory, a JSONL file or inline markup.", valueName: "path"))
    var gold: String

    @Option(name: .long, help: ArgumentHelp("Predictions: a brat directory, a JSONL file or inline markup.", valueName: "path"))
    var pred: String?

    @Option(name: .long, help: ArgumentHelp("Annotate the gold texts with these rules instead of reading --pred.", valueName: "dir"))
    var rules: String?

    @Option(name: .long, help: ArgumentHelp("Only these labels, comma-separated (default: the labels in the gold).", valueName: "labels"))
    var labels: String?

    @OptionGroup var reference: ReferenceDateOption

    @Option(name: .long, help: "The mode of the per-label table and of --min-f1: strict, exact, partial or ent_type.")
    var mode: EvaluationMode = .strict

    @Option(name: .customLong("min-f1"), help: ArgumentHelp(
        "Exit with status 1 when F1 falls below a floor, e.g. DATE=0.9,NUMBER=0.9 or overall=0.85.", valueName: "floors"))
    var minF1: String?

    @Flag(name: .long, help: "Print the scores as JSON (nervaluate's key names).")
    var json = false

    @Flag(name: .long, help: "List every error with its document, offsets, context and rule.")
    var errors = false

    @Option(name: .long, help: ArgumentHelp(
        "Predictions of an earlier run to compare with: what was gained, lost and changed.", valueName: "path"))
    var baseline: String?

    @Option(name: .long, help: "Paired bootstrap draws for --baseline's confidence intervals (0: none).")
    var bootstrap = 1000

    @Option(name: .long, help: ArgumentHelp(
        "Also write a page per document with gold and prediction side by side, errors marked, and an index.html.", valueName: "dir"))
    var html: String?

    func validate() throws {
        if (pred == nil) == (rules == nil) { throw ValidationError("give either --pred PATH or --rules DIR") }
        _ = try floors()
    }

    func floors() throws -> [(label: String, floor: Double)] {
        guard let minF1 else { return [] }
        return try minF1.split(separator: ",").map { item in
            let parts = item.split(separator: "=")
            guard parts.count == 2, let value = Double(parts[1]), (0...1).contains(value) else {
                throw ValidationError("--min-f1 takes LABEL=0.9 pairs separated by commas, not '\(item)'")
            }
            return (parts[0].uppercased() == "OVERALL" ? "overall" : parts[0].uppercased(), value)
        }
    }

    func run() throws {
        var formatter = DiagnosticFormatter()
        let (goldDocuments, goldProblems) = AnnotatedDocumentReader.read(gold)
        var problems = goldProblems
        var predictions: [String: AnnotatedDocument] = [:]
        if let pred {
            let (read, predProblems) = AnnotatedDocumentReader.read(pred)
            problems += predProblems
            for document in read { predictions[document.document.id] = document }
        } else if let rules {
            let pack = RulePackLoader().load(from: rules)
            problems += pack.diagnostics.filter { $0.severity == .error }
            let annotator = Annotator(pack: pack, referenceDate: reference.date)
            for document in goldDocuments { predictions[document.document.id] = annotator.annotate(document.document) }
        }
        var pairs: [Evaluator.DocumentPair] = []
        var documents: [(document: Document, gold: [Span], predicted: [Span])] = []
        for truth in goldDocuments {
            let predicted = predictions[truth.document.id]
            if let predicted, predicted.document.text != truth.document.text {
                problems.append(.error("document `\(truth.document.id)`: the predicted text differs from the gold text"))
                continue
            }
            if predicted == nil { problems.append(.warning("document `\(truth.document.id)` has no prediction; scored as empty")) }
            pairs.append(.init(id: truth.document.id, gold: truth.spans, predicted: predicted?.spans ?? []))
            documents.append((truth.document, truth.spans, predicted?.spans ?? []))
        }
        if !problems.isEmpty { Console.error(formatter.format(problems)) }
        let labelList = labels.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() } }
            ?? Array(Set(goldDocuments.flatMap { $0.spans.map(\.label) })).sorted()
        let report = Evaluator(labels: labelList).evaluate(pairs)
        let analysis = ErrorAnalysis(documents: documents, labels: Set(labelList))
        if let html {
            let written = HtmlFormat.writeComparisons(documents, labels: labelList, to: html)
            if !written.isEmpty { Console.error(formatter.format(written)) }
            problems += written
        }
        var comparison: (RunComparison, PairedBootstrap.Result?)?
        if let baseline {
            let (read, baselineProblems) = AnnotatedDocumentReader.read(baseline)
            problems += baselineProblems
            if !baselineProblems.isEmpty { Console.error(formatter.format(baselineProblems)) }
            var before: [String: [Span]] = [:]
            let goldTexts = Dictionary(documents.map { ($0.document.id, $0.document.text) }, uniquingKeysWith: { first, _ in first })
            for document in read {
                if let text = goldTexts[document.document.id], text != document.document.text {
                    let mismatch = Diagnostic.error("document `\(document.document.id)`: the baseline's text differs from the gold text; left out of the comparison")
                    problems.append(mismatch)
                    Console.error(formatter.format(mismatch))
                    continue
                }
                before[document.document.id] = document.spans
            }
            let gold = documents.map { (id: $0.document.id, spans: $0.gold) }
            var after: [String: [Span]] = [:]
            for document in documents { after[document.document.id] = document.predicted }
            let runs = RunComparison(gold: gold, baseline: before, current: after, labels: labelList)
            let intervals = bootstrap > 0 ? PairedBootstrap(samples: bootstrap).compare(
                baseline: runs.baseline.byDocument.map { $0.table[mode] },
                current: runs.current.byDocument.map { $0.table[mode] }, mode: mode) : nil
            comparison = (runs, intervals)
        }
        if json {
            let extra = comparison.map { ["baseline": EvalReportWriter.json($0.0, bootstrap: $0.1, labels: labelList, mode: mode)] } ?? [:]
            Console.output(EvalReportWriter.json(report, labels: labelList, extra: extra) + "\n")
        } else {
            Console.output(EvalReportWriter.text(report, analysis: analysis, labels: labelList, mode: mode, errors: errors))
            if let (runs, intervals) = comparison {
                Console.output(EvalReportWriter.text(runs, bootstrap: intervals, labels: labelList, mode: mode, documents: documents.count))
            }
        }
        var failed = problems.hasErrors
        for (label, floor) in try floors() {
            let counts = label == "overall" ? report.overall[mode] : (report.byLabel[label]?[mode] ?? ModeCounts())
            let f1 = counts.measures(halfCreditForPartial: mode.halfCreditForPartial).f1
            if f1 < floor {
                Console.error(String(format: "error: %@ %@ F1 %.4f is below the floor %.4f\n", label, mode.rawValue, f1, floor))
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}

extension EvaluationMode: ExpressibleByArgument {}
