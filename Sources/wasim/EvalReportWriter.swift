import Foundation
import Wasim

/// Formats evaluation results as terminal tables or JSON.
enum EvalReportWriter {
    /// Pads to a width in characters (String(format:) does not pad `%@` here).
    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }

    static func row(_ name: String, _ counts: ModeCounts, _ mode: EvaluationMode) -> String {
        let m = counts.measures(halfCreditForPartial: mode.halfCreditForPartial)
        return pad(name, 14) + String(format: " %6.3f %6.3f %6.3f %8d %9d %7d %6d %8d %8d %6d\n", m.precision, m.recall, m.f1,
                      counts.correct, counts.incorrect, counts.partial, counts.missed, counts.spurious, counts.possible, counts.actual)
    }

    static let header = pad("", 14) + zip(["P", "R", "F1", "correct", "incorrect", "partial", "missed", "spurious", "possible", "actual"],
                                          [6, 6, 6, 8, 9, 7, 6, 8, 8, 6]).map { " " + pad($0, $1, right: true) }.joined() + "\n"

    static func text(_ report: Evaluator.Report, analysis: ErrorAnalysis, labels: [String], mode: EvaluationMode, errors: Bool) -> String {
        var out = "All labels, every mode\n" + header
        for each in EvaluationMode.allCases { out += row(each.rawValue, report.overall[each], each) }
        out += "\nBy label (\(mode.rawValue))\n" + header
        for label in labels { out += row(label, report.byLabel[label]?[mode] ?? ModeCounts(), mode) }
        out += pad("macro F1", 14) + String(format: " %20.3f  (mean of the labels' F1)\n", report.macroF1(mode, labels: labels))

        if !report.attributes.isEmpty {
            out += "\nAttributes over strictly matched spans\n"
            for label in labels {
                guard let scores = report.attributesByLabel[label] else { continue }
                for key in scores.keys.sorted() {
                    let score = scores[key]!
                    out += "  " + pad(label, 13) + pad(key, 11) + String(format: "%6.3f  (%d of %d)\n", score.accuracy, score.agreeing, score.total)
                }
            }
        }
        let offDiagonal = analysis.confusion.flatMap { gold, row in row.filter { $0.key != gold }.map { (gold, $0.key, $0.value) } }
        if !offDiagonal.isEmpty {
            out += "\nConfusion (same boundaries, gold → predicted)\n"
            for (gold, predicted, count) in offDiagonal.sorted(by: { $0.2 > $1.2 }) { out += "  \(gold) → \(predicted): \(count)\n" }
        }
        out += "\nRules (strict)\n  " + pad("rule", 32) + " matches     TP     FP precision\n"
        for (rule, counts) in analysis.rules.sorted(by: { ($0.value.falsePositives, $0.key) > ($1.value.falsePositives, $1.key) }) {
            out += "  " + pad(rule, 32) + String(format: " %7d %6d %6d %9.3f\n", counts.matches, counts.truePositives, counts.falsePositives, counts.precision)
        }
        var byKind: [ErrorAnalysis.Kind: Int] = [:]
        for error in analysis.errors { byKind[error.kind, default: 0] += 1 }
        out += "\nErrors: " + ErrorAnalysis.Kind.allCases.map { "\($0.rawValue) \(byKind[$0] ?? 0)" }.joined(separator: ", ")
        out += errors ? "\n" : "  (--errors lists them)\n"
        if errors {
            for error in analysis.errors {
                let span = error.predicted ?? error.gold!
                var line = "\(error.document.id) [\(span.start),\(span.end)) \(error.kind.rawValue):"
                if let gold = error.gold { line += " gold \(gold.label) \u{2068}\(gold.text)\u{2069}" }
                if let predicted = error.predicted {
                    line += " predicted \(predicted.label) \u{2068}\(predicted.text)\u{2069} by `\(predicted.rule ?? "?")`"
                }
                if let detail = error.detail { line += " (\(detail))" }
                out += line + "\n    " + ErrorAnalysis.context(of: error.gold ?? span, in: error.document) + "\n"
            }
        }
        return out
    }

    /// The comparison with a baseline run: F1 per label before and after, the bootstrap
    /// intervals, and every span gained, lost or changed.
    static func text(_ comparison: RunComparison, bootstrap: PairedBootstrap.Result?, labels: [String],
                     mode: EvaluationMode, documents: Int) -> String {
        func f1(_ counts: ModeCounts?) -> Double { (counts ?? ModeCounts()).measures(halfCreditForPartial: mode.halfCreditForPartial).f1 }
        var out = "\nAgainst the baseline (\(mode.rawValue) F1)\n" + pad("", 14) + "   before    after   change\n"
        for label in labels + ["overall"] {
            let before = label == "overall" ? f1(comparison.baseline.overall[mode]) : f1(comparison.baseline.byLabel[label]?[mode])
            let after = label == "overall" ? f1(comparison.current.overall[mode]) : f1(comparison.current.byLabel[label]?[mode])
            out += pad(label, 14) + String(format: " %8.3f %8.3f %+8.3f\n", before, after, after - before)
        }
        if let bootstrap {
            out += String(format: "Paired bootstrap over %d documents: F1 %.3f [%.3f, %.3f] before, %.3f [%.3f, %.3f] now; "
                          + "change %+.3f [%+.3f, %+.3f]; not better in %.1f%% of draws\n", documents,
                          bootstrap.baseline.estimate, bootstrap.baseline.lower, bootstrap.baseline.upper,
                          bootstrap.current.estimate, bootstrap.current.lower, bootstrap.current.upper,
                          bootstrap.difference.estimate, bootstrap.difference.lower, bootstrap.difference.upper,
                          bootstrap.shareNotBetter * 100)
        }
        var byKind: [RunComparison.ChangeKind: (all: Int, better: Int)] = [:]
        for change in comparison.changes {
            byKind[change.kind, default: (0, 0)].all += 1
            if change.isImprovement { byKind[change.kind]!.better += 1 }
        }
        out += "Spans: " + [RunComparison.ChangeKind.gained, .lost, .changed].map { kind in
            let counts = byKind[kind] ?? (0, 0)
            return "\(counts.all) \(kind.rawValue) (\(counts.better) for the better)"
        }.joined(separator: ", ") + "\n"
        func describe(_ span: Span) -> String {
            "\(span.label) [\(span.start),\(span.end)) \u{2068}\(span.text)\u{2069}"
                + (span.attributes.isEmpty ? "" : " " + span.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
                + (span.rule.map { " by `\($0)`" } ?? "")
        }
        for change in comparison.changes {
            let mark = change.isImprovement ? "+" : "-"
            var line = "  \(mark) \(change.document) \(change.kind.rawValue):"
            if let before = change.before { line += " was " + describe(before) + (change.beforeIsCorrect ? " (correct)" : "") }
            if let after = change.after { line += (change.before == nil ? " " : "; now ") + describe(after) + (change.afterIsCorrect ? " (correct)" : "") }
            out += line + "\n"
        }
        return out
    }

    /// The comparison with a baseline as JSON: F1 before and after by label, the bootstrap
    /// and the changes.
    static func json(_ comparison: RunComparison, bootstrap: PairedBootstrap.Result?, labels: [String], mode: EvaluationMode) -> [String: Any] {
        func f1(_ counts: ModeCounts?) -> Double { (counts ?? ModeCounts()).measures(halfCreditForPartial: mode.halfCreditForPartial).f1 }
        var byLabel: [String: Any] = [:]
        for label in labels {
            byLabel[label] = ["before": f1(comparison.baseline.byLabel[label]?[mode]), "after": f1(comparison.current.byLabel[label]?[mode])]
        }
        func span(_ span: Span?) -> Any {
            guard let span else { return NSNull() }
            return ["start": span.start, "end": span.end, "label": span.label, "text": span.text,
                    "rule": span.rule ?? NSNull(), "attrs": span.attributes] as [String: Any]
        }
        var root: [String: Any] = [
            "mode": mode.rawValue,
            "overall": ["before": f1(comparison.baseline.overall[mode]), "after": f1(comparison.current.overall[mode])],
            "labels": byLabel,
            "changes": comparison.changes.map { change in
                ["document": change.document, "kind": change.kind.rawValue, "before": span(change.before), "after": span(change.after),
                 "before_correct": change.beforeIsCorrect, "after_correct": change.afterIsCorrect,
                 "improvement": change.isImprovement] as [String: Any]
            },
        ]
        if let bootstrap {
            func interval(_ value: PairedBootstrap.Interval) -> [String: Double] {
                ["estimate": value.estimate, "lower": value.lower, "upper": value.upper]
            }
            root["bootstrap"] = ["before": interval(bootstrap.baseline), "after": interval(bootstrap.current),
                                 "difference": interval(bootstrap.difference), "share_not_better": bootstrap.shareNotBetter]
        }
        return root
    }

    static func counts(_ counts: ModeCounts, _ mode: EvaluationMode) -> [String: Any] {
        let m = counts.measures(halfCreditForPartial: mode.halfCreditForPartial)
        return ["correct": counts.correct, "incorrect": counts.incorrect, "partial": counts.partial, "missed": counts.missed,
                "spurious": counts.spurious, "possible": counts.possible, "actual": counts.actual,
                "precision": m.precision, "recall": m.recall, "f1": m.f1]
    }

    static func json(_ report: Evaluator.Report, labels: [String], extra: [String: Any] = [:]) -> String {
        var root: [String: Any] = extra
        for mode in EvaluationMode.allCases {
            var byLabel: [String: Any] = [:]
            for label in labels { byLabel[label] = counts(report.byLabel[label]?[mode] ?? ModeCounts(), mode) }
            root[mode.rawValue] = ["overall": counts(report.overall[mode], mode), "labels": byLabel,
                                   "macro_f1": report.macroF1(mode, labels: labels)]
        }
        var attributes: [String: Any] = [:]
        for (key, score) in report.attributes {
            attributes[key] = ["total": score.total, "correct": score.agreeing, "accuracy": score.accuracy]
        }
        var attributesByLabel: [String: Any] = [:]
        for (label, scores) in report.attributesByLabel {
            attributesByLabel[label] = scores.mapValues { ["total": $0.total, "correct": $0.agreeing, "accuracy": $0.accuracy] }
        }
        root["attributes"] = ["overall": attributes, "labels": attributesByLabel]
        var documents: [String: Any] = [:]
        for (id, table) in report.byDocument {
            var modes: [String: Any] = [:]
            for mode in EvaluationMode.allCases { modes[mode.rawValue] = counts(table[mode], mode) }
            documents[id] = modes
        }
        root["documents"] = documents
        let data = try! JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self)
    }
}
