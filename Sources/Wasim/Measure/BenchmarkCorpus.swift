import Foundation

/// A benchmark corpus of any size built from a few source texts: their paragraphs are
/// shuffled (with a fixed seed) and regrouped into news-sized documents, so that a large
/// corpus is not one text repeated and every run of the benchmark reads the same bytes.
public struct BenchmarkCorpus: Sendable {
    /// The paragraphs drawn from.
    public let paragraphs: [String]
    /// The seed of the shuffles.
    public var seed: UInt64

    /// Collects the non-empty paragraphs (lines) of the source texts.
    public init(texts: [String], seed: UInt64 = 2026) {
        paragraphs = texts.flatMap { $0.split(whereSeparator: \.isNewline).map(String.init) }
            .filter { !$0.allSatisfy(\.isWhitespace) }
        self.seed = seed
    }

    /// Writes JSONL documents (`{"id","text"}`) of 3 to 8 paragraphs until at least `bytes`
    /// bytes of text are written; returns the number of documents and of text bytes.
    @discardableResult
    public func write(bytes: Int, to handle: FileHandle) -> (documents: Int, bytes: Int) {
        guard !paragraphs.isEmpty else { return (0, 0) }
        var generator = SplitMix64(seed: seed)
        var order = paragraphs.indices.shuffled(using: &generator)
        var cursor = 0
        var written = 0
        var documents = 0
        var buffer = Data()
        while written < bytes {
            let count = 3 + Int(generator.next() % 6)
            var parts: [String] = []
            for _ in 0..<count {
                if cursor == order.count {
                    order.shuffle(using: &generator)
                    cursor = 0
                }
                parts.append(paragraphs[order[cursor]])
                cursor += 1
            }
            let text = parts.joined(separator: "\n")
            documents += 1
            written += text.utf8.count
            buffer.append(contentsOf: "{\"id\":\"bench-\(documents)\",\"text\":\(JSONText.string(text))}\n".utf8)
            if buffer.count > 1 << 20 {
                handle.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(buffer)
        return (documents, written)
    }
}
