import Foundation

/// Annotates a stream of documents on several threads and hands the results back in input
/// order, as soon as each is ready: a reader thread pulls documents from the source, one
/// worker per annotator (each with its own cloned matchers) annotates them, and the calling
/// thread receives them in order.
///
/// At most ``capacity`` documents are in flight at once, so memory does not grow with the
/// corpus, and a document read from a pipe is written before the next one arrives.
public final class AnnotationPipeline: @unchecked Sendable {
    /// One result, in input order.
    public enum Output: Sendable {
        /// An annotated document, and its text in the output format when the pipeline was
        /// given a `render` function (run on the worker, so writing stays light).
        case annotated(AnnotatedDocument, rendered: String?)
        /// A document that could not be read (its diagnostic names the file and line).
        case problem(Diagnostic)
    }

    private let annotators: [Annotator]
    private let render: (@Sendable (AnnotatedDocument) -> String?)?
    /// The most documents read but not yet handed back.
    public let capacity: Int

    private let condition = NSCondition()
    private var pending: [(sequence: Int, item: DocumentSource.Item)] = []
    private var finished: [Int: Output] = [:]
    private var readCount = 0
    private var readingDone = false
    private var inFlight = 0

    /// Creates a pipeline with one worker per annotator.
    /// - Parameters:
    ///   - annotators: one per worker thread; they must not share matchers (use
    ///     ``RulePack/cloned()`` for each after the first).
    ///   - capacity: the most documents in flight (default: 8 per worker).
    ///   - render: turns each annotated document into its output text on the worker thread.
    public init(annotators: [Annotator], capacity: Int? = nil, render: (@Sendable (AnnotatedDocument) -> String?)? = nil) {
        precondition(!annotators.isEmpty, "a pipeline needs at least one annotator")
        self.annotators = annotators
        self.render = render
        self.capacity = max(capacity ?? annotators.count * 8, annotators.count)
    }

    /// `jobs` annotators over one pack: the pack itself, then clones.
    public static func annotators(for pack: RulePack, referenceDate: CalendarDate?, jobs: Int) throws(ICUError) -> [Annotator] {
        var annotators = [Annotator(pack: pack, referenceDate: referenceDate)]
        for _ in 1..<max(jobs, 1) { annotators.append(Annotator(pack: try pack.cloned(), referenceDate: referenceDate)) }
        return annotators
    }

    /// Runs the source through the pipeline; `consume` is called on the calling thread with
    /// each result in input order. Returns when every document has been consumed.
    public func run(_ source: DocumentSource, consume: (Output) -> Void) {
        let reader = Thread { [self] in
            source.forEach { item in
                condition.lock()
                while inFlight >= capacity { condition.wait() }
                pending.append((readCount, item))
                readCount += 1
                inFlight += 1
                condition.broadcast()
                condition.unlock()
            }
            condition.lock()
            readingDone = true
            condition.broadcast()
            condition.unlock()
        }
        reader.stackSize = 8 << 20
        reader.start()
        for annotator in annotators {
            let worker = Thread { [self] in work(with: annotator) }
            worker.stackSize = 8 << 20
            worker.start()
        }
        var next = 0
        while true {
            condition.lock()
            while finished[next] == nil, !(readingDone && next == readCount) { condition.wait() }
            guard let output = finished.removeValue(forKey: next) else {
                condition.unlock()
                return  // everything read has been consumed; the workers see readingDone and stop
            }
            inFlight -= 1
            condition.broadcast()
            condition.unlock()
            consume(output)
            next += 1
        }
    }

    private func work(with annotator: Annotator) {
        while true {
            condition.lock()
            while pending.isEmpty, !readingDone { condition.wait() }
            guard !pending.isEmpty else {
                condition.unlock()
                return
            }
            let (sequence, item) = pending.removeFirst()
            condition.unlock()
            let output: Output
            switch item {
            case .success(let input):
                let annotated = annotator.annotate(input.document)
                output = .annotated(annotated, rendered: render?(annotated))
            case .failure(let diagnostic):
                output = .problem(diagnostic)
            }
            condition.lock()
            finished[sequence] = output
            condition.broadcast()
            condition.unlock()
        }
    }
}
