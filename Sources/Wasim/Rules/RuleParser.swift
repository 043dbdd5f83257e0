/// Parses rule files into ``RuleFile`` syntax trees, reporting every problem it finds as a
/// ``Diagnostic`` and going on after each one.
///
/// The language (see `docs/rule-language.md`):
///
/// ```
/// # a comment line
/// macro YEAR = (?:1[89]|20)\d\d
/// lexicon MONTH from "gregorian-months.tsv"
/// lexicon TRIGGER = مدينة | إقليم
/// rule day_month_year DATE
///   priority 10
///   pattern (?<day>\d{1,2}) \s+ (?<month>@MONTH) \s+ (?<year>{YEAR})
///   normalize date
///   example "في 11 ماي 2022" -> "11 ماي 2022" value=2022-05-11
/// block nationality LOCATION
///   pattern @NATIONALITY
/// ```
public struct RuleParser {
    /// Creates a parser.
    public init() {}

    /// Parses the text of one rule file.
    /// - Parameters:
    ///   - source: the file's text.
    ///   - path: the path used in diagnostics.
    /// - Returns: the syntax tree (with what could be parsed) and the diagnostics.
    public func parse(_ source: String, path: String) -> (RuleFile, [Diagnostic]) {
        var state = ParseState(path: path)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            state.parseLine(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine, number: index + 1)
        }
        state.finishRule()
        return (state.file, state.diagnostics)
    }
}

/// The mutable state of one parse.
private struct ParseState {
    var file: RuleFile
    var diagnostics: [Diagnostic] = []
    var rule: RuleDeclaration?
    /// The clause that continuation lines extend, with its indentation.
    var continuation: (clause: PatternClause, indent: Int)?

    enum PatternClause { case pattern, left, right }

    init(path: String) { file = RuleFile(path: path) }

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file.path, line: line, column: column)
    }

    mutating func error(_ message: String, _ line: Int, _ column: Int) {
        diagnostics.append(.error(message, at: location(line, column)))
    }

    mutating func parseLine(_ line: Substring, number: Int) {
        let scalars = Array(line.unicodeScalars)
        let indent = scalars.prefix { $0 == " " || $0 == "\t" }.count
        let body = String(String.UnicodeScalarView(scalars[indent...]))
        let trimmed = body.trimmingTrailingSpace()
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
        let column = indent + 1
        if indent == 0 {
            continuation = nil
            parseTopLevel(trimmed, line: number)
            return
        }
        if let (clause, clauseIndent) = continuation, indent > clauseIndent {
            appendPattern(trimmed, to: clause, at: location(number, column))
            return
        }
        guard rule != nil else {
            error("indented line outside a rule; rules start with `rule NAME LABEL` at the line start", number, column)
            return
        }
        continuation = nil
        parseClause(trimmed, line: number, column: column, indent: indent)
    }

    // MARK: Top-level declarations

    mutating func parseTopLevel(_ text: String, line: Int) {
        finishRule()
        var scanner = WordScanner(text, column: 1)
        guard let keyword = scanner.word() else { return }
        switch keyword.text {
        case "macro":
            guard let name = expectName(&scanner, line: line, what: "macro") else { return }
            guard scanner.consume("=") else {
                error("expected `=` after the macro name", line, scanner.column)
                return
            }
            let rest = scanner.rest()
            var pattern = PatternSource()
            pattern.append(rest.text, at: location(line, rest.column))
            if rest.text.isEmpty { error("the macro `\(name)` has an empty pattern", line, rest.column) }
            file.macros.append(MacroDeclaration(name: name, pattern: pattern, location: location(line, keyword.column)))
        case "lexicon":
            guard let name = expectName(&scanner, line: line, what: "lexicon") else { return }
            if scanner.consume("from") {
                let pathColumn = scanner.nextColumn()
                guard let path = scanner.quoted(), !path.isEmpty else {
                    error("expected a quoted file path after `from`", line, pathColumn)
                    return
                }
                file.lexicons.append(LexiconDeclaration(
                    name: name, source: .file(path, location(line, pathColumn)), location: location(line, keyword.column)))
            } else if scanner.consume("=") {
                let rest = scanner.rest()
                let entries = rest.text.split(separator: "|").map { $0.trimmingSpace() }.filter { !$0.isEmpty }
                if entries.isEmpty { error("the lexicon `\(name)` has no entries", line, rest.column) }
                file.lexicons.append(LexiconDeclaration(
                    name: name, source: .inline(entries), location: location(line, keyword.column)))
            } else {
                error("expected `from \"file.tsv\"` or `= entry | entry` after the lexicon name", line, scanner.column)
            }
        case "rule", "block":
            guard let name = expectName(&scanner, line: line, what: keyword.text) else { return }
            var labels: [String] = []
            while let word = scanner.word() {
                for part in word.text.split(separator: ",") where !part.isEmpty {
                    guard part.allSatisfy({ $0.isUppercase || $0 == "_" || $0.isNumber }) else {
                        error("a label is written in capitals, e.g. DATE; found `\(part)`", line, word.column)
                        continue
                    }
                    labels.append(String(part))
                }
            }
            let isBlocker = keyword.text == "block"
            if !isBlocker && labels.count != 1 && !diagnostics.contains(where: { $0.location?.line == line }) {
                error("a rule needs exactly one label: `rule \(name) LABEL`", line, scanner.column)
            }
            rule = RuleDeclaration(
                name: name, label: labels.first ?? "", isBlocker: isBlocker,
                blockedLabels: isBlocker ? labels : [], location: location(line, keyword.column))
            // A blocker blocks rules of any priority unless it is given one.
            if isBlocker { rule?.priority = RuleDeclaration.defaultBlockerPriority }
        default:
            error("unknown declaration `\(keyword.text)`; expected macro, lexicon, rule or block", line, keyword.column)
        }
    }

    mutating func expectName(_ scanner: inout WordScanner, line: Int, what: String) -> String? {
        let column = scanner.column
        guard let word = scanner.word(until: "=") else {
            error("expected a name after `\(what)`", line, column)
            return nil
        }
        guard word.text.isIdentifier else {
            error("`\(word.text)` is not a valid name: use ASCII letters, digits, `_` and `.`", line, word.column)
            return nil
        }
        return word.text
    }

    mutating func finishRule() {
        guard let finished = rule else { return }
        rule = nil
        if finished.pattern == nil {
            error("the \(finished.isBlocker ? "blocker" : "rule") `\(finished.name)` has no `pattern`",
                  finished.location.line, finished.location.column)
        }
        file.rules.append(finished)
    }

    // MARK: Clauses

    mutating func parseClause(_ text: String, line: Int, column: Int, indent: Int) {
        var scanner = WordScanner(text, column: column)
        guard let keyword = scanner.word() else { return }
        switch keyword.text {
        case "pattern", "left", "right":
            let clause: PatternClause = keyword.text == "pattern" ? .pattern : keyword.text == "left" ? .left : .right
            let rest = scanner.rest()
            if rest.text.isEmpty { error("`\(keyword.text)` needs a pattern", line, rest.column) }
            appendPattern(rest.text, to: clause, at: location(line, rest.column))
            continuation = (clause, indent)
        case "priority":
            let valueColumn = scanner.nextColumn()
            guard let word = scanner.word(), let value = Int(word.text) else {
                error("`priority` takes a whole number", line, valueColumn)
                return
            }
            rule?.priority = value
        case "attr":
            parseAttribute(&scanner, line: line, keywordColumn: keyword.column)
        case "normalize", "normalise":
            let nameColumn = scanner.nextColumn()
            guard let word = scanner.word(), word.text.isIdentifier else {
                error("`normalize` takes a normaliser name, e.g. `normalize date`", line, nameColumn)
                return
            }
            let at = location(line, word.column)
            rule?.normalizers.append((word.text, at))
        case "option", "options":
            while let word = scanner.word() {
                var name = word.text
                let enable = !name.hasPrefix("no-")
                if !enable { name.removeFirst(3) }
                guard let path = RuleOptions.keyPath(for: name) else {
                    let known = RuleOptions.words.map { "`\($0)`/`no-\($0)`" }.joined(separator: ", ")
                    error("unknown option `\(word.text)`; options are \(known)", line, word.column)
                    continue
                }
                rule?.options[keyPath: path] = enable
            }
        case "example", "counter":
            parseExample(&scanner, positive: keyword.text == "example", line: line, keywordColumn: keyword.column)
        default:
            error("unknown clause `\(keyword.text)`; expected pattern, left, right, priority, attr, normalize, option, example or counter",
                  line, keyword.column)
        }
    }

    mutating func appendPattern(_ text: String, to clause: PatternClause, at location: SourceLocation) {
        guard rule != nil else { return }
        switch clause {
        case .pattern: rule!.pattern.appendOrCreate(text, at: location)
        case .left: rule!.leftContext.appendOrCreate(text, at: location)
        case .right: rule!.rightContext.appendOrCreate(text, at: location)
        }
    }

    mutating func parseAttribute(_ scanner: inout WordScanner, line: Int, keywordColumn: Int) {
        let keyColumn = scanner.nextColumn()
        guard let key = scanner.word(until: "="), key.text.isIdentifier else {
            error("`attr` takes `KEY = VALUE`", line, keyColumn)
            return
        }
        guard scanner.consume("=") else {
            error("expected `=` after the attribute key", line, scanner.column)
            return
        }
        let valueColumn = scanner.nextColumn()
        let value: AttributeDeclaration.Value
        if scanner.peek == "\"" {
            guard let quoted = scanner.quoted() else {
                error("unterminated string", line, valueColumn)
                return
            }
            value = .constant(quoted)
        } else if let word = scanner.word() {
            if word.text.hasPrefix("$") {
                let reference = word.text.dropFirst().split(separator: ".", maxSplits: 1).map(String.init)
                guard let group = reference.first, group.isGroupName else {
                    error("`$` is followed by a group name (ASCII letters and digits)", line, word.column)
                    return
                }
                value = reference.count == 2 ? .lexiconAttribute(group: group, key: reference[1]) : .group(group)
            } else {
                value = .constant(word.text)
            }
        } else {
            error("`attr \(key.text) =` needs a value", line, valueColumn)
            return
        }
        if !scanner.atEnd { error("unexpected text after the attribute value", line, scanner.column) }
        let declaration = AttributeDeclaration(key: key.text, value: value, location: location(line, keywordColumn))
        rule?.attributes.append(declaration)
    }

    mutating func parseExample(_ scanner: inout WordScanner, positive: Bool, line: Int, keywordColumn: Int) {
        let textColumn = scanner.nextColumn()
        guard let text = scanner.quoted() else {
            error("`\(positive ? "example" : "counter")` takes a quoted text", line, textColumn)
            return
        }
        var expectation: RuleExample.Expectation?
        if positive {
            var span = text
            if scanner.consume("->") {
                let spanColumn = scanner.nextColumn()
                guard let quoted = scanner.quoted() else {
                    error("expected the quoted span text after `->`", line, spanColumn)
                    return
                }
                span = quoted
            }
            var attributes: [String: String] = [:]
            while !scanner.atEnd {
                let pairColumn = scanner.nextColumn()
                guard let key = scanner.word(until: "="), scanner.consume("=") else {
                    error("expected `key=value` attributes after the example", line, pairColumn)
                    return
                }
                let value = scanner.peek == "\"" ? scanner.quoted() : scanner.word()?.text
                guard let value else {
                    error("the attribute `\(key.text)` needs a value", line, scanner.column)
                    return
                }
                attributes[key.text] = value
            }
            expectation = .init(span: span, attributes: attributes)
        } else if !scanner.atEnd {
            error("a counter-example takes only its text", line, scanner.column)
        }
        let example = RuleExample(text: text, expected: expectation, location: location(line, keywordColumn))
        rule?.examples.append(example)
    }
}

extension Optional where Wrapped == PatternSource {
    fileprivate mutating func appendOrCreate(_ text: String, at location: SourceLocation) {
        var source = self ?? PatternSource()
        source.append(text, at: location)
        self = source
    }
}

/// Splits one line into words, quoted strings and symbols, tracking columns.
struct WordScanner {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private let firstColumn: Int

    init(_ text: String, column: Int) {
        scalars = Array(text.unicodeScalars)
        firstColumn = column
    }

    /// The column of the next unread character.
    var column: Int { firstColumn + index }

    /// The column of the next word, after any spaces.
    mutating func nextColumn() -> Int {
        skipSpace()
        return column
    }
    var atEnd: Bool {
        var copy = self
        copy.skipSpace()
        return copy.index >= copy.scalars.count
    }
    var peek: Unicode.Scalar? {
        var copy = self
        copy.skipSpace()
        return copy.index < copy.scalars.count ? copy.scalars[copy.index] : nil
    }

    mutating func skipSpace() {
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
    }

    /// The next run of non-space characters, stopping before `stop` if given.
    mutating func word(until stop: Unicode.Scalar? = nil) -> (text: String, column: Int)? {
        skipSpace()
        let start = index
        while index < scalars.count, scalars[index] != " ", scalars[index] != "\t", scalars[index] != stop { index += 1 }
        guard index > start else { return nil }
        return (String(String.UnicodeScalarView(scalars[start..<index])), firstColumn + start)
    }

    /// Consumes `symbol` if it comes next.
    mutating func consume(_ symbol: String) -> Bool {
        skipSpace()
        let symbolScalars = Array(symbol.unicodeScalars)
        guard index + symbolScalars.count <= scalars.count,
              Array(scalars[index..<index + symbolScalars.count]) == symbolScalars else { return false }
        let after = index + symbolScalars.count
        if symbol.first!.isLetter, after < scalars.count, scalars[after] != " ", scalars[after] != "\t" { return false }
        index = after
        return true
    }

    /// A `"…"` string with `\"` and `\\` escapes; nil (and nothing consumed) if none.
    mutating func quoted() -> String? {
        skipSpace()
        guard index < scalars.count, scalars[index] == "\"" else { return nil }
        var cursor = index + 1
        var out = String.UnicodeScalarView()
        while cursor < scalars.count {
            let scalar = scalars[cursor]
            if scalar == "\\", cursor + 1 < scalars.count {
                out.append(scalars[cursor + 1])
                cursor += 2
                continue
            }
            if scalar == "\"" {
                index = cursor + 1
                return String(out)
            }
            out.append(scalar)
            cursor += 1
        }
        return nil
    }

    /// Everything left on the line, trimmed.
    mutating func rest() -> (text: String, column: Int) {
        skipSpace()
        let start = index
        index = scalars.count
        return (String(String.UnicodeScalarView(scalars[start...])).trimmingTrailingSpace(), firstColumn + start)
    }
}

extension StringProtocol {
    func trimmingTrailingSpace() -> String {
        var scalars = Array(unicodeScalars)
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    func trimmingSpace() -> String {
        String(String.UnicodeScalarView(unicodeScalars.drop { $0 == " " || $0 == "\t" })).trimmingTrailingSpace()
    }

    /// ASCII letters, digits, `_`, `-` and `.`, starting with a letter or `_`.
    var isIdentifier: Bool {
        guard let first = unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
        return unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "." || $0 == "-" }
    }

    /// ICU group names: ASCII letters and digits, starting with a letter.
    var isGroupName: Bool {
        guard let first = unicodeScalars.first, first.isASCIILetter else { return false }
        return unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
