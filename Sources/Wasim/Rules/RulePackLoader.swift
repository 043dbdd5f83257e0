import Foundation

/// Finds, reads and compiles a rule pack: every `*.wasim` file under a directory (in path
/// order) and the lexicon files they name.
public struct RulePackLoader {
    /// The compiler to use.
    public var compiler: RuleCompiler

    /// Creates a loader with the standard compiler.
    public init(compiler: RuleCompiler = RuleCompiler()) {
        self.compiler = compiler
    }

    /// Loads the rule files under a directory, or one rule file.
    /// - Returns: the pack; problems are in its ``RulePack/diagnostics``.
    public func load(from path: String) -> RulePack {
        var diagnostics: [Diagnostic] = []
        let files = Self.ruleFiles(at: path)
        if files.isEmpty {
            diagnostics.append(.error("no rule files (*.wasim) found at \(path)"))
        }
        var sources: [(path: String, text: String)] = []
        for file in files {
            switch readUTF8(file) {
            case .success(let text): sources.append((file, text))
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return load(sources: sources, diagnostics: diagnostics)
    }

    /// Compiles rule files given as text (lexicon paths are relative to each file's path).
    public func load(sources: [(path: String, text: String)], diagnostics initial: [Diagnostic] = []) -> RulePack {
        var diagnostics = initial
        let parser = RuleParser()
        var files: [RuleFile] = []
        for source in sources {
            let (file, found) = parser.parse(source.text, path: source.path)
            files.append(file)
            diagnostics += found
        }
        var lexicons: [String: Lexicon] = [:]
        var lexiconNames = DeclarationRegistry(kind: "lexicon")
        for file in files {
            for declaration in file.lexicons {
                if let duplicate = lexiconNames.claim(declaration.name, at: declaration.location) {
                    diagnostics.append(duplicate)
                    continue
                }
                switch declaration.source {
                case .inline(let entries):
                    lexicons[declaration.name] = Lexicon(
                        name: declaration.name, entries: entries.map { .init(text: $0, attributes: [:]) })
                case .file(let relative, let location):
                    let directory = (file.path as NSString).deletingLastPathComponent
                    let path = relative.hasPrefix("/") ? relative : (directory as NSString).appendingPathComponent(relative)
                    switch readUTF8(path) {
                    case .success(let text):
                        let (entries, problems) = Lexicon.parseEntries(text, path: path)
                        diagnostics += problems
                        if entries.isEmpty {
                            diagnostics.append(.warning("the lexicon `\(declaration.name)` has no entries", at: location))
                        }
                        lexicons[declaration.name] = Lexicon(name: declaration.name, entries: entries)
                    case .failure:
                        diagnostics.append(.error("missing lexicon file \(path)", at: location))
                    }
                }
            }
        }
        return compiler.compile(files: files, lexicons: lexicons, diagnostics: diagnostics)
    }

    /// The `*.wasim` files at a path: the file itself, or every one below a directory, sorted.
    public static func ruleFiles(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        let enumerator = FileManager.default.enumerator(atPath: path)
        var files: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".wasim") { files.append((path as NSString).appendingPathComponent(relative)) }
        }
        return files.sorted()
    }

    private func readUTF8(_ path: String) -> Result<String, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.error("cannot read \(path)"))
        }
        return TextDecoding.decodeUTF8(data, source: path).mapError { $0 }
    }
}
