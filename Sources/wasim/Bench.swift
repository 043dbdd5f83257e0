import ArgumentParser
import Foundation
import Wasim

#if canImport(Glibc)
import Glibc
#endif

/// `wasim bench`: measures annotation speed and memory on a generated corpus.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure annotation speed (MB/s, documents/s) and peak memory on a generated corpus.",
        discussion: """
            Builds a JSONL corpus of --size MB from the paragraphs of the source texts (default: \
            the seeds and the dev gold), shuffled with a fixed seed, then runs `wasim annotate` on \
            it as a separate process with one annotating thread and with --jobs threads, and reports \
            MB/s of wall time, documents/s, CPU seconds (all threads: reading, annotating, writing) \
            with the MB per CPU-second they give, and peak resident memory. A second run on a tenth of the corpus shows \
            whether memory grows with the input (it should not: annotate streams). The time to \
            load and compile the rule pack is measured in-process.

            With --profile, prints instead where the time goes: each rule run alone over --size MB, \
            and the preparation all rules share.

            Examples:
              wasim bench                         (50 MB, 1 thread and all cores)
              wasim bench --size 10 --keep corpus.jsonl    (keep the corpus for other tools)
              wasim bench --profile --size 2      (the slowest rules first)
            """
    )

    @OptionGroup var rules: RulesOptions

    @Option(name: .long, help: "Corpus size in MB of text.")
    var size: Double = 50

    @Option(name: [.short, .long], help: "Threads for the parallel run (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Time each rule over the corpus instead of benchmarking the whole run.")
    var profile = false

    @Option(name: .long, help: ArgumentHelp("Keep the generated corpus at this path.", valueName: "file"))
    var keep: String?

    @Argument(help: "Source texts for the corpus (default: seeds/ and Gold/dev of this checkout).")
    var sources: [String] = []

    func validate() throws {
        if size <= 0 { throw ValidationError("--size must be positive") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let inputs = sources.isEmpty ? ["seeds", "Gold/dev"].map { RulesOptions.checkoutPath($0) } : sources
        var texts: [String] = []
        DocumentSource(inputs: inputs).forEach { item in
            if case .success(let input) = item { texts.append(input.document.text) }
        }
        let corpus = BenchmarkCorpus(texts: texts)
        guard !corpus.paragraphs.isEmpty else { throw ValidationError("no text found in \(inputs.joined(separator: ", "))") }
        if profile { return try runProfile(corpus) }

        let clock = ContinuousClock()
        // The first load also builds the per-process character tables; later ones do not.
        var loaded = RulePack(rules: [], lexicons: [:], diagnostics: [])
        let loads = (0..<3).map { _ in clock.measure { loaded = RulePackLoader().load(from: rules.rulesPath) } }
        let scratch = NSTemporaryDirectory() + "wasim-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let full = keep ?? scratch + "/corpus.jsonl"
        let tenth = scratch + "/tenth.jsonl"
        let (documents, bytes) = try write(corpus, bytes: Int(size * 1e6), to: full)
        try write(corpus, bytes: Int(size * 1e5), to: tenth)

        Console.output(Machine.describe() + "\n")
        Console.output(String(format: "corpus: %.1f MB of text, %d documents (%@)\n",
                              Double(bytes) / 1e6, documents, inputs.joined(separator: ", ")))
        Console.output(String(format: "rule pack: %d rules, loaded and compiled in %.0f ms (%.0f ms the first time in a process)\n\n",
                              loaded.rules.count, loads.dropFirst().min()!.milliseconds, loads[0].milliseconds))
        Console.output(EvalReportWriter.pad("threads", 8) + "  seconds     MB/s   docs/s  CPU-s  MB/CPU-s   peak RSS\n")
        var single: Double?
        for threads in Set([1, jobs]).sorted() {
            let run = try annotate(full, jobs: threads)
            let rate = Double(bytes) / 1e6 / run.seconds
            single = single ?? rate
            let speedUp = threads > 1 ? String(format: "   (%.2f× one thread)", rate / single!) : ""
            Console.output(EvalReportWriter.pad("\(threads)", 8) + String(
                format: " %8.2f %8.2f %8.0f %6.2f %9.2f %7.1f MB", run.seconds, rate, Double(documents) / run.seconds,
                run.cpuSeconds, Double(bytes) / 1e6 / run.cpuSeconds, run.peakMegabytes) + speedUp + "\n")
        }
        let small = try annotate(tenth, jobs: jobs)
        let large = try annotate(full, jobs: jobs)
        Console.output(String(format: "\nmemory with %d threads: peak RSS %.1f MB on %.1f MB, %.1f MB on %.1f MB (%+.0f%% for 10× the input)\n",
                              jobs, small.peakMegabytes, size / 10, large.peakMegabytes, size,
                              (large.peakMegabytes / small.peakMegabytes - 1) * 100))
        if keep != nil { Console.output("corpus kept at \(full)\n") }
    }

    @discardableResult
    private func write(_ corpus: BenchmarkCorpus, bytes: Int, to path: String) throws -> (Int, Int) {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw ValidationError("cannot write \(path)")
        }
        defer { try? handle.close() }
        return corpus.write(bytes: bytes, to: handle)
    }

    /// Runs `wasim annotate` on a corpus in a child process, output discarded.
    private func annotate(_ corpus: String, jobs: Int) throws -> ChildRun {
        let arguments = ["annotate", "--rules", rules.rulesPath, "--jobs", "\(jobs)", "--stats", corpus]
        return try ChildRun.run(executable: Machine.executablePath, arguments: arguments)
    }

    private func runProfile(_ corpus: BenchmarkCorpus) throws {
        let (pack, _) = rules.loadPack()
        let scratch = NSTemporaryDirectory() + "wasim-profile-\(getpid()).jsonl"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let (_, bytes) = try write(corpus, bytes: Int(size * 1e6), to: scratch)
        var documents: [Document] = []
        DocumentSource(inputs: [scratch]).forEach { item in
            if case .success(let input) = item { documents.append(input.document) }
        }
        let entries = RuleProfiler(annotator: Annotator(pack: pack)).profile(documents)
        let total = entries.reduce(0) { $0 + $1.seconds }
        Console.output(String(format: "%.2f MB, %.2f s over all rules, %.2f MB/s on one thread\n",
                              Double(bytes) / 1e6, total, Double(bytes) / 1e6 / total))
        Console.output("  seconds  share candidates    starts  rule\n")
        for entry in entries {
            let starts = entry.starts.map(String.init) ?? (entry.isLexiconWalk ? "walk" : "full scan")
            Console.output(String(format: "%9.3f %5.1f%% %10d ", entry.seconds, entry.seconds / total * 100, entry.candidates)
                           + EvalReportWriter.pad(starts, 9, right: true) + "  " + entry.rule + "\n")
        }
    }
}

/// A child process's wall time and peak resident memory.
struct ChildRun {
    var seconds: Double
    /// User plus system CPU time of all its threads.
    var cpuSeconds: Double
    var peakMegabytes: Double

    /// Runs a program with standard output discarded; fails with its standard error when it
    /// exits with a non-zero status.
    static func run(executable: String, arguments: [String]) throws -> ChildRun {
        let errorPath = NSTemporaryDirectory() + "wasim-bench-\(getpid())-stderr.txt"
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = ContinuousClock.now
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
            throw ValidationError("cannot run \(executable)")
        }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let seconds = (ContinuousClock.now - started).milliseconds / 1000
        let exitedNormally = (status & 0x7f) == 0 && ((status >> 8) & 0xff) == 0
        guard exitedNormally else {
            let message = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            throw ValidationError("`\(([executable] + arguments).joined(separator: " "))` failed:\n\(message)")
        }
        func cpu(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        // The child's own peak (`--stats`): wait4's ru_maxrss also counts the parent's memory,
        // which a spawned child shares until it runs its program.
        let report = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        let peak = report.split(separator: "\n").last { $0.hasPrefix("stats:") }
            .flatMap { $0.components(separatedBy: "peak RSS ").last?.split(separator: " ").first }.flatMap { Double($0) }
        return ChildRun(seconds: seconds, cpuSeconds: cpu(usage.ru_utime) + cpu(usage.ru_stime),
                        peakMegabytes: peak ?? Double(usage.ru_maxrss) / 1024)
    }
}

/// What the figures were measured on.
enum Machine {
    /// This program's own path, to run it as a child.
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Date, system, cores and CPU model in one line.
    static func describe() -> String {
        var system = utsname()
        uname(&system)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        let cpu = ((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "")
            .split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let date = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        return "\(date), \(field(system.sysname)) \(field(system.machine)), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu)"
    }
}

extension Duration {
    /// The duration in milliseconds.
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
