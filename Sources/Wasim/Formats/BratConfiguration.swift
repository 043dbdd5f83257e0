/// The configuration files that let brat open a written directory as it is:
/// `annotation.conf` (the entity types) and `visual.conf` (their colours, the same as the
/// HTML pages').
///
/// The labels listed are those of the guidelines, in their order, then any other label of
/// the documents, sorted, so that a brat user can add every label of the guidelines.
public enum BratConfiguration {
    /// The labels a directory's configuration lists for the labels its documents use.
    public static func labels<S: Sequence>(using labels: S) -> [String] where S.Element == String {
        LabelPalette.ordered(LabelPalette.guidelineColors.map(\.label) + Array(labels))
    }

    /// `annotation.conf`: the labels as entities; no relations, events or attributes (span
    /// attributes live in AnnotatorNotes, which brat shows without configuration).
    public static func annotationConf(labels: [String]) -> String {
        "[entities]\n" + labels.map { $0 + "\n" }.joined() + "\n[relations]\n\n[events]\n\n[attributes]\n"
    }

    /// `visual.conf`: each label's display name and background colour.
    public static func visualConf(labels: [String]) -> String {
        var out = "[labels]\n"
        out += labels.map { "\($0) | \($0)\n" }.joined()
        out += "\n[drawing]\n"
        out += labels.map { "\($0)\tbgColor:\(LabelPalette.color(for: $0))\n" }.joined()
        return out
    }
}
