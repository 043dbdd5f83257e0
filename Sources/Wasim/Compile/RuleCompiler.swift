/// Compiles parsed rule files into a ``RulePack``: resolves macros and lexicons, translates
/// patterns to ICU, opens them, and reports every problem as a diagnostic with a location.
public struct RuleCompiler {
    /// The normalisers rules may name, by name.
    public var normalizers: [String: any Normalizer]
    /// ICU's time limit for one match (ICU units, about a millisecond each).
    public var timeLimit: Int32 = 2_000
    /// ICU's backtracking stack limit in bytes.
    public var stackLimit: Int32 = 8 << 20

    /// Creates a compiler with the standard normalisers.
    public init(normalizers: [String: any Normalizer] = StandardNormalizers.all) {
        self.normalizers = normalizers
    }

    /// Compiles rule files with the lexicons they load.
    /// - Parameters:
    ///   - files: parsed rule files, in pack order.
    ///   - lexicons: lexicons by name (already loaded from their files or inline entries).
    ///   - diagnostics: problems found so far (parse errors, missing files); more are added.
    public func compile(files: [RuleFile], lexicons: [String: Lexicon], diagnostics: [Diagnostic] = []) -> RulePack {
        var diagnostics = diagnostics
        var symbols = SymbolTable()
        symbols.lexicons = lexicons
        var macroNames = DeclarationRegistry(kind: "macro")
        for file in files {
            for macro in file.macros {
                if let duplicate = macroNames.claim(macro.name, at: macro.location) {
                    diagnostics.append(duplicate)
                } else {
                    symbols.macros[macro.name] = macro
                }
            }
        }
        // A macro nothing references is still checked, so its errors show.
        let cache = LexiconPatternCache()
        for macro in symbols.macros.values.sorted(by: { $0.location < $1.location }) {
            var translator = PatternTranslator(symbols: symbols, options: RuleOptions(), cache: cache)
            let builder = translator.translate(macro.pattern, atSpanStart: false)
            diagnostics += translator.diagnostics
            if translator.diagnostics.isEmpty, case .failure(let error) = openRegex(builder.pattern) {
                diagnostics.append(.error("invalid pattern in macro `\(macro.name)`: \(error.error.name)",
                                          at: builder.origin(at: max(0, error.offset - 1)) ?? macro.location))
            }
        }

        var rules: [CompiledRule] = []
        var ruleNames = DeclarationRegistry(kind: "rule name")
        for file in files {
            for declaration in file.rules {
                if let duplicate = ruleNames.claim(declaration.name, at: declaration.location) {
                    diagnostics.append(duplicate)
                    continue
                }
                if let rule = compile(declaration, order: rules.count, symbols: symbols, cache: cache, diagnostics: &diagnostics) {
                    rules.append(rule)
                }
            }
        }
        return RulePack(rules: rules, lexicons: lexicons, diagnostics: unique(diagnostics))
    }

    private func compile(
        _ declaration: RuleDeclaration, order: Int, symbols: SymbolTable, cache: LexiconPatternCache,
        diagnostics: inout [Diagnostic]
    ) -> CompiledRule? {
        guard let patternSource = declaration.pattern else { return nil }
        let options = declaration.options
        var translator = PatternTranslator(symbols: symbols, options: options, cache: cache)
        var builder = PatternBuilder()
        let here = declaration.location
        let hasContext = declaration.leftContext != nil || declaration.rightContext != nil
        let wordStart = options.proclitics ? ArabicScript.wordStartWithProclitics(markFree: options.optionalDiacritics)
                                           : ArabicScript.wordStart
        if options.wordBoundaries { builder.emit(wordStart, from: here) }
        if let left = declaration.leftContext {
            builder.emit("(?:", from: here)
            builder.append(translator.translate(left, atSpanStart: false))
            builder.emit(")", from: here)
            if options.proclitics { builder.emit(ArabicScript.proclitics(markFree: options.optionalDiacritics), from: here) }
        }
        builder.emit(hasContext ? "(?<\(CompiledRule.spanGroupName)>" : "(?:", from: here)
        builder.append(translator.translate(patternSource, atSpanStart: true))
        builder.emit(")", from: here)
        if options.wordBoundaries { builder.emit(ArabicScript.wordEnd, from: here) }
        if let right = declaration.rightContext {
            builder.emit("(?=", from: here)
            builder.append(translator.translate(right, atSpanStart: false))
            builder.emit(")", from: here)
        }
        diagnostics += translator.diagnostics

        var ruleNormalizers: [any Normalizer] = []
        for (name, location) in declaration.normalizers {
            if let normalizer = normalizers[name] {
                ruleNormalizers.append(normalizer)
            } else {
                let known = normalizers.keys.sorted().joined(separator: ", ")
                diagnostics.append(.error("unknown normaliser `\(name)`; known: \(known)", at: location))
            }
        }
        for attribute in declaration.attributes {
            let group: String? = switch attribute.value {
            case .constant: nil
            case .group(let name), .lexiconAttribute(let name, _): name
            }
            if let group, !translator.groupNames.contains(group) {
                diagnostics.append(.error("`$\(group)` names no group of the pattern", at: attribute.location))
            }
        }
        guard translator.diagnostics.isEmpty else { return nil }

        let regex: ICURegex
        switch openRegex(builder.pattern, options: options.ignoreCase ? .caseInsensitive : []) {
        case .success(let opened):
            regex = opened
        case .failure(let error):
            diagnostics.append(.error(
                "invalid pattern in rule `\(declaration.name)`: ICU says \(error.error.name)",
                at: builder.origin(at: max(0, error.offset - 1)) ?? here))
            return nil
        }
        setLimits(regex, rule: declaration.name, at: here, diagnostics: &diagnostics)
        let groups = translator.groupNames.compactMap { name in regex.groupNumber(named: name).map { (name, $0) } }
        let matcher = LexiconMatcher.eligibleLexicon(of: declaration).flatMap { symbols.lexicons[$0.lexicon] }
            .map { cache.matcher(for: $0) }
        // The filter walks the mark-free text, which rules that match marks do not see.
        let startEntry = !options.optionalDiacritics ? nil : PatternPrefixes(pattern: builder.pattern).map {
            StartFilter.Entry(prefixes: options.ignoreCase ? $0.caseless : $0, anchor: options.wordBoundaries ? .wordStart : .anywhere)
        }
        // The filter's starts satisfy the proclitic lookbehind, so ICU need not test it again.
        var startRegex: ICURegex?
        if let startEntry, !startEntry.prefixes.acceptsAnyStart, options.wordBoundaries, options.proclitics,
           builder.pattern.hasPrefix(wordStart),
           case .success(let opened) = openRegex(String(builder.pattern.unicodeScalars.dropFirst(wordStart.unicodeScalars.count)),
                                                 options: options.ignoreCase ? .caseInsensitive : []) {
            setLimits(opened, rule: declaration.name, at: here, diagnostics: &diagnostics)
            startRegex = opened
        }
        return CompiledRule(
            name: declaration.name, label: declaration.label, priority: declaration.priority,
            isBlocker: declaration.isBlocker, blockedLabels: declaration.blockedLabels, order: order,
            location: declaration.location, options: options, pattern: builder.pattern, regex: regex,
            spanGroup: hasContext ? (regex.groupNumber(named: CompiledRule.spanGroupName) ?? 0) : 0,
            groups: groups, lexicons: translator.lexiconNames.compactMap { symbols.lexicons[$0] },
            attributes: declaration.attributes, normalizers: ruleNormalizers, examples: declaration.examples,
            lexiconMatcher: matcher, startEntry: startEntry, startRegex: startRegex,
            matchesMarkFreeText: options.optionalDiacritics)
    }

    private func setLimits(_ regex: ICURegex, rule: String, at location: SourceLocation, diagnostics: inout [Diagnostic]) {
        do {
            try regex.setTimeLimit(timeLimit)
            try regex.setStackLimit(stackLimit)
        } catch {
            diagnostics.append(.error("cannot set ICU limits for `\(rule)`: \(error.name)", at: location))
        }
    }

    private func openRegex(_ pattern: String, options: ICURegexOptions = []) -> Result<ICURegex, ICUPatternError> {
        Result { () throws(ICUPatternError) in try ICURegex(pattern, options: options) }
    }

    /// Macro errors would otherwise be reported once per rule that uses the macro.
    private func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}

/// A compiled rule pack: the rules in pack order, their lexicons, and what compiling found.
public struct RulePack: Sendable {
    /// Rules and blockers in pack order.
    public var rules: [CompiledRule] {
        didSet { startFilter = StartFilter(entries: rules.map(\.startEntry)) }
    }
    /// Where each rule may start, found once per document for all rules.
    public private(set) var startFilter: StartFilter
    /// Lexicons by name.
    public var lexicons: [String: Lexicon]
    /// Every diagnostic of parsing, loading and compiling.
    public var diagnostics: [Diagnostic]

    /// Creates a pack.
    public init(rules: [CompiledRule], lexicons: [String: Lexicon], diagnostics: [Diagnostic]) {
        self.rules = rules
        self.lexicons = lexicons
        self.diagnostics = diagnostics
        self.startFilter = StartFilter(entries: rules.map(\.startEntry))
    }

    /// The rule with a name.
    public func rule(named name: String) -> CompiledRule? { rules.first { $0.name == name } }

    /// Only the rules of some labels (blockers of those labels stay).
    public func restricted(to labels: Set<String>) -> RulePack {
        var copy = self
        copy.rules = rules.filter { rule in
            rule.isBlocker ? (rule.blockedLabels.isEmpty || !labels.isDisjoint(with: rule.blockedLabels)) : labels.contains(rule.label)
        }
        return copy
    }

    /// A copy whose matchers can run on another thread.
    public func cloned() throws(ICUError) -> RulePack {
        var copy = self
        copy.rules = try rules.map { rule throws(ICUError) in try rule.cloned() }
        return copy
    }
}
