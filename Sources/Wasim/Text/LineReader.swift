import Foundation

/// Reads a file or a pipe line by line as raw bytes, without holding the whole input in
/// memory, so that invalid UTF-8 can be reported per line rather than silently repaired.
public struct LineReader: Sequence, IteratorProtocol {
    private let handle: FileHandle
    private var buffer = Data()
    private var atEnd = false
    private let chunkSize: Int

    /// Reads from a file handle (e.g. `FileHandle.standardInput`).
    public init(handle: FileHandle, chunkSize: Int = 1 << 16) {
        self.handle = handle
        self.chunkSize = chunkSize
    }

    /// The next line without its `\n` (and without a `\r` before it), or nil at the end.
    public mutating func next() -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                if line.last == 0x0D { line = line.dropLast() }
                return Data(line)
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return buffer.last == 0x0D ? Data(buffer.dropLast()) : Data(buffer)
            }
            // read(2) returns what is there now, so a pipe's lines are seen as they arrive
            // (FileHandle.read(upToCount:) would wait for a whole chunk).
            var chunk = [UInt8](repeating: 0, count: chunkSize)
            let count = chunk.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, chunkSize) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                atEnd = true
            }
        }
    }
}
