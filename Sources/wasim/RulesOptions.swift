import ArgumentParser
import Foundation
import Wasim

/// Options every command that loads rules shares.
struct RulesOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A rule directory or a .wasim file (default: the bundled Rules/).", valueName: "dir"))
    var rules: String?

    @Option(name: .long, help: ArgumentHelp(
        "Only these labels, comma-separated (e.g. DATE,NUMBER).", valueName: "labels"))
    var labels: String?

    /// The rules path: --rules, else $WASIM_RULES, else the bundled Rules/ of this checkout,
    /// else ./Rules.
    var rulesPath: String {
        if let rules { return rules }
        if let fromEnvironment = ProcessInfo.processInfo.environment["WASIM_RULES"] { return fromEnvironment }
        return Self.checkoutPath("Rules")
    }

    /// A path in the checkout this program was built from (Rules, seeds, Gold), or the same
    /// path relative to the working directory when the checkout is gone.
    static func checkoutPath(_ relative: String) -> String {
        let inCheckout = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(relative).path
        return FileManager.default.fileExists(atPath: inCheckout) ? inCheckout : relative
    }

    /// Loads and compiles the pack, printing its diagnostics to standard error.
    /// - Returns: the pack restricted to --labels; `hadErrors` when any rule failed.
    func loadPack() -> (pack: RulePack, hadErrors: Bool) {
        let pack = RulePackLoader().load(from: rulesPath)
        if !pack.diagnostics.isEmpty {
            var formatter = DiagnosticFormatter()
            Console.error(formatter.format(pack.diagnostics))
        }
        let restricted = labelSet.map { pack.restricted(to: $0) } ?? pack
        return (restricted, pack.diagnostics.hasErrors)
    }

    var labelSet: Set<String>? {
        labels.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }) }
    }
}

/// The reference date option of commands that annotate.
struct ReferenceDateOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Resolve relative dates (أمس، الأسبوع الماضي) against this day.", valueName: "yyyy-mm-dd"))
    var referenceDate: String?

    func validate() throws {
        if let referenceDate, CalendarDate(iso: referenceDate) == nil {
            throw ValidationError("--reference-date must be a real day written YYYY-MM-DD, not '\(referenceDate)'")
        }
    }

    var date: CalendarDate? { referenceDate.flatMap(CalendarDate.init(iso:)) }
}

/// Writing to standard output and standard error.
enum Console {
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var errorIsTerminal: Bool { isatty(2) == 1 }
}
