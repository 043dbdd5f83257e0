/// The entity escaping inline markup and HTML share.
enum MarkupEscaping {
    /// Text with `&`, `<`, `>` and `"` replaced by their entities, and `'` too when asked
    /// (HTML attributes may be single-quoted; inline markup's never are).
    static func escaped<S: Sequence>(_ scalars: S, apostrophe: Bool) -> String where S.Element == Unicode.Scalar {
        var out = String.UnicodeScalarView()
        for scalar in scalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'" where apostrophe: out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
