/// Reads inline markup (see ``InlineFormat``) scalar by scalar, counting lines and columns in
/// code points, and keeps going after an error so that one pass reports every problem.
struct InlineMarkupParser {
    /// A span as the markup gives it, before its text is taken from the document.
    struct Element: Equatable {
        var start: CodePointOffset
        var end: CodePointOffset
        var label: String
        var attributes: [String: String]
    }

    private struct OpenTag {
        var label: String
        var attributes: [String: String]
        var start: CodePointOffset
        var location: SourceLocation
    }

    private let scalars: [Unicode.Scalar]
    private let path: String
    private var index = 0
    private var line = 1
    private var column = 1
    private var text = String.UnicodeScalarView()
    private var length = 0
    private var open: [OpenTag] = []
    private var elements: [Element] = []
    private var diagnostics: [Diagnostic] = []

    /// A parser over a file's text; a leading byte-order mark is not part of it.
    init(markup: String, path: String) {
        var scalars = Array(markup.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
        self.path = path
    }

    /// The text with tags removed and entities replaced, the spans, and every problem.
    mutating func parse() -> (text: String, spans: [Element], diagnostics: [Diagnostic]) {
        while let scalar = peek() {
            switch scalar {
            case "<":
                parseTag()
            case "&":
                if let value = parseEntity() { appendText(value) }
            default:
                appendText(scalar)
                advance()
            }
        }
        for tag in open {
            error("unclosed tag `<\(tag.label)>`: no `</\(tag.label)>` before the end of the file", at: tag.location)
        }
        return (String(text), elements, diagnostics)
    }

    // MARK: Tags

    private mutating func parseTag() {
        let at = location
        advance()  // <
        if peek() == "/" {
            advance()
            let name = readName()
            skipSpaces()
            guard peek() == ">" else {
                error("unclosed tag `</\(name)`: expected `>`", at: at)
                return
            }
            advance()
            close(name, at: at)
            return
        }
        let name = readName()
        if name.isEmpty {
            error("`<` does not start a tag; write `&lt;` for a literal `<`", at: at)
            appendText("<")
            return
        }
        var attributes: [String: String] = [:]
        while true {
            let spaced = skipSpaces()
            guard let next = peek() else {
                error("unclosed tag `<\(name)`: the file ends before `>`", at: at)
                return
            }
            if next == ">" {
                advance()
                break
            }
            if next == "/", peek(1) == ">" {
                error("empty element `<\(name)/>`: a span must cover text", at: at)
                advance(2)
                return
            }
            let keyAt = location
            let key = readName()
            guard spaced, !key.isEmpty else {
                error("unexpected `\(next)` in tag `<\(name)`: expected ` key=\"value\"` or `>`", at: keyAt)
                skipPastTag()
                return
            }
            skipSpaces()
            guard peek() == "=" else {
                error("attribute `\(key)` of `<\(name)>` needs `=\"value\"`", at: keyAt)
                skipPastTag()
                return
            }
            advance()
            skipSpaces()
            guard peek() == "\"" else {
                error("the value of `\(key)` must be in double quotes", at: location)
                skipPastTag()
                return
            }
            advance()
            guard let value = readQuotedValue(key: key) else {
                error("unclosed value of `\(key)`: no closing `\"`", at: keyAt)
                return
            }
            if attributes[key] != nil { error("attribute `\(key)` is given twice", at: keyAt) }
            attributes[key] = value
        }
        if let outer = open.first {
            error("tag `<\(name)>` inside `<\(outer.label)>`: spans are flat and never nest", at: at,
                  notes: [.init("`<\(outer.label)>` opened here", at: outer.location)])
        }
        open.append(OpenTag(label: name, attributes: attributes, start: length, location: at))
    }

    private mutating func close(_ name: String, at location: SourceLocation) {
        guard let innermost = open.last else {
            error("closing tag `</\(name)>` without an opening tag", at: location)
            return
        }
        guard innermost.label == name else {
            error("closing tag `</\(name)>` does not match the open `<\(innermost.label)>`", at: location,
                  notes: [.init("`<\(innermost.label)>` opened here", at: innermost.location)])
            if let match = open.lastIndex(where: { $0.label == name }) { open.removeSubrange(match...) }
            return
        }
        open.removeLast()
        guard open.isEmpty else { return }  // a nested tag, reported when it opened
        if innermost.start == length {
            error("empty element `<\(name)></\(name)>`: a span must cover text", at: innermost.location)
            return
        }
        elements.append(Element(start: innermost.start, end: length, label: name, attributes: innermost.attributes))
    }

    private mutating func readQuotedValue(key: String) -> String? {
        var value = String.UnicodeScalarView()
        while let scalar = peek() {
            switch scalar {
            case "\"":
                advance()
                return String(value)
            case "&":
                if let resolved = parseEntity() { value.append(resolved) }
            case "<":
                error("`<` inside the value of `\(key)`; write `&lt;`", at: location)
                value.append(scalar)
                advance()
            default:
                value.append(scalar)
                advance()
            }
        }
        return nil
    }

    /// After an error inside a tag: skips to just past the next `>` on the way, or to the end.
    private mutating func skipPastTag() {
        while let scalar = peek(), scalar != ">", scalar != "<" { advance() }
        if peek() == ">" { advance() }
    }

    private mutating func readName() -> String {
        var name = String.UnicodeScalarView()
        while let scalar = peek(), InlineFormat.isNameScalar(scalar) {
            name.append(scalar)
            advance()
        }
        return String(name)
    }

    /// Skips white space; true when there was some.
    @discardableResult
    private mutating func skipSpaces() -> Bool {
        let before = index
        while let scalar = peek(), scalar.properties.isWhitespace { advance() }
        return index > before
    }

    // MARK: Entities

    /// Reads `&name;` at the cursor: its character, or nil after reporting an unknown entity or
    /// a bare `&`.
    private mutating func parseEntity() -> Unicode.Scalar? {
        let at = location
        var end = index + 1
        while end < scalars.count, end - index <= 12, scalars[end].properties.isASCIIHexDigit || scalars[end] == "#"
            || ("a"..."z").contains(scalars[end]) || ("A"..."Z").contains(scalars[end]) {
            end += 1
        }
        guard end < scalars.count, scalars[end] == ";", end > index + 1 else {
            error("a bare `&`: write `&amp;`", at: at)
            advance()
            return nil
        }
        let name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
        advance(end + 1 - index)
        if let resolved = Self.entity(name) { return resolved }
        error("unknown entity `&\(name);` (known: &lt; &gt; &amp; &quot; &apos; and &#NNN; / &#xHHH;)", at: at)
        return nil
    }

    static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0 else { return nil }
            return Unicode.Scalar(value)
        }
    }

    // MARK: Cursor

    private var location: SourceLocation { SourceLocation(file: path, line: line, column: column) }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < scalars.count {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
    }

    private mutating func appendText(_ scalar: Unicode.Scalar) {
        text.append(scalar)
        length += 1
    }

    private mutating func error(_ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(message, at: location, notes: notes))
    }
}
